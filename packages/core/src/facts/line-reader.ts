// Sections read line by line, as their lines arrive: error output and logs (a `kubectl logs -f` never ends), text no
// format claimed, and `kubectl get` tables (`-w` prints rows as they change). Each line is searched for error
// messages (a message wrapped onto the next lines waits for them), read as a row, checked for cut and redacted
// values; the kind of an error section is known only at its end (any kubectl error line makes it kubectl-error), so
// the rows it would hold as log lines wait until then.
import { t } from '../i18n/t.js';
import type { Line } from '../input/lines.js';
import { errorKind } from '../input/split.js';
import { parseTableHeader, parseTableRow, type TableHeader } from '../parse/table.js';
import type { InputKind } from '../report.js';
import { callerIdentityOfText } from './aws-json.js';
import type { Collected, RawEvent } from './collected.js';
import { isElided, isRedacted, pushElisionIssues } from './elisions.js';
import { searchRange, type Found } from './error-lines.js';
import { readTableRow, tableOf, type TableOf } from './get-table.js';
import { readHeaderlessRow } from './log-lines.js';
import type { CallerIdentityFact, PodFact } from './schema.js';

/** The kinds read line by line (with the shape that gives them: an error section's kind is sniffed as it goes). */
export function readsByLine(kind: InputKind | 'error'): boolean {
  return (
    kind === 'error' ||
    kind === 'kubectl-error' ||
    kind === 'aws-cli-error' ||
    kind === 'log-lines' ||
    kind === 'get-table'
  );
}

/** Rows read as log lines, not yet facts: the section may turn out to be another kind. */
interface Rows {
  events: RawEvent[];
  pods: PodFact[];
  /** The first `get-caller-identity --output text` line. */
  identity: CallerIdentityFact | null;
  read: boolean;
}

/** A section being read line by line. Plain data. */
export interface LineReading {
  /** Its kind; null for an error section, whose kind so far is `sniffed`. */
  kind: InputKind | null;
  sniffed: InputKind;
  command: string | null;
  first: Line;
  lastNo: number;
  /** Lines not yet read: lines[from…]; earlier ones are dropped from time to time. */
  lines: Line[];
  from: number;
  found: Found;
  table: { header: TableHeader; of: TableOf } | null;
  /** Null when the section cannot be log lines. */
  rows: Rows | null;
  redacted: Line | null;
  elided: Line[];
}

/** Starts reading a section of `kind` (or 'error': an error section, its kind sniffed) at its first line. */
export function openLineReading(kind: InputKind | 'error', command: string | null, first: Line): LineReading {
  const header = kind === 'get-table' ? parseTableHeader(first) : null;
  return {
    kind: kind === 'error' ? null : kind,
    sniffed: 'log-lines',
    command,
    first,
    lastNo: first.no,
    lines: [first],
    from: 0,
    found: { explained: false, fit: false },
    table: header === null ? null : { header, of: tableOf(header) },
    rows: kind === 'error' || kind === 'log-lines' ? { events: [], pods: [], identity: null, read: false } : null,
    redacted: null,
    elided: [],
  };
}

/** What reading some lines gives the caller: the lines read, to feed the readers that follow lines across sections. */
export interface LinesRead {
  lines: readonly Line[];
  lo: number;
  hi: number;
  /** Lines outside lines[lo..hi) that the facts found may cite. */
  more?: readonly Line[];
}

/**
 * Reads the lines that can be read now (all of them when `final`). Returns them; the facts went to `c` (rows of a
 * section that may be log lines wait in `r.rows`).
 */
export function readPending(r: LineReading, c: Collected, final: boolean): LinesRead {
  const lines = r.lines;
  const lo = r.from;
  const hi = searchRange(lines, true, null, true, c, lo, final, r.found);
  for (let i = lo; i < hi; i++) readLine(r, lines[i] as Line, c);
  r.from = hi;
  // A settled log-lines section's rows are facts at once.
  if (r.kind === 'log-lines' && r.rows) flushRows(r.rows, c);
  return { lines, lo, hi };
}

/** Drops the lines already read (the caller is done with what readPending returned). */
export function dropRead(r: LineReading): void {
  if (r.from < 1024 && r.from < r.lines.length) return;
  r.lines = r.lines.slice(r.from);
  r.from = 0;
}

function readLine(r: LineReading, l: Line, c: Collected): void {
  const t = l.text;
  if (r.kind === null) {
    const k = errorKind(r.sniffed, t);
    // Not log lines after all: the rows read as such are not facts.
    if (k !== r.sniffed) {
      r.sniffed = k;
      r.rows = null;
    }
  }
  if (r.table && l !== r.first) {
    const row = parseTableRow(r.table.header, l);
    if (row) readTableRow(r.table.of, row, c);
  }
  if (r.rows) {
    if (readHeaderlessRow(l, r.rows)) r.rows.read = true;
    r.rows.identity ??= callerIdentityOfText(l);
  }
  if (r.redacted === null && isRedacted(t)) r.redacted = l;
  if (isElided(t)) r.elided.push(l);
}

function flushRows(rows: Rows, c: Collected): void {
  for (const e of rows.events) c.events.push(e);
  for (const p of rows.pods) c.pods.push(p);
  rows.events.length = 0;
  rows.pods.length = 0;
}

/** Ends the section: its kind is known, its rows become facts if it is log lines, its issues are written. */
export function closeLineReading(r: LineReading, c: Collected): { kind: InputKind; read: LinesRead } {
  const read = readPending(r, c, true);
  const kind = r.kind ?? r.sniffed;
  const first = r.first.no;
  const source = r.first.source;
  let recognised = kind !== 'log-lines' || r.found.explained || r.found.fit;
  if (kind === 'log-lines' && r.rows) {
    flushRows(r.rows, c);
    if (r.rows.read) recognised = true;
    if (r.rows.identity !== null && c.callerIdentity === null) {
      c.callerIdentity = r.rows.identity;
      recognised = true;
    }
  }
  const src = source === undefined ? {} : { source };
  pushElisionIssues(r.redacted, r.elided, src, c);
  if ((kind === 'kubectl-error' || kind === 'aws-cli-error') && !r.found.explained) {
    c.issues.push({
      code: 'error_not_catalogued',
      line: first,
      message: t(c.lang, 'issue.error_not_catalogued', { line: first }),
      ...src,
    });
  }
  if (!recognised) {
    c.issues.push({
      code: 'unrecognised_section',
      line: first,
      message: t(c.lang, 'issue.unrecognised_section', { from: first, to: r.lastNo }),
      ...src,
    });
  }
  return { kind, read };
}

/** Adds the next line of the section. */
export function addLine(r: LineReading, l: Line): void {
  r.lines.push(l);
  r.lastNo = l.no;
}
