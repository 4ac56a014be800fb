// Text from a paste is shown, never obeyed: a terminal must not read its control, format or line-separator characters
// (a bidi override reverses what a reviewer reads, a zero-width space hides a difference, U+2028 starts a line), and a
// Markdown viewer must not read its links, images, HTML or comments.

// Control and format characters, line and paragraph separators, lone surrogates; a tab is kept (tables use it).
const UNPRINTABLE = /(?!\t)[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** `text` with every control, format and line-separator character (the tab aside) written as an escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) =>
    c === '\n' ? '\\n' : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

// Outside code spans, what Markdown (GitHub's included) turns into a link, an image, HTML, a comment, an entity or
// emphasis.
const MARKDOWN_ACTIVE = /[\\[\]<>&*_~]/g;

/**
 * Prose for Markdown: code spans (backtick runs closed by a run of the same length on the same line, as CommonMark
 * pairs them) are kept as written, and everywhere else the characters that make links, images, HTML, comments and
 * entities (and emphasis) are escaped, so a value in the text shows as its characters whatever it holds.
 */
export function markdownProse(text: string): string {
  return text
    .split('\n')
    .map((line) => proseLine(printable(line)))
    .join('\n');
}

function proseLine(s: string): string {
  let out = '';
  let at = 0;
  while (at < s.length) {
    const open = s.indexOf('`', at);
    if (open < 0) break;
    const run = /^`+/.exec(s.slice(open))?.[0] ?? '`';
    const close = closingRun(s, open + run.length, run.length);
    out += escapeActive(s.slice(at, open));
    // An unclosed run is literal text; a closed one is a code span, shown as written.
    const end = close < 0 ? open + run.length : close + run.length;
    out += s.slice(open, end);
    at = end;
  }
  return out + escapeActive(s.slice(at));
}

/** Where a backtick run of exactly `length` starts at or after `from`; -1 when none. */
function closingRun(s: string, from: number, length: number): number {
  for (let i = s.indexOf('`', from); i >= 0; i = s.indexOf('`', i)) {
    let j = i;
    while (s[j] === '`') j++;
    if (j - i === length) return i;
    i = j;
  }
  return -1;
}

function escapeActive(s: string): string {
  return s.replace(MARKDOWN_ACTIVE, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** An inline code span holding exactly `text` (a longer backtick fence when `text` holds backticks). */
export function markdownCode(text: string): string {
  const s = printable(text.replace(/\n/g, ' '));
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = longest > 0 || s.startsWith(' ') || s.endsWith(' ') ? ' ' : '';
  return `${ticks}${pad}${s}${pad}${ticks}`;
}
