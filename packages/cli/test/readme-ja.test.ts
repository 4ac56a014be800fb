// README.ja.md tells the seed's walls through the tool with the built CLI's real output: each ```text block that
// starts with `$ rbac-diagnose …` is exactly what that command prints (from the repository root, no colour), and its
// Quick start is README.md's (which .ci/run runs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const readme = (name: string): string => readFileSync(`${root}${name}`, 'utf8');

/** The body of the first fenced block under the Quick start heading. */
function quickStart(text: string): string {
  const [, body = ''] = /^## Quick start[^\n]*\n[\s\S]*?^```\w*\n([\s\S]*?)^```$/m.exec(text) ?? [];
  return body;
}

const shown = [...readme('README.ja.md').matchAll(/^```text\n\$ (rbac-diagnose [^\n]*)\n([\s\S]*?)^```$/gm)].map(
  (m): [string, string] => [m[1] ?? '', m[2] ?? ''],
);

test('README.ja.md has the Quick start of README.md and shows the output of the demo and of every wall', () => {
  expect(quickStart(readme('README.ja.md'))).toBe(quickStart(readme('README.md')));
  expect(quickStart(readme('README.md'))).toContain('pnpm demo');
  expect(shown.map(([command]) => command)).toEqual([
    'rbac-diagnose --demo --lang ja',
    ...['wall0-no-aws-credentials', 'wall1-unauthorized', 'wall2-forbidden', 'wall3-pending-not-ready-disk'].map(
      (w) => `rbac-diagnose --lang ja fixtures/seed-walls/${w}.txt`,
    ),
    'rbac-diagnose --lang ja fixtures/seed-walls/aws-auth-as-published.txt',
  ]);
  expect(readme('README.ja.md')).not.toMatch(/出力例: 現在の英語の出力/);
});

test.each(shown)('README.ja.md: `%s` prints what the page shows', (command, output) => {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  for (const name of ['RBAC_DIAGNOSE_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  const r = spawnSync(process.execPath, [bin, ...command.split(' ').slice(1)], { cwd: root, env, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout.trimEnd()).toBe(output.trimEnd());
});
