// Format: valid JSON text (`kubectl get … -o json`, aws CLI output), read as readJsonLocated reads it, but parsed by
// the native JSON.parse. Line positions come from one linear walk of the text beside the parsed value. Keys are kept as
// offsets in flat arrays shared by every object and compared on lookup: a Map per object cost more than JSON.parse
// itself on a large event list (measured: 30k Maps of 7 keys, 70–150 ms).
import type { Located, Position } from './located.js';

/** Nesting at which readJsonLocated may report an error: such text is left to it, so results stay the same. */
const MAX_DEPTH = 512;

/** Every object key met, in text order; each links to the previous key of its own object. */
class KeyIndex {
  /** Per key: offset of its opening quote, offset of its closing quote, line, index of the previous key of its object
   * (or -1). A typed array: a plain array of numbers this size cost ~10× as much to fill (growth and GC). Starts at
   * 64 keys and doubles: a log of JSON lines makes one index per line, and 16k indexes of 4096 keys (16 KiB each,
   * zeroed off-heap) cost ~170 ms on a 10 MB mixed log. */
  data = new Int32Array(256);
  size = 0;
  /** Keys written with escapes, decoded (rare). */
  readonly decoded = new Map<number, string>();

  constructor(readonly text: string) {}

  add(start: number, end: number, line: number, prev: number): number {
    if ((this.size + 1) * 4 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const o = this.size * 4;
    this.data[o] = start;
    this.data[o + 1] = end;
    this.data[o + 2] = line;
    this.data[o + 3] = prev;
    return this.size++;
  }
}

/** Position of one object or array. */
class JsonPosition implements Position {
  end = 0;
  /** Objects: index of the last key met (the last of duplicate keys wins, as in JSON.parse), or -1. */
  lastKey = -1;
  /** Arrays: the line of each item. */
  readonly items: number[] | null;

  constructor(
    readonly line: number,
    private readonly index: KeyIndex,
    array: boolean,
  ) {
    this.items = array ? [] : null;
  }

  // `keys` is the position itself: no second object per container.
  get keys(): Position['keys'] {
    return this;
  }

