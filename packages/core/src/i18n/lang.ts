// The languages of the report's texts. Machine fields (ids, lines, commands, manifests) never depend on it.

/** Languages every user-facing text exists in. */
export const LANGS = ['en', 'ja'] as const;
/** A language of the texts: `en` (the default) or `ja`. */
export type Lang = (typeof LANGS)[number];

/** Whether `value` names a language of {@link LANGS}. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
