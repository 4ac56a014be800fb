// Format: a list as `kubectl get … -o json` prints it, each item an object on lines of its own:
//   {
//       "apiVersion": "v1",
//       "items": [
//           {
//               "apiVersion": "v1", … "kind": "Event", "message": "0/3 nodes are available: …", …
//           },
//           { … }
//       ],
//       "kind": "List",
//       "metadata": { "resourceVersion": "" }
//   }
// A long list is read item by item as its lines arrive: each item is parsed alone and read like the items of a list
// read whole (objects, the lines inside events searched through their messages), then its lines are dropped. The
// lines around the items are searched as text; at the end they are parsed on their own, for what the list ends with.
// A list is read so only once it is long (extract.ts decides), so a pasted list is read whole, as any JSON section.
import type { Line } from '../input/lines.js';
import { jsonKeys, jsonKindOf, newJsonScan, scanJsonLine, type JsonScan } from '../input/split.js';
import { readJson } from '../parse/json.js';
import type { InputKind } from '../report.js';
import type { Collected, ObjectMessage } from './collected.js';
import { isElided, isRedacted, pushElisionIssues } from './elisions.js';
import { searchObjectMessages, searchRange, type Found } from './error-lines.js';
import { parseIssues, readObjects } from './objects.js';

/** Where the reading of a list is. */
type Phase = 'head' | 'items' | 'tail' | 'text';

/** A JSON section followed as a list of items. Plain data. */
export interface ListReading {
  phase: Phase;
  scan: JsonScan;
  first: Line;
  lastNo: number;
  last: Line;
  /** Whether an item did not parse: its error was reported (the first error, as a list read whole reports). */
  broken: boolean;
  /** The lines before the first item, up to `"items": [`, and those after the last (`],`, `"kind": "List"` …). */
  head: Line[];
  tail: Line[];
  /** Complete items not read yet, and the lines of the item being read. */
  items: Line[][];
  item: Line[];
  /** Whether the items are read as they complete (else they wait: the section may end soon and be read whole). */
  streaming: boolean;
  /** The sniffing keys of the text read (jsonKeys). */
  keys: number;
  /** Signals before the section's first: a message read from an object skips signatures its line already gave. */
  firstSignal: number;
  messages: ObjectMessage[];
  found: Found;
  redacted: Line | null;
  elided: Line[];
  /** Lines read since the caller last took them (takeRead). */
  read: Line[];
}

/** Starts following a JSON section; null when its first line does not open a list as kubectl prints one. */
export function openListReading(first: Line, firstSignal: number): ListReading | null {
  if (first.text.trim() !== '{') return null;
  const scan = newJsonScan();
  scanJsonLine(scan, first.text);
  return {
    phase: 'head',
    scan,
    first,
    lastNo: first.no,
    last: first,
    broken: false,
    head: [first],
    tail: [],
    items: [],
    item: [],
    streaming: false,
    keys: 0,
    firstSignal,
    messages: [],
    found: { explained: false, fit: false },
    redacted: null,
    elided: [],
    read: [],
  };
}

const ITEMS_KEY = /^\s*"items": \[$/;
const SCALAR_KEY = /^\s*"[^"\\]*": (?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null),$/;
const ITEM_END = /^\s*\},?$/;
const ITEMS_END = /^\s*\],?$/;

/**
 * The next line of the section. Returns false when the section turns out not to be a list of items on lines of
 * their own before it streams (it is then read whole); after, such a line makes the rest of the section text.
 */
export function listLine(r: ListReading, l: Line, c: Collected): boolean {
  r.lastNo = l.no;
  r.last = l;
  const t = l.text;
  const before = r.scan.depth;
  scanJsonLine(r.scan, t);
  const depth = r.scan.depth;
  switch (r.phase) {
    case 'head':
      r.head.push(l);
      if (depth === 2 && before === 1 && ITEMS_KEY.test(t)) r.phase = 'items';
      else if (depth !== 1 || !SCALAR_KEY.test(t)) return unlisted(r, c);
      return true;
    case 'items':
      if (r.item.length === 0) {
        if (depth === 1 && ITEMS_END.test(t)) {
          r.phase = 'tail';
          r.tail.push(l);
          return true;
        }
        if (depth !== 3 || t.trim() !== '{') {
          r.item.push(l);
          return unlisted(r, c);
        }
      }
      r.item.push(l);
      if (depth > 2) return true;
      if (depth < 2 || !ITEM_END.test(t)) return unlisted(r, c);
      r.items.push(r.item);
      r.item = [];
      if (r.streaming) readItems(r, c);
      return true;
    case 'tail':
      r.tail.push(l);
      if (r.streaming) readText(r, r.tail, r.tail.length - 1, c);
      return true;
    case 'text':
      r.tail.push(l);
      readText(r, r.tail, r.tail.length - 1, c);
      return true;
  }
}

