// The problems of rule, signature and vocabulary data in both languages: each class of check gives its English
// message (as it always read) and a Japanese text from the catalogs, with the file's values verbatim and escaped.
import { describe, expect, test } from 'vitest';
import { englishProse } from '../../../../test-support/english.js';
import { glossaryProblems } from '../../../../test-support/glossary.js';
import { t } from '../i18n/t.js';
import { patternProblem, patternProblemText } from '../parse/pattern-check.js';
import { checkRule, checkSignatures, checkVocabulary, type RuleProblem } from './check.js';
import { problemText } from './problem.js';
import type { Vocabulary } from './schema.js';

const vocabulary: Vocabulary = {
  chains: { access: ['credentials', 'token', 'RBAC'] },
  rootCauses: { rbac_missing: { layer: 'authz', chain: 'access', link: 2 } },
  conditions: { hasDenial: { fact: 'forbidden', operator: 'notEmpty', value: true } },
};

const rule = {
  id: 'sample-rule',
  title: 'Denied: {{subject.verb}}',
  rootCause: 'rbac_missing',
  severity: 'error',
  confidence: 0.5,
  layer: 'authz',
  subject: { from: 'forbidden', by: ['username'] },
  summary: 'A summary.',
  explanation: 'An explanation.',
  evidence: [{ from: 'subject', why: 'denied {{item.verb}}' }],
  nextSteps: [],
  remediation: [],
  references: [],
};

const problemsOf = (data: Record<string, unknown>): RuleProblem[] =>
  checkRule({ ...rule, ...data }, vocabulary).problems;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** One problem of each class of checkRule: the data, the field, the English message and the Japanese text. */
const RULE_CASES: [string, Record<string, unknown>, string, string, string][] = [
  [
    'root cause',
    { rootCause: 'nope' },
    'rootCause',
    '"nope" is not a root cause of the vocabulary (a custom one is named x-…)',
    '"nope" は語彙 (vocabulary) の根本原因ではありません (独自の根本原因は x-… という名前にします)。',
  ],
  [
    'subject field',
    { subject: { from: 'forbidden', by: ['nobody'] } },
    'subject.by.0',
    'forbidden items have no field nobody',
    'forbidden の項目に nobody というフィールドはありません。',
  ],
  [
    'no conditions',
    { subject: undefined, title: 'T', evidence: [{ from: 'signals', why: 'w' }] },
    'conditions',
    'a rule without subject needs conditions',
    'subject の無いルールには conditions が必要です。',
  ],
  [
    'placeholder field',
    { summary: 'x {{subject.nobody}}' },
    'summary',
    '{{subject.nobody}}: forbidden items have no field nobody',
    '{{subject.nobody}}: forbidden の項目に nobody というフィールドはありません。',
  ],
  [
    'unbound placeholder',
    { explanation: 'x {{whoever}}' },
    'explanation',
    'unbound placeholder {{whoever}}',
    'プレースホルダー {{whoever}} に当てはまる値がありません。',
  ],
  [
    'evidence subject',
    { subject: undefined, title: 'T', conditions: { condition: 'hasDenial' } },
    'evidence.0.from',
    'evidence from the subject needs a rule subject',
    'subject から取る根拠 (evidence) には、ルールの subject が必要です。',
  ],
  [
    'generator subject',
    {
      subject: undefined,
      title: 'T',
      conditions: { condition: 'hasDenial' },
      evidence: [{ from: 'forbidden', why: 'w' }],
      remediation: [{ kind: 'manifest', title: 'Grant', generator: 'rbac-least-privilege', safety: 'mutating' }],
    },
    'remediation.0.generator',
    'rbac-least-privilege grants the denials of the subject: the rule needs a subject',
    'rbac-least-privilege は subject が拒否されたリクエストを許可するものです。ルールに subject が必要です。',
  ],
  [
    'named condition',
    { conditions: { condition: 'nope' } },
    'conditions.condition',
    'no named condition "nope"',
    '"nope" という名前の条件はありません。',
  ],
  [
    'subject fact',
    {
      subject: undefined,
      title: 'T',
      evidence: [{ from: 'forbidden', why: 'w' }],
      conditions: { fact: 'subject', operator: 'notEmpty', value: true },
    },
    'conditions.fact',
    'the subject fact needs a rule subject',
    'subject という fact を使うには、ルールの subject が必要です。',
  ],
  [
    'subject path',
    { conditions: { fact: 'subject', path: '$.nobody', operator: 'equal', value: 1 } },
    'conditions.path',
    'the subject (forbidden) has no path $.nobody',
    'subject (forbidden) に $.nobody というパスはありません。',
  ],
  [
    'fact path',
    { conditions: { fact: 'cluster', path: '$.nobody', operator: 'equal', value: 1 } },
    'conditions.path',
    'fact "cluster" has no path $.nobody',
    'fact "cluster" に $.nobody というパスはありません。',
  ],
  [
    'signal id',
    { conditions: { fact: 'signals', operator: 'hasSignal', value: 'no_such_signal' } },
    'conditions.value',
    'unknown signal id "no_such_signal"',
    'シグネチャ ID "no_such_signal" は定義されていません。',
  ],
  [
    'regex type',
    { conditions: { fact: 'cluster', path: '$.name', operator: 'matches', value: 3 } },
    'conditions.value',
    'a regex must be a string',
    '正規表現は文字列で書きます。',
  ],
  [
    'translation unknown',
    { texts: { ja: { 'Not a text of the rule': '訳' } } },
    'texts.ja["Not a text of the rule"]',
    'no such English text',
    'この英語のテキストはルールにありません。',
  ],
  [
    'translation placeholders',
    { texts: { ja: { 'denied {{item.verb}}': '拒否されました' } } },
    'texts.ja["denied {{item.verb}}"]',
    'placeholders differ: none instead of {{item.verb}}',
    'プレースホルダーが英語と違います (英語: {{item.verb}}、訳: なし)。',
  ],
];

