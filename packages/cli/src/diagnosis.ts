// The diagnosis of named inputs with a rule set: one call for the report every output form prints, the MCP tool
// included, so they cannot drift apart.
import { diagnoseDetailed, type DiagnoseResult, type Lang } from '@rbac-diagnose/core';
import type { CliArgs } from './args.js';
import { ruleOptions, type RuleSet } from './commands.js';
import type { NamedText } from './io.js';

/** The options of a run that change its report (`lang`: that of its texts). */
export type DiagnosisOptions = Pick<CliArgs, 'minConfidence' | 'redact' | 'maxSizeMiB' | 'maxLineKiB'> & { lang: Lang };

/** Diagnoses one input as plain text, several as named inputs (their evidence then names its source). */
export async function diagnoseInputs(
  inputs: readonly NamedText[],
  set: RuleSet,
  options: DiagnosisOptions,
): Promise<DiagnoseResult> {
  return await diagnoseDetailed(
    inputs.length === 1 ? (inputs[0]?.text ?? '') : inputs.map((i) => ({ name: i.name, text: i.text })),
    {
      ...ruleOptions(set),
      // Built-in rules are checked by the rules package's tests, custom ones by loadRulesDir; the report's shape by
      // the core's tests.
      validate: false,
      minConfidence: options.minConfidence,
      redact: options.redact,
      maxInputChars: Math.floor(options.maxSizeMiB * 1048576),
      maxLineChars: Math.floor(options.maxLineKiB * 1024),
      lang: options.lang,
    },
  );
}
