// The shape of diagnose()'s arguments, checked before anything runs: a JavaScript caller (or a TypeScript one casting)
// gets one sentence naming the argument instead of "x is not iterable" from deep inside the pipeline.
import { isLang, LANGS } from './i18n/lang.js';

/** diagnose() called with arguments of the wrong shape: the caller's mistake, not a problem of the input text. */
export class ArgumentError extends TypeError {
  override readonly name = 'ArgumentError';
}

function kind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Throws an {@link ArgumentError} unless `input` is text or named texts and `options` carries a rule list. */
export function checkArguments(input: unknown, options: unknown): void {
  if (typeof input !== 'string') {
    if (!Array.isArray(input))
      throw new ArgumentError(
        `diagnose: the input must be a string or an array of { name, text } objects (got ${kind(input)})`,
      );
    input.forEach((doc: unknown, i) => {
      const d = doc as { name?: unknown; text?: unknown } | null;
      if (typeof d !== 'object' || d === null || typeof d.text !== 'string')
        throw new ArgumentError(`diagnose: input[${i}] must be an object with a string "text" (got ${kind(doc)})`);
      if (d.name !== undefined && typeof d.name !== 'string')
        throw new ArgumentError(`diagnose: input[${i}].name must be a string (got ${kind(d.name)})`);
    });
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new ArgumentError(
      `diagnose: the options must be an object with rules and vocabulary, such as builtinRuleSet from @rbac-diagnose/rules (got ${kind(options)})`,
    );
  const { rules, lang } = options as { rules?: unknown; lang?: unknown };
  if (lang !== undefined && !isLang(lang))
    throw new ArgumentError(
      `diagnose: options.lang must be one of ${LANGS.join(', ')} (got ${typeof lang === 'string' ? JSON.stringify(lang) : kind(lang)})`,
    );
  if (!Array.isArray(rules))
    throw new ArgumentError(
      `diagnose: options.rules must be an array of rules, such as builtinRuleSet.rules from @rbac-diagnose/rules (got ${kind(rules)})`,
    );
}
