import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { problemText } from '@rbac-diagnose/core';
import { englishProse } from '../../../test-support/english.js';
import { builtinVocabulary } from './index.js';
import { extendVocabulary, loadRulesDir } from './load.js';

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

test('a path that is no directory is one error in words, not a throw', () => {
  const file = join(dirWith({ 'a.txt': 'x' }), 'a.txt');
  expect(loadRulesDir('/no/such/dir', builtinVocabulary).errors).toEqual([
    {
      file: '/no/such/dir',
      field: '(directory)',
      message: 'no such directory',
      key: 'problem.noDirectory',
      params: {},
    },
  ]);
  expect(loadRulesDir(file, builtinVocabulary).errors).toEqual([
    { file, field: '(directory)', message: 'not a directory', key: 'problem.notDirectory', params: {} },
  ]);
});

test('YAML rule files load like JSON ones: folders with rule.yaml, flat *.yaml and *.yml; dot files skipped', () => {
  const dir = dirWith({
    'yaml-folder/rule.yaml': `# yaml-language-server: $schema=../rule.schema.json\n${stringify({ ...sample, id: 'yaml-folder' })}`,
    'flat.yaml': stringify({ ...sample, id: 'flat-yaml' }),
    'flat.yml': stringify({ ...sample, id: 'flat-yml' }),
    '.hidden.yaml': 'not: [valid',
  });
  const { rules, errors } = loadRulesDir(dir, builtinVocabulary);
  expect(errors).toEqual([]);
  expect(rules.map((r) => r.id)).toEqual(['flat-yaml', 'flat-yml', 'yaml-folder']);
  // The YAML rule is the same data as the JSON one it was written from.
  expect(rules.find((r) => r.id === 'flat-yaml')).toEqual({ ...sample, id: 'flat-yaml' });
});

test('YAML is data only: tags, duplicate keys, several documents and syntax errors are refused, naming the file', () => {
  const dir = dirWith({
    'tagged.yaml': stringify({ ...sample, id: 'tagged' }).replace('title:', 'title: !!js/function'),
    'custom-tag.yaml': stringify({ ...sample, id: 'custom-tag' }).replace('title:', 'title: !mine'),
    'binary.yaml': stringify({ ...sample, id: 'binary' }).replace('title:', 'title: !!binary'),
    'duplicate.yaml': `id: duplicate\nid: again\n`,
    'two-docs.yaml': `${stringify({ ...sample, id: 'two-docs' })}---\n${stringify({ ...sample, id: 'two-docs-b' })}`,
    'broken.yaml': 'id: [unclosed\n',
    'both/rule.json': JSON.stringify({ ...sample, id: 'both' }),
    'both/rule.yaml': stringify({ ...sample, id: 'both' }),
  });
  const { rules, errors } = loadRulesDir(dir, builtinVocabulary);
  expect(rules).toEqual([]);
  const byFile = Object.fromEntries(errors.map((e) => [e.file.slice(dir.length + 1), `${e.field}: ${e.message}`]));
  expect(byFile['tagged.yaml']).toMatch(
    /^\(file\): YAML tags other than the core schema's are not allowed \(found tag:yaml.org,2002:js\/function\)$/,
  );
  expect(byFile['custom-tag.yaml']).toMatch(
    /^\(file\): YAML tags other than the core schema's are not allowed \(found !mine\)$/,
  );
  expect(byFile['binary.yaml']).toMatch(/\(found tag:yaml.org,2002:binary\)$/);
  expect(byFile['duplicate.yaml']).toMatch(/^\(file\): not valid YAML: Map keys must be unique/);
  expect(byFile['two-docs.yaml']).toMatch(/^\(file\): not valid YAML: Source contains multiple documents/);
  expect(byFile['broken.yaml']).toMatch(/^\(file\): not valid YAML/);
  expect(byFile['both']).toBe('(folder): one rule file per folder (found rule.json, rule.yaml)');
  expect(errors).toHaveLength(7);
});

