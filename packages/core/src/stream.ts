// Diagnosis of a stream (a log or an event watch that may never end): the text is read as it arrives, through the same
// reading as diagnose(), within bounds (Limits) so that memory stays bounded; what was read so far can be diagnosed at
// any moment (a copy of the reading is finished as if the input ended there, and the reading goes on), and successive
// diagnoses are compared into updates: a diagnosis appeared, changed (confidence, evidence, summary) or went.
import {
  evaluate,
  readingOptions,
  type DiagnoseOptions,
  type DiagnoseResult,
  type ValidRules,
  validRules,
} from './diagnose.js';
import { ArgumentError } from './arguments.js';
import type { Evicted, Limits } from './facts/extract.js';
import { compileSignatures, type Signature } from './parse/signatures.js';
import { newUtf8Decoder, type Utf8Decoder } from './platform.js';
import {
  beginInput,
  copyReading,
  endInput,
  finishReading,
  linesRead,
  newReading,
  readOn,
  readText,
  type Reading,
} from './reading.js';
import type { Diagnosis, Report } from './report.js';

/** What a stream keeps at most unless told otherwise (see Limits). */
export const STREAM_LIMITS: Readonly<Limits> = {
  facts: 1000,
  events: 1000,
  eventLines: 100,
  lines: 5000,
  sections: 1000,
  issues: 1000,
  sectionLines: 10000,
  heldLines: 1000,
  lineChars: 4 * 1024 * 1024,
  repeatLines: 3,
};

/** Options of a stream: those of diagnose(), and its bounds. */
export interface StreamOptions extends DiagnoseOptions {
  /** Bounds on what is kept (default STREAM_LIMITS); null keeps everything (memory then grows with the input). */
  limits?: Partial<Limits> | null;
}

/** A diagnosis of a stream that appeared or changed, or one that went (named by its rule, root cause and subject). */
export type DiagnosisUpdate =
  | {
      change: 'new' | 'changed';
      diagnosis: Diagnosis;
      /** Evidence lines whose text the stream no longer holds (shown with their number and no text). */
      evictedEvidence: number;
    }
  | { change: 'resolved'; diagnosis: { ruleId: string; rootCause: string; subject?: string } };

/**
 * What the last report said of each diagnosis, to compare the next one with (see diffReport): `detail` is its evidence
 * lines and why (a repeated message's count is said there).
 */
export type SeenDiagnoses = ReadonlyMap<
  string,
  { confidence: number; evidence: number; summary: string; detail: string }
>;

/**
 * The updates from one report to the next: a diagnosis (by rule, root cause and subject) that is new, that changed
 * confidence, evidence or summary (a repeated message's count included), or that is no longer there. Returns them and what to compare the next with.
 */
export function diffReport(seen: SeenDiagnoses, report: Report): { updates: DiagnosisUpdate[]; seen: SeenDiagnoses } {
  const updates: DiagnosisUpdate[] = [];
  const now = new Map<string, { confidence: number; evidence: number; summary: string; detail: string }>();
  for (const d of report.diagnoses) {
    const key = JSON.stringify([d.ruleId, d.rootCause, d.subject ?? null]);
    if (now.has(key)) continue;
    const cur = {
      confidence: d.confidence,
      evidence: d.evidence.length,
      summary: d.summary,
      detail: JSON.stringify(d.evidence.map((e) => [e.source ?? '', e.line, e.why])),
    };
    now.set(key, cur);
    const prev = seen.get(key);
    const evictedEvidence = d.evidence.filter((e) => e.text === '').length;
    if (!prev) updates.push({ change: 'new', diagnosis: d, evictedEvidence });
    else if (
      prev.confidence !== cur.confidence ||
      prev.evidence !== cur.evidence ||
      prev.summary !== cur.summary ||
      prev.detail !== cur.detail
    )
      updates.push({ change: 'changed', diagnosis: d, evictedEvidence });
  }
  for (const key of seen.keys()) {
    if (now.has(key)) continue;
    const [ruleId, rootCause, subject] = JSON.parse(key) as [string, string, string | null];
    updates.push({ change: 'resolved', diagnosis: { ruleId, rootCause, ...(subject === null ? {} : { subject }) } });
  }
  return { updates, seen: now };
}

/**
 * A stream being diagnosed: write() text or bytes (UTF-8) as they come, diagnose() what was read so far, finish() at
 * the end. Pure: the caller reads the input and decides when to diagnose.
 * @example const s = new DiagnosisStream({ ...builtinRuleSet }); s.write(chunk); const { report } = await s.diagnose();
 */
export class DiagnosisStream {
  readonly #options: DiagnoseOptions;
  readonly #reading: Reading;
  #decoder: Utf8Decoder | null = null;
  #rules: Promise<ValidRules> | null = null;
  #ended = false;
  #began = false;
  /** The diagnosis of the whole input, once it ended (finishing a reading twice would add its last facts twice). */
  #final: Promise<DiagnoseResult> | null = null;

