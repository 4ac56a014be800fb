import type * as YamlModule from 'yaml';
import type { Text } from '../i18n/t.js';

/**
 * The yaml library. Callers import it when a run needs it (a YAML section, a manifest to write), so that a run with
 * neither never loads it; the core holds no copy of its own.
 */
export type YamlLibrary = typeof YamlModule;

/** Imports the yaml library (the module system loads it once: a second call returns the same module). */
export async function importYaml(): Promise<YamlLibrary> {
  return await import('yaml');
}

/**
 * The library YAML input is read with. The reading waits for it before it reads a section that needs it (see
 * needsYaml in facts/extract.ts): without it here, that check missed a case, which is a bug.
 */
export function yamlReader(yaml: YamlLibrary | null): YamlLibrary {
  if (!yaml) throw new Error('a YAML section was read before the yaml library was loaded (a bug)');
  return yaml;
}

/** Result of reading YAML text: the values and the syntax errors, never a throw. */
export interface YamlResult {
  values: unknown[];
  errors: { message: Text; line: number }[];
}

/** An error of the yaml library, as a text of the core's catalogs (its own words are quoted, in English). */
export function yamlError(e: unknown): Text {
  const message = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
  return { key: 'parser.yaml', params: { error: message } };
}

// The core schema only: unknown tags (!!js/function, custom ones) stay plain values, nothing is constructed.
// logLevel 'error': yaml would print Node warnings (e.g. for a collection used as a key) to the CLI's stderr.
const OPTIONS = {
  prettyErrors: false,
  strict: false,
  uniqueKeys: false,
  schema: 'core',
  version: '1.2',
  logLevel: 'error',
} as const;
const TO_JS = { maxAliasCount: 100 } as const;

/** How strictly to read: `uniqueKeys` makes a key written twice in one map an error (else the last one counts). */
export interface ReadOptions {
  uniqueKeys?: boolean;
}

/** Parses one or more YAML documents safely: no custom tags, alias expansion bounded. Lines are 1-based within `text`. */
export function readYaml(yaml: YamlLibrary, text: string, read: ReadOptions = {}): YamlResult {
  const errors: YamlResult['errors'] = [];
  const values: unknown[] = [];
  if (tooDeep(text)) return { values, errors: [TOO_DEEP] };
  try {
    const docs = yaml.parseAllDocuments(text, { ...OPTIONS, uniqueKeys: read.uniqueKeys ?? false });
    const list = Array.isArray(docs) ? docs : [docs];
    for (const doc of list) {
      for (const e of doc.errors) errors.push({ message: yamlError(e), line: lineOf(text, e.pos[0]) });
      try {
        values.push(doc.toJS(TO_JS));
      } catch (e) {
        errors.push({ message: yamlError(e), line: 0 });
      }
    }
  } catch (e) {
    errors.push({ message: yamlError(e), line: 0 });
  }
  return { values, errors };
}

/** Parses a single YAML value (such as the string inside aws-auth's mapRoles). */
export function readYamlValue(
  yaml: YamlLibrary,
  text: string,
  read: ReadOptions = {},
): { value: unknown; errors: YamlResult['errors'] } {
  if (tooDeep(text)) return { value: null, errors: [TOO_DEEP] };
  try {
    const doc = yaml.parseDocument(text, { ...OPTIONS, uniqueKeys: read.uniqueKeys ?? false });
    const errors = doc.errors.map((e) => ({ message: yamlError(e), line: lineOf(text, e.pos[0]) }));
    let value: unknown = null;
    try {
      value = doc.toJS(TO_JS);
    } catch (e) {
      errors.push({ message: yamlError(e), line: 0 });
    }
    return { value, errors };
  } catch (e) {
    return { value: null, errors: [{ message: yamlError(e), line: 0 }] };
  }
}

// The yaml parser recurses once per nesting level: about 1,000 levels overflow the stack, and when the overflow hits
// V8 while it compiles a regex the process aborts ("RegExpCompiler Allocation failed"), which no try/catch stops.
// Kubernetes objects nest a few dozen levels; deeper text is refused before parsing.
const MAX_DEPTH = 200;
export const TOO_DEEP: { message: Text; line: number } = {
  message: { key: 'parser.yamlTooDeep', params: { max: MAX_DEPTH } },
  line: 0,
};

/** Whether block indentation, `- ` runs and flow brackets nest deeper than MAX_DEPTH. Linear, approximate (quotes aside). */
export function tooDeep(text: string): boolean {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let indent = 0;
    while (i < n && text.charCodeAt(i) === 32) {
      indent++;
      i++;
    }
    let dashes = 0;
    while (i < n && text.charCodeAt(i) === 45 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) {
      dashes++;
      i += 2;
      while (i < n && text.charCodeAt(i) === 32) i++;
    }
    if (i < n && text.charCodeAt(i) !== 10) {
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
      indents.push(indent);
    }
    if (indents.length + dashes + flow > MAX_DEPTH) return true;
    let prev = 32;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      // A bracket opens a flow collection only where a value can start (not inside a plain scalar such as a[0]).
      if (
        (c === 91 || c === 123) &&
        (prev === 32 || prev === 91 || prev === 123 || prev === 44 || prev === 58 || prev === 45)
      ) {
        if (indents.length + dashes + ++flow > MAX_DEPTH) return true;
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
      if (c !== 32) prev = c;
    }
    i++;
  }
  return false;
}

function lineOf(text: string, pos: number): number {
  let n = 1;
  const end = Math.min(pos, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