describe('vocabulary extension', () => {
  const extension = {
    chains: { 'x-release': ['pipeline', 'policy check', 'deploy'] },
    rootCauses: {
      'x-policy-blocked': { layer: 'admission', chain: 'access', link: 4 },
      'x-release-frozen': { layer: 'admission', chain: 'x-release', link: 1 },
    },
  };

  test('adds x- root causes and chains to the vocabulary; rules are checked against the result', () => {
    const dir = dirWith({
      'vocabulary.yaml': stringify(extension),
      'blocked/rule.json': JSON.stringify({ ...sample, id: 'blocked', rootCause: 'x-policy-blocked' }),
    });
    const { rules, errors, vocabulary } = loadRulesDir(dir, builtinVocabulary);
    expect(errors).toEqual([]);
    expect(rules.map((r) => r.rootCause)).toEqual(['x-policy-blocked']);
    expect(vocabulary.rootCauses['x-policy-blocked']).toEqual({ layer: 'admission', chain: 'access', link: 4 });
    expect(vocabulary.chains['x-release']).toEqual(['pipeline', 'policy check', 'deploy']);
    expect(vocabulary.rootCauses['node_role_not_mapped']).toEqual(builtinVocabulary.rootCauses['node_role_not_mapped']);
    // The built-in vocabulary itself is left as it was.
    expect(builtinVocabulary.rootCauses['x-policy-blocked']).toBeUndefined();
  });

  test.each([
    [
      'a name without x-',
      { rootCauses: { blocked: { layer: 'admission', chain: 'access', link: 4 } } },
      'rootCauses.blocked',
      'a custom name starts with x-',
    ],
    ['a built-in chain redefined', { chains: { access: ['a', 'b'] } }, 'chains.access', 'a custom name starts with x-'],
    [
      'a chain that does not exist',
      { rootCauses: { 'x-a': { layer: 'admission', chain: 'x-none', link: 0 } } },
      'rootCauses.x-a.chain',
      'no chain "x-none"',
    ],
    [
      'a link past the chain',
      { rootCauses: { 'x-a': { layer: 'admission', chain: 'access', link: 9 } } },
      'rootCauses.x-a.link',
      'chain "access" has 5 links',
    ],
    [
      'a layer that does not exist',
      { rootCauses: { 'x-a': { layer: 'nowhere', chain: 'access', link: 1 } } },
      'rootCauses.x-a.layer',
      '',
    ],
    [
      'named conditions',
      { conditions: {} },
      'conditions',
      'unknown field (a vocabulary extension has chains, rootCauses and texts)',
    ],
    ['not an object', ['x'], '(file)', 'must be an object with chains and rootCauses'],
  ])('refuses %s, naming the field', (_, ext, field, message) => {
    const { vocabulary, problems } = extendVocabulary(builtinVocabulary, ext);
    expect(vocabulary).toBeNull();
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toContain(message);
  });

  test('a bad extension is reported and the rules are checked against the vocabulary given', () => {
    const dir = dirWith({
      'vocabulary.json': JSON.stringify({ rootCauses: { 'x-a': { layer: 'admission', chain: 'x-none', link: 0 } } }),
      'a.json': JSON.stringify({ ...sample, id: 'a', rootCause: 'x-a' }),
    });
    const { rules, errors, vocabulary } = loadRulesDir(dir, builtinVocabulary);
    expect(errors.map((e) => [e.file.slice(dir.length + 1), e.field])).toEqual([
      ['vocabulary.json', 'rootCauses.x-a.chain'],
    ]);
    expect(vocabulary).toBe(builtinVocabulary);
    expect(rules.map((r) => r.id)).toEqual(['a']);
  });

  test('one vocabulary file per directory', () => {
    const dir = dirWith({ 'vocabulary.json': '{}', 'vocabulary.yaml': '{}' });
    expect(loadRulesDir(dir, builtinVocabulary).errors.map((e) => e.message)).toEqual([
      'one vocabulary file per directory',
    ]);
  });
});

test('a dangling symlink in the directory is skipped, not a throw', () => {
  const dir = dirWith({ 'a.json': JSON.stringify({ ...sample, id: 'a' }) });
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
  expect(loadRulesDir(dir, builtinVocabulary).rules.map((r) => r.id)).toEqual(['a']);
});

