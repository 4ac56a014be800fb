// The input → parse → facts half of the core keeps no state between runs: per-run state (the signature matcher, the
// long lines met) lives in the Collected object of one extractFacts call. At module level there is no `let` or `var`,
// no collection that is not typed read-only, and no global or sticky regex whose lastIndex is read or set.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const sources = ['input', 'parse', 'facts'].flatMap((dir) =>
  readdirSync(join(SRC, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.test.ts'))
    .map((d) => join(d.parentPath, d.name)),
);

/** What the file declares at module level that can change between calls. */
function moduleState(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const list = st.declarationList;
    for (const d of list.declarations) {
      const name = d.name.getText(sf);
      if ((list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0 || (list.flags & ts.NodeFlags.Let) !== 0) {
        found.push(`${name}: let/var`);
        continue;
      }
      const init = d.initializer;
      if (!init) continue;
      const type = d.type?.getText(sf) ?? '';
      if (ts.isNewExpression(init) && /^(?:Map|Set|WeakMap|WeakSet)$/.test(init.expression.getText(sf)))
        if (!/^Readonly(?:Map|Set)\b/.test(type)) found.push(`${name}: a collection not typed read-only`);
      const flags = ts.isRegularExpressionLiteral(init)
        ? init.text.slice(init.text.lastIndexOf('/') + 1)
        : ts.isNewExpression(init) && init.expression.getText(sf) === 'RegExp'
          ? (init.arguments?.[1]?.getText(sf) ?? '')
          : '';
      if (/[gy]/.test(flags) && new RegExp(String.raw`\b${name}\.(?:test|exec|lastIndex)\b`).test(text))
        found.push(`${name}: a ${flags.includes('y') ? 'sticky' : 'global'} regex whose lastIndex carries over`);
    }
  }
  return found;
}

test('the scan finds the sources', () => {
  expect(sources.some((s) => s.endsWith('split.ts'))).toBe(true);
  expect(sources.some((s) => s.endsWith('signatures.ts'))).toBe(true);
});

test.each(sources.map((s) => [s.slice(SRC.length), s]))('%s keeps no module state', (_name, file) => {
  expect(moduleState(file)).toEqual([]);
});
