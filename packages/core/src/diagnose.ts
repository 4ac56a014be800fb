import { checkArguments } from './arguments.js';
import { fill, fillCommand, fillManifest, type Rejected, type Scope } from './engine/bindings.js';
import { Matcher } from './engine/operators.js';
import { runRules, type Firing, type RuleTrace } from './engine/run.js';
import { familyItems, type Item } from './engine/subject.js';
import type { CitedLines } from './facts/extract.js';
import type { Lang } from './i18n/lang.js';
import { say, t, textsIn, translation } from './i18n/t.js';
import type { Facts } from './facts/schema.js';
import { compileSignatures, type Signature, type SignatureData } from './parse/signatures.js';
import { AwsAuthPlan } from './remediation/aws-auth.js';
import { REMEDIATION_GENERATORS, WRITES_MANIFESTS } from './remediation/generators.js';
import { importYaml, type YamlLibrary } from './parse/yaml.js';
import { rejectionNote } from './remediation/notes.js';
import type { Chain, Diagnosis, Evidence, InputSection, Issue, NextStep, Remediation, Report } from './report.js';
import { compareDiagnoses } from './vocabulary.js';
import { makeRedactor, redactReport } from './redact.js';
import {
  beginInput,
  endInput,
  finishReading,
  newReading,
  readOn,
  readText,
  type ReadingOptions,
  type ReadResult,
} from './reading.js';
import type { EvidenceSelector, Rule, Vocabulary } from './rules/schema.js';
import { problemText, type RuleProblem } from './rules/problem.js';
import { needsTranslation } from './rules/texts.js';
import { printable } from './render/escape.js';

/** One named input (a file, or a part of a paste). */
export interface InputDoc {
  name?: string;
  text: string;
}