/** zod's issues, one of each code the schemas give: the data, the field, zod's English and the Japanese text. */
const SCHEMA_CASES: [string, Record<string, unknown>, string, string, string][] = [
  [
    'missing',
    { title: undefined },
    'title',
    'Invalid input: expected string, received undefined',
    '文字列が必要ですが、ありません。',
  ],
  [
    'wrong type',
    { title: 3 },
    'title',
    'Invalid input: expected string, received number',
    '文字列が必要ですが、数値です。',
  ],
  [
    'not an int',
    { evidence: [{ from: 'subject', why: 'w', limit: 1.5 }] },
    'evidence.0.limit',
    'Invalid input: expected int, received number',
    '整数が必要ですが、数値です。',
  ],
  [
    'enum',
    { severity: 'fatal' },
    'severity',
    'Invalid option: expected one of "error"|"warning"|"info"',
    '次のどれかにします: "error"|"warning"|"info"',
  ],
  ['number above', { confidence: 2 }, 'confidence', 'Too big: expected number to be <=1', '値を 1 以下にします。'],
  [
    'positive',
    { evidence: [{ from: 'subject', why: 'w', limit: 0 }] },
    'evidence.0.limit',
    'Too small: expected number to be >0',
    '値を 0 より大きくします。',
  ],
  [
    'empty string',
    { summary: '' },
    'summary',
    'Too small: expected string to have >=1 characters',
    '1 文字以上にします。',
  ],
  [
    'empty list',
    { evidence: [] },
    'evidence',
    'Too small: expected array to have >=1 items',
    '項目を 1 個以上にします。',
  ],
  [
    'kebab-case',
    { id: 'Not_Kebab' },
    'id',
    'kebab-case',
    '小文字の英数字をハイフンでつないだ名前 (kebab-case) にします。',
  ],
  [
    'regex',
    { subject: { from: 'forbidden', by: ['a b'] } },
    'subject.by.0',
    'Invalid string: must match pattern /^[A-Za-z]\\w*(?:\\.[A-Za-z]\\w*)?$/',
    'パターン /^[A-Za-z]\\w*(?:\\.[A-Za-z]\\w*)?$/ に合いません。',
  ],
  ['url', { references: ['not a url'] }, 'references.0', 'Invalid URL', 'URL として正しくありません。'],
  [
    'unrecognized keys',
    { colour: 'red', size: 1 },
    '(root)',
    'Unrecognized keys: "colour", "size"',
    '知らないキーです: "colour", "size"',
  ],
  ['union', { conditions: { every: [] } }, 'conditions', 'Invalid input', '書ける形のどれにも合いません。'],
  [
    'refinement',
    { remediation: [{ kind: 'note', title: 'T', text: 'a', command: 'b', safety: 'read-only' }] },
    'remediation.0',
    'exactly one of command, yaml, text or generator',
    'command、yaml、text、generator のどれか 1 つだけを書きます。',
  ],
  [
    'record key',
    { texts: { ja: { '': '訳' } } },
    'texts.ja.',
    'Invalid key in record',
    'オブジェクトのキーが正しくありません。',
  ],
];