  get(key: string | number): number | undefined {
    if (this.items) return typeof key === 'number' ? this.items[key] : undefined;
    if (typeof key !== 'string') return undefined;
    const x = this.index;
    const data = x.data;
    for (let k = this.lastKey; k >= 0; k = data[k * 4 + 3] as number) {
      const s = data[k * 4] as number;
      const d = x.decoded.size > 0 ? x.decoded.get(k) : undefined;
      if (
        d !== undefined
          ? d === key
          : (data[k * 4 + 1] as number) - s - 1 === key.length && x.text.startsWith(key, s + 1)
      )
        return data[k * 4 + 2];
    }
    return undefined;
  }
}

interface Frame {
  value: unknown;
  /** Null when the text's container has no counterpart in the parsed value (the value of an earlier duplicate key). */
  pos: JsonPosition | null;
  array: boolean;
  index: number;
  /** Object.keys of the parsed object, in the text's order until a key differs (duplicates, integer-like keys). */
  names: string[] | null;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Containers this deep or shallower are located at once: the root, a List's `items` and the items themselves. */
const EAGER_DEPTH = 2;

/**
 * Reads text that is exactly one JSON value with JSON.parse (or takes `known`, its value parsed already) and records the same line positions readJsonLocated
 * would (plus each container's last line). Null when the text is not one valid JSON value or nests deeper than
 * readJsonLocated reads: the caller then uses readJsonLocated, which keeps what came before an error and reports it.
 *
 * Only the root, list items and their keys are located at first; the first lookup of anything deeper walks the text
 * again and locates everything. An event list never needs more than its items (a message's line), so it is spared
 * a position for each of its 30k nested objects (measured ≈ half the cost of the walk).
 */
export function readJsonFast(text: string, known?: { value: unknown } | null): Located | null {
  let parsed: unknown;
  if (known) parsed = known.value;
  else {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }
  let shallow: Map<object, JsonPosition> | null = walk(text, parsed, EAGER_DEPTH);
  if (shallow === null) return null;
  let all: Map<object, JsonPosition> | null = null;
  const positions = {
    get(o: object): Position | undefined {
      const p = (all ?? shallow)?.get(o);
      if (p !== undefined || all !== null) return p;
      all = walk(text, parsed, MAX_DEPTH) ?? new Map();
      shallow = null;
      return all.get(o);
    },
  };
  return { values: [parsed], positions, errors: [] };
}

/** Positions of the containers of `parsed` down to `depth`, walking `text`; null when it nests too deeply. */
function walk(text: string, parsed: unknown, depth: number): Map<object, JsonPosition> | null {
  const positions = new Map<object, JsonPosition>();
  const x = new KeyIndex(text);
  const n = text.length;
  let i = 0;
  let line = 1;
  const stack: Frame[] = [];
  // The parsed value the text at `i` holds (undefined: walk it without recording).
  let expect: unknown = parsed;
  for (;;) {
    // JSON strings hold no raw line breaks: only whitespace between tokens counts lines.
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 9 || c === 13; c = text.charCodeAt(++i))
      if (c === 10) line++;
    const c = text.charCodeAt(i);
    const opened = c === 123 || c === 91;
    if (opened) {
      if (stack.length >= MAX_DEPTH) return null;
      const array = c === 91;
      const rec =
        stack.length <= depth &&
        (array ? Array.isArray(expect) : typeof expect === 'object' && expect !== null && !Array.isArray(expect));
      const pos = rec ? new JsonPosition(line, x, array) : null;
      if (pos) positions.set(expect as object, pos);
      stack.push({ value: expect, pos, array, index: 0, names: pos && !array ? Object.keys(expect as object) : null });
      i++;
    } else if (c === 34) {
      i = stringEnd(text, i) + 1;
    } else {
      // A number, true, false or null: up to the next delimiter.
      for (
        let d = c;
        i < n && d !== 44 && d !== 125 && d !== 93 && d !== 32 && d !== 10 && d !== 9 && d !== 13;
        d = text.charCodeAt(++i)
      );
    }
    // After a value or an opening bracket: close containers, or move on to the next key or item.
    let first = opened;
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) return positions;
      for (let d = text.charCodeAt(i); d === 32 || d === 10 || d === 9 || d === 13; d = text.charCodeAt(++i))
        if (d === 10) line++;
      const d = text.charCodeAt(i);
      if (d === 125 || d === 93) {
        if (top.pos) top.pos.end = line;
        stack.pop();
        i++;
        first = false;
        continue;
      }
      if (!first) {
        i++; // the ',' between members
        for (let e = text.charCodeAt(i); e === 32 || e === 10 || e === 9 || e === 13; e = text.charCodeAt(++i))
          if (e === 10) line++;
      }
      const pos = top.pos;
      if (top.array) {
        pos?.items?.push(line);
        expect = pos ? (top.value as unknown[])[top.index] : undefined;
        top.index++;
        break;
      }
      const close = stringEnd(text, i);
      expect = undefined;
      if (pos) {
        const k = x.add(i, close, line, pos.lastKey);
        pos.lastKey = k;
        // The parsed object's own key list matches the text member by member (compared in place, no string is
        // made): a keyed lookup with a fresh string per key cost ~8× the rest of the walk.
        const names = top.names;
        const name = names?.[top.index];
        if (names && name !== undefined && name.length === close - i - 1 && text.startsWith(name, i + 1)) {
          expect = (top.value as Record<string, unknown>)[name];
        } else {
          top.names = null;
          let key = text.slice(i + 1, close);
          if (key.includes('\\')) {
            key = JSON.parse(text.slice(i, close + 1)) as string;
            x.decoded.set(k, key);
          }
          // A later duplicate key overrides an earlier one (value and line), as in JSON.parse and readJsonLocated.
          if (hasOwn(top.value as object, key)) expect = (top.value as Record<string, unknown>)[key];
        }
      }
      top.index++;
      i = close + 1;
      for (let e = text.charCodeAt(i); e === 32 || e === 10 || e === 9 || e === 13; e = text.charCodeAt(++i))
        if (e === 10) line++;
      i++; // the ':'
      break;
    }
  }
}

/** Index of the quote that closes the JSON string opening at `i` (the text is known to be valid JSON). */
function stringEnd(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  for (;;) {
    let b = 0;
    while (text.charCodeAt(j - 1 - b) === 92) b++;
    if (b % 2 === 0) return j;
    j = text.indexOf('"', j + 1);
  }
}
