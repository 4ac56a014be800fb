// The language of a run as a user picks it: --lang, RBAC_DIAGNOSE_LANG, the locale; what it changes (every text) and
// what it does not (the machine fields, the exit codes).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const walls = fileURLToPath(new URL('../../../fixtures/seed-walls/', import.meta.url));

/** Runs the CLI with exactly these language variables (the others removed). */
function run(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  for (const name of ['RBAC_DIAGNOSE_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: walls,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const langOf = (args: string[], env: Record<string, string> = {}): string =>
  (JSON.parse(run(['-o', 'json', ...args, 'wall2-forbidden.txt'], env).stdout) as { lang: string }).lang;

test('--lang, else RBAC_DIAGNOSE_LANG, else LC_ALL / LC_MESSAGES / LANG, else English', () => {
  expect(langOf([])).toBe('en');
  expect(langOf([], { LANG: 'ja_JP.UTF-8' })).toBe('ja');
  expect(langOf([], { LANG: 'ja_JP.UTF-8', LC_ALL: 'C' })).toBe('en');
  expect(langOf([], { LANG: 'C', LC_MESSAGES: 'ja_JP.UTF-8' })).toBe('ja');
  expect(langOf([], { RBAC_DIAGNOSE_LANG: 'ja', LANG: 'C' })).toBe('ja');
  expect(langOf([], { RBAC_DIAGNOSE_LANG: 'en', LANG: 'ja_JP.UTF-8' })).toBe('en');
  expect(langOf(['--lang', 'en'], { RBAC_DIAGNOSE_LANG: 'ja' })).toBe('en');
  expect(langOf(['--lang=ja'], { LANG: 'C' })).toBe('ja');
});

test('a Japanese locale: the report, --help, usage and input errors are in Japanese; exit codes unchanged', () => {
  const env = { LANG: 'ja_JP.UTF-8' };
  const report = run(['wall2-forbidden.txt'], env);
  expect(report.code).toBe(0);
  expect(report.stdout).toContain('sample-username に services の list を許可する RBAC のルールが無い');
  expect(run(['--help'], env).stdout).toMatch(/^rbac-diagnose — Kubernetes と Amazon EKS が/);
  expect(run(['--nope'], env)).toEqual({
    code: 2,
    stdout: '',
    stderr: 'rbac-diagnose: 不明なオプション --nope です (--help を参照してください)\n',
  });
  expect(run(['missing.txt'], env)).toEqual({
    code: 2,
    stdout: '',
    stderr: 'rbac-diagnose: missing.txt を読めません: ファイルがありません\n',
  });
  expect(run(['explain', 'nope'], env).stderr).toBe(
    'rbac-diagnose: "nope" という名前のルールも根本原因もありません (`rbac-diagnose rules list` を参照してください)\n',
  );
  const explained = run(['explain', 'node_role_not_mapped'], env);
  expect(explained.stdout).toContain('根本原因 node_role_not_mapped');
  expect(explained.stdout).toContain('確認の方法 (読み取りのみ):');
  expect(explained.stdout).toContain('ノードが一度も Ready になっていない');
});

test('--lang takes en or ja; a mistake in it is told in the language of the environment', () => {
  expect(run(['--lang', 'fr', 'wall2-forbidden.txt'])).toEqual({
    code: 2,
    stdout: '',
    stderr: 'rbac-diagnose: --lang must be one of en, ja (got "fr")\n',
  });
  expect(run(['--lang', 'fr', 'wall2-forbidden.txt'], { LANG: 'ja_JP.UTF-8' }).stderr).toBe(
    'rbac-diagnose: --lang は en, ja のどれかです ("fr" が指定されました)\n',
  );
  // --lang ja names the language of the message even when the rest of the command line is wrong.
  expect(run(['--lang', 'ja', '--fail-on', 'never']).stderr).toBe(
    'rbac-diagnose: --fail-on は error、warning、info のどれかです\n',
  );
});

test('--fix, --explain and the markdown trace follow the language; the manifests do not', () => {
  const en = run(['--fix', 'wall2-forbidden.txt']).stdout;
  const ja = run(['--fix', '--lang', 'ja', 'wall2-forbidden.txt']).stdout;
  const body = (s: string): string => s.replace(/^# .*\n/gm, '');
  expect(body(ja)).toBe(body(en));
  expect(ja).toMatch(/^# rbac_permission_missing \(forbidden-rbac-permission-missing、確度 0\.85\)\n/);
  const trace = run(['--explain', '--lang', 'ja', '--demo']).stdout;
  expect(trace).toContain('ルールのトレース: ');
  expect(trace).toContain(
    '    ↑ +0.30 適用: 入力にある aws-auth は、どのロールも system:nodes にマッピングしていないので、EC2 のノードはどれもこれを通じて認証できません。',
  );
  expect(run(['--explain', '--lang', 'ja', '-o', 'markdown', 'wall2-forbidden.txt']).stdout).toContain(
    '<details><summary>ルールのトレース</summary>',
  );
});
