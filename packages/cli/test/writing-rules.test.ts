// The worked example of docs/writing-rules.md, run as the page says: its files are written from the page into a
// temporary directory and the built CLI runs with --rules on the real Kyverno pastes of the evaluation corpus.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/dist/rbac-diagnose.js');
const page = readFileSync(join(root, 'docs/writing-rules.md'), 'utf8');
const KYVERNO = [
  'eval/corpus/admission/kyverno-8916-disallow-annotations-blocked/input.txt',
  'eval/corpus/admission/kyverno-1147-disallow-latest-tag-blocked/input.txt',
];

/** The page's fenced blocks whose info string is `<lang> <word>`, by that word (`file=path` blocks by their path). */
function blocks(word: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of page.matchAll(/^```\w+ (\S+)\n([\s\S]*?)^```$/gm)) {
    const info = m[1] ?? '';
    if (word.test(info)) found.set(info.replace(/^file=/, ''), m[2] ?? '');
  }
  return found;
}

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Diagnosis {
  rootCause: string;
  ruleId: string;
  subject?: string;
  chain?: unknown;
  evidence: { line: number; text: string }[];
}

let rules: string;

beforeAll(() => {
  const files = blocks(/^file=/);
  expect([...files.keys()]).toEqual(['kyverno-rules/vocabulary.yaml', 'kyverno-rules/kyverno-policy-denied/rule.yaml']);
  const dir = mkdtempSync(join(tmpdir(), 'rbac-worked-example-'));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  rules = join(dir, 'kyverno-rules');
});

describe('docs/writing-rules.md: the Kyverno worked example', () => {
  test.each(KYVERNO)('%s: the custom rule is the diagnosis, under its own cause on the admission link', (input) => {
    const r = cli(['--rules', rules, '-o', 'json', input]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [top, ...rest] = (JSON.parse(r.stdout) as { diagnoses: Diagnosis[] }).diagnoses;
    expect(rest).toEqual([]);
    const text = readFileSync(join(root, input), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('denied the request:')) + 1;
    expect(top).toMatchObject({
      rootCause: 'x-kyverno-policy-denied',
      ruleId: 'kyverno-policy-denied',
      chain: { links: ['AWS credentials', 'token', 'IAM → user mapping', 'RBAC', 'admission'], broken: 4 },
    });
    // The webhook line first, then Kyverno's block lines, so that the built-in diagnosis they explain is suppressed.
    expect(top?.evidence[0]).toMatchObject({ line, text: text[line - 1] });
    expect(top?.evidence.slice(1).map((e) => e.text)).toContainEqual(
      expect.stringMatching(/was blocked due to the following policies/),
    );
    expect(top?.subject).toMatch(/^Kyverno webhook \S*kyverno\S*$/);
  });

  test('the page shows what the first paste gives (the jq excerpt)', () => {
    const [shown] = blocks(/^output$/).values();
    const r = cli(['--rules', rules, '-o', 'json', KYVERNO[0] ?? '']);
    const top = (JSON.parse(r.stdout) as { diagnoses: Diagnosis[] }).diagnoses[0];
    expect(JSON.parse(shown ?? '')).toEqual({
      rootCause: top?.rootCause,
      ruleId: top?.ruleId,
      subject: top?.subject,
      chain: top?.chain,
      evidence: top?.evidence.map((e) => e.line),
    });
  });

  test('without the directory the built-in rules do not conclude the custom cause', () => {
    const r = cli(['-o', 'json', KYVERNO[0] ?? '']);
    expect(r.stdout).not.toContain('x-kyverno');
  });

  test('a Gatekeeper denial (same signature, another webhook) does not fire it', () => {
    const r = cli([
      '--rules',
      rules,
      '-o',
      'json',
      'eval/corpus/admission/gatekeeper-1167-require-owner-label-pods/input.txt',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('kyverno-policy-denied');
  });

  test('rules list marks it as custom; explain says where it comes from', () => {
    const list = cli(['rules', 'list', '--rules', rules]);
    expect(list.stdout).toMatch(/^ {2}kyverno-policy-denied \* +x-kyverno-policy-denied +error\n {6}A Kyverno policy/m);
    expect(list.stdout).toMatch(/rules \(\* 1 custom, from --rules\)/);
    const json = JSON.parse(cli(['rules', 'list', '-o', 'json', '--rules', rules]).stdout) as {
      id: string;
      custom: boolean;
    }[];
    expect(json.filter((r) => r.custom).map((r) => r.id)).toEqual(['kyverno-policy-denied']);
    expect(cli(['explain', 'x-kyverno-policy-denied', '--rules', rules]).stdout).toContain(
      '■ kyverno-policy-denied (custom rule from --rules, error, layer admission, base confidence 0.9)',
    );
  });

  test('with --lang ja the custom rule, which has no Japanese, is shown in English with one note; the rest is Japanese', () => {
    const r = cli(['--rules', rules, '--lang', 'ja', '-o', 'json', KYVERNO[0] ?? '']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      lang: string;
      diagnoses: (Diagnosis & { title: string })[];
      issues: { code: string; message: string }[];
    };
    expect(report.lang).toBe('ja');
    expect(report.diagnoses[0]?.ruleId).toBe('kyverno-policy-denied');
    expect(report.diagnoses[0]?.title).toMatch(/^A Kyverno policy/);
    // The built-in chain keeps its Japanese labels.
    expect(report.diagnoses[0]?.chain).toEqual({
      links: ['AWS の認証情報', 'トークン', 'IAM からユーザーへのマッピング', 'RBAC', 'アドミッション'],
      broken: 4,
    });
    expect(report.issues.filter((i) => i.code === 'rule_text_untranslated').map((i) => i.message)).toEqual([
      expect.stringMatching(
        /^ルール kyverno-policy-denied には、表示したテキストのうち \d+ 件の日本語訳がありません。/,
      ),
    ]);
    const text = cli(['--rules', rules, '--lang', 'ja', KYVERNO[0] ?? '']).stdout;
    expect(text).toMatch(/^rbac-diagnose: 障害の原因候補 1 件/);
    expect(text).toContain('入力についての注意:');
  });
});
