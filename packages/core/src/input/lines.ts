/** One physical line of the user's input. */
export interface Line {
  /** 1-based line number in its input. */
  no: number;
  /** The line as printed: CR, ANSI colour and trailing spaces removed. Used for evidence. */
  text: string;
  /** Where the line belongs when several inputs were given (file name), else undefined. */
  source?: string | undefined;
  /** The line as printed when undoing how text travelled changed `text` (quote marks, HTML escapes): evidence shows it. */
  printed?: string;
}

// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks, titles). Both linear: no nested quantifiers.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Removes terminal colour codes and other control characters (tabs are kept). */
export function stripAnsi(s: string): string {
  return s.includes('\u001b') ? s.replace(ANSI, '') : s;
}

// A character a line must be cleaned of: CR, ESC (ANSI) and the other control characters (tab is kept).
const DIRTY = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Reads text given in pieces into numbered lines: a line is complete when its newline arrives (or at the end). Plain
 * data (no methods), so a stream's state can be copied with structuredClone.
 */
export interface LineReader {
  /** Number of the next line. */
  no: number;
  /** The text after the last newline so far: the start of the next line. */
  rest: string;
  /** Whether `rest` holds a character a line must be cleaned of. */
  restDirty: boolean;
  source: string | undefined;
  /** Longest start of a line held while its newline has not come (a stream's bound); the rest of it is dropped. */
  maxRest: number;
}

/** A reader at the start of an input (`source`: its name when several inputs are read). */
export function newLineReader(source?: string, maxRest = Number.POSITIVE_INFINITY): LineReader {
  return { no: 1, rest: '', restDirty: false, source, maxRest };
}

/** Reads one more piece of the text, giving each line it completes to `emit`. */
export function readLines(r: LineReader, piece: string, emit: (line: Line) => void): void {
  // Most inputs hold no control character at all: then no line needs the test.
  const dirty = DIRTY.test(piece);
  let start = 0;
  for (let end = piece.indexOf('\n'); end !== -1; end = piece.indexOf('\n', start)) {
    let raw = piece.slice(start, end);
    let test = dirty;
    if (r.rest !== '') {
      raw = r.rest + raw;
      test ||= r.restDirty;
      r.rest = '';
      r.restDirty = false;
    }
    emit({ no: r.no++, text: own(test && DIRTY.test(raw) ? cleanLine(raw) : trimEnd(raw)), source: r.source });
    start = end + 1;
  }
  if (start < piece.length && r.rest.length < r.maxRest) {
    r.rest += start === 0 ? piece : piece.slice(start);
    if (r.rest.length > r.maxRest) r.rest = r.rest.slice(0, r.maxRest);
    r.restDirty ||= dirty;
  }
}

/**
 * The text as a string of its own: a line cut from a piece of input would keep the whole piece alive for as long as
 * any fact holds a part of it (engines cut strings as views of the one they come from).
 */
function own(text: string): string {
  // V8 copies a cut shorter than 13 characters; from 13 on, a cut is a view (SlicedString::kMinLength).
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Ends the input: the text after the last newline is a line, and an empty input is one empty line. */
export function endLines(r: LineReader, emit: (line: Line) => void): void {
  // A trailing newline does not make an extra empty line.
  if (r.rest === '' && r.no > 1) return;
  const raw = r.rest;
  const test = r.restDirty;
  r.rest = '';
  r.restDirty = false;
  emit({ no: r.no++, text: test && DIRTY.test(raw) ? cleanLine(raw) : trimEnd(raw), source: r.source });
}

/** Splits text into numbered lines, normalising CRLF, ANSI colour and trailing whitespace. */
export function toLines(text: string, source?: string): Line[] {
  const out: Line[] = [];
  const r = newLineReader(source);
  const push = (l: Line): void => {
    out.push(l);
  };
  readLines(r, text, push);
  endLines(r, push);
  return out;
}

/** One line with CR, ANSI colour, control characters and trailing blanks removed. */
function cleanLine(raw: string): string {
  const s = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  return trimEnd(stripAnsi(s).replace(CONTROL, '').replace(/\r/g, ''));
}

function trimEnd(s: string): string {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c === 32 || c === 9) i--;
    else break;
  }
  return i === s.length ? s : s.slice(0, i);
}

/** Expands tabs to 8-column stops, as a terminal shows them. */
export function expandTabs(s: string): string {
  if (!s.includes('\t')) return s;
  let out = '';
  for (const ch of s) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}
