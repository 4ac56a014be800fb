// The worked example of docs/writing-rules.md, run as the page says: its three files (a signature, a root cause, a
// rule) are written from the page into a temporary directory and the built CLI runs with --rules on the real
// Kubewarden pastes of the evaluation corpus.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/dist/rbac-diagnose.js');
const page = readFileSync(join(root, 'docs/writing-rules.md'), 'utf8');
// input, policy, the policy's message
const KUBEWARDEN: [string, string, string][] = [
  [
    'eval/corpus/admission/kubewarden-verify-image-signatures-unsigned/input.txt',
    'verify-image-signatures',
    'Pod verify-image-invalid is not accepted: verification of image ghcr.io/kubewarden/test-verify-image-signatures:unsigned failed: Host error: Callback evaluation failure: no signatures found for image: ghcr.io/kubewarden/test-verify-image-signatures:unsigned',
  ],
  [
    'eval/corpus/admission/kubewarden-nv2kw-group-policy-rejected/input.txt',
    'group-demo1',
    'rejected - reject_latest() && use_ban_label()',
  ],
  // the webhook's name is wrapped: the message is read joined
  [
    'eval/corpus/admission/kubewarden-kw-policy-zig-bad-name-wrapped/input.txt',
    'kw-policy-zig',
    'Pod name: bad-name is not accepted.',
  ],
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
  evidence: { line: number; text: string; why: string }[];
}

const top = (stdout: string): Diagnosis[] => (JSON.parse(stdout) as { diagnoses: Diagnosis[] }).diagnoses;

let rules: string;

beforeAll(() => {
  const files = blocks(/^file=/);
  expect([...files.keys()]).toEqual([
    'kubewarden-rules/signatures.yaml',
    'kubewarden-rules/vocabulary.yaml',
    'kubewarden-rules/kubewarden-policy-rejected/rule.yaml',
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'rbac-worked-example-'));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  rules = join(dir, 'kubewarden-rules');
});

describe('docs/writing-rules.md: the Kubewarden worked example', () => {
  test.each(KUBEWARDEN)(
    '%s: the custom rule is the diagnosis, under its own cause on the admission link',
    (input, policy, message) => {
      const r = cli(['--rules', rules, '-o', 'json', input]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const [first, ...rest] = top(r.stdout);
      // the built-in family diagnosis yields to it
      expect(rest).toEqual([]);
      const text = readFileSync(join(root, input), 'utf8').split('\n');
      const line = text.findIndex((l) => l.includes('admission webhook')) + 1;
      expect(first).toMatchObject({
        rootCause: 'x-kubewarden-policy-rejected',
        ruleId: 'kubewarden-policy-rejected',
        subject: `Kubewarden policy ${policy}`,
        chain: { links: ['AWS credentials', 'token', 'IAM → user mapping', 'RBAC', 'admission'], broken: 4 },
      });
      // the evidence is the denial, and its why carries the policy's own message, read by the signature
      expect(first?.evidence).toHaveLength(1);
      expect(first?.evidence[0]).toMatchObject({ line, text: text[line - 1]?.trimEnd() });
      expect(first?.evidence[0]?.why).toBe(`Kubewarden (clusterwide policy ${policy}) rejected the object: ${message}`);
    },
  );

  test('the page shows what the first paste gives (the jq excerpt)', () => {
    const [shown] = blocks(/^output$/).values();
    const d = top(cli(['--rules', rules, '-o', 'json', KUBEWARDEN[0]?.[0] ?? '']).stdout)[0];
    expect(JSON.parse(shown ?? '')).toEqual({
      rootCause: d?.rootCause,
      ruleId: d?.ruleId,
      subject: d?.subject,
      chain: d?.chain,
      evidence: d?.evidence.map((e) => e.line),
    });
  });

  test('without the directory the built-in rules give only the family diagnosis', () => {
    const d = top(cli(['-o', 'json', KUBEWARDEN[0]?.[0] ?? '']).stdout);
    expect(d.map((x) => x.ruleId)).toEqual(['admission-denied-unexplained']);
  });

  test('a denial by another webhook (Gatekeeper) does not fire it', () => {
    const r = cli([
      '--rules',
      rules,
      '-o',
      'json',
      'eval/corpus/admission/gatekeeper-1167-require-owner-label-pods/input.txt',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('kubewarden');
  });

  test('rules list and explain show the rule and the signature as custom; --explain marks both', () => {
    const list = cli(['rules', 'list', '--rules', rules]);
    expect(list.stdout).toMatch(
      /^ {2}kubewarden-policy-rejected \* +x-kubewarden-policy-rejected +error\n {6}Kubewarden policy <policy> rejected/m,
    );
    expect(list.stdout).toMatch(
      /^MESSAGE SIGNATURES \(\* 1 custom, from --rules\)\n {2}x-kubewarden-rejected \* {2}cause, fields groups\.scope, groups\.policy, groups\.reason$/m,
    );
    expect(list.stdout).toMatch(/rules \(\* 1 custom, from --rules\)/);
    const json = JSON.parse(cli(['rules', 'list', '-o', 'json', '--rules', rules]).stdout) as {
      id: string;
      custom: boolean;
    }[];
    expect(json.filter((r) => r.custom).map((r) => r.id)).toEqual(['kubewarden-policy-rejected']);
    expect(cli(['explain', 'x-kubewarden-policy-rejected', '--rules', rules]).stdout).toContain(
      '■ kubewarden-policy-rejected (custom rule from --rules, error, layer admission, base confidence 0.9)',
    );
    const signature = cli(['explain', 'x-kubewarden-rejected', '--rules', rules]).stdout;
    expect(signature).toMatch(/^Signature x-kubewarden-rejected — custom signature from --rules, role cause/);
    expect(signature).toContain('  read by: kubewarden-policy-rejected');
    const explained = cli(['--explain', '--rules', rules, KUBEWARDEN[2]?.[0] ?? '']).stdout;
    expect(explained).toMatch(/✔ kubewarden-policy-rejected \[custom rule from --rules\] \(kw-policy-zig\)/);
    expect(explained).toMatch(/^ {2}✔ x-kubewarden-rejected \(cause\): matched line 4$/m);
  });

  test('with --lang ja the custom rule, which has no Japanese, is shown in English with one note; the rest is Japanese', () => {
    const r = cli(['--rules', rules, '--lang', 'ja', '-o', 'json', KUBEWARDEN[0]?.[0] ?? '']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      lang: string;
      diagnoses: (Diagnosis & { title: string })[];
      issues: { code: string; message: string }[];
    };
    expect(report.lang).toBe('ja');
    expect(report.diagnoses[0]?.ruleId).toBe('kubewarden-policy-rejected');
    expect(report.diagnoses[0]?.title).toMatch(/^Kubewarden policy/);
    // The built-in chain keeps its Japanese labels.
    expect(report.diagnoses[0]?.chain).toEqual({
      links: ['AWS の認証情報', 'トークン', 'IAM からユーザーへのマッピング', 'RBAC', 'アドミッション'],
      broken: 4,
    });
    expect(report.issues.filter((i) => i.code === 'rule_text_untranslated').map((i) => i.message)).toEqual([
      expect.stringMatching(
        /^ルール kubewarden-policy-rejected には、表示したテキストのうち \d+ 件の日本語訳がありません。/,
      ),
    ]);
    const text = cli(['--rules', rules, '--lang', 'ja', KUBEWARDEN[0]?.[0] ?? '']).stdout;
    expect(text).toMatch(/^rbac-diagnose: 障害の原因候補 1 件/);
    expect(text).toContain('入力についての注意:');
  });
});
