// CI gate: the labelled real-paste corpus must not get worse than eval/baseline.json.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { diagnose } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { evaluate, readCorpus } from './lib.mjs';

interface Baseline {
  top1: number;
  top3: number;
  healthyFalsePositives: number;
  holdout: Gate;
  holdout2: Gate;
}

interface Gate {
  top1: number;
  top3: number;
  healthyFalsePositives: number;
}

interface Summary {
  top1: number;
  top3: number;
  healthyFalsePositives: number;
  failures: number;
}

test('eval corpus: no regression in top-1, top-3 or false positives', async () => {
  const base = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Baseline;
  const { summary } = (await evaluate(
    readCorpus(new URL('./corpus', import.meta.url).pathname),
    diagnose,
    builtinRuleSet,
  )) as { summary: Summary };
  expect(summary.failures).toBeGreaterThanOrEqual(80);
  expect(summary.top1).toBeGreaterThanOrEqual(base.top1);
  expect(summary.top3).toBeGreaterThanOrEqual(base.top3);
  expect(summary.healthyFalsePositives).toBeLessThanOrEqual(base.healthyFalsePositives);
}, 60000);

// Retired held-out corpora: blind when collected, development data since a newer blind set came.
test.each([
  ['holdout', 50],
  ['holdout2', 80],
] as const)(
  'retired held-out corpus eval/%s: no regression',
  async (dir, minFailures) => {
    const base = (JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Baseline)[dir];
    const { summary } = (await evaluate(
      readCorpus(new URL(`./${dir}`, import.meta.url).pathname),
      diagnose,
      builtinRuleSet,
    )) as { summary: Summary };
    expect(summary.failures).toBeGreaterThanOrEqual(minFailures);
    expect(summary.top1).toBeGreaterThanOrEqual(base.top1);
    expect(summary.top3).toBeGreaterThanOrEqual(base.top3);
    expect(summary.healthyFalsePositives).toBeLessThanOrEqual(base.healthyFalsePositives);
  },
  60000,
);
