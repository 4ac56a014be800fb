// Static ReDoS audit of every regex the core uses, with recheck (https://makenowjust-labs.github.io/recheck/; its
// native linux-x64 binary ships in the npm package, no JVM or download needed). Slow — several minutes for ~250
// regexes, since each is fuzzed — so CI runs the time-bounded harness in packages/core/src/hardness.test.ts instead;
// run this after adding or changing regexes:  pnpm build && node bench/redos-audit.mjs [--timeout 5000]
//
// Collects: regex literals in packages/core/src/**/*.ts (TypeScript scanner), SIGNATURES (built dist, includes the
// ones made with `new RegExp`) and the `matches` patterns of the built-in rules. Exit 1 when one is vulnerable.
// Caveat: recheck assumes any input; a "vulnerable" verdict on a regex that never sees user text (e.g. /\d+$/ on our
// own group names) is a false alarm, and polynomial verdicts that need a U+2028 are real here (lines may hold one).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const ts = require('typescript');
const { check } = require('recheck');
const timeout = Number(process.argv[process.argv.indexOf('--timeout') + 1] || 5000);

const found = new Map();
const add = (source, flags, where) => {
  const k = `${source}/${flags.replace(/[gy]/g, '')}`;
  if (!found.has(k)) found.set(k, { source, flags: flags.replace(/[gy]/g, ''), where });
};
const walk = (dir, out = []) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
};
const src = join(root, 'packages/core/src');
for (const file of walk(src)) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const t = node.getText(sf);
      const cut = t.lastIndexOf('/');
      add(
        t.slice(1, cut),
        t.slice(cut + 1),
        `${file.slice(src.length + 1)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`,
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
const { SIGNATURES } = await import(pathToFileURL(join(root, 'packages/core/dist/parse/signatures.js')).href);
for (const s of SIGNATURES) add(s.re.source, s.re.flags, `signature ${s.id}`);
const { builtinRules } = await import(pathToFileURL(join(root, 'packages/rules/dist/index.js')).href);
const ruleWalk = (v, where) => {
  if (Array.isArray(v)) v.forEach((x) => ruleWalk(x, where));
  else if (v && typeof v === 'object') {
    if (typeof v.matches === 'string') add(v.matches, '', where);
    if (v.operator === 'matches' && typeof v.value === 'string') add(v.value, '', where);
    Object.values(v).forEach((x) => ruleWalk(x, where));
  }
};
for (const r of builtinRules) ruleWalk(r, `rule ${r.id}`);

console.error(`recheck: ${found.size} distinct regexes, timeout ${timeout} ms each`);
const counts = { safe: 0, vulnerable: 0, unknown: 0 };
const t0 = performance.now();
for (const r of found.values()) {
  const res = await check(r.source, r.flags, { timeout });
  counts[res.status] = (counts[res.status] ?? 0) + 1;
  if (res.status === 'vulnerable')
    console.log(
      `VULNERABLE ${res.complexity?.summary}: ${r.where} /${r.source}/${r.flags}\n  attack: ${res.attack?.pattern}`,
    );
  else if (res.status === 'unknown') console.log(`unknown (${res.error?.kind}): ${r.where} /${r.source}/${r.flags}`);
}
console.log(
  `\n${counts.safe} safe, ${counts.vulnerable} vulnerable, ${counts.unknown} unknown (timeout) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
process.exit(counts.vulnerable > 0 ? 1 : 0);
