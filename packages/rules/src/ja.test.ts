// Japanese: every rule folder carries ja.json (keyed by the exact English text, gettext-style), the built-in set in
// Japanese has a translation for every text of every rule and chain link with the same {{placeholders}}, and every
// rule case and seed wall diagnosed in Japanese gives the English report's machine fields with no English rule text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diagnose, type Report, type Rule } from '@rbac-diagnose/core';
import {
  checkRule,
  checkVocabulary,
  needsTranslation,
  placeholderSet,
  ruleTexts,
  vocabularyTexts,
} from '@rbac-diagnose/core/schemas';
import { builtinRuleSet, builtinRuleSetIn } from '@rbac-diagnose/rules';
import { englishProse } from '../../../test-support/english.js';
import { glossaryProblems } from '../../../test-support/glossary.js';
import { reportSchemaErrors } from '../../../test-support/schema.js';

const dir = new URL('../rules/', import.meta.url);
const ids = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

const ja = await builtinRuleSetIn('ja');
const jaRules = new Map(ja.rules.map((r) => [r.id, r]));

/** Every English text of `english` has a translation in `table` that keeps its placeholders and is Japanese. */
function translationGaps(english: readonly string[], table: Readonly<Record<string, string>> | undefined): string[] {
  const gaps: string[] = [];
  for (const en of english) {
    const text = table?.[en];
    if (text === undefined) gaps.push(`no Japanese for: ${en}`);
    else if (placeholderSet(text).join() !== placeholderSet(en).join()) gaps.push(`placeholders differ: ${en}`);
    else if (needsTranslation(en) && !JAPANESE.test(text)) gaps.push(`not Japanese: ${text}`);
    // A text that is only placeholders (e.g. a finding's message) has no words of its own to translate.
    else if (!needsTranslation(en) && text !== en) gaps.push(`changed a text without words: ${en}`);
  }
  return gaps;
}

describe.each(ids)('rule %s in Japanese', (id) => {
  test('ja.json exists, and every text of the rule is in English and in Japanese with the same placeholders', () => {
    expect(existsSync(new URL(`${id}/ja.json`, dir)), `${id}/ja.json is missing`).toBe(true);
    const rule = jaRules.get(id) as Rule;
    const english = ruleTexts(rule);
    expect(
      english.filter((t) => t.trim() === ''),
      'empty English texts',
    ).toEqual([]);
    expect(translationGaps(english, rule.texts?.ja)).toEqual([]);
    expect(Object.values(rule.texts?.ja ?? {}).flatMap(glossaryProblems)).toEqual([]);
    // The rule checks refuse a key that is no English text of the rule and a change of placeholders.
    expect(checkRule(rule, ja.vocabulary).problems).toEqual([]);
  });
});

// Chain labels that are names the glossary keeps in English.
const KEPT_IN_ENGLISH = new Set(['RBAC', 'kubeconfig']);

test('every chain link of the vocabulary has its Japanese label', () => {
  const labels = vocabularyTexts(ja.vocabulary).filter((l) => !KEPT_IN_ENGLISH.has(l));
  expect(translationGaps(labels, ja.vocabulary.texts?.ja)).toEqual([]);
  expect(Object.values(ja.vocabulary.texts?.ja ?? {}).flatMap(glossaryProblems)).toEqual([]);
  for (const l of KEPT_IN_ENGLISH) expect(ja.vocabulary.texts?.ja?.[l]).toBe(l);
  expect(checkVocabulary(ja.vocabulary).problems).toEqual([]);
});

test('the checks refuse a translation of no text of the rule, and one that changes the placeholders', () => {
  const rule = jaRules.get('forbidden-rbac-permission-missing') as Rule;
  const texts = {
    ja: { ...rule.texts?.ja, 'No such text': 'そのようなテキスト', [rule.title]: 'プレースホルダーなし' },
  };
  expect(checkRule({ ...rule, texts }, ja.vocabulary).problems.map((p) => p.message)).toEqual([
    'placeholders differ: none instead of {{subject.target}}, {{subject.username}}, {{subject.verb}}',
    'no such English text',
  ]);
});

// ---- reports: machine fields identical across languages, no English rule text in Japanese ----

/** The report without its texts: what must not depend on the language. */
function machineFields(report: Report): unknown {
  return {
    ...report,
    lang: undefined,
    diagnoses: report.diagnoses.map((d) => ({
      ...d,
      title: undefined,
      summary: undefined,
      explanation: undefined,
      misleading: undefined,
      evidence: d.evidence.map((e) => ({ ...e, why: undefined })),
      nextSteps: d.nextSteps.map((n) => ({ ...n, why: undefined })),
      remediation: d.remediation.map((r) => ({ ...r, title: undefined, text: undefined })),
      chain: d.chain === undefined ? undefined : { ...d.chain, links: d.chain.links.length },
    })),
    issues: report.issues.map((i) => ({ ...i, message: undefined })),
  };
}

/** Every text a reader sees in a report: what rules, the core's catalogs and the generators wrote. */
function reportTexts(report: Report): string[] {
  return [
    ...report.diagnoses.flatMap((d) => [
      d.title,
      d.summary,
      d.explanation,
      d.misleading ?? '',
      ...d.evidence.map((e) => e.why),
      ...d.nextSteps.map((n) => n.why),
      ...d.remediation.flatMap((r) => [r.title, r.text ?? '']),
      ...(d.chain?.links ?? []),
    ]),
    ...report.issues.map((i) => i.message),
  ];
}

