import { Document, visit } from 'yaml';

const OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: true } as const;

/**
 * Serialises objects as a multi-document YAML stream, the first document preceded by a comment. Written as YAML 1.1,
 * the version kubectl reads: strings such as `yes`, `off`, `n` or `0777`, which 1.1 reads as booleans or numbers, come
 * out quoted.
 */
export function toYamlDocuments(objects: readonly unknown[], comment?: string): string {
  return objects
    .map((o, i) => {
      const doc = new Document(o, { version: '1.1' });
      // The library writes the string "<<" as YAML 1.1's merge key; an explicit tag keeps it a string.
      visit(doc, {
        Scalar(_, node) {
          if (node.value === '<<') node.tag = 'tag:yaml.org,2002:str';
        },
      });
      if (i === 0 && comment) doc.commentBefore = ` ${comment}`;
      return doc.toString(OPTIONS);
    })
    .join('---\n');
}
