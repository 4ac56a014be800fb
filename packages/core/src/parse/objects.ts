// Format: `kubectl get … -o json|yaml` output — a single object, a client `List`, a typed `PodList`/`EventList`, or
// several YAML documents — and aws CLI JSON, as read by json.ts or located.ts. Lists are flattened into their items,
// which keep their line positions.
import type { Located } from './located.js';

/** One object of a JSON/YAML section; `kind` is '' when the object has none (aws CLI output). */
export interface ReadObject {
  kind: string;
  obj: Record<string, unknown>;
}

/**
 * The objects of a section's values, flattening `List`/`…List` wrappers and bare arrays (`depth`: how deep the values
 * sit already, when they are the items of a list read one by one).
 */
export function objectsOf(loc: Located, depth = 0): ReadObject[] {
  const objects: ReadObject[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 3) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if (!isObj(v)) return;
    const kind = typeof v['kind'] === 'string' ? v['kind'] : '';
    if (Array.isArray(v['items']) && (kind === '' || kind === 'List' || kind.endsWith('List'))) {
      for (const x of v['items']) visit(x, depth + 1);
      return;
    }
    objects.push({ kind, obj: v });
  };
  for (const v of loc.values) visit(v, depth);
  return objects;
}

/** True for a plain object (not an array, not null). */
export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `o[k]` when it is a string, else null. */
export function str(o: unknown, k: string): string | null {
  if (!isObj(o)) return null;
  const v = o[k];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

/** `o[k]` when it is an object, else an empty object. */
export function obj(o: unknown, k: string): Record<string, unknown> {
  if (!isObj(o)) return {};
  const v = o[k];
  return isObj(v) ? v : {};
}

/** `o[k]` when it is an array, else []. */
export function arr(o: unknown, k: string): unknown[] {
  if (!isObj(o)) return [];
  const v = o[k];
  return Array.isArray(v) ? v : [];
}

/** `o[k]` as a list of strings (non-strings dropped). */
export function strs(o: unknown, k: string): string[] {
  return arr(o, k).filter((x): x is string => typeof x === 'string');
}

/** `o[k]` when it is an integer (or an integer string), else null. */
export function int(o: unknown, k: string): number | null {
  if (!isObj(o)) return null;
  const v = o[k];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return Number(v);
  return null;
}