/** The English prose left in a Japanese report (quoted messages, commands, identifiers and input values allowed). */
function englishLeft(report: Report, input: string): string[] {
  return reportTexts(report).flatMap((text) => englishProse(text, input));
}

const read = (url: URL): string => readFileSync(url, 'utf8');
const root = new URL('../../../', import.meta.url);
/** Every .txt file under a folder of the repository, as [name, text]. */
function texts(folder: string, keep: (name: string) => boolean = () => true): [string, string][] {
  const base = new URL(folder, root);
  return (readdirSync(base, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.txt') && keep(f))
    .sort()
    .map((f) => [`${folder}${f}`, read(new URL(f, base))]);
}

const cases: [string, string][] = ids.flatMap((id) =>
  readdirSync(new URL(`${id}/`, dir))
    .filter((f) => f.endsWith('.input.txt'))
    .map((f): [string, string] => [`${id}/${f}`, read(new URL(`${id}/${f}`, dir))]),
);
const wall = (f: string): string => read(new URL(`fixtures/seed-walls/${f}`, root));
const walls: [string, string | { name: string; text: string }[]][] = [
  ...texts('fixtures/seed-walls/'),
  [
    'wall3 with aws-auth-users-only.yaml',
    ['wall3-pending-not-ready-disk.txt', 'aws-auth-users-only.yaml'].map((f) => ({ name: f, text: wall(f) })),
  ],
];
// Every input the repository holds besides the blind held-out sets: rule cases, captured fixtures, the hostile corpus
// (refusals and rejected values), the development corpus.
const inputs: [string, string | { name: string; text: string }[]][] = [
  ...cases,
  ...walls,
  ...texts('fixtures/', (f) => !f.startsWith('seed-walls') && !f.startsWith('harness')),
  ...texts('packages/cli/test/hostile/'),
  ...texts('eval/corpus/'),
];

describe('diagnosed in Japanese', () => {
  test.each(inputs)('%s: the machine fields of the English report, no English text', async (_, input) => {
    // The rules were checked once (above): each run skips their checks.
    const en = await diagnose(input, { ...builtinRuleSet, trustedRules: true });
    const report = await diagnose(input, { ...ja, lang: 'ja', trustedRules: true });
    expect(report.lang).toBe('ja');
    expect(en.lang).toBe('en');
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(machineFields(report)).toEqual(machineFields(en));
    const text = typeof input === 'string' ? input : input.map((i) => i.text).join('\n');
    expect(englishLeft(report, text)).toEqual([]);
    expect(report.issues.filter((i) => i.code === 'rule_text_untranslated')).toEqual([]);
  });

  test('the check finds the English of English reports (it can fail)', async () => {
    for (const name of ['wall2-forbidden.txt', 'wall3-pending-not-ready-disk.txt']) {
      const en = await diagnose(wall(name), builtinRuleSet);
      expect(englishLeft(en, wall(name)).length).toBeGreaterThan(5);
    }
    expect(
      englishProse('Namespace sample-namespace で "You must be logged in" と表示され、kubectl get nodes を実行します'),
    ).toEqual([]);
    expect(englishProse('権限がありません: the denial on line 3')).toEqual(['the denial on line']);
  });
});

test('rules without Japanese are shown in English, with one note naming them', async () => {
  const bare = new Set(['pending-pod-nodes-never-ready', 'aws-auth-system-masters']);
  const rules = ja.rules.map((r) => (bare.has(r.id) ? { ...r, texts: {} } : r));
  const input = ['wall3-pending-not-ready-disk.txt', 'aws-auth-users-only.yaml'].map((f) => ({
    name: f,
    text: wall(f),
  }));
  const report = await diagnose(input, { rules, vocabulary: ja.vocabulary, lang: 'ja' });
  const byRule = new Map(report.diagnoses.map((d) => [d.ruleId, d]));
  expect(byRule.get('pending-pod-nodes-never-ready')?.title).toMatch(/^Nodes never became Ready/);
  expect(byRule.get('aws-auth-system-masters')?.title).toMatch(/^aws-auth makes /);
  // The other rules keep their Japanese.
  expect(byRule.get('pending-pod-nodes-not-ready-cni')?.title).toMatch(/[\u3040-\u30ff]/);
  expect(report.issues.filter((i) => i.code === 'rule_text_untranslated')).toEqual([
    {
      code: 'rule_text_untranslated',
      line: 0,
      message: expect.stringMatching(
        /^ルール aws-auth-system-masters、pending-pod-nodes-never-ready には、表示したテキストのうち \d+ 件の日本語訳がありません。/,
      ) as string,
    },
  ]);
  const one = await diagnose(wall('wall2-forbidden.txt'), {
    rules: ja.rules.map((r) => (r.id === 'forbidden-rbac-permission-missing' ? { ...r, texts: {} } : r)),
    vocabulary: ja.vocabulary,
    lang: 'en',
  });
  expect(one.issues.filter((i) => i.code === 'rule_text_untranslated')).toEqual([]);
});

test('the glossary check refuses what docs/glossary.ja.md rules out (it can fail)', () => {
  expect(glossaryProblems('ノード IAM ロールのアクセスエントリを、Namespace の Pod から作成します。')).toEqual([]);
  expect(glossaryProblems('アクセスエントリーを作成します')).toHaveLength(2);
  expect(glossaryProblems('ポッドが名前空間 default にあります')).toHaveLength(2);
  expect(glossaryProblems('IAMロールを確認します')).toHaveLength(1);
  expect(glossaryProblems('ネットワーク名前空間、ホストの名前空間')).toEqual([]);
});
