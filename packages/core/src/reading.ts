// The reading of inputs, piece by piece: text → numbered lines (input/lines.ts) → lines with how they travelled undone
// (unquoteLine) → sections (splitLine) → facts (facts/extract.ts). The raw lines are also scanned for context values
// (engine/bindings.ts); no line is kept unless a fact cites it. diagnose() reads each input in one piece; a stream
// (stream.ts) in the pieces it arrives in: both go through these functions, so they read the same. All state is plain
// data: structuredClone copies a reading, and finishing the copy gives the facts as if the input ended there.
import {
  computeBindings,
  endScanInput,
  newLineScan,
  scanLine,
  type Bindings,
  type LineScan,
} from './engine/bindings.js';
import {
  closeSection,
  finishFacts,
  newExtraction,
  openSection,
  sectionLine,
  resumeExtraction,
  type CitedLines,
  type Extraction,
  type ExtractOptions,
} from './facts/extract.js';
import type { Facts } from './facts/schema.js';
import { endLines, newLineReader, readLines, type Line, type LineReader } from './input/lines.js';
import {
  endSplit,
  endUnquote,
  newSplitter,
  newUnquoter,
  splitLine,
  unquoteLine,
  type SectionSink,
  type Splitter,
  type Unquoter,
} from './input/split.js';
import { t } from './i18n/t.js';
import type { InputSection, Issue } from './report.js';
import { deepCopy } from './platform.js';
import { importYaml, type YamlLibrary } from './parse/yaml.js';

/** Options of a reading. */
export interface ReadingOptions extends ExtractOptions {
  /** Largest input read, in characters: the rest is left out with an issue. */
  maxInputChars: number;
}

/** One input being read. */
interface InputReading {
  source: string | undefined;
  lines: LineReader;
  unquoter: Unquoter;
  splitter: Splitter;
  /** Characters given, read or not. */
  chars: number;
  /** Whether a line with more than blanks came. */
  text: boolean;
}

/** Inputs read so far and the one being read. Plain data. */
export interface Reading {
  x: Extraction;
  scan: LineScan;
  /** Issues about the inputs as a whole (too large, empty): they come first in a report. */
  inputIssues: Issue[];
  /** Issues found while reading them. */
  issues: Issue[];
  input: InputReading | null;
  /** Lines of the inputs already ended. */
  linesEnded: number;
  options: ReadingOptions;
}

/** A reading before any input. */
export function newReading(options: ReadingOptions): Reading {
  const issues: Issue[] = [];
  return {
    x: newExtraction(issues, options),
    scan: newLineScan(),
    inputIssues: [],
    issues,
    input: null,
    linesEnded: 0,
    options,
  };
}

/** Starts an input (`source`: its name, when several are read). */
export function beginInput(r: Reading, source?: string): void {
  endInput(r);
  r.input = {
    source,
    lines: newLineReader(source, r.options.limits?.lineChars),
    unquoter: newUnquoter(r.options.limits?.heldLines),
    splitter: newSplitter(),
    chars: 0,
    text: false,
  };
}

/** Reads one more piece of the current input. */
export function readText(r: Reading, piece: string): void {
  const input = r.input;
  if (input === null) return;
  const room = r.options.maxInputChars - input.chars;
  input.chars += piece.length;
  if (room <= 0) return;
  readLines(input.lines, room < piece.length ? piece.slice(0, room) : piece, lineSink(r, input));
}

/** Ends the current input: held lines are placed, its last section closes, its issues are written. */
export function endInput(r: Reading): void {
  const input = r.input;
  if (input === null) return;
  const emit = lineSink(r, input);
  endLines(input.lines, emit);
  const sink = sectionSink(r.x);
  endUnquote(input.unquoter, (l) => splitLine(input.splitter, l, sink));
  endSplit(input.splitter, sink);
  endScanInput(r.scan);
  r.input = null;
  r.linesEnded += input.lines.no - 1;
  const source = input.source === undefined ? {} : { source: input.source };
  const max = r.options.maxInputChars;
  const lang = r.options.lang ?? 'en';
  if (input.chars > max)
    r.inputIssues.push({
      code: 'input_too_large',
      line: 0,
      message: t(lang, 'issue.input_too_large', { chars: input.chars, max }),
      ...source,
    });
  if (!input.text)
    r.inputIssues.push({ code: 'empty_input', line: 0, message: t(lang, 'issue.empty_input'), ...source });
}

/** Every line read goes through the scan for context values, then the unquoting stage, then the splitter. */
function lineSink(r: Reading, input: InputReading): (line: Line) => void {
  const sink = sectionSink(r.x);
  const split = (l: Line): void => splitLine(input.splitter, l, sink);
  return (line) => {
    scanLine(r.scan, line.text);
    if (!input.text && line.text.trim() !== '') input.text = true;
    unquoteLine(input.unquoter, line, split);
  };
}

function sectionSink(x: Extraction): SectionSink {
  return {
    open: (shape, command, first) => openSection(x, shape, command, first),
    line: (line) => sectionLine(x, line),
    close: () => closeSection(x),
  };
}

/** What a finished reading gives the rules and the report. */
export interface ReadResult {
  facts: Facts;
  bindings: Bindings;
  /** Issues about the inputs, then those found reading them. */
  inputIssues: Issue[];
  issues: Issue[];
  sections: InputSection[];
  cited: CitedLines;
  /** Per input, the last line whose text a stream dropped for its limits (none for diagnose()). */
  evictedThrough: ReadonlyMap<string, number>;
}

/** Ends the reading (the input being read included) and returns what it found. */
export function finishReading(r: Reading): ReadResult {
  endInput(r);
  const facts = finishFacts(r.x);
  return {
    facts,
    bindings: computeBindings(facts, r.scan),
    inputIssues: r.inputIssues,
    issues: r.issues,
    sections: r.x.sections,
    cited: r.x.cited,
    evictedThrough: r.x.evictedThrough,
  };
}

/** Lines read so far (a line counts once its newline came, or its input ended). */
export function linesRead(r: Reading): number {
  return r.linesEnded + (r.input === null ? 0 : r.input.lines.no - 1);
}

/**
 * A copy of the reading that can be finished (as if the input ended where it is) while the reading goes on. The
 * signature matcher and the yaml library are shared: nothing changes them after they are built.
 */
export function copyReading(r: Reading): Reading {
  const { matcher, yaml, ...rest } = r.x.c;
  const copy = deepCopy({ ...r, x: { ...r.x, c: rest } });
  return { ...copy, x: { ...copy.x, c: { ...copy.x.c, matcher, yaml } } };
}

/**
 * Whether the reading waits for the yaml library: it met a section that needs it, and keeps what came after in order
 * until {@link resumeReading}. A caller imports the library only then, so a run without YAML never loads it.
 */
export function waitsForYaml(r: Reading): boolean {
  return r.x.waiting !== null;
}

/** Gives the reading the yaml library it waits for, and reads on. */
export function resumeReading(r: Reading, yaml: YamlLibrary): void {
  resumeExtraction(r.x, yaml);
}

/** Reads on when the reading waits for the yaml library, importing it for this call (see waitsForYaml). */
export async function readOn(r: Reading): Promise<void> {
  if (waitsForYaml(r)) resumeReading(r, await importYaml());
}
