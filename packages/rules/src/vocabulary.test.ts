// The vocabulary (vocabulary/vocabulary.json) is well formed, every root cause sits on a chain, and the rules use only
// its root causes. A root cause without a chain, or a chain link out of range, fails the schema.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { checkVocabulary } from '@rbac-diagnose/core/schemas';
import { builtinRuleSetIn, builtinRules, builtinVocabulary } from '@rbac-diagnose/rules';

const file = JSON.parse(readFileSync(new URL('../vocabulary/vocabulary.json', import.meta.url), 'utf8')) as {
  rootCauses: Record<string, Record<string, unknown>>;
};

test('the vocabulary file is valid and is what the package exports (its Japanese labels with the Japanese set)', async () => {
  expect(checkVocabulary(file).problems).toEqual([]);
  const { $schema: _, texts, ...data } = file as Record<string, unknown>;
  expect(builtinVocabulary).toEqual(data);
  expect((await builtinRuleSetIn('ja')).vocabulary).toEqual({ ...data, texts });
});

test('every root cause has a chain line; one without fails', () => {
  for (const [id, rc] of Object.entries(builtinVocabulary.rootCauses)) {
    const links = builtinVocabulary.chains[rc.chain];
    expect(links?.[rc.link], `${id}: link ${rc.link} of chain ${rc.chain}`).toBeDefined();
  }
  const [id, entry] = Object.entries(file.rootCauses)[0] ?? ['', {}];
  const { chain: _, ...withoutChain } = entry;
  const broken = { ...file, rootCauses: { ...file.rootCauses, [id]: withoutChain } };
  expect(checkVocabulary(broken).problems.map((p) => p.field)).toEqual([`rootCauses.${id}.chain`]);
  const outOfRange = { ...file, rootCauses: { ...file.rootCauses, [id]: { ...entry, link: 99 } } };
  expect(checkVocabulary(outOfRange).problems.map((p) => p.field)).toEqual([`rootCauses.${id}.link`]);
});

test('named conditions may not read the subject (they are shared by every rule)', () => {
  const bad = { ...file, conditions: { nope: { fact: 'subject', path: '$.verb', operator: 'equal', value: 'get' } } };
  expect(checkVocabulary(bad).problems.map((p) => p.field)).toEqual(['conditions.nope.fact']);
});

test('every rule concludes a root cause of the vocabulary', () => {
  for (const r of builtinRules) expect(builtinVocabulary.rootCauses[r.rootCause], r.id).toBeDefined();
});
