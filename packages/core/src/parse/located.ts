// Format: YAML text of one section (`kubectl get -o yaml`, manifests). Read into plain values plus, for every object
// and array, the 1-based line (within the text) of the value itself and of each key or item, so facts built from them
// keep their input lines (json.ts reads JSON into the same shape).
import type { Node as YamlNode } from 'yaml';
import type { Text } from '../i18n/t.js';
import { TOO_DEEP, tooDeep, yamlError, type YamlLibrary } from './yaml.js';

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
  errors: { code: 'json_unparsed' | 'json_truncated' | 'yaml_unparsed'; message: Text; line: number }[];
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
export function readYamlLocated(yaml: YamlLibrary, text: string): Located {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml;
  const positions = new WeakMap<object, Position>();
  const values: unknown[] = [];
  const errors: Located['errors'] = [];
  const lc = new yaml.LineCounter();
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
    for (const doc of yaml.parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lc })) {
      for (const e of doc.errors) errors.push({ code: 'yaml_unparsed', message: yamlError(e), line: lineAt(e.pos[0]) });
      if (doc.contents !== null) values.push(toJs(doc.contents, 0));
    }
  } catch (e) {
    errors.push({ code: 'yaml_unparsed', message: yamlError(e), line: 0 });
  }
  return { values, positions, errors };
}
