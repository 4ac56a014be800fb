/** One physical line of the user's input. */
export interface Line {
  /** 1-based line number in its input. */
  no: number;
  /** The line as printed: CR, ANSI colour and trailing spaces removed. Used for evidence. */
  text: string;
  /** Where the line belongs when several inputs were given (file name), else undefined. */
  source?: string | undefined;
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

/** Splits text into numbered lines, normalising CRLF, ANSI colour and trailing whitespace. */
export function toLines(text: string, source?: string): Line[] {
  const out: Line[] = [];
  // Most inputs hold no control character at all: then no line needs the test.
  const dirty = DIRTY.test(text);
  let start = 0;
  let no = 1;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    out.push({ no: no++, text: dirty && DIRTY.test(raw) ? cleanLine(raw) : trimEnd(raw), source });
    if (end === text.length) break;
    start = end + 1;
  }
  // A trailing newline does not make an extra empty line.
  if (out.length > 1 && out[out.length - 1]?.text === '' && text.endsWith('\n')) out.pop();
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
