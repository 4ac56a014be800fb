import { yamlLib } from '../yaml-lib.js';

const OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: true } as const;

/** Serialises objects as a multi-document YAML stream, the first document preceded by a comment. */
export function toYamlDocuments(objects: readonly unknown[], comment?: string): string {
  return objects
    .map((o, i) => {
      const doc = new (yamlLib().Document)(o);
      if (i === 0 && comment) doc.commentBefore = ` ${comment}`;
      return doc.toString(OPTIONS);
    })
    .join('---\n');
}
