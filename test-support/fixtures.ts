// Test support for the golden-facts and property tests: lists the captured kubectl outputs under fixtures/ and
// reads a text into sections, issues and facts with capture-dependent values (dates, klog headers, ages) projected out.
import * as yaml from 'yaml';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../packages/core/src/report.js';
import { toLines } from '../packages/core/src/input/lines.js';
import { splitSections } from '../packages/core/src/input/split.js';
import { extractFacts } from '../packages/core/src/facts/extract.js';

const ROOT = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SKIP = new Set(['harness', 'seed-walls', 'public']);

/** Every `<kind>/<version>/<case>.txt` capture (the combined stream; split `.stdout/.stderr` copies are skipped). */
export function listCaptures(): { kind: string; version: string; name: string; path: string }[] {
  const out: { kind: string; version: string; name: string; path: string }[] = [];
  for (const kind of readdirSync(ROOT).sort()) {
    if (SKIP.has(kind) || !statSync(join(ROOT, kind)).isDirectory()) continue;
    for (const version of readdirSync(join(ROOT, kind)).sort()) {
      if (!/^1\.\d+$/.test(version)) continue;
      for (const f of readdirSync(join(ROOT, kind, version)).sort()) {
        if (!f.endsWith('.txt') || /\.(?:stdout|stderr)\.txt$/.test(f)) continue;
        out.push({ kind, version, name: f.slice(0, -4), path: join(ROOT, kind, version, f) });
      }
    }
  }
  return out;
}

const TIME_PATTERNS: [RegExp, string][] = [
  [/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g, '<time>'],
  [/\b[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ /g, '<klog> '],
  [/\b\d{2}:\d{2}:\d{2}\.\d{3,}/g, '<time>'],
];
const AGE_KEYS = new Set([
  'age',
  'lastSeen',
  'firstSeen',
  'lastTimestamp',
  'firstTimestamp',
  'eventTime',
  'creationTimestamp',
]);

/** Facts without capture-dependent values: dates, klog headers and ages become placeholders. */
export function project(v: unknown): unknown {
  if (typeof v === 'string') return TIME_PATTERNS.reduce((s, [re, to]) => s.replace(re, to), v);
  if (Array.isArray(v)) return v.map(project);
  if (typeof v === 'object' && v !== null) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = AGE_KEYS.has(k) ? '<age>' : project(x);
    return o;
  }
  return v;
}

/** Sections (kind and line range), facts and issues of one text, as a golden records them. */
export function readAll(text: string): {
  sections: { kind: string; lines: [number, number]; command: string | null }[];
  issues: Issue[];
  facts: unknown;
} {
  const sections = splitSections(toLines(text));
  const issues: Issue[] = [];
  const facts = extractFacts(sections, issues, { yaml });
  return {
    sections: sections.map((s) => ({
      kind: s.kind,
      lines: [s.lines[0]?.no ?? 0, s.lines[s.lines.length - 1]?.no ?? 0],
      command: s.command,
    })),
    issues,
    facts: project(facts),
  };
}

/** Every real public paste `fixtures/public/<kind>/<slug>.txt` (each has a sibling `.source.json` {url, note}). */
export function listPublicPastes(): { kind: string; name: string; path: string }[] {
  const dir = join(ROOT, 'public');
  const out: { kind: string; name: string; path: string }[] = [];
  let kinds: string[];
  try {
    kinds = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const kind of kinds) {
    if (!statSync(join(dir, kind)).isDirectory()) continue;
    for (const f of readdirSync(join(dir, kind)).sort())
      if (f.endsWith('.txt')) out.push({ kind, name: f.slice(0, -4), path: join(dir, kind, f) });
  }
  return out;
}

/** Every line of every text input under fixtures/ and the rule folders (a few thousand real lines), once each. */
export function corpusLines(): string[] {
  const out = new Set<string>();
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(?:txt|log|json|yaml)$/.test(f) && !/\.(?:facts|diagnosis)\.json$/.test(f))
        for (const l of readFileSync(p, 'utf8').split('\n')) out.add(l);
    }
  };
  walk(ROOT);
  walk(fileURLToPath(new URL('../packages/rules/rules/', import.meta.url)));
  return [...out];
}
