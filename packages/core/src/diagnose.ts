import { computeBindings, fill, type Bindings } from './engine/bindings.js';
import { matchesPattern } from './engine/operators.js';
import { runRules, type Firing, type RuleTrace } from './engine/run.js';
import { extractFacts } from './facts/extract.js';
import type { Facts } from './facts/schema.js';
import { toLines, type Line } from './input/lines.js';
import { splitSections, type Section } from './input/split.js';
import { REMEDIATION_GENERATORS } from './remediation/generators.js';
import {
  ReportSchema,
  type Diagnosis,
  type Evidence,
  type InputSection,
  type Issue,
  type NextStep,
  type Remediation,
  type Report,
} from './report.js';
import { compareDiagnoses } from './vocabulary.js';
import { makeRedactor, redactReport } from './redact.js';
import { RuleSchema, type EvidenceSelector, type Rule } from './rules/schema.js';

/** One named input (a file, or a part of a paste). */
export interface InputDoc {
  name?: string;
  text: string;
}

/** Options of {@link diagnose}. */
export interface DiagnoseOptions {
  /** The rules to run: the built-in set from `@rbac-diagnose/rules`, yours, or both. */
  rules: readonly Rule[];
  /** Drop diagnoses below this confidence (0..1). Default 0. */
  minConfidence?: number;
  /** Skip zod validation of `rules` (they were validated when loaded). Default false. */
  trustedRules?: boolean;
  /** Largest input accepted, in characters. Default 64 MiB. */
  maxInputChars?: number;
  /** Longest line searched for error messages, in characters (a longer one is searched in its start, with an issue). Default 1 MiB. */
  maxLineChars?: number;
  /** Mask secrets, account ids, ARNs, IPs and names consistently, for pasting into public issues. Default false. */
  redact?: boolean;
  /** Validate the report against ReportSchema before returning it (a bug is an InternalError). Default true. */
  validate?: boolean;
}

/** A report plus the engine trace of every rule (for `--explain`). */
export interface DiagnoseResult {
  report: Report;
  trace: RuleTrace[];
  facts: Facts;
}

/** A bug in rbac-diagnose itself (not bad input): callers show "this is a bug" and exit 70. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

const DEFAULT_MAX = 64 * 1024 * 1024;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Diagnoses pasted kubectl / AWS output. Pure: no IO; the same input and rules always give the same report.
 * @example const report = await diagnose(text, { rules: builtinRules });
 */
export async function diagnose(input: string | readonly InputDoc[], options: DiagnoseOptions): Promise<Report> {
  return (await diagnoseDetailed(input, options)).report;
}