describe('signatures file', () => {
  const signature = {
    id: 'x-acme-denied',
    description: 'the ACME admission webhook refused the object',
    guard: ['acme.example.com'],
    pattern: String.raw`admission webhook \\?"(?<hook>[a-z0-9-]+)\.acme\.example\.com\\?" denied the request(?:: (?<reason>[^\r\n]+))?`,
  };
  const rule = {
    id: 'acme-denied',
    title: 'ACME webhook {{subject.groups.hook}} refused it',
    rootCause: 'x-acme-denied',
    severity: 'error',
    confidence: 0.9,
    layer: 'admission',
    subject: { from: 'signals', where: { id: 'x-acme-denied' }, by: ['groups.hook'] },
    summary: 'ACME refused the object.',
    explanation: 'ACME is an in-house admission webhook.',
    evidence: [{ from: 'subject', why: '{{item.groups.reason}}' }],
    nextSteps: [],
    remediation: [],
    references: [],
  };

  test('adds x- signatures; rules may name them and their named groups', () => {
    const dir = dirWith({
      'signatures.yaml': stringify({ signatures: [signature] }),
      'acme-denied/rule.json': JSON.stringify(rule),
    });
    const loaded = loadRulesDir(dir, builtinVocabulary);
    expect(loaded.errors).toEqual([]);
    expect(loaded.rules.map((r) => r.id)).toEqual(['acme-denied']);
    expect(loaded.signatures).toEqual([signature]);
    // a directory read after it may use them; without them the same rule names an unknown signal and group
    expect(
      loadRulesDir(dirWith({ 'r.json': JSON.stringify(rule) }), builtinVocabulary, loaded.signatures).errors,
    ).toEqual([]);
    const alone = loadRulesDir(dirWith({ 'r.json': JSON.stringify(rule) }), builtinVocabulary);
    expect(alone.errors.map((e) => e.field)).toEqual(['subject.where.id', 'subject.by.0', 'title', 'evidence.0.why']);
  });

  test.each([
    [{ ...signature, id: 'acme_denied' }, 'signatures.0.id', 'x-'],
    [{ ...signature, id: 'x-kyverno' }, null, null],
    [{ ...signature, guard: [] }, 'signatures.0.guard', ''],
    [{ ...signature, guard: ['ab'] }, 'signatures.0.guard.0', '4 characters'],
    [{ ...signature, pattern: 'acme(?:.*)+ denied' }, 'signatures.0.pattern', 'a group may only be optional'],
    [{ ...signature, pattern: 'acme.*denied.*request' }, 'signatures.0.pattern', 'can also match what follows'],
    [{ ...signature, pattern: 'acme(' }, 'signatures.0.pattern', 'does not compile'],
    [{ ...signature, role: 'fatal' }, 'signatures.0.role', ''],
    [{ ...signature, code: 'process.exit()' }, 'signatures.0', 'code'],
  ])('a bad signature is refused, naming the field: %j', (bad, field, words) => {
    const dir = dirWith({ 'signatures.json': JSON.stringify({ signatures: [bad] }) });
    const { errors, signatures } = loadRulesDir(dir, builtinVocabulary);
    if (field === null) {
      expect(errors).toEqual([]);
      return;
    }
    expect(signatures).toEqual([]);
    expect(errors[0]).toMatchObject({ file: join(dir, 'signatures.json'), field });
    expect(errors[0]?.message).toContain(words);
  });

  test('ids are unique: not built-in, not twice, not one an earlier directory defined', () => {
    const twice = dirWith({ 'signatures.json': JSON.stringify({ signatures: [signature, signature] }) });
    expect(loadRulesDir(twice, builtinVocabulary).errors.map((e) => e.field)).toEqual(['signatures.1.id']);
    const again = dirWith({ 'signatures.json': JSON.stringify({ signatures: [signature] }) });
    expect(loadRulesDir(again, builtinVocabulary, [signature]).errors[0]?.message).toContain('already defined');
  });

  test('one signatures file per directory', () => {
    const dir = dirWith({
      'signatures.json': JSON.stringify({ signatures: [signature] }),
      'signatures.yaml': stringify({ signatures: [signature] }),
    });
    expect(loadRulesDir(dir, builtinVocabulary).errors[0]).toMatchObject({
      field: '(file)',
      message: 'one signatures file per directory',
    });
  });
});

