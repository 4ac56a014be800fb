// Facts of the inputs, read section by section as the splitter finds them (a stream is read as it arrives): each
// section is searched for error messages, then read by the extractor of its kind, then checked for cut and redacted
// lines. Error output, logs and `kubectl get` tables are read line by line (line-reader.ts); other sections when they
// end. Events are aggregated as they come; the lines facts cite are kept (evidence shows them), the others dropped.
// The families collected become Facts at the end (finishFacts). Plain data throughout, so a stream's state can be
// copied with structuredClone and finished as if the input ended there.
import type { Lang } from '../i18n/lang.js';
import type { Line } from '../input/lines.js';
import { tableKind, toSection, type Section, type Shape } from '../input/split.js';
import type { InputSection, Issue } from '../report.js';
import { sameArn } from '../aws/arn.js';
import { extractAwsAuth } from './aws-auth.js';
import { extractCallerIdentityJson } from './aws-json.js';
import { extractCanI } from './can-i.js';
import {
  changedSince,
  FAMILIES,
  factsSince,
  markFacts,
  newCollected,
  type Collected,
  type Marks,
} from './collected.js';
import {
  canStream,
  closeListReading,
  listLine,
  openListReading,
  startStreaming,
  takeRead,
  type ListReading,
} from './json-list.js';
import { extractDescribeNode } from './describe-node.js';
import { extractDescribeOther } from './describe-other.js';
import { extractDescribePod } from './describe-pod.js';
import { elisionIssues } from './elisions.js';
import { longLineIssues, searchLines, searchObjectMessages } from './error-lines.js';
import { addEvents, type EventAggregate } from './events.js';
import {
  addLine,
  closeLineReading,
  dropRead,
  openLineReading,
  readPending,
  readsByLine,
  type LineReading,
  type LinesRead,
} from './line-reader.js';
import { extractObjects } from './objects.js';
import { newPolicyBlocks, policySignals, readPolicyLines, type PolicyBlocks } from './policy-blocks.js';
import { relateAccessEntries, relateAwsAuth, relateForbidden, relateWhoami } from './relations.js';
import type { Signature } from '../parse/signatures.js';
import type { YamlLibrary } from '../parse/yaml.js';
import type { EventFact, Facts, FitItemFact, Signal } from './schema.js';
import { extractWhoami } from './whoami.js';

const OBJECT_KINDS: ReadonlySet<string> = new Set([
  'events-json',
  'object-json',
  'object-yaml',
  'describe-cluster-json',
  'access-entries-json',
]);

/** Options of {@link extractFacts}. */
export interface ExtractOptions {
  /**
   * Longest line searched for error messages, in characters (default 1 MiB): a longer line is searched in its first
   * `maxLineChars` only, with a `line_too_long` issue. JSON and YAML on such a line are still read whole.
   */
  maxLineChars?: number;
  /** Message signatures of this run besides the built-in ones (compiled from data, see compileSignatures). */
  signatures?: readonly Signature[];
  /** The language of the issues' messages and the aws-auth findings. Default en. */
  lang?: Lang;
  /** Lines of a JSON list after which its items are read one by one (default 2000; a shorter one is read whole). */
  listStreamAfter?: number;
  /** Bounds on what is kept, for a stream that may never end; none when absent. */
  limits?: Limits;
  /** The yaml library, when the caller has it already; else the reading waits for it at the first section needing it. */
  yaml?: YamlLibrary;
}

/**
 * Bounds on what a stream keeps, so that one that never ends stays within them. Past a bound the oldest go first
 * (facts, events least recently seen, evidence lines, sections); issues past theirs are not kept.
 */
export interface Limits {
  /** Facts kept per family. */
  facts: number;
  /** Distinct events kept, and line numbers kept per event. */
  events: number;
  eventLines: number;
  /** Lines kept for evidence. */
  lines: number;
  /** Sections listed, and issues kept. */
  sections: number;
  issues: number;
  /** Lines of a section read whole (describe, YAML, a JSON value) held at most: its next lines are read as text. */
  sectionLines: number;
  /** Lines held while the indentation they share is unknown (see Unquoter), and characters of a line held while its
   * newline has not come (the rest of it is dropped). */
  heldLines: number;
  lineChars: number;
  /** Example lines kept of a message that repeats (the repeats are folded into one signal with a count). */
  repeatLines: number;
}

/** How much was dropped to stay within the limits. */
export interface Evicted {
  facts: number;
  events: number;
  lines: number;
  sections: number;
  issues: number;
}

