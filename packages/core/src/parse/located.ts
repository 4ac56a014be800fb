// Format: JSON (`kubectl get -o json`, aws CLI output) or YAML (`kubectl get -o yaml`) text of one section.
// Both are read into plain values plus, for every object and array, the 1-based line (within the text) of the value
// itself and of each key or item, so facts built from them keep their input lines.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { TOO_DEEP, tooDeep } from './yaml.js';

/** Where a container value and each of its keys (or items) start. */
export interface Position {
  line: number;
  keys: { get(key: string | number): number | undefined };
  /** Line of the closing bracket of a JSON container (absent in YAML, and for a container the text cuts off). */
  end?: number;
}

/** Values read from text with their line positions; errors are values, never thrown. */
export interface Located {
  values: unknown[];
  positions: { get(obj: object): Position | undefined };
  errors: { code: 'json_unparsed' | 'json_truncated' | 'yaml_unparsed'; message: string; line: number }[];
}

/** Line of `obj` itself, or of `obj[key]` when a key is given; null when unknown. */
export function lineIn(loc: Located, obj: unknown, key?: string | number): number | null {
  if (typeof obj !== 'object' || obj === null) return null;
  const p = loc.positions.get(obj);
  if (!p) return null;
  if (key === undefined) return p.line;
  return p.keys.get(key) ?? null;
}

const MAX_DEPTH = 512;

/** Reads JSON text (one value, or several values one after another) keeping line positions. Linear in the text. */
export function readJsonLocated(text: string): Located {
  const positions = new WeakMap<object, Position>();
  const values: unknown[] = [];
  const errors: Located['errors'] = [];
  let i = 0;
  let line = 1;
  const n = text.length;

  const fail = (code: 'json_unparsed' | 'json_truncated', message: string): never => {
    throw new JsonError(code, message, line);
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
      if (c === 10) fail('json_unparsed', 'line break inside a JSON string');
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('json_unparsed', 'bad \\u escape');
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
    return fail('json_truncated', 'the text ends inside a JSON string');
  };
  // `attach` is called as soon as a container exists, so a text cut off inside it still yields what came before.
  const value = (depth: number, attach: (v: unknown) => void): void => {
    ws();
    if (i >= n) fail('json_truncated', 'the text ends where a JSON value was expected');
    if (depth > MAX_DEPTH) fail('json_unparsed', 'JSON nested too deeply');
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
        if (i >= n) fail('json_truncated', 'the text ends inside a JSON object');
        if (text[i] !== '"') fail('json_unparsed', `expected a quoted key, found ${JSON.stringify(text[i])}`);
        const keyLine = line;
        const k = str();
        ws();
        if (text[i] !== ':') fail(i >= n ? 'json_truncated' : 'json_unparsed', 'expected ":" after a key');
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
        fail(i >= n ? 'json_truncated' : 'json_unparsed', 'expected "," or "}" in an object');
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
        fail(i >= n ? 'json_truncated' : 'json_unparsed', 'expected "," or "]" in an array');
      }
    }
    if (c === '"') {
      attach(str());
      return;
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) return fail('json_unparsed', `unexpected ${JSON.stringify(text.slice(i, i + 12))}`);
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
    errors.push({ code: e.code, message: e.message, line: e.line });
  }
  return { values, positions, errors };
}

class JsonError extends Error {
  constructor(
    readonly code: 'json_unparsed' | 'json_truncated',
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

// The core schema only: unknown tags (!!js/function, custom ones) stay plain values, nothing is constructed.
// logLevel 'error': yaml would print Node warnings (e.g. for a collection used as a key) to the CLI's stderr.
const YAML_OPTIONS = {
  prettyErrors: false,
  strict: false,
  uniqueKeys: false,
  schema: 'core',
  version: '1.2',
  logLevel: 'error',
} as const;

/** Reads one or more YAML documents keeping line positions; aliases are not expanded (they read as null). */
export function readYamlLocated(text: string): Located {
  const positions = new WeakMap<object, Position>();
  const values: unknown[] = [];
  const errors: Located['errors'] = [];
  const lc = new LineCounter();
  const lineAt = (off: number | undefined): number => (off === undefined ? 0 : lc.linePos(off).line);
  const toJs = (node: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH || node === null || node === undefined || isAlias(node)) return null;
    if (isScalar(node)) return node.value;
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const keys = new Map<string | number, number>();
      const pos: Position = { line: lineAt(node.range?.[0]), keys };
      positions.set(obj, pos);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const kn = pair.key as YamlNode | null;
        const k = isScalar(kn) ? String(kn.value) : String(kn ?? '');
        keys.set(k, lineAt(kn?.range?.[0] ?? (pair.value as YamlNode | null)?.range?.[0]));
        Object.defineProperty(obj, k, {
          value: toJs(pair.value, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return obj;
    }
    if (isSeq(node)) {
      const arr: unknown[] = [];
      const keys = new Map<string | number, number>();
      const pos: Position = { line: lineAt(node.range?.[0]), keys };
      positions.set(arr, pos);
      for (const item of node.items) {
        keys.set(arr.length, lineAt((item as YamlNode | null)?.range?.[0]));
        arr.push(toJs(item, depth + 1));
      }
      return arr;
    }
    return null;
  };
  // Deep nesting overflows the yaml parser's recursion and can abort the process (see tooDeep in yaml.ts).
  if (tooDeep(text))
    return { values, positions, errors: [{ code: 'yaml_unparsed', message: TOO_DEEP.message, line: 0 }] };
  try {
    for (const doc of parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lc })) {
      for (const e of doc.errors)
        errors.push({ code: 'yaml_unparsed', message: e.message.split('\n')[0] ?? e.message, line: lineAt(e.pos[0]) });
      if (doc.contents !== null) values.push(toJs(doc.contents, 0));
    }
  } catch (e) {
    errors.push({ code: 'yaml_unparsed', message: e instanceof Error ? e.message : String(e), line: 0 });
  }
  return { values, positions, errors };
}
