import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtinVocabulary } from './index.js';
import { loadRulesDir } from './load.js';

const sample = JSON.parse(
  readFileSync(new URL('../rules/forbidden-rbac-permission-missing/rule.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  for (const [name, body] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, body);
  }
  return dir;
}

test('loads folders and flat files; bad rules come back as data naming file and field', () => {
  const dir = dirWith({
    'good-rule/rule.json': JSON.stringify({ ...sample, id: 'good-rule' }),
    'flat.json': JSON.stringify({ ...sample, id: 'flat-rule' }),
    'wrong-name/rule.json': JSON.stringify({ ...sample, id: 'other-name' }),
    'bad-cause/rule.json': JSON.stringify({ ...sample, id: 'bad-cause', rootCause: 'nope' }),
    'bad-path/rule.json': JSON.stringify({
      ...sample,
      id: 'bad-path',
      conditions: { fact: 'cluster', path: '$.noSuchThing', operator: 'equal', value: true },
    }),
    'bad-placeholder/rule.json': JSON.stringify({ ...sample, id: 'bad-placeholder', summary: 'hello {{nobody}}' }),
    'bad-subject-field/rule.json': JSON.stringify({ ...sample, id: 'bad-subject-field', title: '{{subject.nobody}}' }),
    'bad-condition-name/rule.json': JSON.stringify({
      ...sample,
      id: 'bad-condition-name',
      conditions: { condition: 'nope' },
    }),
    'bad-signal/rule.json': JSON.stringify({
      ...sample,
      id: 'bad-signal',
      evidence: [{ from: 'signals', where: { id: 'no_such_signal' }, why: 'x' }],
    }),
    'custom-cause/rule.json': JSON.stringify({ ...sample, id: 'custom-cause', rootCause: 'x-my-cause' }),
    'code/rule.json': JSON.stringify({
      ...sample,
      id: 'code',
      conditions: { fact: 'signals', operator: 'hasSignal', value: 'x', onSuccess: 'process.exit()' },
    }),
    'not-json/rule.json': '{ nope',
    'README.md': 'ignored',
  });
  const { rules, errors } = loadRulesDir(dir, builtinVocabulary);
  expect(rules.map((r) => r.id).sort()).toEqual(['custom-cause', 'flat-rule', 'good-rule']);
  const by = (folder: string) => errors.filter((e) => e.file === join(dir, folder, 'rule.json')).map((e) => e.field);
  expect(by('wrong-name')).toEqual(['id']);
  expect(by('bad-cause')).toEqual(['rootCause']);
  expect(by('bad-path')).toEqual(['conditions.path']);
  expect(by('bad-placeholder')).toEqual(['summary']);
  expect(by('bad-subject-field')).toEqual(['title']);
  expect(by('bad-condition-name')).toEqual(['conditions.condition']);
  expect(by('bad-signal')).toEqual(['evidence.0.where.id']);
  expect(by('code').length).toBeGreaterThan(0);
  expect(by('not-json')).toEqual(['(file)']);
});

test('a missing directory is an error, not a throw', () => {
  expect(loadRulesDir('/no/such/dir', builtinVocabulary).errors[0]?.field).toBe('(directory)');
});
