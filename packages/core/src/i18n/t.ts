// `t(lang, key, params)`: a text of the core's catalogs in a language, with its `{name}` placeholders filled.
import { en, type MessageKey } from './en.js';
export type { MessageKey } from './en.js';
import { ja } from './ja.js';
import type { Translations } from '../rules/schema.js';
import type { Lang } from './lang.js';

const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, ja };

/** Values for a text's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Values for a catalog text: also texts not yet worded (a parser's error inside an input note), said in its language. */
export type TextParams = Readonly<Record<string, string | number | Text>>;

// `{name}` is a value; `{name|one|other}` is the word for that count (`{count} {count|rule|rules}`), for English plurals.
const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

/** A text of the catalogs not yet worded: its key and values (what a parser records, to be said in a language later). */
export interface Text {
  key: MessageKey;
  params?: TextParams;
}

/** A {@link Text} in `lang`. */
export function say(lang: Lang, text: Text): string {
  return t(lang, text.key, text.params);
}

/** The text `key` in `lang`, its `{name}` placeholders filled from `params` (an unknown one is left as written). */
export function t(lang: Lang, key: MessageKey, params: TextParams = {}): string {
  const worded = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? say(lang, v) : v]),
  );
  return formatMessage(CATALOGS[lang][key], worded);
}

/**
 * Fills the `{name}` placeholders of a catalog text from `params`, and picks the word of each `{name|one|other}` by
 * whether that value is 1 (an unknown name is left as written).
 */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (one === undefined || other === undefined) return String(value);
    return Number(value) === 1 ? one : other;
  });
}

/**
 * The names of the values a catalog text shows (`{name}`, not the plural choices `{name|one|other}`), sorted: every
 * language shows the same values (checked by the test that keeps the catalogs aligned).
 */
export function messagePlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].filter((m) => m[2] === undefined).map((m) => m[1] ?? ''))].sort();
}

/**
 * A text a rule or the vocabulary writes in English, in `lang`: its translation from `texts` (the rule's ja.json),
 * else undefined.
 */
export function translation(texts: Translations | undefined, lang: Lang, english: string): string | undefined {
  return lang === 'en' ? english : texts?.[lang]?.[english];
}

/** The texts of a rule or of the vocabulary in `lang`, each falling back to its English. */
export function textsIn(texts: Translations | undefined, lang: Lang): (english: string) => string {
  return (english) => translation(texts, lang, english) ?? english;
}

/** Both catalogs (for that test). */
export function catalogs(): Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> {
  return CATALOGS;
}
