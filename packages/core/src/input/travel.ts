// Format: what happens to terminal output on its way into a paste, undone here so that one set of signatures applies:
//   User &quot;ci&quot; cannot list …              (HTML-escaped by a web page or an issue's HTML source)
//   **user@host$ kubectl get pods**                (markdown bold or inline code around a whole line)
//   … cannot list resource "pods" in API group "" in the
//   namespace "ci"                                 (a long message wrapped by a mail client or a web page)
// plainLine() and unemphasise() undo the first two on each line (split.ts applies them with the quote marks); continuationEnd() and
// joinLines() give the logical line a wrapped message spans, which facts/error-lines.ts searches beside its lines.
import type { Line } from './lines.js';

// Everything plainLine changes starts with one of these; most lines hold none.
const ESCAPED = /[&\u00a0\u2018\u2019\u201c\u201d]/;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(quot|apos|lt|gt|amp|nbsp));/g;
const NAMED: Readonly<Record<string, string>> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&', nbsp: ' ' };
const TYPOGRAPHIC = /[\u00a0\u2018\u2019\u201c\u201d]/g;
const PLAIN: Readonly<Record<string, string>> = {
  '\u00a0': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
};
// A whole line set in bold or as inline code (the marks are not part of any kubectl or AWS format).
const EMPHASIS = /^(\s*)(\*\*|`)(?!\2)(\S(?:.*\S)?)\2\s*$/;

/**
 * One line as the program printed it: HTML character references decoded, typographic quotes and non-breaking spaces
 * made plain. Never longer than the line it was given.
 */
export function plainLine(text: string): string {
  if (!ESCAPED.test(text)) return text;
  const s = text.includes('&') ? text.replace(ENTITY, decodeEntity) : text;
  return s.replace(TYPOGRAPHIC, (c) => PLAIN[c] ?? c);
}

/** A line without bold or inline-code marks around the whole of it (`**$ kubectl get pods**`). */
export function unemphasise(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  // `*` or a backtick
  if (c !== 42 && c !== 96) return text;
  const m = EMPHASIS.exec(text);
  // Inline code holds no backtick of its own; bold no `**`.
  if (m?.[3] === undefined || m[3].includes(m[2] ?? '')) return text;
  return `${m[1] ?? ''}${m[3]}`;
}

function decodeEntity(whole: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED[name] ?? whole;
  const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
  // Only printable characters: a reference to a control character or a surrogate stays as written.
  if (code < 32 || code === 127 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
  return String.fromCodePoint(code);
}

/** The first line of an error message of kubectl, client-go, the aws CLI or eksctl (it also starts a section). */
export const ERROR_START =
  /^(?:Error from server|error: |Error: |Unable to connect to the server|The connection to the server|could not get token:|aws: \[ERROR\]|An error occurred \(|Unable to locate credentials|The config profile \(|Kubernetes cluster unreachable|Warning: |W\d{4} |E\d{4} |F\d{4} |getting credentials: |exec plugin: |Error when retrieving token from sso|You must specify a region|Could not connect to the endpoint URL|Please enter Username: |\[[✖!ℹ✔]\] )/;

/** Longest run of physical lines read as one logical line, and the longest text a join may build. */
const MAX_PARTS = 16;
const MAX_JOINED = 16 * 1024;
/** Mail clients and web pages wrap at 72 columns or more: a line was wrapped when the next one's first word would have
 * taken it past that. */
const WRAP_WIDTH = 72;

// A line that starts a record of its own, never the rest of a wrapped message: a prompt or fence, a log header
// (klog, journald, timestamps, levels), a known error opening, a `Key: value` field, a list item or quote, a JSON
// value; or a table row (columns apart by two or more spaces or a tab; two spaces after a sentence's end are prose).
const RECORD =
  /^(?:[$#%>❯➜»λ]\s|```|~~~|[IWEF]\d{4} |[A-Z][a-z]{2} +\d{1,2} \d\d:|\d{4}[-/]\d\d[-/]\d\d|\d\d:\d\d:\d\d|\[|\{|[-*•+] |\d{1,3}[.)] |(?:time|level|ts|msg)=|(?:TRAC|DEBU|INFO|WARN|ERRO|FATA|PANI)[A-Z]*(?:\b|\[)|Error from server|(?:[Ee]rror|[Ww]arning|fatal|panic|aws|kubectl|eksctl|helm|terraform): |[A-Z][\w ()/.-]{0,40}:(?:\s|$)|[\w.-]{1,64}@[\w.-]{1,64}[:\s])/;
const COLUMNS = /[^\s.!?](?: {2,}|\t)\S/;

/** The number of unescaped double quotes in `s` is odd: a quoted value is still open at its end. */
function quoteOpen(s: string): boolean {
  let open = false;
  for (let q = s.indexOf('"'); q !== -1; q = s.indexOf('"', q + 1)) {
    let b = 0;
    while (q - b - 1 >= 0 && s.charCodeAt(q - b - 1) === 92) b++;
    if (b % 2 === 0) open = !open;
  }
  return open;
}

/**
 * Index of the last line of the logical line that starts at lines[i]: later lines continue it while each starts at
 * the left margin with no record opening of its own and the line before it was full (its next word would not have
 * fitted) or left a quote open. `i` itself when the line stands alone (the usual case).
 */
export function continuationEnd(lines: readonly Line[], i: number): number {
  const scalar = yamlScalarEnd(lines, i);
  if (scalar !== null) return scalar;
  let j = i;
  let length = (lines[i] as Line).text.length;
  let open: boolean | null = null;
  while (j + 1 < lines.length && j - i + 1 < MAX_PARTS) {
    const next = (lines[j + 1] as Line).text;
    const c = next.charCodeAt(0);
    // Most lines end here: blank, or indented (describe rows, JSON, YAML), or the next line is.
    if (next === '' || c === 32 || c === 9) break;
    const prev = (lines[j] as Line).text;
    if (prev === '') break;
    const word = next.indexOf(' ');
    // A title shortened with an ellipsis that the next line resumes (GitHub's commit titles: `fix exec plu…` `…gin`).
    const resumed = prev.endsWith('…') && next.startsWith('…');
    if (!resumed && prev.length + 1 + (word === -1 ? next.length : word) < WRAP_WIDTH) {
      open ??= quoteOpen(joinLines(lines, i, j).text);
      if (!open) break;
    }
    if (
      length + next.length > MAX_JOINED ||
      (!resumed && (RECORD.test(next) || ERROR_START.test(next) || COLUMNS.test(next)))
    )
      break;
    j++;
    length += next.length + 1;
    open = null;
  }
  return j;
}

/** Whether the logical line lines[i..last] could go on past the last of `lines` (a later line may continue it). */
export function mayGoOn(lines: readonly Line[], i: number, last: number): boolean {
  return last === lines.length - 1 && last - i + 1 < MAX_PARTS;
}

// A YAML key whose value starts on its line (`message: 'pods "x" is forbidden: error`), or opens a block scalar
// (`message: >-`): lowercase, one space after the colon, as YAML printers write it (describe's keys are capitalised
// and padded). Printers fold a long value onto the following lines, indented deeper than the key.
const YAML_VALUE = /^( *)(?:- +)?[a-z][\w.-]{0,62}: (?! )\S/;

/**
 * The last line of a YAML scalar that starts on lines[i] and continues on deeper-indented lines (YAML's grammar: after
 * `key: value`, a line indented more than the key continues the value), or null when lines[i] opens none.
 */
function yamlScalarEnd(lines: readonly Line[], i: number): number | null {
  const text = (lines[i] as Line).text;
  const m = YAML_VALUE.exec(text);
  if (!m) return null;
  const key = m[0].length - m[0].trimStart().replace(/^- +/, '').length;
  let j = i;
  let length = text.length;
  while (j + 1 < lines.length && j - i + 1 < MAX_PARTS) {
    const next = (lines[j + 1] as Line).text;
    const indent = next.length - next.trimStart().length;
    if (next.trim() === '' || indent <= key || length + next.length > MAX_JOINED) break;
    j++;
    length += next.length + 1;
  }
  return j === i ? null : j;
}

/**
 * The text of lines[i..j] as one line, and where each line starts in it: a piece without a space (a long word such as
 * an ARN or a URL, broken where the column ended) joins the next directly, a piece ending in `…` resumed by `…` joins
 * without both, any other piece with the space the wrap took.
 */
export function joinLines(lines: readonly Line[], i: number, j: number): { text: string; starts: number[] } {
  let text = (lines[i] as Line).text;
  const starts = [0];
  for (let k = i + 1; k <= j; k++) {
    const next = (lines[k] as Line).text;
    if (text.endsWith('…') && next.startsWith('…')) {
      text = text.slice(0, -1);
      starts.push(text.length);
      text += next.slice(1);
      continue;
    }
    if ((lines[k - 1] as Line).text.trimStart().includes(' ')) text += ' ';
    starts.push(text.length);
    // A continuation indented deeper (a YAML scalar folded by its printer) joins without its indentation.
    text += next.trimStart();
  }
  return { text, starts };
}
