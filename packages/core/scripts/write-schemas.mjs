// Writes the JSON Schemas of the report (contract C2), of rule files, of the vocabulary and of signatures files from the
// zod schemas in dist/.
// Committed copies are checked by schema.test.ts, so a schema change shows up in review.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { reportJsonSchema, ruleJsonSchema, signaturesJsonSchema, vocabularyJsonSchema } = await import(
  join(root, 'dist/schemas.js')
);
mkdirSync(join(root, 'schema'), { recursive: true });
writeFileSync(join(root, 'schema/report.schema.json'), `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
writeFileSync(join(root, 'schema/rule.schema.json'), `${JSON.stringify(ruleJsonSchema(), null, 2)}\n`);
writeFileSync(join(root, 'schema/vocabulary.schema.json'), `${JSON.stringify(vocabularyJsonSchema(), null, 2)}\n`);
writeFileSync(join(root, 'schema/signatures.schema.json'), `${JSON.stringify(signaturesJsonSchema(), null, 2)}\n`);

console.log(
  'wrote schema/report.schema.json, schema/rule.schema.json, schema/vocabulary.schema.json, schema/signatures.schema.json',
);
