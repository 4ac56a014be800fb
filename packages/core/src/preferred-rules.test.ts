import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtinRules, builtinVocabulary } from '@rbac-diagnose/rules';
import { diagnose } from './diagnose.js';
import type { Rule } from './rules/schema.js';

const input = readFileSync(new URL('../../../fixtures/seed-walls/wall2-forbidden.txt', import.meta.url), 'utf8');
const builtin = builtinRules.find((r) => r.id === 'forbidden-rbac-permission-missing') as Rule;
const team: Rule = { ...builtin, id: 'team-forbidden', confidence: 0.5, title: 'Ask the platform team for access' };

const top = async (rules: Rule[], preferredRules?: string[]) => {
  const r = await diagnose(input, {
    rules,
    vocabulary: builtinVocabulary,
    ...(preferredRules ? { preferredRules } : {}),
  });
  const d = r.diagnoses[0];
  return [r.diagnoses.length, d?.ruleId, d?.title, d?.confidence, d?.alsoMatched];
};

describe('preferredRules: a rule that leads the diagnosis of its root cause and subject', () => {
  test('without it the stronger built-in rule leads and the other is only named in alsoMatched', async () => {
    expect(await top([...builtinRules, team])).toEqual([
      1,
      'forbidden-rbac-permission-missing',
      expect.not.stringContaining('platform team'),
      0.85,
      ['team-forbidden'],
    ]);
  });

  test('with it the preferred rule is the diagnosis (its id and text), at the best confidence of the group', async () => {
    expect(await top([...builtinRules, team], ['team-forbidden'])).toEqual([
      1,
      'team-forbidden',
      'Ask the platform team for access',
      0.85,
      ['forbidden-rbac-permission-missing'],
    ]);
  });

  test('it does not lower a diagnosis: a preferred warning does not lead an error', async () => {
    const warning: Rule = { ...team, severity: 'warning' };
    const [, ruleId] = await top([...builtinRules, warning], ['team-forbidden']);
    expect(ruleId).toBe('forbidden-rbac-permission-missing');
  });
});
