// Format (kubectl describe; tabwriter padding 2, 2 spaces per level):
//   Name:         samplepod-9876543210-vwxyz
//   Status:       Pending
//   Events:
//     Type     Reason            Age                 From               Message
//     ----     ------            ----                ----               -------
//     Warning  FailedScheduling  10s (x7 over 41s)   default-scheduler  0/2 nodes are available: …
// Blogs and chats often squash the spacing to single spaces and drop the indentation; both are read.
import type { Line } from '../input/lines.js';
import { expandTabs } from '../input/lines.js';

/** One `Key: value` line of a describe block. */
export interface DescribeField {
  key: string;
  value: string;
  indent: number;
  line: Line;
}

/** One row of a describe Events table. */
export interface EventRow {
  type: string;
  reason: string;
  age: string;
  count: number;
  from: string;
  message: string;
  lines: Line[];
}

/** A top-level key (`Conditions:`, `Taints:`) and the lines under it, up to the next line that starts unindented. */
export interface DescribeSubBlock {
  field: DescribeField;
  /** Indented and blank lines, fields or not (a conditions row may look like a field). */
  lines: Line[];
}

/** A parsed describe block: its fields in order, its top-level keys with the lines under them, and its events. */
export interface DescribeBlock {
  fields: DescribeField[];
  blocks: DescribeSubBlock[];
  events: EventRow[];
}

// `[^]*`, not `.*`: `.` stops at U+2028/U+2029, and `[ \t]+(.*)$` then backtracks quadratically (ReDoS) on a long run of blanks.
const FIELD = /^( *)([A-Za-z][\w .()/-]{0,60}?):(?:[ \t]+([^]*))?$/;
const EVENTS_HEADER = /^\s*Type\s+Reason\s+Age\s+From\s+Message\s*$/;
const EVENTS_SEPARATOR = /^\s*-{4}\s+-{6}\s+-{3,4}\s+-{4}\s+-{7}\s*$/;
const EVENT_TYPE = /^(?:Normal|Warning|Error|Info)$/;
const AGE_COUNT = /^\(x(\d+)$/;

/** Parses the lines of one describe section. */
export function parseDescribe(lines: readonly Line[]): DescribeBlock {
  const fields: DescribeField[] = [];
  const blocks: DescribeSubBlock[] = [];
  const events: EventRow[] = [];
  let block: DescribeSubBlock | null = null;
  let inEvents = false;
  let header: { from: number; message: number } | null = null;
  for (const line of lines) {
    const t = expandTabs(line.text);
    if (EVENTS_HEADER.test(t)) {
      inEvents = true;
      header = { from: t.indexOf('From'), message: t.indexOf('Message') };
      continue;
    }
    if (inEvents) {
      if (EVENTS_SEPARATOR.test(t) || t.trim() === '') continue;
      const row = parseEventRow(t, header);
      if (row) {
        events.push(Object.assign(row, { lines: [line] }));
        continue;
      }
      // A message with a newline continues on the next physical line, not indented.
      const last = events[events.length - 1];
      if (last && !FIELD.test(t)) {
        last.message += `\n${t.trim()}`;
        last.lines.push(line);
        continue;
      }
      inEvents = false;
    }
    const f = matchField(t, line);
    if (f !== null) {
      if (f.key === 'Events' && (f.value === '' || f.value === '<none>')) inEvents = f.value === '';
      fields.push(f);
    }
    // Tabs are expanded: a line starts unindented when its first character is neither blank nor a space.
    if (t !== '' && t.charCodeAt(0) !== 32) {
      block = f?.indent === 0 ? { field: f, lines: [] } : null;
      if (block) blocks.push(block);
    } else block?.lines.push(line);
  }
  return { fields, blocks, events };
}

/** The lines under the first top-level key `key`, or [] when the block has none. */
export function linesUnder(block: DescribeBlock, key: string): Line[] {
  return block.blocks.find((b) => b.field.key === key)?.lines ?? [];
}

/** One `Key: value` line of a describe block (the key at most 61 characters from [\w .()/-]), or null. */
export function matchField(t: string, line: Line): DescribeField | null {
  const f = FIELD.exec(t);
  if (f?.[2] === undefined) return null;
  return { key: f[2].trim(), value: (f[3] ?? '').trim(), indent: f[1]?.length ?? 0, line };
}

/** Splits one events-table row; uses header offsets when the spacing survived, tokens otherwise. */
export function parseEventRow(
  t: string,
  header: { from: number; message: number } | null,
): Omit<EventRow, 'lines'> | null {
  const s = t.trimStart();
  const tokens: { text: string; at: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  const base = t.length - s.length;
  while ((m = re.exec(s)) !== null && tokens.length < 12) tokens.push({ text: m[0], at: base + m.index });
  const [type, reason, age] = tokens;
  if (!type || !reason || !age || !EVENT_TYPE.test(type.text)) return null;
  let k = 3;
  let ageText = age.text;
  let count = 1;
  const c = AGE_COUNT.exec(tokens[3]?.text ?? '');
  if (c?.[1] && tokens[4]?.text === 'over' && tokens[5]) {
    count = Number(c[1]);
    ageText = `${age.text} ${tokens[3]?.text} over ${tokens[5].text}`;
    k = 6;
  }
  // Aligned output: the Message column starts at the header's offset.
  if (
    header &&
    header.message > 0 &&
    t.length > header.message &&
    t[header.message - 1] === ' ' &&
    t[header.message] !== ' '
  ) {
    const fromText = t.slice(header.from, header.message).trim();
    const fromStart = tokens[k]?.at ?? -1;
    if (fromStart === header.from || fromText === '') {
      return {
        type: type.text,
        reason: reason.text,
        age: ageText,
        count,
        from: fromText,
        message: t.slice(header.message).trim(),
      };
    }
  }
  const fromTok = tokens[k];
  if (!fromTok) return { type: type.text, reason: reason.text, age: ageText, count, from: '', message: '' };
  let from = fromTok.text;
  let msgAt = fromTok.at + fromTok.text.length;
  // kubectl ≤1.19 printed "kubelet, ip-10-0-1-23.ec2.internal".
  const hostTok = tokens[k + 1];
  if (from.endsWith(',') && hostTok) {
    from = `${from} ${hostTok.text}`;
    msgAt = hostTok.at + hostTok.text.length;
  }
  return { type: type.text, reason: reason.text, age: ageText, count, from, message: t.slice(msgAt).trim() };
}

/** The first top-level value for a key (the least indented occurrence). */
export function fieldValue(block: DescribeBlock, key: string): DescribeField | null {
  let best: DescribeField | null = null;
  for (const f of block.fields) {
    if (f.key === key && (best === null || f.indent < best.indent)) best = f;
  }
  return best;
}