/** Default of {@link ExtractOptions.maxLineChars}. */
export const DEFAULT_MAX_LINE_CHARS = 1024 * 1024;

/** Lines facts cite, by input (`''` when one input) and line number: the text evidence shows. */
export type CitedLines = Map<string, Map<number, string>>;

/** A call of the section sink (the splitter's calls, see SectionSink), kept while the reading waits for a library. */
type SinkCall =
  | { call: 'open'; shape: Shape; command: string | null; first: Line }
  | { call: 'line'; line: Line }
  | { call: 'close' };

/** A section that needs the yaml library, and the sink's calls that came after it: read in order once it is given. */
export interface Waiting {
  section: Section;
  calls: SinkCall[];
}

/** A section being read: its lines until it ends, or a line-by-line reading, or a list read item by item. */
interface OpenSection {
  shape: Shape;
  command: string | null;
  lines: Line[];
  reading: LineReading | null;
  /** A JSON section that may be a list, followed until it is known (streaming once long). */
  list: ListReading | null;
}

/** Lines of a JSON list after which its items are read one by one (a shorter one is read whole). */
const LIST_STREAM_AFTER = 2000;

/** The line that starts a YAML document (and ends the one before). */
const DOCUMENT_START = /^---\s*$/;

/** "No resources found" after `kubectl get nodes`, followed across sections (see watchNodeLine). */
interface NodeListWatch {
  /** The command of the last prompt, or the last non-blank line of the previous section. */
  prev: string;
  /** The last non-blank line of the open section. */
  last: string | null;
  empty: boolean;
}

/** Everything read so far: facts collected, events aggregated, lines cited, sections. Plain data. */
export interface Extraction {
  c: Collected;
  events: EventAggregate;
  cited: CitedLines;
  sections: InputSection[];
  open: OpenSection | null;
  nodeList: NodeListWatch;
  policy: PolicyBlocks;
  /** Signals found before the first one c.signals holds (a stream's state may drop old facts). */
  signalBase: number;
  /** The facts collected when the last lines were done with (afterLines): what is newer was found since. */
  marks: Marks;
  /** Lines of a JSON list after which its items are read one by one. */
  listStreamAfter: number;
  limits: Limits | null;
  evicted: Evicted;
  /** Per input, the last line whose text was dropped for the limits: evidence up to it may show no text. */
  evictedThrough: Map<string, number>;
  /** Facts found so far (a count that only grows: a caller tells from it whether something new was found). */
  found: number;
  /** In a stream, the signal each repeated message is folded into, by signature, values and input (see foldRepeats). */
  repeats: Map<string, Signal>;
  /**
   * Set when a section needs the yaml library and none was given: the reading stops there, and what the splitter
   * gives next is kept in order, until the caller gives the library (resumeExtraction).
   */
  waiting: Waiting | null;
}

/** Starts reading inputs; parse problems go to `issues`. */
export function newExtraction(issues: Issue[], options: ExtractOptions = {}): Extraction {
  const c = newCollected(
    issues,
    options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS,
    options.signatures,
    options.lang,
    options.yaml ?? null,
  );
  return {
    c,
    events: new Map(),
    cited: new Map(),
    sections: [],
    open: null,
    nodeList: { prev: '', last: null, empty: false },
    policy: newPolicyBlocks(),
    signalBase: 0,
    marks: markFacts(c),
    listStreamAfter: options.listStreamAfter ?? LIST_STREAM_AFTER,
    limits: options.limits ?? null,
    evicted: { facts: 0, events: 0, lines: 0, sections: 0, issues: 0 },
    evictedThrough: new Map(),
    found: 0,
    repeats: new Map(),
    waiting: null,
  };
}

/**
 * Whether a section is read with the yaml library: YAML objects and aws-auth (whose mappings are YAML, even inside
 * JSON or a describe). Every other kind is read without it, so a run without such a section never loads it.
 */
function needsYaml(section: Section): boolean {
  return section.kind === 'aws-auth' || (OBJECT_KINDS.has(section.kind) && section.json === null);
}

/** Gives the reading the yaml library: the section it waited for is read, then the sink's calls kept since. */
export function resumeExtraction(x: Extraction, yaml: YamlLibrary): void {
  x.c.yaml = yaml;
  const w = x.waiting;
  if (w === null) return;
  x.waiting = null;
  readWhole(x, w.section);
  for (const call of w.calls) {
    if (call.call === 'open') openSection(x, call.shape, call.command, call.first);
    else if (call.call === 'line') sectionLine(x, call.line);
    else closeSection(x);
  }
}

