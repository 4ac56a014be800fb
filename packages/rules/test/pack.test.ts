// The published packages work outside the workspace: `pnpm pack` core and rules, install the tarballs into a fresh
// npm project, type-check a consumer under strict NodeNext and run it on a seed wall.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

test('core and rules pack, install into another project with their types, and diagnose', () => {
  const out = mkdtempSync(join(tmpdir(), 'rbac-pack-'));
  for (const pkg of ['core', 'rules'])
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: join(root, 'packages', pkg), stdio: 'pipe' });
  const tarballs = readdirSync(out)
    .filter((f) => f.endsWith('.tgz'))
    .sort();
  expect(tarballs).toEqual([
    expect.stringMatching(/^rbac-diagnose-core-.*\.tgz$/),
    expect.stringMatching(/^rbac-diagnose-rules-.*\.tgz$/),
  ]);
  const app = join(out, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs.map((t) => join(out, t))],
    { cwd: app, stdio: 'pipe', timeout: 120000 },
  );
  writeFileSync(
    join(app, 'main.ts'),
    `import { diagnose, type Report } from '@rbac-diagnose/core';
import { ReportSchema } from '@rbac-diagnose/core/schemas';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { readFileSync } from 'node:fs';
const report: Report = await diagnose(readFileSync(process.argv[2] ?? '', 'utf8'), builtinRuleSet);
const first: string | undefined = report.diagnoses[0]?.rootCause;
ReportSchema.parse(report);
console.log(first);
`,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        noEmit: false,
        outDir: 'out',
        skipLibCheck: false,
        types: [],
      },
      files: ['main.ts'],
    }),
  );
  execFileSync(
    process.execPath,
    [tsc, '-p', app, '--types', 'node', '--typeRoots', join(root, 'node_modules/@types')],
    { cwd: app, stdio: 'pipe' },
  );
  copyFileSync(join(root, 'fixtures/seed-walls/wall2-forbidden.txt'), join(app, 'wall2.txt'));
  const printed = execFileSync(process.execPath, [join(app, 'out/main.js'), join(app, 'wall2.txt')], {
    cwd: app,
    encoding: 'utf8',
  });
  expect(printed.trim()).toBe('rbac_permission_missing');
}, 180000);
