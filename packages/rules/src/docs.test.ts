import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

test('docs/api.md, docs/rules.md and docs/rules.ja.md are generated from the current sources (node scripts/gen-docs.mjs)', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-docs.mjs', '--check'], {
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 60000);
