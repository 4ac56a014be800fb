// Every regex the core runs on input text, for the regex audits (bench/redos-audit.mjs, bench/regex-pump.mjs):
// regex literals in packages/core/src/**/*.ts (TypeScript scanner, so a regex added tomorrow is checked tomorrow),
// SIGNATURES (the built dist, which includes the ones made with `new RegExp`) and the `matches` patterns of the
// built-in rules. Needs `pnpm build` first. Flags g and y are dropped: they change where a match starts, not its cost.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Distinct regexes as { source, flags, where }. */
export async function collectRegexes() {
  const ts = require('typescript');
  const found = new Map();
  const add = (source, flags, where) => {
    const f = flags.replace(/[gy]/g, '');
    if (!found.has(`${source}/${f}`)) found.set(`${source}/${f}`, { source, flags: f, where });
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
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        add(t.slice(1, cut), t.slice(cut + 1), `${file.slice(src.length + 1)}:${line}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const { SIGNATURES } = await import(pathToFileURL(join(root, 'packages/core/dist/parse/signatures.js')).href);
  for (const s of SIGNATURES) add(s.re.source, s.re.flags, `signature ${s.id}`);
  const { builtinRules, builtinVocabulary } = await import(
    pathToFileURL(join(root, 'packages/rules/dist/index.js')).href
  );
  const ruleWalk = (v, where) => {
    if (Array.isArray(v)) v.forEach((x) => ruleWalk(x, where));
    else if (v && typeof v === 'object') {
      if (typeof v.matches === 'string') add(v.matches, '', where);
      if (v.operator === 'matches' && typeof v.value === 'string') add(v.value, '', where);
      Object.values(v).forEach((x) => ruleWalk(x, where));
    }
  };
  for (const r of builtinRules) ruleWalk(r, `rule ${r.id}`);
  ruleWalk(builtinVocabulary.conditions, 'vocabulary conditions');
  return [...found.values()];
}