describe('Japanese texts (ja.json / ja.yaml)', () => {
  const title = sample['title'] as string;
  const summary = sample['summary'] as string;
  const ja = { [title]: '{{subject.username}} に {{subject.target}} の {{subject.verb}} を許可するルールが無い' };

  test("in a rule's folder they are that rule's; beside flat files, each file takes the entries of its own texts", () => {
    const dir = dirWith({
      'in-folder/rule.json': JSON.stringify({ ...sample, id: 'in-folder' }),
      'in-folder/ja.json': JSON.stringify({ texts: ja }),
      'untranslated/rule.json': JSON.stringify({ ...sample, id: 'untranslated' }),
      'flat-a.yaml': stringify({ ...sample, id: 'flat-a' }),
      'flat-b.yaml': stringify({ ...sample, id: 'flat-b', summary: 'Another summary.' }),
      'ja.yaml': stringify({ texts: { ...ja, 'Another summary.': '別の概要です。' } }),
    });
    const { rules, errors } = loadRulesDir(dir, builtinVocabulary);
    expect(errors).toEqual([]);
    const texts = Object.fromEntries(rules.map((r) => [r.id, r.texts?.ja]));
    expect(texts).toEqual({
      'in-folder': ja,
      untranslated: undefined,
      'flat-a': ja,
      'flat-b': { ...ja, 'Another summary.': '別の概要です。' },
    });
  });

  test('an entry that translates no text of the rule, or changes its placeholders, is an error naming the entry', () => {
    const dir = dirWith({
      'r/rule.json': JSON.stringify({ ...sample, id: 'r' }),
      'r/ja.json': JSON.stringify({ texts: { 'No such text': 'そのようなテキスト', [title]: 'プレースホルダーなし' } }),
      'flat.json': JSON.stringify({ ...sample, id: 'flat' }),
      'ja.json': JSON.stringify({ texts: { [summary]: '概要です。', 'Nobody writes this.': '誰も書かない。' } }),
    });
    const { rules, errors } = loadRulesDir(dir, builtinVocabulary);
    expect(errors.map((e) => [e.file.slice(dir.length + 1), e.field, e.message])).toEqual([
      ['ja.json', `texts["${summary}"]`, expect.stringMatching(/^placeholders differ: .* \(rule flat\)$/) as string],
      ['r/ja.json', 'texts["No such text"]', 'no such English text (rule r)'],
      ['r/ja.json', `texts["${title}"]`, expect.stringMatching(/^placeholders differ: none instead of /) as string],
      ['ja.json', 'texts["Nobody writes this."]', 'no rule file beside it has this text'],
    ]);
    expect(rules).toEqual([]);
  });

  test('the file is { texts: { English: Japanese } }, one per folder', () => {
    const dir = dirWith({
      'r/rule.json': JSON.stringify({ ...sample, id: 'r' }),
      'r/ja.json': JSON.stringify({ [title]: 'タイトル' }),
      'two/rule.json': JSON.stringify({ ...sample, id: 'two' }),
      'two/ja.json': JSON.stringify({ texts: {} }),
      'two/ja.yaml': 'texts: {}\n',
    });
    const { errors } = loadRulesDir(dir, builtinVocabulary);
    expect(errors.map((e) => [e.file.slice(dir.length + 1), e.message])).toEqual([
      ['r/ja.json', 'must be { "texts": { "<English text as written in the rule>": "<Japanese text>" } }'],
      ['two/ja.yaml', 'one Japanese texts file per directory'],
    ]);
  });
});