/** Builds the facts of sections split whole, collecting parse problems as issues. */
export function extractFacts(sections: readonly Section[], issues: Issue[], options: ExtractOptions = {}): Facts {
  const x = newExtraction(issues, options);
  for (const section of sections) readSection(x, section);
  return finishFacts(x);
}

/** A section opens (the splitter's sink). */
export function openSection(x: Extraction, shape: Shape, command: string | null, first: Line): void {
  if (x.waiting === null) closeSection(x);
  if (x.waiting !== null) {
    x.waiting.calls.push({ call: 'open', shape, command, first });
    return;
  }
  watchNodeList(x, command);
  // Tables by their header; error sections whatever kind they turn out to be; text once it has a second line.
  const kind = shape === 'table' ? tableKind(first.text) : shape === 'error' ? 'error' : null;
  const reading = kind !== null && readsByLine(kind) ? openLineReading(kind, command, first) : null;
  const list = shape === 'json' ? openListReading(first, x.c.signals.length) : null;
  x.open = { shape, command, lines: reading ? [] : [first], reading, list };
  if (reading) readSome(x, reading);
}

/** The open section's next line. */
export function sectionLine(x: Extraction, line: Line): void {
  if (x.waiting !== null) {
    x.waiting.calls.push({ call: 'line', line });
    return;
  }
  const o = x.open;
  if (o === null) return;
  if (o.reading) {
    addLine(o.reading, line);
    readSome(x, o.reading);
    return;
  }
  if (o.list?.streaming) {
    listLine(o.list, line, x.c);
    listRead(x, o.list, []);
    return;
  }
  o.lines.push(line);
  if (x.limits && o.shape === 'yaml' && o.lines.length > 1 && DOCUMENT_START.test(line.text)) {
    // A watch of YAML objects (`kubectl get -w -o yaml`) never ends: a stream reads each document when the next starts.
    x.open = null;
    readBuffered(x, toSection('yaml', o.lines.slice(0, -1), o.command));
    x.open = { ...o, lines: [line] };
    return;
  }
  if (x.limits && o.lines.length >= x.limits.sectionLines && o.shape !== 'text') {
    // Too long to hold for a stream: read what came, and search the rest of the section as text.
    x.open = null;
    readBuffered(x, toSection(o.shape, o.lines, o.command));
    x.open = { shape: 'text', command: o.command, lines: [], reading: null, list: null };
    return;
  }
  if (o.list && !listLine(o.list, line, x.c)) o.list = null;
  if (o.list && o.lines.length >= x.listStreamAfter && canStream(o.list)) {
    // A long list: its items are read one by one from now on, and its lines no longer kept.
    startStreaming(o.list, x.c);
    listRead(x, o.list, []);
    o.lines = [];
  }
  // Text of two lines or more is log lines (one line may be a can-i answer or a JSON object): read it as it comes.
  if (o.shape === 'text' && o.lines.length === 2) {
    const [first, second] = o.lines as [Line, Line];
    o.reading = openLineReading('log-lines', o.command, first);
    o.lines = [];
    addLine(o.reading, second);
    readSome(x, o.reading);
  }
}

/** The open section ends. */
export function closeSection(x: Extraction): void {
  if (x.waiting !== null) {
    x.waiting.calls.push({ call: 'close' });
    return;
  }
  const o = x.open;
  if (o === null) return;
  x.open = null;
  if (o.reading) endReading(x, o.reading);
  else if (o.list?.streaming) {
    const list = o.list;
    const kind = closeListReading(list, x.c);
    listRead(
      x,
      list,
      list.messages.map((m) => m.line),
    );
    x.nodeList.prev = x.nodeList.last ?? x.nodeList.prev;
    x.sections.push(sectionRef(kind, list.first, list.lastNo, o.command));
  } else readBuffered(x, toSection(o.shape, o.lines, o.command));
}

/** Reads a section split whole (its kind known). */
export function readSection(x: Extraction, section: Section): void {
  if (section.lines.length === 0) return;
  closeSection(x);
  watchNodeList(x, section.command);
  readBuffered(x, section);
}

