// Every error diagnosis points at the input: at least one evidence line, also for a low-confidence alternative (the
// line that made it plausible). Checked over every rule case, every case of the development corpus and every captured
// kubectl fixture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diagnose } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';

const rules = new URL('../rules/', import.meta.url);
const corpus = new URL('../../../eval/corpus/', import.meta.url);
const fixtures = new URL('../../../fixtures/', import.meta.url);

const dirs = (at: URL): string[] =>
  readdirSync(at, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

const ruleInputs = dirs(rules).flatMap((id) =>
  readdirSync(new URL(`${id}/`, rules))
    .filter((f) => f.endsWith('.input.txt'))
    .map((f) => new URL(`${id}/${f}`, rules)),
);
const corpusInputs = dirs(corpus).flatMap((cat) =>
  dirs(new URL(`${cat}/`, corpus))
    .map((slug) => new URL(`${cat}/${slug}/input.txt`, corpus))
    .filter((u) => existsSync(u)),
);

/** Every `.txt` under a folder, at any depth. */
const texts = (at: URL): URL[] =>
  readdirSync(at, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? texts(new URL(`${d.name}/`, at)) : d.name.endsWith('.txt') ? [new URL(d.name, at)] : [],
  );
const fixtureInputs = texts(fixtures);

/** `<input>: <rule> (<confidence>)` for each error diagnosis without evidence. */
async function withoutEvidence(inputs: readonly URL[]): Promise<string[]> {
  const found: string[] = [];
  for (const url of inputs) {
    const report = await diagnose(readFileSync(url, 'utf8'), { ...builtinRuleSet, trustedRules: true });
    for (const d of report.diagnoses)
      if (d.severity === 'error' && d.evidence.length === 0)
        found.push(`${url.pathname.split('/').slice(-3).join('/')}: ${d.ruleId} (${d.confidence})`);
  }
  return found;
}

describe('every error diagnosis cites an evidence line', () => {
  test('rule cases', async () => {
    expect(ruleInputs.length).toBeGreaterThan(150);
    expect(await withoutEvidence(ruleInputs)).toEqual([]);
  }, 60000);

  test('captured kubectl fixtures', async () => {
    expect(fixtureInputs.length).toBeGreaterThan(100);
    expect(await withoutEvidence(fixtureInputs)).toEqual([]);
  }, 60000);

  test('development corpus', async () => {
    expect(corpusInputs.length).toBeGreaterThanOrEqual(250);
    expect(await withoutEvidence(corpusInputs)).toEqual([]);
  }, 60000);
});