/** Like {@link diagnose}, also returning the facts and the rule trace. */
export async function diagnoseDetailed(
  input: string | readonly InputDoc[],
  options: DiagnoseOptions,
): Promise<DiagnoseResult> {
  const docs: readonly InputDoc[] = typeof input === 'string' ? [{ text: input }] : input;
  const named = docs.length > 1;
  const issues: Issue[] = [];
  const sections: Section[] = [];
  // Evidence is resolved by (source, line number) straight from each input's line array: no per-line index.
  const linesBySource = new Map<string, readonly Line[]>();
  const max = options.maxInputChars ?? DEFAULT_MAX;
  for (const doc of docs) {
    const source = named ? (doc.name ?? `input-${docs.indexOf(doc) + 1}`) : undefined;
    if (doc.text.length > max) {
      issues.push({
        code: 'input_too_large',
        line: 0,
        message: `input has ${doc.text.length} characters, more than the limit of ${max}; only the first ${max} were read`,
        ...(source ? { source } : {}),
      });
    }
    const text = doc.text.length > max ? doc.text.slice(0, max) : doc.text;
    const lines = toLines(text, source);
    linesBySource.set(source ?? '', lines);
    if (lines.every((l) => l.text.trim() === '')) {
      issues.push({ code: 'empty_input', line: 0, message: 'the input is empty', ...(source ? { source } : {}) });
      continue;
    }
    // A loop, not push(...spread): a 100 MB paste has more sections than a call may take arguments.
    for (const section of splitSections(lines, text)) sections.push(section);
  }

  const rules: Rule[] = [];
  if (options.trustedRules) rules.push(...options.rules);
  else {
    for (const r of options.rules) {
      const parsed = RuleSchema.safeParse(r);
      if (parsed.success) rules.push(parsed.data);
      else {
        const id = typeof (r as { id?: unknown }).id === 'string' ? (r as { id: string }).id : '<no id>';
        issues.push({
          code: 'rule_invalid',
          line: 0,
          message: `rule ${id} was skipped: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        });
      }
    }
  }

  const facts = extractFacts(
    sections,
    issues,
    options.maxLineChars === undefined ? {} : { maxLineChars: options.maxLineChars },
  );
  const bindings = computeBindings(facts, lineTexts(linesBySource));
  const { fired, trace } = await runRules(rules, facts);
  const candidates = fired.map((f) => toDiagnosis(f, facts, bindings, linesBySource));
  const diagnoses = rank(candidates, fired).filter((d) => d.confidence >= (options.minConfidence ?? 0));

  const inputs: InputSection[] = sections.map((s) => {
    const first = s.lines[0];
    const last = s.lines[s.lines.length - 1];
    return {
      kind: s.kind,
      startLine: first?.no ?? 1,
      endLine: last?.no ?? 1,
      ...(first?.source === undefined ? {} : { source: first.source }),
      ...(s.command === null ? {} : { command: s.command }),
    };
  });
  let report: Report = { schemaVersion: 1, inputs, diagnoses, issues };
  if (options.redact) report = redactReport(report, makeRedactor(facts));
  if (options.validate === false) return { report, trace, facts };
  const checked = ReportSchema.safeParse(report);
  if (!checked.success)
    throw new InternalError(
      `report failed its own schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return { report: checked.data, trace, facts };
}

function key(source: string | undefined, no: number): string {
  return `${source ?? ''}\u0000${no}`;
}

function itemsOf(facts: Facts, from: EvidenceSelector['from']): Record<string, unknown>[] {
  switch (from) {
    case 'awsAuth':
      return facts.awsAuth ? [facts.awsAuth] : [];
    case 'awsAuth.findings':
      return facts.awsAuth?.findings ?? [];
    case 'awsAuth.entries':
      return facts.awsAuth?.entries ?? [];
    case 'callerIdentity':
      return facts.callerIdentity ? [facts.callerIdentity] : [];
    default:
      return facts[from] as unknown as Record<string, unknown>[];
  }
}

/**
 * Every line's text of every input, re-iterable, without copying the lines. A hand-written iterator, not a generator:
 * resuming a generator per line cost ~20 ms over the 240k lines of a 10 MB event list (cold code).
 */
function lineTexts(linesBySource: ReadonlyMap<string, readonly Line[]>): Iterable<string> {
  const groups = [...linesBySource.values()];
  return {
    [Symbol.iterator](): Iterator<string> {
      let g = 0;
      let i = 0;
      return {
        next(): IteratorResult<string> {
          for (; g < groups.length; g++, i = 0) {
            const lines = groups[g] as readonly Line[];
            if (i < lines.length) return { done: false, value: (lines[i++] as Line).text };
          }
          return { done: true, value: undefined };
        },
      };
    },
  };
}

function resolveEvidence(
  selectors: readonly EvidenceSelector[],
  facts: Facts,
  bindings: Bindings,
  linesBySource: ReadonlyMap<string, readonly Line[]>,
): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const sel of selectors) {
    // The first `limit` matching items, without filtering the whole list (thousands of facts in a large log).
    const limit = sel.limit ?? 5;
    const items: Record<string, unknown>[] = [];
    for (const it of itemsOf(facts, sel.from)) {
      if (items.length >= limit) break;
      if (matchesPattern(it, sel.where)) items.push(it);
    }
    for (const item of items) {
      const source = typeof item['source'] === 'string' ? item['source'] : undefined;
      const nums = Array.isArray(item['lines']) ? (item['lines'] as number[]).slice(0, 3) : [item['line'] as number];
      for (const no of nums) {
        if (typeof no !== 'number' || no < 1) continue;
        const k = key(source, no);
        const line = linesBySource.get(source ?? '')?.[no - 1];
        if (!line || seen.has(k)) continue;
        seen.add(k);
        out.push({
          line: no,
          text: line.text,
          why: fill(sel.why, bindings, item),
          ...(source === undefined ? {} : { source }),
        });
      }
    }
  }
  return out;
}

function whenHolds(when: string | undefined, facts: Facts): boolean {
  if (when === undefined) return true;
  const cmp = /^([a-z][A-Za-z]*)(!?=)(.+)$/.exec(when);
  if (cmp?.[1] && cmp[3]) {
    const value = (facts.derived as Record<string, unknown>)[cmp[1]];
    return cmp[2] === '=' ? value === cmp[3] : value !== cmp[3];
  }
  const negate = when.startsWith('!');
  const v = (facts.derived as Record<string, unknown>)[negate ? when.slice(1) : when];
  return negate ? !v : Boolean(v);
}

interface Candidate {
  diagnosis: Diagnosis;
  rule: Rule;
}

function toDiagnosis(
  f: Firing,
  facts: Facts,
  bindings: Bindings,
  linesBySource: ReadonlyMap<string, readonly Line[]>,
): Candidate {
  const { rule } = f;
  const raw = rule.confidence + f.adjustments.reduce((s, a) => s + a.delta, 0);
  const confidence = Math.round(Math.min(0.99, Math.max(0.01, raw)) * 100) / 100;
  const evidence = resolveEvidence(
    [...rule.evidence, ...f.adjustments.flatMap((a) => a.evidence ?? [])],
    facts,
    bindings,
    linesBySource,
  );
  const notes = f.adjustments.map((a) => `${a.delta > 0 ? '↑' : '↓'} ${fill(a.why, bindings)}`);
  const remediation: Remediation[] = [];
  for (const t of rule.remediation) {
    if (!whenHolds(t.when, facts)) continue;
    if (t.generator) {
      remediation.push(...REMEDIATION_GENERATORS[t.generator](facts, bindings));
      continue;
    }
    remediation.push({
      kind: t.kind,
      title: fill(t.title, bindings),
      ...(t.command === undefined ? {} : { command: fill(t.command, bindings) }),
      ...(t.yaml === undefined ? {} : { yaml: fill(t.yaml, bindings) }),
      ...(t.text === undefined ? {} : { text: fill(t.text, bindings) }),
      safety: t.safety,
    });
  }
  const nextSteps: NextStep[] = rule.nextSteps
    .filter((n) => whenHolds(n.when, facts))
    .map((n) => ({ command: fill(n.command, bindings), why: fill(n.why, bindings) }));
  const diagnosis: Diagnosis = {
    rootCause: rule.rootCause,
    ruleId: rule.id,
    title: fill(rule.title, bindings),
    severity: rule.severity,
    confidence,
    summary: fill(rule.summary, bindings),
    explanation:
      notes.length > 0
        ? `${fill(rule.explanation, bindings)}\n\n${notes.join('\n')}`
        : fill(rule.explanation, bindings),
    ...(rule.misleading === undefined ? {} : { misleading: fill(rule.misleading, bindings) }),
    evidence,
    nextSteps,
    remediation,
    references: rule.references,
  };
  return { diagnosis, rule };
}

/** Merges candidates that name the same root cause, applies suppressions and sorts. */
function rank(candidates: readonly Candidate[], fired: readonly Firing[]): Diagnosis[] {
  // A consequence explained by a more causal rule is not diagnosed separately.
  const suppressedBy = (cause: string): boolean =>
    fired.some((f) => f.rule.rootCause !== cause && (f.rule.suppresses ?? []).includes(cause as never));
  const byCause = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (suppressedBy(c.rule.rootCause)) continue;
    byCause.set(c.rule.rootCause, [...(byCause.get(c.rule.rootCause) ?? []), c]);
  }
  const merged: Diagnosis[] = [];
  for (const group of byCause.values()) {
    const sorted = [...group].sort((a, b) => compareDiagnoses(a.diagnosis, b.diagnosis));
    const primary = sorted[0];
    if (!primary) continue;
    const d: Diagnosis = {
      ...primary.diagnosis,
      evidence: [...primary.diagnosis.evidence],
      nextSteps: [...primary.diagnosis.nextSteps],
      remediation: [...primary.diagnosis.remediation],
    };
    for (const other of sorted.slice(1)) {
      for (const e of other.diagnosis.evidence)
        if (!d.evidence.some((x) => x.line === e.line && x.source === e.source)) d.evidence.push(e);
      for (const n of other.diagnosis.nextSteps)
        if (!d.nextSteps.some((x) => x.command === n.command)) d.nextSteps.push(n);
      for (const r of other.diagnosis.remediation)
        if (!d.remediation.some((x) => x.title === r.title)) d.remediation.push(r);
      if (SEVERITY_RANK[other.diagnosis.severity] === SEVERITY_RANK[d.severity])
        d.confidence = Math.max(d.confidence, other.diagnosis.confidence);
    }
    if (sorted.length > 1) d.alsoMatched = sorted.slice(1).map((c) => c.rule.id);
    // Sources in the order the primary rule cites them (its strongest evidence first), lines in order within each.
    const order = new Map<string, number>();
    for (const e of d.evidence) if (!order.has(e.source ?? '')) order.set(e.source ?? '', order.size);
    d.evidence.sort((a, b) => (order.get(a.source ?? '') ?? 0) - (order.get(b.source ?? '') ?? 0) || a.line - b.line);
    merged.push(d);
  }
  return merged.sort(compareDiagnoses);
}