describe('checkRule: every class of problem in English and Japanese', () => {
  test.each([...RULE_CASES, ...SCHEMA_CASES])('%s', (_, data, field, english, japanese) => {
    const found = problemsOf(data).find((p) => p.field === field);
    expect(found, JSON.stringify(problemsOf(data))).toBeDefined();
    const p = found as RuleProblem;
    expect(p.message).toBe(english);
    expect(problemText('en', p)).toBe(english);
    expect(problemText('ja', p)).toBe(japanese);
    // The key and values say the problem again: in English they give the message (zod's own wording included).
    expect(t('en', p.key, p.params)).toBe(english);
  });

  test('every Japanese problem is Japanese: no English prose beyond the values from the file, the glossary kept', () => {
    for (const [, data] of [...RULE_CASES, ...SCHEMA_CASES])
      for (const p of problemsOf(data)) {
        const text = problemText('ja', p);
        expect(text).toMatch(JAPANESE);
        expect(englishProse(text, JSON.stringify(data) + Object.values(p.params).join(' '))).toEqual([]);
        expect(glossaryProblems(text)).toEqual([]);
      }
  });
});

describe('a regex that does not compile', () => {
  test("keeps JavaScript's reason verbatim, quoted, in both languages", () => {
    const [p] = problemsOf({ conditions: { fact: 'cluster', path: '$.name', operator: 'matches', value: '(' } });
    expect(p?.message).toBe('invalid regex: Invalid regular expression: /(/: Unterminated group');
    expect(problemText('ja', p as RuleProblem)).toBe(
      '正規表現として正しくありません (JavaScript: "Invalid regular expression: /(/: Unterminated group")。',
    );
  });
});

describe('values from the file', () => {
  test('are shown verbatim, control characters and escape sequences escaped, in both languages', () => {
    const [p] = problemsOf({ rootCause: 'evil\u001b[31m\nnext' });
    expect(p?.message).toBe('"evil\u001b[31m\nnext" is not a root cause of the vocabulary (a custom one is named x-…)');
    expect(problemText('en', p as RuleProblem)).toBe(
      '"evil\\u001b[31m\\nnext" is not a root cause of the vocabulary (a custom one is named x-…)',
    );
    expect(problemText('ja', p as RuleProblem)).toMatch(/^"evil\\u001b\[31m\\nnext" は語彙/);
  });
});