/** Not a list after all: false before streaming; after, the rest is searched as text. */
function unlisted(r: ListReading, c: Collected): boolean {
  if (!r.streaming) return false;
  r.phase = 'text';
  const rest = [...r.item];
  r.item = [];
  for (const l of rest) {
    r.tail.push(l);
    readText(r, r.tail, r.tail.length - 1, c);
  }
  return true;
}

/** Whether the list may be read item by item from now on: its items have begun. */
export function canStream(r: ListReading): boolean {
  return r.phase === 'items' || r.phase === 'tail';
}

/** From now on items are read as they complete: the head and the items so far are read now. */
export function startStreaming(r: ListReading, c: Collected): void {
  r.streaming = true;
  r.keys = jsonKeys(joined(r.head), r.keys);
  for (let i = 0; i < r.head.length; i++) readText(r, r.head, i, c);
  readItems(r, c);
  for (let i = 0; i < r.tail.length; i++) readText(r, r.tail, i, c);
}

/** The lines of the last step, for the readers that follow lines across sections; emptied by the caller. */
export function takeRead(r: ListReading): Line[] {
  const out = r.read;
  r.read = [];
  return out;
}

function joined(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

/** Reads the complete items waiting (`cut`: the last is cut off): each parsed alone, its objects read, its lines searched. */
function readItems(r: ListReading, c: Collected, cut = false): void {
  for (const lines of r.items) {
    const last = lines[lines.length - 1] as Line;
    const text = joined(lines);
    // The item's own text: without the comma that separates it from the next.
    const loc = readJson(!cut && last.text.endsWith(',') ? text.slice(0, -1) : text);
    r.keys = jsonKeys(text, r.keys);
    if (!r.broken) parseIssues(loc, lines, false, c);
    r.broken ||= loc.errors.length > 0;
    const { events, messages } = readObjects(loc, lines, 1, c);
    for (const m of messages) r.messages.push(m);
    searchRange(lines, false, events, false, c, 0, true, r.found);
    for (const l of lines) lineChecks(r, l);
    for (const l of lines) r.read.push(l);
  }
  r.items = [];
}

/** Searches line i of lines around the items as text. */
function readText(r: ListReading, lines: readonly Line[], i: number, c: Collected): void {
  searchRange(lines.slice(i, i + 1), false, null, false, c, 0, true, r.found);
  lineChecks(r, lines[i] as Line);
  r.read.push(lines[i] as Line);
}

function lineChecks(r: ListReading, l: Line): void {
  if (r.redacted === null && isRedacted(l.text)) r.redacted = l;
  if (isElided(l.text)) r.elided.push(l);
}

/** Ends the section: an item cut off is read as far as it goes, the envelope is parsed, the issues are written. */
export function closeListReading(r: ListReading, c: Collected): InputKind {
  if (r.item.length > 0) {
    r.items.push(r.item);
    r.item = [];
    readItems(r, c, true);
  }
  // What surrounds the items, parsed on its own: `{ "apiVersion": …, "items": [ ], "kind": "List", … }`. Text that
  // ends before the items do ends at the section's last line.
  const around = r.tail.length > 0 ? [...r.head, ...r.tail] : [...r.head.slice(0, -1), r.last];
  const loc = readJson(joined([...r.head, ...r.tail]));
  r.keys = jsonKeys(joined(r.tail), r.keys);
  if (!r.broken) parseIssues(loc, around, false, c);
  searchObjectMessages(r.messages, r.firstSignal, c);
  const source = r.first.source;
  pushElisionIssues(r.redacted, r.elided, source === undefined ? {} : { source }, c);
  return jsonKindOf(r.keys);
}
