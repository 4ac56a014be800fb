// A problem found in a rule, signature, vocabulary or texts file: machine-readable (the field, a catalog key and its
// values) with its English text, and shown in any language by problemText. No zod here: the CLI loads it with the
// main entry.
import type { Lang } from '../i18n/lang.js';
import { catalogs, t, type MessageKey, type Text } from '../i18n/t.js';

/** The values of a problem's text: plain strings and numbers (values from the user's file are verbatim). */
export type ProblemParams = Readonly<Record<string, string | number>>;

/** A problem in a rule or vocabulary file, naming the field. */
export interface RuleProblem {
  field: string;
  /** The problem in English (as it always was worded). */
  message: string;
  /** The catalog text of the problem (core's i18n), to be worded in any language with `params`. */
  key: MessageKey;
  params: ProblemParams;
}

/** A problem whose English is the catalog's text for `key`. */
export function ruleProblem(field: string, key: MessageKey, params: ProblemParams = {}): RuleProblem {
  return { field, message: t('en', key, params), key, params };
}

// Values named by a word of the catalogs (a type, a bound, none): each is shown as `word.<value>` in the language.
const WORD_PARAMS = new Set(['expected', 'received', 'origin', 'bound', 'found']);

/**
 * A problem's text in `lang`, safe to print: English is its `message`, another language its catalog text; control,
 * invisible and line-breaking characters of the values from the file are shown escaped (`\u001b`), as in reports.
 */
export function problemText(lang: Lang, problem: Pick<RuleProblem, 'message' | 'key' | 'params'>): string {
  if (lang === 'en') return printable(problem.message);
  const known = catalogs().en;
  const params: Record<string, string | number | Text> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    const word = `word.${String(value).trim()}`;
    params[name] =
      WORD_PARAMS.has(name) && Object.hasOwn(known, word)
        ? { key: word as MessageKey }
        : typeof value === 'string'
          ? printable(value)
          : value;
  }
  // A problem inside another (a texts file's problem, for a rule): `problem` is its catalog key, with the same values.
  const inner = problem.params['problem'];
  if (typeof inner === 'string' && Object.hasOwn(known, inner))
    params['problem'] = t(lang, inner as MessageKey, params);
  return t(lang, problem.key, params);
}

/** `text` with control, format and line-breaking characters escaped: a file cannot add lines or hide text. */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) =>
    c === '\n' ? '\\n' : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
