import { yamlLib } from '../yaml-lib.js';

const OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: true } as const;

/** Serialises objects as a multi-document YAML stream, the first document preceded by a comment. */
export function toYamlDocuments(objects: readonly unknown[], comment?: string): string {
  return objects
    .map((o, i) => {
      const c = i === 0 && comment ? comment : undefined;
      return plainDocument(o, c) ?? libraryDocument(o, c);
    })
    .join('---\n');
}

/** One document through the `yaml` library (the reference for {@link plainDocument}). */
export function libraryDocument(o: unknown, comment: string | undefined): string {
  const doc = new (yamlLib().Document)(o);
  if (comment) doc.commentBefore = ` ${comment}`;
  return doc.toString(OPTIONS);
}

// A log with thousands of denials yields hundreds of Role + binding manifests: building a `yaml` Document per manifest
// cost ~90 ms on a 10 MB mixed log (most of it cold code). Manifests made only of maps, non-empty lists and words
// that YAML prints plain (a letter, then letters, digits, `.`, `_`, `/`, `-`; no core-schema keyword) are printed
// here instead, exactly as the library prints them with OPTIONS; anything else goes to the library. Agrees with the
// library (yaml-out.test.ts).
const PLAIN = /^[A-Za-z][\w./-]*$/;
const KEYWORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const COMMENT = /^[\x20-\x7e]*$/;

/** The document as `yaml` prints it, when it is simple enough to print by hand; else null. */
export function plainDocument(o: unknown, comment: string | undefined): string | null {
  if (comment !== undefined && (!COMMENT.test(comment) || comment.trim() !== comment)) return null;
  const out: string[] = [];
  if (!isMap(o) || !writeMap(o, '', out, new Set())) return null;
  return (comment ? `# ${comment}\n\n` : '') + out.join('');
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function scalar(s: string): string | null {
  if (s === '') return '""';
  return PLAIN.test(s) && !KEYWORD.test(s) ? s : null;
}

// `seen`: an object met twice in one document is printed by the library with an anchor and an alias.
function writeMap(o: Record<string, unknown>, pad: string, out: string[], seen: Set<object>): boolean {
  if (seen.has(o)) return false;
  seen.add(o);
  const keys = Object.keys(o);
  if (keys.length === 0) return false;
  for (const k of keys) {
    const v = o[k];
    if (!PLAIN.test(k) || KEYWORD.test(k)) return false;
    if (typeof v === 'string') {
      const s = scalar(v);
      if (s === null) return false;
      out.push(`${pad}${k}: ${s}\n`);
    } else if (Array.isArray(v)) {
      if (v.length === 0) return false;
      out.push(`${pad}${k}:\n`);
      if (!writeSeq(v, `${pad}  `, out, seen)) return false;
    } else if (isMap(v)) {
      out.push(`${pad}${k}:\n`);
      if (!writeMap(v, `${pad}  `, out, seen)) return false;
    } else return false;
  }
  return true;
}

function writeSeq(a: readonly unknown[], pad: string, out: string[], seen: Set<object>): boolean {
  if (seen.has(a)) return false;
  seen.add(a);
  for (const item of a) {
    if (typeof item === 'string') {
      const s = scalar(item);
      if (s === null) return false;
      out.push(`${pad}- ${s}\n`);
    } else if (isMap(item)) {
      // `- ` then the map's first key on the same line, its other keys under it.
      const at = out.length;
      if (!writeMap(item, `${pad}  `, out, seen)) return false;
      out[at] = `${pad}- ${(out[at] as string).slice(pad.length + 2)}`;
    } else return false;
  }
  return true;
}
