// Bundles the CLI with esbuild into dist/ as ES modules: dist/rbac-diagnose.js (the bin) with everything a diagnosis
// runs, and dist/chunks/ for what only some runs load through import(): live mode with @kubernetes/client-node, pino,
// the rule-directory loader of --rules, and the yaml library.
import { build } from 'esbuild';
import { chmodSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');
// Built beside dist and swapped in, so no chunk of an earlier build is left behind.
const out = join(root, `dist-tmp-${process.pid}`);
rmSync(out, { recursive: true, force: true });

// json-rules-engine imports jsonpath-plus for its default path resolver, which the core replaces with its own. The
// package's Node build loads node:vm when imported; its browser build is the same API without it.
const jsonpathWithoutVm = {
  name: 'jsonpath-plus-without-vm',
  setup(b) {
    b.onResolve({ filter: /^jsonpath-plus$/ }, async (args) => {
      const pkg = await b.resolve('jsonpath-plus/package.json', {
        kind: 'import-statement',
        resolveDir: args.resolveDir,
      });
      return { path: join(dirname(pkg.path), 'dist/index-browser-esm.js') };
    });
  },
};

// yaml's Node build is CommonJS, and esbuild turns an import() of CommonJS into a require() inside the chunk that asks
// for it: the library would load with every run. Its ES module build (the one browsers get, the same code with
// console.warn for process.emitWarning and atob/btoa for Buffer in !!binary values) is split into a chunk of its own,
// imported only by the runs that read YAML input or write a manifest.
const yamlAsModule = {
  name: 'yaml-as-es-module',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, async (args) => {
      const pkg = await b.resolve('yaml/package.json', { kind: 'import-statement', resolveDir: args.resolveDir });
      return { path: join(dirname(pkg.path), 'browser/index.js') };
    });
  },
};

await build({
  plugins: [jsonpathWithoutVm, yamlAsModule],
  entryPoints: { 'rbac-diagnose': join(root, 'src/bin.ts') },
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __RBAC_DIAGNOSE_VERSION__: JSON.stringify(pkg.version) },
  // Some bundled packages are CommonJS (pino, parts of client-node): their require() of Node modules needs a real one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
chmodSync(join(out, 'rbac-diagnose.js'), 0o755);
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);
console.log('bundled dist/rbac-diagnose.js and dist/chunks/');
