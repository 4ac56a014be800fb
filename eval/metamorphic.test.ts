// CI gate of recognition by meaning: how a paste travelled (cut, wrapped, quoted, CRLF, HTML-escaped, redacted,
// decorated, interleaved, concatenated) keeps its labelled cause in the top 3 for at least 95 % of the variants of
// every transformation, over every rule firing case and every development-corpus case (eval/metamorphic.mjs; the
// whole report with more cut points and partners is `node eval/run.mjs`).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { diagnose, diagnoseDetailed, matchPrompt, SIGNATURES } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { readCorpus } from './lib.mjs';
import { corpusCases, measureSurvival, readRuleCases, TRANSFORMS } from './metamorphic.mjs';

interface Stats {
  variants: number;
  survived: number;
  failures: string[];
}

// The cases are measured in shards, each a test of its own (its concatenation partners come from its shard), so no
// single test runs for most of a minute on a busy machine; the last test judges the sums.
const SHARDS = 4;
const totals = {
  usable: 0,
  stats: Object.fromEntries(
    TRANSFORMS.map((t) => [t, { variants: 0, survived: 0, failures: [] as string[] }]),
  ) as Record<string, Stats>,
};
const cases = [
  ...(readRuleCases(new URL('../packages/rules/rules', import.meta.url).pathname) as unknown[]),
  ...(corpusCases(readCorpus(new URL('./corpus', import.meta.url).pathname)) as unknown[]),
];

test.each(Array.from({ length: SHARDS }, (_, i) => i))(
  'survival of shard %i',
  async (shard) => {
    const { usable, stats } = (await measureSurvival(
      cases.filter((_, i) => i % SHARDS === shard),
      { diagnoseDetailed, ruleSet: builtinRuleSet, signatures: SIGNATURES, matchPrompt },
      { cuts: 2, partners: 1 },
    )) as { usable: number; stats: Record<string, Stats> };
    totals.usable += usable;
    for (const t of TRANSFORMS) {
      const s = stats[t] as Stats;
      const sum = totals.stats[t] as Stats;
      sum.variants += s.variants;
      sum.survived += s.survived;
      sum.failures.push(...s.failures);
    }
  },
  60000,
);

test('every transformation keeps the labelled cause in the top 3 for at least 95 % of its variants', () => {
  expect(totals.usable).toBeGreaterThanOrEqual(300);
  for (const t of TRANSFORMS) {
    const s = totals.stats[t] as Stats;
    expect(s.variants, `${t} has variants`).toBeGreaterThanOrEqual(30);
    expect(s.survived / s.variants, `${t}: ${s.failures.slice(0, 5).join('\n')}`).toBeGreaterThanOrEqual(0.95);
  }
});

// The shape kubectl gives a failing aws exec plugin: the plugin's stderr line, then client-go's memcache.go line for
// each retry, five times, then the final error (fixtures/kubectl-error captures it for "Unable to locate
// credentials"). Each cause found alone is found together.
test('context never hides a cause: an aws CLI error interleaved with kubectl retries', async () => {
  const captured = readFileSync(
    new URL('../fixtures/kubectl-error/1.33/exec-aws-unable-to-locate-credentials.txt', import.meta.url),
    'utf8',
  );
  // The aws CLI's words for credentials STS no longer accepts (boto3 issue 1431 quotes them verbatim).
  const expired =
    'An error occurred (ExpiredToken) when calling the AssumeRole operation: The security token included in the request is expired';
  const lines = captured
    .split('\n')
    .map((l) => (l.startsWith('aws: [ERROR]') ? expired : l.replace('exit code 253', 'exit code 254')));
  const together = lines.join('\n');
  const causes = async (text: string): Promise<string[]> =>
    (await diagnose(text, builtinRuleSet)).diagnoses.filter((d) => d.severity === 'error').map((d) => d.rootCause);
  const alone = await causes(`${expired}\n`);
  expect(alone).toContain('aws_credentials_expired');
  expect(lines.filter((l) => l.includes('memcache.go')).length).toBeGreaterThanOrEqual(5);
  expect(await causes(together)).toContain('aws_credentials_expired');
});
