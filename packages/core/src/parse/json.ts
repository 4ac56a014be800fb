// Format: JSON text of one section (`kubectl get … -o json`, aws CLI output), usually one value, sometimes cut off or
// broken by a paste. Read into plain values plus, for every object and array, the 1-based line (within the text) of
// the value itself, of each key or item, and of its closing bracket, so facts built from them keep their input lines.
import type { MessageKey, Text } from '../i18n/t.js';
import type { Located, Position } from './located.js';

/** Deepest nesting read: deeper text is reported as an error (and JSON.parse's value is not used). */
const MAX_DEPTH = 512;

/**
 * Reads JSON text with line positions. Valid text (the usual case) is parsed by the native JSON.parse and its positions
 * come from one walk of the text beside the parsed value; other text is read by a positional reader that keeps what
 * came before an error and reports it.
 */
export function readJson(text: string): Located {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return recoverJson(text);
  }
  const positions = walk(text, parsed);
  return positions === null ? recoverJson(text) : { values: [parsed], positions, errors: [] };
}

/** Every object key met, in text order; each links to the previous key of its own object. */
class KeyIndex {
  /** Per key, four numbers: offset of its opening quote, offset of its closing quote, line, index of the previous key
   * of its object (or -1). A plain array: a log of JSON lines makes one small index per line. */
  readonly data: number[] = [];
  size = 0;
  /** Keys written with escapes, decoded (rare). */
  decoded: Map<number, string> | null = null;

  constructor(readonly text: string) {}

  add(start: number, end: number, line: number, prev: number): number {
    this.data.push(start, end, line, prev);
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
      const d = x.decoded === null ? undefined : x.decoded.get(k);
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

/**
 * Positions of the containers of `parsed`, walking `text` (known to be one valid JSON value) once; null when it nests
 * deeper than MAX_DEPTH. Keys are kept as offsets in flat arrays shared by every object and compared on lookup.
 */
function walk(text: string, parsed: unknown): Map<object, JsonPosition> | null {
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
      const rec = array
        ? Array.isArray(expect)
        : typeof expect === 'object' && expect !== null && !Array.isArray(expect);
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
        // The parsed object's own key list matches the text member by member (compared in place, no string is made).
        const names = top.names;
        const name = names?.[top.index];
        if (names && name !== undefined && name.length === close - i - 1 && text.startsWith(name, i + 1)) {
          expect = (top.value as Record<string, unknown>)[name];
        } else {
          top.names = null;
          let key = text.slice(i + 1, close);
          if (key.includes('\\')) {
            key = JSON.parse(text.slice(i, close + 1)) as string;
            (x.decoded ??= new Map()).set(k, key);
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

/**
 * Reads JSON text that JSON.parse refuses (cut off, broken, several values one after another, nested too deeply),
 * keeping every value read before an error, with line positions; the error is returned as data. Linear in the text.
 */
function recoverJson(text: string): Located {
  const positions = new WeakMap<object, Position>();
  const values: unknown[] = [];
  const errors: Located['errors'] = [];
  let i = 0;
  let line = 1;
  const n = text.length;

  const fail = (code: 'json_unparsed' | 'json_truncated', key: JsonErrorKey, found?: string): never => {
    throw new JsonError(code, { key, ...(found === undefined ? {} : { params: { found } }) }, line);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
      i++;
    }
  };
  const str = (): string => {
    // text[i] is the opening quote.
    i++;
    let out = '';
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === 10) fail('json_unparsed', 'parser.jsonLineBreak');
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('json_unparsed', 'parser.jsonEscape');
          out += String.fromCharCode(Number.parseInt(hex, 16));
          i += 6;
        } else {
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : e;
          i += 2;
        }
        start = i;
        continue;
      }
      i++;
    }
    return fail('json_truncated', 'parser.jsonEndsInString');
  };
  // `attach` is called as soon as a container exists, so a text cut off inside it still yields what came before.
  const value = (depth: number, attach: (v: unknown) => void): void => {
    ws();
    if (i >= n) fail('json_truncated', 'parser.jsonEndsBeforeValue');
    if (depth > MAX_DEPTH) fail('json_unparsed', 'parser.jsonTooDeep');
    const c = text[i];
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      const keys = new Map<string | number, number>();
      const pos: Position = { line, keys };
      positions.set(obj, pos);
      attach(obj);
      i++;
      ws();
      if (text[i] === '}') {
        pos.end = line;
        i++;
        return;
      }
      for (;;) {
        ws();
        if (i >= n) fail('json_truncated', 'parser.jsonEndsInObject');
        if (text[i] !== '"') fail('json_unparsed', 'parser.jsonKey', JSON.stringify(text[i]));
        const keyLine = line;
        const k = str();
        ws();
        if (text[i] !== ':') fail(i >= n ? 'json_truncated' : 'json_unparsed', 'parser.jsonColon');
        i++;
        ws();
        keys.set(k, keyLine);
        value(depth + 1, (v) =>
          Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true }),
        );
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          pos.end = line;
          i++;
          return;
        }
        fail(i >= n ? 'json_truncated' : 'json_unparsed', 'parser.jsonObjectComma');
      }
    }
    if (c === '[') {
      const arr: unknown[] = [];
      const keys = new Map<string | number, number>();
      const pos: Position = { line, keys };
      positions.set(arr, pos);
      attach(arr);
      i++;
      ws();
      if (text[i] === ']') {
        pos.end = line;
        i++;
        return;
      }
      for (;;) {
        ws();
        keys.set(arr.length, line);
        value(depth + 1, (v) => arr.push(v));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          pos.end = line;
          i++;
          return;
        }
        fail(i >= n ? 'json_truncated' : 'json_unparsed', 'parser.jsonArrayComma');
      }
    }
    if (c === '"') {
      attach(str());
      return;
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) return fail('json_unparsed', 'parser.jsonUnexpected', JSON.stringify(text.slice(i, i + 12)));
    i += m[0].length;
    attach(m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]));
  };

  try {
    for (;;) {
      ws();
      if (i >= n) break;
      value(0, (v) => values.push(v));
    }
  } catch (e) {
    if (!(e instanceof JsonError)) throw e;
    errors.push({ code: e.code, message: e.text, line: e.line });
  }
  return { values, positions, errors };
}

type JsonErrorKey = Extract<MessageKey, `parser.json${string}`>;

class JsonError extends Error {
  constructor(
    readonly code: 'json_unparsed' | 'json_truncated',
    readonly text: Text,
    readonly line: number,
  ) {
    super(text.key);
  }
}
