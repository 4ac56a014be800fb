// Every fact family has a reader: a rule or named condition that names it (any `fact` or `from` in its conditions,
// evidence or subject)
// or core code that fills a rule's output from it (`facts.<family>` in remediation/ and engine/). A family nobody
// reads is work and schema for nothing: remove it, or add its reader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { builtinRules, builtinVocabulary } from '@rbac-diagnose/rules';
import { FACT_NAMES } from './schema.js';

// Families without a reader yet, each with the reason; the last test fails once one gets a reader, so the list
// cannot go stale.
const NO_READER_YET: Record<string, string> = {};

/** Families each rule names: the root of every `fact`, `from` and `subject` value in its data. */
function ruleReaders(): Map<string, Set<string>> {
  const readers = new Map<string, Set<string>>();
  const add = (family: string, reader: string): void => {
    const root = /^[A-Za-z]+/.exec(family)?.[0] ?? family;
    (readers.get(root) ?? readers.set(root, new Set()).get(root))?.add(reader);
  };
  const walk = (v: unknown, rule: string): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, rule);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'fact' || k === 'from' || k === 'subject') && typeof x === 'string') add(x, `rule ${rule}`);
        else walk(x, rule);
      }
    }
  };
  for (const r of builtinRules) walk(r, r.id);
  for (const [name, condition] of Object.entries(builtinVocabulary.conditions)) walk(condition, `condition ${name}`);
  return readers;
}

/** Families core code reads to fill rule output: `facts.<family>` in remediation/ and engine/ sources. */
function codeReaders(): Map<string, Set<string>> {
  const readers = new Map<string, Set<string>>();
  for (const dir of ['remediation', 'engine']) {
    const path = fileURLToPath(new URL(`../${dir}/`, import.meta.url));
    for (const f of readdirSync(path)) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      for (const m of readFileSync(join(path, f), 'utf8').matchAll(/\bfacts\.(\w+)|\bfacts\[['"](\w+)['"]\]/g)) {
        const family = m[1] ?? m[2] ?? '';
        (readers.get(family) ?? readers.set(family, new Set()).get(family))?.add(`${dir}/${f}`);
      }
    }
  }
  return readers;
}

const byRules = ruleReaders();
const byCode = codeReaders();
const readers = new Map<string, string[]>(
  FACT_NAMES.map((family) => [family, [...(byRules.get(family) ?? []), ...(byCode.get(family) ?? [])].sort()]),
);

describe('every fact family has a reader', () => {
  test('the list of families without a reader names families', () => {
    for (const family of Object.keys(NO_READER_YET)) expect(FACT_NAMES, family).toContain(family);
  });

  test.each(FACT_NAMES.filter((f) => NO_READER_YET[f] === undefined))('%s', (family) => {
    expect(readers.get(family), `${family}: read by no rule, generator or binding`).not.toEqual([]);
  });

  test.each(Object.keys(NO_READER_YET))('%s still has no reader (else take it off NO_READER_YET)', (family) => {
    expect(readers.get(family)).toEqual([]);
  });
});
