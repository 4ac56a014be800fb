import { yamlLib } from '../yaml-lib.js';

const OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: true } as const;

/** Serialises objects as a multi-document YAML stream, the first document preceded by a comment. */
export function toYamlDocuments(objects: readonly unknown[], comment?: string): string {
  return objects
    .map((o, i) => {
      const c = i === 0 ? comment : undefined;
      return plainYaml(o, c) ?? libYaml(o, c);
    })
    .join('---\n');
}

/** One document as the `yaml` library writes it (the reference for {@link plainYaml}). */
export function libYaml(o: unknown, comment?: string): string {
  const doc = new (yamlLib().Document)(o);
  if (comment) doc.commentBefore = ` ${comment}`;
  return doc.toString(OPTIONS);
}

// Strings the `yaml` library writes plain (unquoted) with the core schema: a letter first, then name characters. The
// words the core schema reads as booleans or null are left to the library (it quotes them).
const PLAIN = /^[A-Za-z][\w./-]*$/;
const NOT_PLAIN = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * The same text as {@link libYaml} for the shapes generated manifests (Role, RoleBinding…) have: maps and non-empty
 * sequences of maps and plain-name strings, with a one-line comment. Null for anything else, which the library writes.
 * Why: a large event list yields a hundred manifests, and the library's document model cost ~1 ms each (cold code,
 * ~120 ms of a 10 MB run); this is a few string concatenations. A property test holds it to the library's output.
 */
export function plainYaml(o: unknown, comment?: string): string | null {
  if (comment !== undefined && comment !== '' && !/^[ -~]*$/.test(comment)) return null;
  const out: string[] = [];
  if (comment) out.push(`# ${comment}`, '');
  if (!isMap(o) || !writeMap(o, '', out)) return null;
  out.push('');
  return out.join('\n');
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function scalar(s: string): string | null {
  if (s === '') return '""';
  return PLAIN.test(s) && !NOT_PLAIN.test(s) ? s : null;
}

/** Appends `m`'s lines at `indent`; false when a key or value is outside the plain shapes. */
function writeMap(m: Record<string, unknown>, indent: string, out: string[]): boolean {
  const keys = Object.keys(m);
  if (keys.length === 0) return false;
  for (const k of keys) {
    const v = m[k];
    if (!PLAIN.test(k) || NOT_PLAIN.test(k)) return false;
    if (typeof v === 'string') {
      const s = scalar(v);
      if (s === null) return false;
      out.push(`${indent}${k}: ${s}`);
    } else if (Array.isArray(v)) {
      out.push(`${indent}${k}:`);
      if (!writeSeq(v, `${indent}  `, out)) return false;
    } else if (isMap(v)) {
      out.push(`${indent}${k}:`);
      if (!writeMap(v, `${indent}  `, out)) return false;
    } else return false;
  }
  return true;
}

/** Appends the items of `a` as `- …` lines at `indent` (indentSeq); a map item starts on the dash line. */
function writeSeq(a: readonly unknown[], indent: string, out: string[]): boolean {
  if (a.length === 0) return false;
  for (const v of a) {
    if (typeof v === 'string') {
      const s = scalar(v);
      if (s === null) return false;
      out.push(`${indent}- ${s}`);
    } else if (isMap(v)) {
      const at = out.length;
      if (!writeMap(v, `${indent}  `, out)) return false;
      out[at] = `${indent}- ${(out[at] as string).slice(indent.length + 2)}`;
    } else return false;
  }
  return true;
}
