// Meta-tests over rules/<id>/: every rule is well formed, fires on each fire.* case (golden diagnosis beside it)
// and stays silent on each dont-fire.* case. Goldens: rerun with `vitest -u` and review the diff.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diagnose, type Diagnosis } from '@rbac-diagnose/core';
import { checkRule } from '@rbac-diagnose/core/schemas';
import { builtinRules, builtinRuleSet, builtinVocabulary } from '@rbac-diagnose/rules';
import { evidenceProblems, reportSchemaErrors } from '../../../test-support/schema.js';

const dir = new URL('../rules/', import.meta.url);
const ids = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const fired = (ds: readonly Diagnosis[], id: string): Diagnosis | undefined =>
  ds.find((d) => d.ruleId === id || d.alsoMatched?.includes(id));

test('the built-in set is exactly the rule folders', () => {
  expect(builtinRules.map((r) => r.id)).toEqual(ids);
});

describe.each(ids)('rule %s', (id) => {
  const folder = new URL(`${id}/`, dir);
  const files = readdirSync(folder).sort();
  const fireCases = files.filter((f) => /^fire\.[\w.-]+\.input\.txt$/.test(f));
  const quietCases = files.filter((f) => /^dont-fire\.[\w.-]+\.input\.txt$/.test(f));
  const sources = existsSync(new URL('cases.json', folder))
    ? (JSON.parse(readFileSync(new URL('cases.json', folder), 'utf8')) as Record<string, { source: string }>)
    : {};

  test('rule.json is valid, named after its folder, and references only known facts and placeholders', () => {
    const { problems } = checkRule(JSON.parse(readFileSync(new URL('rule.json', folder), 'utf8')), builtinVocabulary);
    expect(problems).toEqual([]);
    expect((JSON.parse(readFileSync(new URL('rule.json', folder), 'utf8')) as { id: unknown }).id).toBe(id);
  });

  test('has a firing case and a near miss, each with its source', () => {
    expect(fireCases.length).toBeGreaterThan(0);
    expect(quietCases.length).toBeGreaterThan(0);
    for (const f of [...fireCases, ...quietCases])
      expect(sources[f.replace(/\.input\.txt$/, '')]?.source, `${f} needs a source in cases.json`).toBeTruthy();
  });

  test.each(fireCases)('fires on %s', async (file) => {
    const input = readFileSync(new URL(file, folder), 'utf8');
    const report = await diagnose(input, builtinRuleSet);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(evidenceProblems(report, input)).toEqual([]);
    const d = fired(report.diagnoses, id);
    expect(
      d,
      `rule ${id} should fire on ${file}; got ${report.diagnoses.map((x) => x.ruleId).join(', ') || 'nothing'}`,
    ).toBeDefined();
    expect(d?.evidence.length).toBeGreaterThan(0);
    await expect(`${JSON.stringify(d, null, 2)}\n`).toMatchFileSnapshot(
      `../rules/${id}/${file.replace(/\.input\.txt$/, '.diagnosis.json')}`,
    );
  });

  test.each(quietCases)('stays silent on %s', async (file) => {
    const input = readFileSync(new URL(file, folder), 'utf8');
    const report = await diagnose(input, builtinRuleSet);
    expect(fired(report.diagnoses, id)).toBeUndefined();
  });
});
