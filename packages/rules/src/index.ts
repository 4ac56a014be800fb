// Built-in rules of rbac-diagnose and the vocabulary they are written in, as data. Each comes from rules/<id>/rule.json
// or vocabulary/vocabulary.json and is validated by the meta-tests at build time, so
// `diagnose(text, { ...builtinRuleSet, trustedRules: true })` may skip validation.
import type { Lang, Rule, Vocabulary } from '@rbac-diagnose/core';
import { builtinRuleData, builtinVocabularyData } from './builtin.generated.js';

/** Every built-in rule, sorted by id, in English (see {@link builtinRuleSetIn} for their translations). */
export const builtinRules: readonly Rule[] = builtinRuleData as readonly Rule[];

/** The root causes (with their chains) and named conditions the built-in rules use. */
export const builtinVocabulary: Vocabulary = builtinVocabularyData as Vocabulary;

/** The built-in rules with their vocabulary: `diagnose(text, builtinRuleSet)`. English only. */
export const builtinRuleSet: { rules: readonly Rule[]; vocabulary: Vocabulary } = {
  rules: builtinRules,
  vocabulary: builtinVocabulary,
};

/**
 * The built-in rule set with the texts of `lang` attached (each rule's and the chain labels' `texts`), for
 * `diagnose(text, { ...(await builtinRuleSetIn('ja')), lang: 'ja' })`. The Japanese texts are a module of their own,
 * loaded by this call: an English run never reads them.
 */
export async function builtinRuleSetIn(lang: Lang): Promise<{ rules: readonly Rule[]; vocabulary: Vocabulary }> {
  if (lang === 'en') return builtinRuleSet;
  const { ruleTextsJa, vocabularyTextsJa } = await import('./builtin-ja.generated.js');
  return {
    rules: builtinRules.map((r) => {
      const ja = ruleTextsJa[r.id];
      return ja === undefined ? r : { ...r, texts: { ...r.texts, ja } };
    }),
    vocabulary: { ...builtinVocabulary, texts: { ...builtinVocabulary.texts, ja: vocabularyTextsJa } },
  };
}
/** Returns built-in rules minus those whose id or root cause is listed. */
export function withoutRules(rules: readonly Rule[], exclude: readonly string[]): Rule[] {
  const skip = new Set(exclude);
  return rules.filter((r) => !skip.has(r.id) && !skip.has(r.rootCause));
}

/** Replaces rules by id (later wins), so a custom rule can override a built-in one. */
export function mergeRules(...sets: readonly (readonly Rule[])[]): Rule[] {
  const byId = new Map<string, Rule>();
  for (const set of sets) for (const r of set) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
