// Validates reports against the published JSON Schema file (not the zod schema it came from), with ajv.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(
  readFileSync(new URL('../packages/core/schema/report.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

/** Returns schema errors of a report as strings (empty when valid). */
export function reportSchemaErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Checks that every evidence line is the input's line with that number (ANSI and trailing spaces removed). */
export function evidenceProblems(
  report: { diagnoses: { evidence: { line: number; text: string; source?: string | undefined }[] }[] },
  inputs: Record<string, string> | string,
): string[] {
  const problems: string[] = [];
  const split = (t: string): string[] =>
    t.split('\n').map((l) =>
      l
        .replace(/\r$/, '')
        .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
        .replace(/[ \t]+$/, ''),
    );
  for (const d of report.diagnoses) {
    for (const e of d.evidence) {
      const text = typeof inputs === 'string' ? inputs : inputs[e.source ?? ''];
      if (text === undefined) {
        problems.push(`evidence names unknown source ${e.source}`);
        continue;
      }
      const line = split(text)[e.line - 1];
      if (line !== e.text)
        problems.push(
          `line ${e.line}: evidence ${JSON.stringify(e.text)} is not the input line ${JSON.stringify(line)}`,
        );
    }
  }
  return problems;
}