describe('every problem of loading a directory, in English and Japanese', () => {
  const rule = (id: string): string => JSON.stringify({ ...sample, id });
  // [what, files, file (relative), field, English, Japanese]
  const cases: [string, Record<string, string>, string, string, string, string][] = [
    [
      'JSON syntax',
      { 'r.json': '{ "id": ' },
      'r.json',
      '(file)',
      `not valid JSON: ${jsonError('{ "id": ')}`,
      `JSON として正しくありません (JSON パーサー: "${jsonError('{ "id": ')}")。`,
    ],
    [
      'YAML syntax',
      { 'r.yaml': 'id: a\nid: b\n' },
      'r.yaml',
      '(file)',
      'not valid YAML: Map keys must be unique',
      'YAML として正しくありません (YAML パーサー: "Map keys must be unique")。',
    ],
    [
      'YAML tag',
      { 'r.yaml': 'id: !custom a\n' },
      'r.yaml',
      '(file)',
      "YAML tags other than the core schema's are not allowed (found !custom)",
      'YAML のタグはコアスキーマのものしか使えません (!custom があります)。',
    ],
    [
      'two rule files',
      { 'a/rule.json': rule('a'), 'a/rule.yaml': stringify({ ...sample, id: 'a' }) },
      'a',
      '(folder)',
      'one rule file per folder (found rule.json, rule.yaml)',
      'ルールファイルは 1 つのフォルダに 1 つだけです (rule.json, rule.yaml があります)。',
    ],
    [
      'id and folder',
      { 'a/rule.json': rule('b') },
      'a/rule.json',
      'id',
      'rule id "b" must equal its folder name "a"',
      'ルール ID "b" はフォルダ名 "a" と同じにします。',
    ],
    [
      'two vocabulary files',
      { 'vocabulary.json': '{}', 'vocabulary.yaml': '{}' },
      'vocabulary.yaml',
      '(file)',
      'one vocabulary file per directory',
      'vocabulary ファイルは 1 つのディレクトリに 1 つだけです。',
    ],
    [
      'vocabulary not an object',
      { 'vocabulary.json': '[]' },
      'vocabulary.json',
      '(file)',
      'must be an object with chains and rootCauses',
      'chains と rootCauses を持つオブジェクトにします。',
    ],
    [
      'vocabulary field',
      { 'vocabulary.json': '{ "conditions": {} }' },
      'vocabulary.json',
      'conditions',
      'unknown field (a vocabulary extension has chains, rootCauses and texts)',
      '知らないフィールドです (語彙の拡張に書けるのは chains、rootCauses、texts です)。',
    ],
    [
      'vocabulary part',
      { 'vocabulary.json': '{ "chains": [] }' },
      'vocabulary.json',
      'chains',
      'must be an object',
      'オブジェクトにします。',
    ],
    [
      'custom name',
      { 'vocabulary.json': '{ "chains": { "mine": ["a", "b"] } }' },
      'vocabulary.json',
      'chains.mine',
      'a custom name starts with x-',
      '独自の名前は x- で始めます。',
    ],
    [
      'empty JSON file',
      { 'b.json': '' },
      'b.json',
      '(file)',
      `not valid JSON: ${jsonError('')}`,
      `JSON として正しくありません (JSON パーサー: "${jsonError('')}")。`,
    ],
    [
      'texts shape',
      { 'a/rule.json': rule('a'), 'a/ja.json': '{ "texts": ["x"] }' },
      'a/ja.json',
      '(file)',
      'must be { "texts": { "<English text as written in the rule>": "<Japanese text>" } }',
      '{ "texts": { "<ルールに書いたとおりの英語のテキスト>": "<日本語のテキスト>" } } の形にします。',
    ],
    [
      'two texts files',
      { 'a/rule.json': rule('a'), 'a/ja.json': '{ "texts": {} }', 'a/ja.yaml': 'texts: {}' },
      'a/ja.yaml',
      '(file)',
      'one Japanese texts file per directory',
      '日本語テキストのファイルは 1 つのディレクトリに 1 つだけです。',
    ],
    [
      'texts of a rule',
      { 'a/rule.json': rule('a'), 'a/ja.json': JSON.stringify({ texts: { 'Not in the rule': '訳' } }) },
      'a/ja.json',
      'texts["Not in the rule"]',
      'no such English text (rule a)',
      'ルール a: この英語のテキストはルールにありません。',
    ],
    [
      'texts of no rule',
      { 'r.json': rule('r'), 'ja.json': JSON.stringify({ texts: { 'Not in any rule': '訳' } }) },
      'ja.json',
      'texts["Not in any rule"]',
      'no rule file beside it has this text',
      '隣のどのルールファイルにも、このテキストはありません。',
    ],
  ];

  test.each(cases)('%s', (_, files, at, field, english, japanese) => {
    const dir = dirWith(files);
    const errors = loadRulesDir(dir, builtinVocabulary).errors;
    const error = errors.find((e) => e.file === join(dir, at) && e.field === field);
    expect(error, JSON.stringify(errors)).toBeDefined();
    if (!error) return;
    expect(error.message).toBe(english);
    expect(problemText('en', error)).toBe(english);
    expect(problemText('ja', error)).toBe(japanese);
    expect(englishProse(problemText('ja', error), Object.values(files).join('\n'))).toEqual([]);
  });

  test('a directory that is missing or not one, in Japanese', () => {
    const [missing] = loadRulesDir('/no/such/dir', builtinVocabulary).errors;
    expect(missing && problemText('ja', missing)).toBe('そのディレクトリはありません。');
    const file = join(dirWith({ 'a.txt': 'x' }), 'a.txt');
    const [notDir] = loadRulesDir(file, builtinVocabulary).errors;
    expect(notDir && problemText('ja', notDir)).toBe('ディレクトリではありません。');
  });

  test("a rule's schema problems come through with their key and values", () => {
    const dir = dirWith({ 'r.json': JSON.stringify({ ...sample, id: 'r', severity: 'fatal', title: undefined }) });
    const errors = loadRulesDir(dir, builtinVocabulary).errors;
    expect(errors.map((e) => [e.field, e.key, e.params])).toEqual([
      ['title', 'zod.missing', { expected: 'string' }],
      ['severity', 'zod.invalid_option', { values: '"error"|"warning"|"info"' }],
    ]);
    expect(errors.map((e) => problemText('ja', e))).toEqual([
      '文字列が必要ですが、ありません。',
      '次のどれかにします: "error"|"warning"|"info"',
    ]);
  });
});

/** What JSON.parse says of `text`, as this Node.js words it. */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