  /**
   * A stream with checked options (`valid`, from DiagnosisStream.open). Without them, custom signatures must be
   * trusted (checked when loaded): they are compiled before the first line is read, which cannot wait for a check.
   */
  constructor(options: StreamOptions, valid?: ValidRules) {
    const { limits, ...rest } = options;
    this.#options = rest;
    let signatures: readonly Signature[];
    if (valid) {
      signatures = valid.signatures;
      this.#rules = Promise.resolve(valid);
    } else if ((rest.signatures?.length ?? 0) === 0) signatures = [];
    else if (rest.trustedRules) signatures = compileSignatures(rest.signatures ?? []).signatures;
    else
      throw new ArgumentError(
        'custom signatures in a stream are checked first: open it with await DiagnosisStream.open(options)',
      );
    this.#reading = newReading({
      ...readingOptions(rest, signatures, true),
      ...(limits === null ? {} : { limits: { ...STREAM_LIMITS, ...limits } }),
    });
  }

  /** A stream whose rules and custom signatures are checked first (any options). */
  static async open(options: StreamOptions): Promise<DiagnosisStream> {
    const { limits: _limits, ...rest } = options;
    return new DiagnosisStream(options, await validRules(rest));
  }

  /**
   * Starts the next of several inputs, named (its evidence names it, as diagnose() names several inputs). Without it
   * the stream is one input.
   */
  beginInput(name: string): void {
    if (this.#ended) return;
    this.#flush();
    beginInput(this.#reading, name);
    this.#began = true;
  }

  /** Reads one more piece of the input: text, or UTF-8 bytes (a character may be split between pieces). */
  write(chunk: string | Uint8Array): void {
    if (this.#ended) return;
    if (!this.#began) {
      beginInput(this.#reading);
      this.#began = true;
    }
    if (typeof chunk === 'string') readText(this.#reading, chunk);
    else readText(this.#reading, (this.#decoder ??= newUtf8Decoder()).decode(chunk, { stream: true }));
  }

  /**
   * Reads on past a section that needs the yaml library (a YAML object, aws-auth), importing it then: write() cannot
   * wait for an import, so it keeps what comes after such a section in order until this is awaited. Await it after
   * each write(); diagnose() and finish() do it themselves.
   */
  async ready(): Promise<void> {
    await readOn(this.#reading);
  }

  /** Lines read so far (a line counts once its newline came). */
  get lines(): number {
    return linesRead(this.#reading);
  }

  /** How many facts were found so far: when it has not grown, a diagnosis would say what the last one said. */
  get found(): number {
    return this.#reading.x.found;
  }

  /** How much the stream dropped so far to stay within its limits (facts, events, evidence lines, sections, issues). */
  get evicted(): Readonly<Evicted> {
    return { ...this.#reading.x.evicted };
  }

  /** Diagnoses what was read so far, as if the input ended there; the stream goes on. */
  async diagnose(): Promise<DiagnoseResult> {
    if (this.#final) return await this.#final;
    await this.ready();
    return await this.#evaluate(copyReading(this.#reading));
  }

  /** Ends the input and diagnoses all of it. */
  async finish(): Promise<DiagnoseResult> {
    if (!this.#final) {
      this.#flush();
      // A stream nothing was written to is one empty input, as diagnose('') is.
      if (!this.#began) beginInput(this.#reading);
      endInput(this.#reading);
      this.#ended = true;
      this.#final = this.#evaluate(this.#reading);
    }
    return await this.#final;
  }

  /** The bytes of a character the decoder still holds, as text; the decoder starts afresh for the next input. */
  #flush(): void {
    if (this.#decoder && this.#reading.input) readText(this.#reading, this.#decoder.decode());
    this.#decoder = null;
  }

  async #evaluate(reading: Reading): Promise<DiagnoseResult> {
    // The input's last section closes first: it may need the yaml library.
    endInput(reading);
    await readOn(reading);
    // The rules are checked once, not at every diagnosis.
    this.#rules ??= validRules(this.#options);
    return await evaluate(finishReading(reading), this.#options, await this.#rules);
  }
}

/** Options of diagnoseStream. */
export interface DiagnoseStreamOptions extends StreamOptions {
  /** Lines read between two diagnoses at least (default 1000): a diagnosis runs when new facts were found. */
  diagnoseEvery?: number;
}

/**
 * Diagnoses a stream of text or UTF-8 bytes (a log pipeline, `kubectl get events -w -o json`, `kubectl logs -f`) as it
 * arrives, yielding an update whenever a diagnosis appears, changes or goes: after the first piece that brings facts,
 * then after a piece that brings new ones once `diagnoseEvery` lines were read since, and at the end of the stream.
 * @example for await (const u of diagnoseStream(process.stdin, { ...builtinRuleSet })) console.log(JSON.stringify(u));
 */
export async function* diagnoseStream(
  source: AsyncIterable<string | Uint8Array>,
  options: DiagnoseStreamOptions,
): AsyncGenerator<DiagnosisUpdate> {
  const { diagnoseEvery = 1000, ...rest } = options;
  const stream = await DiagnosisStream.open(rest);
  let seen: SeenDiagnoses = new Map();
  let found = 0;
  let at: number | null = null;
  for await (const chunk of source) {
    stream.write(chunk);
    await stream.ready();
    if (stream.found === found || (at !== null && stream.lines - at < diagnoseEvery)) continue;
    found = stream.found;
    at = stream.lines;
    const next = diffReport(seen, (await stream.diagnose()).report);
    seen = next.seen;
    yield* next.updates;
  }
  yield* diffReport(seen, (await stream.finish()).report).updates;
}