function readBuffered(x: Extraction, section: Section): void {
  const [first, ...rest] = section.lines as [Line, ...Line[]];
  if (!readsByLine(section.kind)) {
    readWhole(x, section);
    return;
  }
  // Its kind is known: read as that kind, line by line.
  const r = openLineReading(section.kind, section.command, first);
  for (const l of rest) addLine(r, l);
  endReading(x, r);
}

function endReading(x: Extraction, r: LineReading): void {
  const { kind, read } = closeLineReading(r, x.c);
  afterLines(x, read);
  x.nodeList.prev = x.nodeList.last ?? x.nodeList.prev;
  x.sections.push(sectionRef(kind, r.first, r.lastNo, r.command));
}

function readSome(x: Extraction, r: LineReading): void {
  afterLines(x, readPending(r, x.c, false));
  dropRead(r);
}

/** After a step of a list: the lines it read (and `more` lines its facts may cite). */
function listRead(x: Extraction, list: ListReading, more: readonly Line[]): void {
  const lines = takeRead(list);
  if (lines.length > 0 || more.length > 0) afterLines(x, { lines, lo: 0, hi: lines.length, more });
}

/** A section read when it ends. */
function readWhole(x: Extraction, section: Section): void {
  if (x.c.yaml === null && needsYaml(section)) {
    // Nothing of this section is read yet: the calls that come after it wait with it (see resumeExtraction).
    x.waiting = { section, calls: [] };
    return;
  }
  extractSection(section, x.c);
  afterLines(x, { lines: section.lines, lo: 0, hi: section.lines.length });
  x.nodeList.prev = x.nodeList.last ?? x.nodeList.prev;
  const first = section.lines[0] as Line;
  x.sections.push(
    sectionRef(section.kind, first, section.lines[section.lines.length - 1]?.no ?? first.no, section.command),
  );
}

function sectionRef(kind: InputSection['kind'], first: Line, lastNo: number, command: string | null): InputSection {
  return {
    kind,
    startLine: first.no,
    endLine: lastNo,
    ...(first.source === undefined ? {} : { source: first.source }),
    ...(command === null ? {} : { command }),
  };
}

/**
 * After lines[lo..hi) of a section were read: the readers that follow lines across sections read them, the lines the
 * facts found since the last time cite are kept (looked up among `lines` and `more`), new events join the aggregate.
 */
function afterLines(x: Extraction, { lines, lo, hi, more }: LinesRead): void {
  const c = x.c;
  const changed = changedSince(c, x.marks);
  const fresh = changed ? factsSince(c, x.marks) : [];
  const signalsBefore = x.marks.lengths[0] ?? 0;
  const found: Signal[] = c.signals.slice(signalsBefore);
  const cite = (l: Line): void => citeLine(x.cited, l);
  readPolicyLines(x.policy, lines, lo, hi, found, x.signalBase + signalsBefore, cite);
  for (let i = lo; i < hi; i++) watchNodeLine(x.nodeList, (lines[i] as Line).text);
  // A stream folds repeated messages: they add no fact, only a count (and an example line while there are few).
  const fold = x.limits !== null && found.length > 0 ? foldRepeats(x, signalsBefore, x.limits.repeatLines) : null;
  const cited = fold === null ? fresh : [...fresh.filter((f) => !fold.folded.has(f)), ...fold.grown];
  if (cited.length > 0) {
    const base = lines[0]?.no ?? 0;
    const others = more === undefined || more.length === 0 ? null : new Map(more.map((l) => [l.no, l]));
    for (const no of citedNumbers(cited)) {
      const l = lines[no - base];
      if (l?.no === no) cite(l);
      else {
        const m = others?.get(no);
        if (m) cite(m);
      }
    }
  }
  x.found += fresh.length - (fold?.folded.size ?? 0) + c.events.length;
  if (c.events.length > 0) {
    addEvents(x.events, c.events, cite, x.limits?.eventLines);
    c.events.length = 0;
  }
  if (x.limits) keepWithin(x, x.limits);
  if (changed || x.limits) x.marks = markFacts(c);
}

/** What folds repeats of one message together: its signature, the values it names, and its input. */
function repeatKey(s: Signal): string {
  return JSON.stringify([s.id, s.source ?? '', s.groups]);
}

/**
 * Folds the signals found since `from` that repeat a message already held (the same signature and values, in the
 * same input: a log's timestamps and line numbers differ) into the signal holding it: its count, its last line, and
 * its first `examples` lines. Returns the signals folded (taken out of the list) and the holders that gained an
 * example line (to be cited).
 */
