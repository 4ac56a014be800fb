// `t(lang, key, params)`: a text of the core's catalogs in a language, with its `{name}` placeholders filled.
import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';
import type { Lang } from './lang.js';

const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, ja };

/** Values for a text's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The text `key` in `lang`, its `{name}` placeholders filled from `params` (an unknown one is left as written). */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(CATALOGS[lang][key], params);
}

/** Fills the `{name}` placeholders of a catalog text from `params` (an unknown one is left as written). */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The placeholder names of a catalog text, sorted (for the test that keeps the catalogs aligned). */
export function messagePlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

/** Both catalogs (for that test). */
export function catalogs(): Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> {
  return CATALOGS;
}
