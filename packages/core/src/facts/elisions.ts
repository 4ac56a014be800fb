// Issues for any section: lines a person cut out (`...`, `<snip>`) and values they redacted (`<REDACTED>`,
// `XXXXXXXXXXXX`, `****`): the facts around them may be incomplete.
import { t } from '../i18n/t.js';
import type { Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { src, type Collected } from './collected.js';

const ELISION =
  /^\s*(?:\.\.\.|…|\[\.\.\.\]|\(\.\.\.\)|<snip(?:ped)?>|\[snip(?:ped)?\]|\.\.\. ?\(?(?:truncated|more|snip)[^)]*\)?|# \.\.\.)\s*$/i;

// `<REDACTED>`, `<account-id>`, `<role-arn>`, the word REDACTED.
const REDACTED_TAG = /<(?:redacted|(?:aws[-_ ]?)?account[-_ ]?id|[a-z]{1,12}[-_ ](?:arn|name|id))>|\bREDACTED\b/i;
const REDACTED_WORD = /redacted/i;
// A mask: a run of one character, X or x, that stands as a token of its own and is six or more long
// (`arn:aws:iam::XXXXXXXXXXXX:role/r`, `masked XXXXXX`) or follows punctuation (`id/xxxx`, `vol-xxxxx`, `"xxxx"`); one
// that ends an AWS unique id (`AROAXXXXXXXXXXXX`); or a run of `*`. A run inside a word (an event reason such as
// `AXxXX`) or a short word alone (`XXXX`) is text.
const MASK =
  /(?<![A-Za-z0-9])(?:X{6,}|x{6,})(?![A-Za-z0-9])|(?<=[-/:."'=])(?:X{4,}|x{4,})(?![A-Za-z0-9])|\bA[A-Z]{3}X{8,}(?![A-Za-z0-9])|\*{4,}/;

/** Whether a line holds a redacted value. Each regex runs only where a literal every alternative of it needs occurs. */
export function isRedacted(t: string): boolean {
  if (t.length >= 4000) return false;
  if ((t.includes('XXXX') || t.includes('xxxx') || t.includes('****')) && MASK.test(t)) return true;
  return (t.includes('<') || REDACTED_WORD.test(t)) && REDACTED_TAG.test(t);
}

/** Whether a line stands for lines a person cut out. */
export function isElided(t: string): boolean {
  if (t.length >= 40) return false;
  // Every elision starts, after blanks, with one of . … [ ( < # (the pattern's \s also takes other blanks).
  let i = 0;
  while (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9) i++;
  const c = t.charCodeAt(i);
  const may = c === 46 || c === 0x2026 || c === 91 || c === 40 || c === 60 || c === 35 || c < 32 || c > 127;
  return may && ELISION.test(t);
}

/** The first redacted value of a section (one issue), and every elided line. */
export function elisionIssues(section: Section, c: Collected): void {
  pushElisionIssues(
    section.lines.find((l) => isRedacted(l.text)) ?? null,
    section.lines.filter((l) => isElided(l.text)),
    src(section),
    c,
  );
}

/** The issues of a section's first redacted line and of its elided lines. */
export function pushElisionIssues(
  redacted: Line | null,
  elided: readonly Line[],
  source: { source?: string },
  c: Collected,
): void {
  if (redacted) {
    c.issues.push({
      code: 'redacted_value',
      line: redacted.no,
      message: t(c.lang, 'issue.redacted_value'),
      ...source,
    });
  }
  for (const l of elided) {
    c.issues.push({
      code: 'elided_lines',
      line: l.no,
      message: t(c.lang, 'issue.elided_lines'),
      ...source,
    });
  }
}
