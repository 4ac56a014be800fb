// The language of a run as a user picks it: --lang, RBAC_DIAGNOSE_LANG, the locale; what it changes (every text) and
// what it does not (the machine fields, the exit codes).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terminalLayout } from '@rbac-diagnose/core';
import { expect, test } from 'vitest';
import { englishProse } from '../../../test-support/english.js';

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

test('rules list and explain in Japanese: every line fits 100 terminal columns, the columns align by display width', async () => {
  const { measure } = await terminalLayout(100);
  const list = run(['rules', 'list'], { LANG: 'ja_JP.UTF-8' });
  expect(list.code).toBe(0);
  const lines = list.stdout.trimEnd().split('\n');
  expect(lines.filter((l) => measure(l) > 100)).toEqual([]);
  expect(lines[0]).toMatch(/^層 \/ ルール +根本原因 +重大度$/);
  // The rule, its root cause and its severity start at the same terminal column on every row, the heading's too.
  const rows = lines.filter((l) => /^ {2}\S+ +[a-z_]+ +(?:エラー|警告|情報)$/.test(l));
  expect(rows.length).toBeGreaterThan(50);
  const starts = (l: string): string => {
    const [, rule = '', cause = ''] = /^(.+? {2,})(\S+ +)\S+$/.exec(l) ?? [];
    return `${measure(rule)},${measure(rule + cause)}`;
  };
  expect(new Set([lines[0] ?? '', ...rows].map(starts))).toEqual(new Set([starts(rows[0] ?? '')]));
  expect(list.stdout).toMatch(/^ {6}<username> に <target> の <verb> を許可する RBAC のルールが無い$/m);
  const explained = run(['explain', 'node_role_not_mapped', '--lang', 'ja']).stdout.trimEnd().split('\n');
  expect(explained.filter((l) => measure(l) > 100 && !/^ {4}\$ |https:/.test(l))).toEqual([]);
  expect(explained.filter((l) => measure(l) > 95).length).toBeGreaterThan(5);
});

test('`LANG=ja_JP.UTF-8 kubectl describe pod x | rbac-diagnose` prints a report with no English text left', () => {
  const input = readFileSync(join(walls, 'wall3-pending-not-ready-disk.txt'), 'utf8');
  const r = spawnSync(process.execPath, [bin], {
    input,
    env: { ...process.env, NO_COLOR: '1', LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '', RBAC_DIAGNOSE_LANG: '' },
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^rbac-diagnose: 障害の原因候補 3 件、その他の指摘 0 件/);
  // Evidence is the paste's lines and commands the tool's own (both allowed by englishProse); a manifest (indented
  // seven columns, no Japanese) is the same in every language, its comments included.
  const prose = (out: string): string[] =>
    out.split('\n').filter((l) => !/^ {7}/.test(l) || /[\u3040-\u30ff\u4e00-\u9fff]/.test(l));
  expect(prose(r.stdout).flatMap((l) => englishProse(l, input))).toEqual([]);
  const full = run(['-v', 'wall3-pending-not-ready-disk.txt', 'aws-auth-users-only.yaml'], { LANG: 'ja_JP.UTF-8' });
  const inputs = input + readFileSync(join(walls, 'aws-auth-users-only.yaml'), 'utf8');
  expect(prose(full.stdout).flatMap((l) => englishProse(l, inputs))).toEqual([]);
  expect(full.stdout).toContain('根拠');
  // The same check finds the English of the English report.
  expect(
    prose(run(['wall3-pending-not-ready-disk.txt']).stdout).flatMap((l) => englishProse(l, input)).length,
  ).toBeGreaterThan(5);
});

test('--lang ja --rules on a broken directory: the problems in Japanese, only the paths and the values in English', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rbac-rules-ja-'));
  writeFileSync(join(dir, 'r.yaml'), 'id: Bad_Id\nseverity: fatal\nconfidence: 2\ncolour: red\n');
  const stdin = 'error: You must be logged in to the server (Unauthorized)\n';
  const ja = spawnSync(process.execPath, [bin, '--lang', 'ja', '--rules', dir], { input: stdin, encoding: 'utf8' });
  expect(ja.status).toBe(2);
  expect(ja.stderr).toBe(
    `rbac-diagnose: ${join(dir, 'r.yaml')} を使えません: id: 小文字の英数字をハイフンでつないだ名前 (kebab-case) にします。 (ほかに 12 件の問題があります)\n`,
  );
  expect(englishProse(ja.stderr.replaceAll(dir, ''))).toEqual([]);
  // Every problem of the file, as rules list shows the first: the same check over each of them.
  for (const [file, body] of [
    ['s.yaml', 'title: 3\n'],
    ['t.json', '{ "id": '],
    ['u.yaml', 'id: !custom x\n'],
  ] as const) {
    const one = mkdtempSync(join(tmpdir(), 'rbac-rules-ja-'));
    writeFileSync(join(one, file), body);
    const r = run(['rules', 'list', '--lang', 'ja', '--rules', one]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/を使えません: .*[\u3040-\u30ff]/);
    expect(englishProse(r.stderr.replaceAll(one, ''), body)).toEqual([]);
  }
  const en = spawnSync(process.execPath, [bin, '--rules', dir], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', RBAC_DIAGNOSE_LANG: '' },
  });
  expect(en.stderr).toBe(`rbac-diagnose: cannot use ${join(dir, 'r.yaml')}: id: kebab-case (and 12 more problems)\n`);
});

test('a value from a rule file reaches the terminal with its control characters escaped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rbac-rules-ja-'));
  mkdirSync(join(dir, 'a'));
  const rule = JSON.parse(
    readFileSync(new URL('../../rules/rules/forbidden-rbac-permission-missing/rule.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  writeFileSync(
    join(dir, 'a', 'rule.json'),
    JSON.stringify({ ...rule, id: 'a', rootCause: 'evil\u001b]0;owned\u0007' }),
  );
  for (const lang of ['en', 'ja']) {
    const r = run(['rules', 'list', '--lang', lang, '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain('"evil\\u001b]0;owned\\u0007"');
  }
});
