// Bundles the CLI into dist/ with esbuild, laid out for start-up time (issue #8, BENCHMARKS.md):
//
//   dist/rbac-diagnose.js   the bin: a small CommonJS loader (scripts/loader.cjs; dist/package.json says commonjs)
//                           that compiles dist/cli.cjs through node:vm with V8's code cache (dist/cli.cjs.cache), so
//                           a run skips most parsing and compiling and never starts Node's ES module loader
//   dist/cli.cjs            everything a piped diagnosis runs: the CLI, the core and the rules' code (CommonJS, so
//                           that V8 can cache its compiled code; Node 20 has no code cache for ES modules)
//   dist/rules.json         the built-in rules' evaluation fields as JSON (JSON.parse reads it several times faster than
//   dist/rule-texts.json    V8 compiles a literal), their texts at byte offsets, read per rule when used (src/rules-json.ts)
//   dist/lazy/*.js          what only some runs need, as ES modules loaded by import(): yaml, json-rules-engine
//                           (--explain), pino (logging), zod (--rules, validation), live mode with client-node
//   dist/cli.cjs.cache      V8 code cache written by running the demo once after bundling. V8 rejects a cache made
//                           by another Node/V8 version (the loader then compiles normally; nothing else changes).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');
const core = join(root, '../core/dist');
const rulesPkg = join(root, '../rules/dist');
// yaml and json-rules-engine are the core's dependencies (pnpm keeps them out of the CLI's own node_modules).
const fromCore = createRequire(join(core, '../package.json'));
// Build beside dist and swap it in, so a concurrent reader never sees half a bundle.
const out = join(root, `dist-tmp-${process.pid}`);
rmSync(out, { recursive: true, force: true });

const define = { __RBAC_DIAGNOSE_VERSION__: JSON.stringify(pkg.version) };
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define,
};

/** Every non-ASCII UTF-16 unit as \\uXXXX, which means the same in JSON, strings, template literals and regexes. */
const toAscii = (s) => s.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// Dynamic imports of the hot path → the lazy module that serves them.
const LAZY = {
  './rules/schema.js': 'rule-schema',
  './report.js': 'report',
  yaml: 'yaml',
  'json-rules-engine': 'json-rules-engine',
  pino: 'pino',
  './live/run.js': 'live',
  '@rbac-diagnose/rules/load': 'rules-load',
};

// 1. Lazy modules: one ESM build with shared chunks.
await build({
  ...common,
  entryPoints: {
    'rule-schema': join(core, 'rules/schema.js'),
    report: join(core, 'report.js'),
    yaml: fromCore.resolve('yaml'),
    'json-rules-engine': fromCore.resolve('json-rules-engine'),
    pino: 'pino',
    live: join(root, 'src/live/run.ts'),
    'rules-load': join(rulesPkg, 'load.js'),
  },
  outdir: join(out, 'lazy'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  banner: {
    js: 'import { createRequire as __rbacCreateRequire } from "node:module"; const require = __rbacCreateRequire(import.meta.url);',
  },
});

// 2. The hot path: CommonJS, lazy imports pointing at dist/lazy, the rules read from dist/rules.json.
const hotPlugin = {
  name: 'rbac-diagnose-hot',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const lazy = LAZY[args.path];
      if (args.kind === 'dynamic-import' && lazy !== undefined) return { path: `./lazy/${lazy}.js`, external: true };
      if (args.kind === 'dynamic-import' && !args.path.startsWith('./lazy/')) {
        // A new dynamic import must be mapped above, or it would be inlined (and its start-up cost with it).
        return {
          errors: [
            {
              text: `dynamic import of ${args.path} in ${args.importer} is not mapped to a lazy module in scripts/bundle.mjs`,
            },
          ],
        };
      }
      // The rules' generated data (a 260 KB literal) → src/rules-json.ts, which reads dist/rules.json and rule-texts.json.
      if (/[\\/]builtin\.generated\.js$/.test(args.path)) return { path: join(root, 'src/rules-json.ts') };
      return undefined;
    });
  },
};
await build({
  ...common,
  entryPoints: [join(root, 'src/hot.ts')],
  outfile: join(out, 'cli.cjs'),
  format: 'cjs',
  plugins: [hotPlugin],
});