/** Options of {@link diagnose}. */
export interface DiagnoseOptions {
  /** The rules to run: the built-in set from `@rbac-diagnose/rules`, yours, or both. */
  rules: readonly Rule[];
  /** The vocabulary the rules are written in (root causes, chains, named conditions): `builtinVocabulary`. */
  vocabulary: Vocabulary;
  /** Drop diagnoses below this confidence (0..1). Default 0. */
  minConfidence?: number;
  /** Skip validation of `rules` and `vocabulary` (they were validated when loaded). Default false. */
  trustedRules?: boolean;
  /** Largest input accepted, in characters. Default 64 MiB. */
  maxInputChars?: number;
  /** Longest line searched for error messages, in characters (a longer one is searched in its start, with an issue). Default 1 MiB. */
  maxLineChars?: number;
  /** Mask secrets, account ids, ARNs, IPs and names consistently, for pasting into public issues. Default false. */
  redact?: boolean;
  /** Validate the report against ReportSchema before returning it (a bug is an InternalError). Default true. */
  validate?: boolean;
  /**
   * Ids of rules that lead the diagnosis of their root cause and subject when they fire, over other rules of the same
   * severity (the others join it as `alsoMatched`). The CLI passes its custom rules, so they are shown as themselves.
   */
  preferredRules?: readonly string[];
  /**
   * Message signatures besides the built-in ones, as data (ids `x-…`; see SignatureDataSchema): rules may name them in
   * `hasSignal` and subjects. Each pattern must pass the linear-time check; one that does not is left out, with an issue.
   */
  signatures?: readonly SignatureData[];
  /**
   * Language of the texts: `en` (default) or `ja`. Rule texts come from each rule's translations (English where a rule
   * has none, with an input note); ids, lines, commands and manifests are the same in every language.
   */
  lang?: Lang;
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
 * @example const report = await diagnose(text, { rules: builtinRules, vocabulary: builtinVocabulary });
 */
export async function diagnose(input: string | readonly InputDoc[], options: DiagnoseOptions): Promise<Report> {
  return (await diagnoseDetailed(input, options)).report;
}

/** Like {@link diagnose}, also returning the facts and the rule trace. */
export async function diagnoseDetailed(
  input: string | readonly InputDoc[],
  options: DiagnoseOptions,
): Promise<DiagnoseResult> {
  checkArguments(input, options);
  const docs: readonly InputDoc[] = typeof input === 'string' ? [{ text: input }] : input;
  const named = docs.length > 1;
  // Custom signatures are compiled before any line is read: the run's matcher holds them.
  const valid = await validRules(options);
  const reading = newReading(readingOptions(options, valid.signatures));
  for (const [i, doc] of docs.entries()) {
    beginInput(reading, named ? (doc.name ?? `input-${i + 1}`) : undefined);
    readText(reading, doc.text);
    await readOn(reading);
    endInput(reading);
    await readOn(reading);
  }
  return await evaluate(finishReading(reading), options, valid);
}

/**
 * The reading options of diagnose options and the run's compiled signatures (a stream's input has no size limit
 * unless one is given).
 */
export function readingOptions(
  options: DiagnoseOptions,
  signatures: readonly Signature[],
  stream = false,
): ReadingOptions {
  return {
    maxInputChars: options.maxInputChars ?? (stream ? Number.POSITIVE_INFINITY : DEFAULT_MAX),
    lang: options.lang ?? 'en',
    signatures,
    ...(options.maxLineChars === undefined ? {} : { maxLineChars: options.maxLineChars }),
  };
}

/** The signatures and rules a run uses, checked, and the issues of those that could not be used. */
export interface ValidRules {
  signatures: Signature[];
  rules: Rule[];
  vocabulary: Vocabulary;
  /** Issues of the signatures, then of the rules. */
  issues: Issue[];
}

/** The signatures, rules and vocabulary of the options, checked unless trusted (see usableRules). */
export async function validRules(options: DiagnoseOptions): Promise<ValidRules> {
  const issues: Issue[] = [];
  const signatures = await usableSignatures(options, issues, options.lang ?? 'en');
  const { rules, vocabulary } = await usableRules(options, issues, options.lang ?? 'en');
  return { signatures, rules, vocabulary, issues };
}

/** Runs the rules (`valid`: checked already) over what a reading found and builds the report. */
export async function evaluate(read: ReadResult, options: DiagnoseOptions, valid: ValidRules): Promise<DiagnoseResult> {
  const lang = options.lang ?? 'en';
  const { facts, bindings, cited, evictedThrough } = read;
  const { rules, vocabulary } = valid;
  const issues = [...read.inputIssues, ...valid.issues, ...read.issues];
  // One matcher per run: what the rules ask about input-wide lists is answered once, for every subject.
  const matcher = new Matcher();
  const { fired, trace: ruleTrace } = await runRules(rules, facts, vocabulary, matcher);
  // English texts a rule lacks a translation for, per rule id: noted once per rule that is shown.
  const untranslated = new Map<string, Set<string>>();
  // The yaml library is loaded only when a manifest may be written: most reports have none.
  const yaml = writesManifests(fired, facts) ? await importYaml() : null;
  const awsAuth = new AwsAuthPlan(facts.awsAuth, lang, yaml);
  const run: Run = { facts, matcher, cited, evictedThrough, vocabulary, awsAuth, lang, untranslated, yaml };
  const candidates = fired.map((f) => toDiagnosis(f, run, { lang, bindings, subject: f.subject }));
  const minConfidence = options.minConfidence ?? 0;
  const ranked = rank(candidates, fired, new Set(options.preferredRules));
  const diagnoses = ranked.filter((d) => d.confidence >= minConfidence);
  const hidden = ranked.length - diagnoses.length;
  // One aws-auth per report, carrying the additions of every diagnosis that is still in it.
  awsAuth.finish(diagnoses);

  // One note for every shown rule whose texts (or whose custom chain's labels) are not in the report's language.
  const shown = [...new Set(diagnoses.flatMap((d) => [d.ruleId, ...(d.alsoMatched ?? [])]))].filter(
    (id) => (untranslated.get(id)?.size ?? 0) > 0,
  );
  if (shown.length > 0)
    issues.push({
      code: 'rule_text_untranslated',
      line: 0,
      message: t(lang, 'issue.rule_text_untranslated', {
        ids: shown.sort().join(t(lang, 'list')),
        rules: shown.length,
        language: t(lang, `language.${lang}`),
        count: shown.reduce((n, id) => n + (untranslated.get(id)?.size ?? 0), 0),
      }),
    });

  const inputs: InputSection[] = read.sections;
  let report: Report = {
    schemaVersion: 1,
    lang,
    inputs,
    diagnoses,
    issues,
    ...(hidden > 0 ? { belowMinConfidence: { count: hidden, minConfidence } } : {}),
  };
  let trace = lang === 'en' ? ruleTrace : localTrace(ruleTrace, rules, lang);
  if (options.redact) {
    const redact = makeRedactor(facts, {
      bindings,
      commands: inputs.flatMap((i) => (i.command === undefined ? [] : [i.command])),
    });
    report = redactReport(report, redact);
    // A subject's key holds input values (user names…) too.
    trace = trace.map((t) =>
      t.subject === undefined
        ? t
        : {
            ...t,
            subject: JSON.stringify(
              (JSON.parse(t.subject) as unknown[]).map((v) => (typeof v === 'string' ? redact(v) : v)),
            ),
          },
    );
  }
  if (options.validate === false) return { report, trace, facts };
  // zod is loaded only when something is validated: the CLI passes validated rules and skips this.
  const { ReportSchema } = await import('./report.js');
  const checked = ReportSchema.safeParse(report);
  if (!checked.success)
    throw new InternalError(
      `report failed its own schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return { report: checked.data, trace, facts };
}

/**
 * Whether the diagnoses of these firings may write a manifest: a rule's YAML template, a generator that writes one, or
 * the aws-auth ConfigMap of the input to merge into.
 */
function writesManifests(fired: readonly Firing[], facts: Facts): boolean {
  return (
    facts.awsAuth !== null ||
    fired.some((f) =>
      f.rule.remediation.some(
        (t) => t.yaml !== undefined || (t.generator !== undefined && WRITES_MANIFESTS[t.generator]),
      ),
    )
  );
}

const EMPTY_VOCABULARY: Vocabulary = { chains: {}, rootCauses: {}, conditions: {} };

/** The rules and vocabulary to run, validated unless trusted; a rule that fails its checks is skipped with an issue. */
/**
 * The run's custom signatures, compiled: checked by their schema first unless the caller says they were checked when
 * loaded (trustedRules); a signature that cannot be used becomes an issue, and rules naming it do not fire.
 */
async function usableSignatures(options: DiagnoseOptions, issues: Issue[], lang: Lang): Promise<Signature[]> {
  const given = options.signatures ?? [];
  if (given.length === 0) return [];
  let data: readonly SignatureData[] = given;
  if (!options.trustedRules) {
    const { checkSignatures } = await import('./rules/check.js');
    const { signatures, problems } = checkSignatures({ signatures: given });
    if (signatures === null) {
      issues.push({
        code: 'signature_invalid',
        line: 0,
        message: t(lang, 'issue.signature_invalid', { problems: problemList(problems, lang) }),
      });
      return [];
    }
    data = signatures;
  }
  const { signatures, problems } = compileSignatures(data);
  for (const p of problems) issues.push({ code: 'signature_invalid', line: 0, message: say(lang, p.text) });
  return signatures;
}

async function usableRules(
  options: DiagnoseOptions,
  issues: Issue[],
  lang: Lang,
): Promise<{ rules: Rule[]; vocabulary: Vocabulary }> {
  const given = options.vocabulary as Vocabulary | undefined;
  if (given === undefined) {
    issues.push({ code: 'vocabulary_missing', line: 0, message: t(lang, 'issue.vocabulary_missing') });
    return { rules: [], vocabulary: EMPTY_VOCABULARY };
  }
  if (options.trustedRules) return { rules: [...options.rules], vocabulary: given };
  const { checkRule, checkVocabulary } = await import('./rules/check.js');
  const { vocabulary, problems } = checkVocabulary(given);
  if (vocabulary === null) {
    issues.push({
      code: 'vocabulary_invalid',
      line: 0,
      message: t(lang, 'issue.vocabulary_invalid', {
        problems: problemList(problems, lang),
      }),
    });
    return { rules: [], vocabulary: EMPTY_VOCABULARY };
  }
  const rules: Rule[] = [];
  for (const r of options.rules) {
    const { rule, problems } = checkRule(r, vocabulary, options.signatures ?? []);
    if (rule) rules.push(rule);
    else {
      const id = typeof (r as { id?: unknown }).id === 'string' ? (r as { id: string }).id : '<no id>';
      issues.push({
        code: 'rule_invalid',
        line: 0,
        message: t(lang, 'issue.rule_invalid', {
          id,
          problems: problemList(problems, lang),
        }),
      });
    }
  }
  return { rules, vocabulary };
}

/** Problems of rule data in one line, each naming its field, in `lang`. */
function problemList(problems: readonly RuleProblem[], lang: Lang): string {
  return problems.map((p) => `${printable(p.field)}: ${problemText(lang, p)}`).join('; ');
}

function key(source: string | undefined, no: number): string {
  return `${source ?? ''}\u0000${no}`;
}

/** What every diagnosis of one run reads besides its firing. */
interface Run {
  facts: Facts;
  matcher: Matcher;
  cited: CitedLines;
  evictedThrough: ReadonlyMap<string, number>;
  vocabulary: Vocabulary;
  awsAuth: AwsAuthPlan;
  lang: Lang;
  /** Filled by {@link translator}: the English texts each rule lacks in `lang`. */
  untranslated: Map<string, Set<string>>;
  /** The yaml library when the run may write a manifest (see writesManifests). */
  yaml: YamlLibrary | null;
}

/** A rule's (or the vocabulary's) text in the run's language: its translation, else the English text, noted. */
function translator(
  texts: Rule['texts'],
  run: Pick<Run, 'lang' | 'untranslated'>,
  ruleId: string,
): (english: string) => string {
  const { lang } = run;
  return (english) => {
    const text = translation(texts, lang, english);
    if (text !== undefined) return text;
    if (needsTranslation(english)) {
      const missing = run.untranslated.get(ruleId) ?? new Set<string>();
      missing.add(english);
      run.untranslated.set(ruleId, missing);
    }
    return english;
  };
}

/** The trace with each adjustment's `why` in `lang` (placeholders still unfilled). */
function localTrace(trace: readonly RuleTrace[], rules: readonly Rule[], lang: Lang): RuleTrace[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return trace.map((tr) => {
    const local = textsIn(byId.get(tr.ruleId)?.texts, lang);
    return { ...tr, adjustments: tr.adjustments.map((a) => ({ ...a, why: local(a.why) })) };
  });
}

function resolveEvidence(
  selectors: readonly EvidenceSelector[],
  run: Run,
  scope: Scope,
  tr: (english: string) => string,
): Evidence[] {
  const { cited, evictedThrough } = run;
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const sel of selectors) {
    const family = sel.from === 'subject' ? (scope.subject?.family ?? 'signals') : sel.from;
    const from = sel.from === 'subject' ? (scope.subject?.items ?? []) : familyItems(run.facts, sel.from);
    const items = run.matcher.select<Item>(from, sel.where).slice(0, sel.limit ?? 5);
    for (const item of items) {
      const source = typeof item['source'] === 'string' ? item['source'] : undefined;
      const nums = Array.isArray(item['lines']) ? (item['lines'] as number[]).slice(0, 3) : [item['line'] as number];
      // A message a stream folded (a signal with a last line) says how often it came, after the why of its first line.
      let repeated =
        typeof item['lastLine'] === 'number' && typeof item['count'] === 'number'
          ? t(run.lang, 'evidence.repeated', {
              count: item['count'],
              first: item['line'] as number,
              last: item['lastLine'],
            })
          : '';
      for (const no of nums) {
        if (typeof no !== 'number' || no < 1) continue;
        const k = key(source, no);
        // A stream may have dropped the text of an old line: the evidence keeps its number, with no text.
        const text =
          cited.get(source ?? '')?.get(no) ?? (no <= (evictedThrough.get(source ?? '') ?? 0) ? '' : undefined);
        if (text === undefined || seen.has(k)) continue;
        seen.add(k);
        const why = fill(tr(sel.why), { ...scope, item: { family, key: '', items: [item] } });
        out.push({
          line: no,
          // The line as it reads, its control and format characters escaped (a bidi override would reverse it).
          text: printable(text),
          why: repeated === '' ? why : `${why} ${repeated}`,
          ...(source === undefined ? {} : { source }),
        });
        repeated = '';
      }
    }
  }
  return out;
}

interface Candidate {
  diagnosis: Diagnosis;
  rule: Rule;
}

function toDiagnosis(f: Firing, run: Run, scope: Scope): Candidate {
  const { facts, vocabulary } = run;
  const { rule } = f;
  const raw = rule.confidence + f.adjustments.reduce((s, a) => s + a.delta, 0);
  const confidence = Math.round(Math.min(0.99, Math.max(0.01, raw)) * 100) / 100;
  const tr = translator(rule.texts, run, rule.id);
  const evidence = resolveEvidence(
    [...rule.evidence, ...f.adjustments.flatMap((a) => a.evidence ?? [])],
    run,
    scope,
    tr,
  );
  const text = (english: string): string => fill(tr(english), scope);
  // A command or manifest whose value fails its grammar is left out, and a note says which placeholder and why.
  const rejected: Rejected[] = [];
  const filled = (f: { text: string | null; rejected: Rejected | null }): string | null => {
    if (f.rejected) rejected.push(f.rejected);
    return f.text;
  };
  const notes = f.adjustments.map((a) => `${a.delta > 0 ? '↑' : '↓'} ${text(a.why)}`);
  const remediation: Remediation[] = [];
  rule.remediation.forEach((t, i) => {
    if (t.when && !f.shown.has(`remediation.${i}`)) return;
    if (t.generator) {
      remediation.push(
        ...REMEDIATION_GENERATORS[t.generator]({
          facts,
          matcher: run.matcher,
          bindings: scope.bindings,
          subject: f.subject,
          family: rule.subject?.from ?? null,
          awsAuth: run.awsAuth,
          lang: run.lang,
          yaml: run.yaml,
        }),
      );
      return;
    }
    const command =
      t.command === undefined ? undefined : filled(fillCommand(t.command, scope, t.safety !== 'read-only'));
    const yaml = t.yaml === undefined ? undefined : filled(fillManifest(run.yaml, t.yaml, scope));
    if (command === null || yaml === null) return;
    remediation.push({
      kind: t.kind,
      title: text(t.title),
      ...(command === undefined ? {} : { command }),
      ...(yaml === undefined ? {} : { yaml }),
      ...(t.text === undefined ? {} : { text: text(t.text) }),
      safety: t.safety,
    });
  });
  const nextSteps: NextStep[] = [];
  rule.nextSteps.forEach((n, i) => {
    if (n.when && !f.shown.has(`nextSteps.${i}`)) return;
    const command = filled(fillCommand(n.command, scope));
    if (command !== null) nextSteps.push({ command, why: text(n.why) });
  });
  if (rejected.length > 0) remediation.push(rejectionNote(rejected, run.lang));
  const place = vocabulary.rootCauses[rule.rootCause];
  const links = place ? vocabulary.chains[place.chain] : undefined;
  const label = translator(vocabulary.texts, run, rule.id);
  const chain: Chain | undefined = place && links ? { links: links.map(label), broken: place.link } : undefined;
  // The subject label names a kind and a name: the same in every language, like the ids.
  const subject = rule.subject?.label === undefined ? '' : fill(rule.subject.label, { ...scope, lang: 'en' });
  const diagnosis: Diagnosis = {
    rootCause: rule.rootCause,
    ruleId: rule.id,
    ...(subject === '' ? {} : { subject }),
    title: text(rule.title),
    severity: rule.severity,
    confidence,
    summary: text(rule.summary),
    explanation: notes.length > 0 ? `${text(rule.explanation)}\n\n${notes.join('\n')}` : text(rule.explanation),
    ...(rule.misleading === undefined ? {} : { misleading: text(rule.misleading) }),
    evidence,
    nextSteps,
    remediation,
    references: rule.references,
    ...(chain === undefined ? {} : { chain }),
  };
  return { diagnosis, rule };
}

/**
 * One diagnosis per (root cause, subject): candidates with the same root cause and the same subject label merge (the
 * best one first — a preferred rule before the others of its severity — the others as `alsoMatched`); a candidate
 * about the input as a whole joins the best diagnosis of its root cause. Suppressed root causes are dropped; the rest
 * sorted.
 */
function rank(candidates: readonly Candidate[], fired: readonly Firing[], preferred: ReadonlySet<string>): Diagnosis[] {
  // A consequence explained by a more causal rule is not diagnosed separately: when the lines it rests on are lines
  // the cause rests on too (a paste that also holds an unrelated failure of that kind keeps it).
  const explained = new Map<string, Set<string>>();
  fired.forEach((f, i) => {
    for (const cause of f.rule.suppresses ?? []) {
      if (cause === f.rule.rootCause) continue;
      const lines = explained.get(cause) ?? new Set<string>();
      for (const e of candidates[i]?.diagnosis.evidence ?? []) lines.add(key(e.source, e.line));
      explained.set(cause, lines);
    }
  });
  // A family diagnosis yields to any other diagnosis of its layer.
  const layers = new Set(candidates.filter((c) => c.rule.fallback !== true).map((c) => c.rule.layer));
  const groups = new Map<string, Candidate[]>();
  const wholeInput: Candidate[] = [];
  for (const c of candidates) {
    const by = explained.get(c.rule.rootCause);
    if (by && c.diagnosis.evidence.every((e) => by.has(key(e.source, e.line)))) continue;
    if (c.rule.fallback === true && layers.has(c.rule.layer)) continue;
    if (c.diagnosis.subject === undefined) wholeInput.push(c);
    else {
      const k = JSON.stringify([c.rule.rootCause, c.diagnosis.subject]);
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
  }
  const best = (cs: readonly Candidate[]): Candidate[] =>
    [...cs].sort(
      (a, b) =>
        SEVERITY_RANK[a.diagnosis.severity] - SEVERITY_RANK[b.diagnosis.severity] ||
        Number(preferred.has(b.rule.id)) - Number(preferred.has(a.rule.id)) ||
        compareDiagnoses(a.diagnosis, b.diagnosis),
    );
  for (const c of wholeInput) {
    const same = [...groups.values()].filter((g) => g[0]?.rule.rootCause === c.rule.rootCause);
    const target = best(same.map((g) => best(g)[0] as Candidate))[0];
    const k = target
      ? JSON.stringify([target.rule.rootCause, target.diagnosis.subject])
      : JSON.stringify([c.rule.rootCause]);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const merged: Diagnosis[] = [];
  const families = new Set<Diagnosis>();
  for (const group of groups.values()) {
    const sorted = best(group);
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
    const also = [...new Set(sorted.slice(1).map((c) => c.rule.id))].filter((id) => id !== primary.rule.id);
    if (also.length > 0) d.alsoMatched = also;
    // Sources in the order the primary rule cites them (its strongest evidence first), lines in order within each.
    const order = new Map<string, number>();
    for (const e of d.evidence) if (!order.has(e.source ?? '')) order.set(e.source ?? '', order.size);
    d.evidence.sort((a, b) => (order.get(a.source ?? '') ?? 0) - (order.get(b.source ?? '') ?? 0) || a.line - b.line);
    merged.push(d);
    if (primary.rule.fallback === true) families.add(d);
  }
  // Family diagnoses after every other one.
  return merged.sort((a, b) => Number(families.has(a)) - Number(families.has(b)) || compareDiagnoses(a, b));
}
