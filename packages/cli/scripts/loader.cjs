#!/usr/bin/env node
'use strict';
// The rbac-diagnose bin (copied to dist/rbac-diagnose.js by scripts/bundle.mjs; dist/package.json makes it CommonJS,
// so a piped run never starts Node's ES module loader). It compiles dist/cli.cjs with V8's code cache
// (dist/cli.cjs.cache), which Node 20 offers for scripts but not for ES modules: the CLI's own code then starts
// without being parsed and compiled again on every run. A cache from another Node version is rejected by V8 and the
// script is compiled normally. The script loads its lazy modules (dist/lazy, ES modules) through `__rbacImport`, an
// import() made here: import() inside vm code needs an experimental Node flag.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const file = join(__dirname, 'cli.cjs');
const cacheFile = join(__dirname, 'cli.cjs.cache');
let cachedData;
try {
  // RBAC_DIAGNOSE_NO_CODE_CACHE=1 compiles from source, as on a Node version the cache was not built with (bench/run.mjs).
  cachedData = process.env.RBAC_DIAGNOSE_NO_CODE_CACHE === '1' ? undefined : readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// latin1: the bundle is pure ASCII (scripts/bundle.mjs escapes the rest), and Latin-1 decoding skips UTF-8 validation.
const script = new Script(
  `(function (exports, require, module, __filename, __dirname, __rbacImport) {${readFileSync(file, 'latin1')}\n})`,
  {
    filename: file,
    cachedData,
  },
);
if (process.env.RBAC_DIAGNOSE_CODE_CACHE_DEBUG === '1')
  process.stderr.write(
    `code cache: ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}\n`,
  );
const cjs = { exports: {} };
const lazyImport = (specifier) => import(pathToFileURL(join(__dirname, specifier)).href);
script.runInThisContext()(cjs.exports, require, cjs, file, __dirname, lazyImport);
if (process.env.RBAC_DIAGNOSE_WRITE_CODE_CACHE === '1') {
  // Written at exit, so the cache also holds the functions this run compiled (build time only: scripts/bundle.mjs).
  process.once('exit', () => {
    writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
    renameSync(`${cacheFile}.tmp`, cacheFile);
  });
}
cjs.exports.run();
