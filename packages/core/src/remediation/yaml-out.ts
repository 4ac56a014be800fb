import type { YamlLibrary } from '../parse/yaml.js';

/**
 * The library a manifest is written with. A run loads it before it writes any (see writesManifests in diagnose.ts):
 * without it here, that check missed a case, which is a bug.
 */
export function yamlWriter(yaml: YamlLibrary | null | undefined): YamlLibrary {
  if (!yaml) throw new Error('a manifest was written by a run that did not load the yaml library (a bug)');
  return yaml;
}

const OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: true } as const;

/**
 * Serialises objects as a multi-document YAML stream, the first document preceded by a comment. Written as YAML 1.1,
 * the version kubectl reads: strings such as `yes`, `off`, `n` or `0777`, which 1.1 reads as booleans or numbers, come
 * out quoted.
 */
export function toYamlDocuments(yaml: YamlLibrary, objects: readonly unknown[], comment?: string): string {
  return objects
    .map((o, i) => {
      const doc = new yaml.Document(o, { version: '1.1' });
      // The library writes the string "<<" as YAML 1.1's merge key; an explicit tag keeps it a string.
      yaml.visit(doc, {
        Scalar(_, node) {
          if (node.value === '<<') node.tag = 'tag:yaml.org,2002:str';
        },
      });
      if (i === 0 && comment) doc.commentBefore = ` ${comment}`;
      return doc.toString(OPTIONS);
    })
    .join('---\n');
}

/** What a YAML template's placeholder resolves to: a value to write, or a hint (comments never carry values). */
export type TemplateValue = { value: string; hint: string } | null;

/**
 * Fills a YAML template by structure, not by text: placeholders become tokens, the template is parsed, each token in a
 * string is replaced by its value, and the documents are written by the library (so a value is always one scalar,
 * quoted when YAML 1.1 would read it as something else). In comments a placeholder becomes its hint.
 */
export function fillYamlTemplate(
  yaml: YamlLibrary,
  template: string,
  pattern: RegExp,
  resolve: (name: string) => TemplateValue,
): string {
  const values: TemplateValue[] = [];
  const token = (i: number): string => `zzrbacdiagnosevalue${i}zz`;
  const tokenized = template.replace(pattern, (whole, name: string) => {
    const v = resolve(name);
    if (v === null) return whole;
    values.push(v);
    return token(values.length - 1);
  });
  if (values.length === 0) return template;
  const TOKEN = /zzrbacdiagnosevalue(\d+)zz/g;
  const put = (s: string, as: 'value' | 'hint'): string =>
    s.replace(TOKEN, (_, i: string) => values[Number(i)]?.[as] ?? '');
  const docs = yaml.parseAllDocuments(tokenized, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  return list
    .map((doc) => {
      yaml.visit(doc, {
        Node(_, node) {
          if (node.commentBefore) node.commentBefore = put(node.commentBefore, 'hint');
          if (node.comment) node.comment = put(node.comment, 'hint');
        },
        // A visitor with a Scalar callback does not call Node for scalars: their comments are put here too.
        Scalar(_, node) {
          if (node.commentBefore) node.commentBefore = put(node.commentBefore, 'hint');
          if (node.comment) node.comment = put(node.comment, 'hint');
          if (typeof node.value === 'string' && /zzrbacdiagnosevalue\d+zz/.test(node.value)) {
            node.value = put(node.value, 'value');
            // Written again by the library: let it choose the quoting the value needs.
            if (node.type !== 'BLOCK_LITERAL') delete node.type;
          }
        },
      });
      if (doc.commentBefore) doc.commentBefore = put(doc.commentBefore, 'hint');
      if (doc.comment) doc.comment = put(doc.comment, 'hint');
      return doc.toString(OPTIONS);
    })
    .join('---\n');
}
