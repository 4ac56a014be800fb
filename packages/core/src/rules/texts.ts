// The user-facing texts of a rule and their translations: a rule's `texts.<lang>` maps each English text, as written
// in the rule, to its translation with the same {{placeholders}} (gettext-style: the English text is the key).
import { placeholders } from '../engine/bindings.js';
import type { Lang } from '../i18n/lang.js';
import { t, type MessageKey } from '../i18n/t.js';
import type { ProblemParams } from './problem.js';
import type { Rule, Vocabulary } from './schema.js';

/** Languages a rule or vocabulary may carry translations for (English is the language they are written in). */
export const TRANSLATED_LANGS = ['ja'] as const satisfies readonly Lang[];

// A remediation note that is a JSON document (an IAM policy statement) is copied, not read: it is not translated.
function isDocument(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object';
  } catch {
    return false;
  }
}

/** Whether a text has words of its own to translate (not only placeholders, not a JSON document). */
export function needsTranslation(text: string): boolean {
  return /[A-Za-z]/.test(text.replace(/\{\{[^}]*\}\}/g, '')) && !isDocument(text);
}

/**
 * The English texts of a rule a reader sees as sentences: title, summary, explanation, misleading, every evidence
 * and adjustment `why`, next-step reasons, remediation titles and notes (not commands, manifests or the subject label).
 */
export function ruleTexts(rule: Rule): string[] {
  const texts = [rule.title, rule.summary, rule.explanation];
  if (rule.misleading !== undefined) texts.push(rule.misleading);
  for (const e of rule.evidence) texts.push(e.why);
  for (const a of rule.adjustments ?? []) {
    texts.push(a.why);
    for (const e of a.evidence ?? []) texts.push(e.why);
  }
  for (const n of rule.nextSteps) texts.push(n.why);
  for (const r of rule.remediation) {
    texts.push(r.title);
    if (r.text !== undefined && !isDocument(r.text)) texts.push(r.text);
  }
  return [...new Set(texts)];
}

/** The chain link labels of a vocabulary: its translatable texts. */
export function vocabularyTexts(vocabulary: Pick<Vocabulary, 'chains'>): string[] {
  return [...new Set(Object.values(vocabulary.chains).flat())];
}

/** The distinct {{placeholder}} names of a text, sorted. */
export function placeholderSet(text: string): string[] {
  return [...new Set(placeholders(text))].sort();
}

/**
 * Problems of a translation table against the English texts it translates: unknown keys, changed placeholders. `key`
 * is the English text, `message` the problem in English, `problem` and `params` its catalog text (core's i18n).
 */
export function translationProblems(
  table: Readonly<Record<string, string>>,
  english: readonly string[],
): { key: string; message: string; problem: MessageKey; params: ProblemParams }[] {
  const known = new Set(english);
  const show = (names: readonly string[]): string =>
    names.length === 0 ? t('en', 'word.none') : names.map((n) => `{{${n}}}`).join(', ');
  const problems: { key: string; message: string; problem: MessageKey; params: ProblemParams }[] = [];
  const add = (key: string, problem: MessageKey, params: ProblemParams = {}): void =>
    void problems.push({ key, message: t('en', problem, params), problem, params });
  for (const [en, text] of Object.entries(table)) {
    if (!known.has(en)) add(en, 'problem.noSuchText');
    else if (placeholderSet(text).join() !== placeholderSet(en).join())
      add(en, 'problem.placeholdersDiffer', {
        found: show(placeholderSet(text)),
        expected: show(placeholderSet(en)),
      });
  }
  return problems;
}