// Dynamic import() inside a vm.Script needs an experimental flag (and is lost when the code comes from the cache), so
// the script imports its lazy modules through a function the loader passes in: `__rbacImport("./lazy/x.js")`.
const hot = readFileSync(join(out, 'cli.cjs'), 'utf8');
const imports = hot.match(/\bimport\("/g) ?? [];
const lazyImports = hot.match(/\bimport\("\.\/lazy\/[\w-]+\.js"\)/g) ?? [];
if (imports.length !== lazyImports.length || lazyImports.length === 0) {
  console.error(
    `bundle: dist/cli.cjs has ${imports.length} import() calls, ${lazyImports.length} of them to ./lazy/; every one must be`,
  );
  process.exit(1);
}
// esbuild escapes non-ASCII in strings but keeps it in regex literals and comments; one such character makes Node
// decode the whole file into a two-byte string (measured ~1.6× slower per byte). \uXXXX means the same in strings,
// template literals and regexes (a surrogate pair stays a pair), and nothing in comments.
if (/\\[\u0080-\uffff]/.test(hot)) {
  console.error(
    'bundle: dist/cli.cjs has a backslash before a non-ASCII character; escaping it as \\uXXXX would change its meaning',
  );
  process.exit(1);
}
writeFileSync(join(out, 'cli.cjs'), toAscii(hot.replace(/\bimport\(("\.\/lazy\/[\w-]+\.js")\)/g, '__rbacImport($1)')));

// 3. The rules as JSON, and the loader as the bin.
const { builtinRuleData, builtinVocabularyData } = await import(join(rulesPkg, 'builtin.generated.js'));
// Non-ASCII characters (—, ≥, …) escaped as \uXXXX: the file is pure ASCII, so the CLI reads it as Latin-1 (no UTF-8
// validation) into a one-byte string.
const ascii = (v) => toAscii(JSON.stringify(v));
// Split for src/rules-json.ts: what evaluation needs in rules.json, the texts at byte offsets in rule-texts.json.
const TEXT_KEYS = new Set(['title', 'summary', 'explanation', 'misleading', 'nextSteps', 'remediation', 'references']);
const textParts = [];
let offset = 0;
const packed = {
  rules: builtinRuleData.map((r) => {
    const part = ascii(Object.fromEntries(Object.entries(r).filter(([k]) => TEXT_KEYS.has(k))));
    textParts.push(part);
    const texts = [offset, offset + part.length];
    offset += part.length + 1;
    return {
      order: Object.keys(r),
      head: Object.fromEntries(Object.entries(r).filter(([k]) => !TEXT_KEYS.has(k))),
      texts,
    };
  }),
};
writeFileSync(join(out, 'rules.json'), ascii(packed));
writeFileSync(join(out, 'rule-texts.json'), `${textParts.join('\n')}\n`);
writeFileSync(join(out, 'vocabulary.json'), JSON.stringify(builtinVocabularyData));
copyFileSync(join(root, 'scripts/loader.cjs'), join(out, 'rbac-diagnose.js'));
writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
writeFileSync(join(out, 'lazy', 'package.json'), `${JSON.stringify({ type: 'module' })}\n`);
chmodSync(join(out, 'rbac-diagnose.js'), 0o755);

rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);

// 4. The code cache, from a run of the demo (parsers, the engine, evidence and text rendering) — after the swap, so
// the cached functions carry dist/cli.cjs as their file name.
const warm = spawnSync(process.execPath, [join(dist, 'rbac-diagnose.js'), '--demo', '--no-color'], {
  env: { ...process.env, RBAC_DIAGNOSE_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
if (warm.status !== 0 || !existsSync(join(dist, 'cli.cjs.cache'))) {
  console.error(`bundle: the demo run that writes the code cache failed (exit ${warm.status}):\n${warm.stderr}`);
  process.exit(1);
}
console.log('bundled dist/rbac-diagnose.js (loader), dist/cli.cjs (+ code cache), dist/rules.json, dist/lazy/');