function foldRepeats(x: Extraction, from: number, examples: number): { folded: Set<object>; grown: Signal[] } {
  const signals = x.c.signals;
  const folded = new Set<object>();
  const grown: Signal[] = [];
  let kept = from;
  for (let i = from; i < signals.length; i++) {
    const s = signals[i] as Signal;
    const key = repeatKey(s);
    const held = x.repeats.get(key);
    if (held === undefined) {
      x.repeats.set(key, s);
      signals[kept++] = s;
      continue;
    }
    held.count = (held.count ?? 1) + 1;
    held.lastLine = s.line;
    const lines = held.lines ?? [held.line];
    if (lines.length < examples) {
      lines.push(s.line);
      grown.push(held);
    }
    held.lines = lines;
    folded.add(s);
  }
  signals.length = kept;
  return { folded, grown };
}

/** Drops what is past the limits (in batches: a quarter over a bound, it goes back to the bound). */
function keepWithin(x: Extraction, l: Limits): void {
  const c = x.c;
  const over = (n: number, max: number): number => (n > max + (max >> 2) ? n - max : 0);
  for (const k of FAMILIES) {
    const list: unknown[] = c[k];
    const drop = over(list.length, l.facts);
    if (drop === 0) continue;
    const gone = list.splice(0, drop);
    if (k === 'signals')
      for (const s of gone as Signal[]) if (x.repeats.get(repeatKey(s)) === s) x.repeats.delete(repeatKey(s));
    x.evicted.facts += drop;
    if (k === 'signals') x.signalBase += drop;
  }
  let drop = over(x.events.size, l.events);
  x.evicted.events += drop;
  for (const key of x.events.keys()) {
    if (drop-- <= 0) break;
    x.events.delete(key);
  }
  let total = 0;
  for (const m of x.cited.values()) total += m.size;
  let lines = over(total, l.lines);
  x.evicted.lines += lines;
  for (const [source, m] of x.cited) {
    for (const no of m.keys()) {
      if (lines <= 0) break;
      m.delete(no);
      x.evictedThrough.set(source, Math.max(no, x.evictedThrough.get(source) ?? 0));
      lines--;
    }
  }
  const sections = over(x.sections.length, l.sections);
  if (sections > 0) {
    x.sections.splice(0, sections);
    x.evicted.sections += sections;
  }
  if (c.issues.length > l.issues) {
    x.evicted.issues += c.issues.length - l.issues;
    c.issues.length = l.issues;
  }
}

/** Keeps the text of a line a fact cites (as printed: evidence shows it). */
function citeLine(cited: CitedLines, l: Line): void {
  const source = l.source ?? '';
  let byLine = cited.get(source);
  if (byLine === undefined) {
    byLine = new Map<number, string>();
    cited.set(source, byLine);
  }
  byLine.set(l.no, l.printed ?? l.text);
}

/** Lists inside a fact whose items are evidence too (an aws-auth's entries and findings). */
const NESTED: ReadonlySet<string> = new Set(['entries', 'findings']);

/** The line numbers facts cite: their line, the first lines of their list (evidence shows three), nested items'. */
function citedNumbers(facts: readonly object[]): Set<number> {
  const out = new Set<number>();
  const visit = (f: Record<string, unknown>, nested: boolean): void => {
    const { line, lines, readyLine } = f;
    if (typeof line === 'number') out.add(line);
    if (typeof readyLine === 'number') out.add(readyLine);
    if (Array.isArray(lines))
      for (let i = 0; i < 3 && i < lines.length; i++) if (typeof lines[i] === 'number') out.add(lines[i] as number);
    if (nested) return;
    for (const k of NESTED) {
      const items = f[k];
      if (Array.isArray(items))
        for (const item of items)
          if (typeof item === 'object' && item !== null) visit(item as Record<string, unknown>, true);
    }
  };
  for (const f of facts) visit(f as Record<string, unknown>, false);
  return out;
}

function watchNodeList(x: Extraction, command: string | null): void {
  if (command !== null) x.nodeList.prev = command;
  x.nodeList.last = null;
}

const GET_NODES = /(?:^|[\s/])(?:kubectl|k|oc)\s(?:.*\s)?get\s+(?:nodes?|no)\b/;