describe('signature files', () => {
  const signature = { id: 'x-acme', guard: ['acme denied'], pattern: 'acme denied(?<why>[^"]*)' };
  test.each([
    [
      { id: 'x-acme' },
      [signature],
      'signatures.0.id',
      '"x-acme" is already defined',
      '"x-acme" はすでに定義されています。',
    ],
    [
      { id: 'Acme' },
      [],
      'signatures.0.id',
      'a custom signature id is x-… (lower-case letters, digits, - or _)',
      '独自のシグネチャ ID は x-… (小文字の英字、数字、- または _) にします。',
    ],
    [
      { guard: ['abc'] },
      [],
      'signatures.0.guard.0',
      'a guard is a phrase of 4 characters or more',
      'ガード (guard) は 4 文字以上の語句にします。',
    ],
    [
      { guard: ['acme\ndenied'] },
      [],
      'signatures.0.guard.0',
      'a guard is on one line',
      'ガード (guard) は 1 行で書きます。',
    ],
    [
      { pattern: 'acme.*denied.*' },
      [],
      'signatures.0.pattern',
      '.*: what it skips or repeats can also match what follows it; make them exclusive ("[^"]*"", not ".*"")',
      '.*: 読み飛ばす・繰り返す部分が、その後に続く部分にもマッチします。重ならないようにします (".*"" ではなく "[^"]*"")。',
    ],
  ])('%j', (change, known, field, english, japanese) => {
    const p = checkSignatures({ signatures: [{ ...signature, ...change }] }, known).problems.find(
      (x) => x.field === field,
    );
    expect(p?.message).toBe(english);
    expect(problemText('ja', p as RuleProblem)).toBe(japanese);
  });

  test('the pattern checks: each refusal in both languages, the English as patternProblem gives it', () => {
    const patterns = [
      '',
      'a'.repeat(401),
      'a(',
      'a?',
      'a{2000}',
      'a{3,2}',
      'a(?=b)',
      '*a',
      'a)',
      '^*a',
      'a\\',
      'a[\\B]',
      'a\\x1',
      'a\\1',
      'a\\k<n>',
      'a\\p{L}',
      'a[',
      'a[\\d-z]',
      'a[z-a]',
      '(?:ab)+',
      'a(?:bc|bd)',
      'a.*b',
    ];
    const texts = patterns.map((source) => {
      const p = patternProblemText(source);
      if (p === null) throw new Error(`${source} passed`);
      const en = t('en', p.key, p.params);
      expect(en).toBe(patternProblem(source));
      return { key: p.key, ja: problemText('ja', { message: en, ...p }) };
    });
    // A pattern JavaScript cannot compile is refused as such first: the parser's own refusals of the same mistakes
    // (an unclosed class, nothing to repeat) stay behind it.
    expect(new Set(texts.map((x) => x.key)).size).toBe(14);
    for (const { ja } of texts) {
      expect(ja).toMatch(JAPANESE);
      expect(englishProse(ja, patterns.join(' '))).toEqual([]);
    }
  });
});

describe('vocabulary', () => {
  test.each([
    [
      { ...vocabulary, rootCauses: { x: { layer: 'authz', chain: 'nope', link: 0 } } },
      'rootCauses.x.chain',
      'no chain "nope"',
      '"nope" というチェーンはありません。',
    ],
    [
      { ...vocabulary, rootCauses: { x: { layer: 'authz', chain: 'access', link: 5 } } },
      'rootCauses.x.link',
      'chain "access" has 3 links',
      'チェーン "access" のリンクは 3 個です。',
    ],
    [
      { ...vocabulary, conditions: { bad: { fact: 'cluster', path: '$.nobody', operator: 'equal', value: 1 } } },
      'conditions.bad.path',
      'fact "cluster" has no path $.nobody',
      'fact "cluster" に $.nobody というパスはありません。',
    ],
  ])('%#: %s', (data, field, english, japanese) => {
    const p = checkVocabulary(data).problems.find((x) => x.field === field);
    expect(p?.message).toBe(english);
    expect(problemText('ja', p as RuleProblem)).toBe(japanese);
  });
});
