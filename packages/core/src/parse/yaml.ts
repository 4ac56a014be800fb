import { parseAllDocuments, parseDocument } from 'yaml';

/** Result of reading YAML text: the values and the syntax errors, never a throw. */
export interface YamlResult {
  values: unknown[];
  errors: { message: string; line: number }[];
}

// The core schema only: unknown tags (!!js/function, custom ones) stay plain values, nothing is constructed.
const OPTIONS = { prettyErrors: false, strict: false, uniqueKeys: false, schema: 'core', version: '1.2' } as const;
const TO_JS = { maxAliasCount: 100 } as const;

/** Parses one or more YAML documents safely: no custom tags, alias expansion bounded. Lines are 1-based within `text`. */
export function readYaml(text: string): YamlResult {
  const errors: YamlResult['errors'] = [];
  const values: unknown[] = [];
  try {
    const docs = parseAllDocuments(text, OPTIONS);
    const list = Array.isArray(docs) ? docs : [docs];
    for (const doc of list) {
      for (const e of doc.errors) errors.push({ message: e.message.split('\n')[0] ?? e.message, line: lineOf(text, e.pos[0]) });
      try {
        values.push(doc.toJS(TO_JS));
      } catch (e) {
        errors.push({ message: e instanceof Error ? e.message : String(e), line: 0 });
      }
    }
  } catch (e) {
    errors.push({ message: e instanceof Error ? e.message : String(e), line: 0 });
  }
  return { values, errors };
}

/** Parses a single YAML value (such as the string inside aws-auth's mapRoles). */
export function readYamlValue(text: string): { value: unknown; errors: { message: string; line: number }[] } {
  try {
    const doc = parseDocument(text, OPTIONS);
    const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0] ?? e.message, line: lineOf(text, e.pos[0]) }));
    let value: unknown = null;
    try {
      value = doc.toJS(TO_JS);
    } catch (e) {
      errors.push({ message: e instanceof Error ? e.message : String(e), line: 0 });
    }
    return { value, errors };
  } catch (e) {
    return { value: null, errors: [{ message: e instanceof Error ? e.message : String(e), line: 0 }] };
  }
}

function lineOf(text: string, pos: number): number {
  let n = 1;
  const end = Math.min(pos, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