/** "No resources found" printed by `kubectl get nodes` (its prompt, or the command quoted on the line before). */
function watchNodeLine(w: NodeListWatch, text: string): void {
  if (text === '') return;
  // The line before is trimmed only at a hit.
  if (text.includes('No resources found') && text.trim().startsWith('No resources found')) {
    if (GET_NODES.test((w.last ?? w.prev).trim())) w.empty = true;
  }
  const c = text.charCodeAt(0);
  if ((c > 32 && c < 127) || text.trim() !== '') w.last = text;
}

/** Reads one section whole: its error messages, then what its kind holds, then its cut and redacted lines. */
function extractSection(section: Section, c: Collected): void {
  const firstSignal = c.signals.length;
  // Objects first: in JSON, the lines inside an event are searched through its message.
  const objects = OBJECT_KINDS.has(section.kind) ? extractObjects(section, c) : null;
  searchLines(section, objects?.events ?? null, c);
  if (objects) searchObjectMessages(objects.messages, firstSignal, c);
  switch (section.kind) {
    case 'describe-pod':
      extractDescribePod(section, c);
      break;
    case 'describe-node':
      extractDescribeNode(section, c);
      break;
    case 'describe-other':
    case 'describe-configmap':
      extractDescribeOther(section, c);
      break;
    case 'aws-auth':
      extractAwsAuth(section, c);
      break;
    case 'caller-identity-json':
      extractCallerIdentityJson(section, c);
      break;
    case 'can-i':
      extractCanI(section, c);
      break;
    case 'whoami':
      extractWhoami(section, c);
      break;
    default:
      break;
  }
  elisionIssues(section, c);
}

/** The facts of everything read (as if the input ended here when a section is still open: see finishStream). */
export function finishFacts(x: Extraction): Facts {
  closeSection(x);
  if (x.waiting !== null) throw new Error('facts finished while the reading waits for the yaml library (a bug)');
  for (const s of policySignals(x.policy)) x.c.signals.push(s);
  longLineIssues(x.c);
  return finish(x.c, [...x.events.values()], x.nodeList.empty);
}

/** The facts of everything collected: events aggregated, one scheduler fact per line, the caller's aws-auth mapping. */
function finish(c: Collected, events: EventFact[], nodeListEmpty: boolean): Facts {
  const { signals, forbidden, scheduling, pods, nodes } = c;
  const cluster = c.clusters.find((x) => x.authMode !== null) ?? c.clusters[0] ?? null;
  const chosen = c.awsAuths.find((a) => a.wellFormed) ?? c.awsAuths[0] ?? null;
  // Copies of one ConfigMap (pasted twice) are one; different ones leave a merge unsure which is live.
  const variants =
    new Set(
      c.awsAuths.map((a) => JSON.stringify([a.data, a.entries.map((e) => [e.kind, e.arn, e.username, e.groups])])),
    ).size + c.awsAuths.reduce((n, a) => n + a.variants - 1, 0);
  const accessEntries = relateAccessEntries(c.accessEntries);
  const awsAuth = relateAwsAuth(chosen === null ? null : { ...chosen, variants }, accessEntries);
  // Whether the pasted aws-auth maps the caller: a relation of two facts, kept on the caller.
  const caller = c.callerIdentity;
  const callerIdentity =
    caller === null || awsAuth === null
      ? caller
      : {
          ...caller,
          mappedInAwsAuth: awsAuth.entries.some(
            (e) => sameArn(e.arn, caller.canonicalArn) || sameArn(e.arn, caller.arn),
          ),
        };
  const sched = dedupeByLine(scheduling);
  const fitItems: FitItemFact[] = sched.flatMap((f) => {
    const most = Math.max(0, ...f.items.map((i) => i.count));
    return f.items.map((i) =>
      Object.assign(f.source === undefined ? { line: f.line } : { line: f.line, source: f.source }, {
        reason: i.reason,
        count: i.count,
        total: f.total,
        allNodes: f.total > 0 && i.count >= f.total,
        largest: i.count >= most,
        nodeState: i.nodeState,
      }),
    );
  });
  return {
    signals,
    forbidden: relateForbidden(forbidden, c),
    events,
    scheduling: sched,
    fitItems,
    pods,
    containers: c.containers,
    nodes,
    awsAuth,
    callerIdentity,
    conditions: c.conditions,
    roles: c.roles,
    bindings: c.bindings,
    accessEntries,
    cluster,
    authChecks: c.authChecks,
    authRules: c.authRules,
    whoami: relateWhoami(c.whoami, c.bindings),
    nodeListEmpty,
  };
}

function dedupeByLine<T extends { line: number; source?: string | undefined }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.source ?? ''}:${x.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
