// Bundles the CLI into dist/rbac-diagnose.js (ESM, Node 20) with esbuild. Heavy, rarely used code
// (@kubernetes/client-node for live mode, pino) stays in lazily imported chunks.
import { build } from 'esbuild';
import { chmodSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');
// Build beside dist and swap it in, so a concurrent reader never sees half a bundle.
const out = join(root, `dist-tmp-${process.pid}`);
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { 'rbac-diagnose': join(root, 'src/bin.ts') },
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { __RBAC_DIAGNOSE_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: 'import { createRequire as __rbacCreateRequire } from "node:module"; const require = __rbacCreateRequire(import.meta.url);' },
});
chmodSync(join(out, 'rbac-diagnose.js'), 0o755);
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);
console.log('bundled dist/rbac-diagnose.js');
