// The built-in rules as the CLI bundle loads them (scripts/bundle.mjs substitutes this module for the rules package's
// generated data): dist/rules.json holds what evaluation needs (conditions, adjustments, evidence, ids), read at
// start-up; each rule's texts (title, summary, explanation, next steps, remediation, references) sit in
// dist/rule-texts.json at byte offsets and are read only when something reads them — a rule that fired, a listing.
// A paste that fires three rules reads three small ranges instead of parsing 190 KB of text for 75 rules.
import { openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

declare const __dirname: string;

/** dist/rules.json: per rule, its keys in order, the evaluation fields, and where its texts are. */
export interface PackedRules {
  rules: { order: string[]; head: Record<string, unknown>; texts: [start: number, end: number] }[];
}

let fd: number | null = null;

function readTexts(start: number, end: number): Record<string, unknown> {
  fd ??= openSync(join(__dirname, 'rule-texts.json'), 'r');
  const buf = Buffer.allocUnsafe(end - start);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, start + got);
    if (n === 0) throw new Error(`dist/rule-texts.json ends before byte ${end}: reinstall or rebuild rbac-diagnose`);
    got += n;
  }
  return JSON.parse(buf.toString('latin1')) as Record<string, unknown>;
}

/** Rules whose text fields are read on first access (then kept as plain data properties), keys in their file order. */
export function unpackRules(
  packed: PackedRules,
  texts: (start: number, end: number) => Record<string, unknown> = readTexts,
): Record<string, unknown>[] {
  return packed.rules.map(({ order, head, texts: [start, end] }) => {
    const rule: Record<string, unknown> = {};
    let loaded: Record<string, unknown> | null = null;
    for (const k of order) {
      if (Object.hasOwn(head, k)) {
        rule[k] = head[k];
        continue;
      }
      Object.defineProperty(rule, k, {
        enumerable: true,
        configurable: true,
        get() {
          loaded ??= texts(start, end);
          const value = loaded[k];
          Object.defineProperty(rule, k, { value, enumerable: true, writable: true, configurable: true });
          return value;
        },
      });
    }
    return rule;
  });
}

/** The vocabulary (dist/vocabulary.json). */
export const builtinVocabularyData: unknown = JSON.parse(readFileSync(join(__dirname, 'vocabulary.json'), 'utf8'));

export const builtinRuleData: readonly unknown[] = unpackRules(
  JSON.parse(readFileSync(join(__dirname, 'rules.json'), 'latin1')) as PackedRules,
);
