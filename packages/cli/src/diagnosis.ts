// The diagnosis of inputs with a rule set: one call for the report every output form prints, the MCP tool included,
// so they cannot drift apart. Inputs are read in pieces as they arrive (a large file is never held whole), through
// the core's stream with no bounds: the report is the one diagnose() gives for the whole text.
import { DiagnosisStream, type DiagnoseResult, type Lang } from '@rbac-diagnose/core';
import type { CliArgs } from './args.js';
import { ruleOptions, type RuleSet } from './commands.js';
import type { Input } from './io.js';

/** The options of a run that change its report (`lang`: that of its texts). */
export type DiagnosisOptions = Pick<CliArgs, 'minConfidence' | 'redact' | 'maxSizeMiB' | 'maxLineKiB'> & { lang: Lang };

/** The core options of a run: the rule set's, and those the command line gives. */
export function coreOptions(set: RuleSet, options: Omit<DiagnosisOptions, 'maxSizeMiB'>) {
  return {
    ...ruleOptions(set),
    // Built-in rules are checked by the rules package's tests, custom ones by loadRulesDir; the report's shape by
    // the core's tests.
    validate: false,
    minConfidence: options.minConfidence,
    redact: options.redact,
    maxLineChars: Math.floor(options.maxLineKiB * 1024),
    lang: options.lang,
  };
}

/** Diagnoses one input as plain text, several as named inputs (their evidence then names its source). */
export async function diagnoseInputs(
  inputs: readonly Input[],
  set: RuleSet,
  options: DiagnosisOptions,
): Promise<DiagnoseResult> {
  const stream = await DiagnosisStream.open({
    ...coreOptions(set, options),
    maxInputChars: Math.floor(options.maxSizeMiB * 1048576),
    limits: null,
  });
  for (const input of inputs) {
    if (inputs.length > 1) stream.beginInput(input.name);
    for await (const piece of input.pieces()) {
      stream.write(piece);
      // A YAML section makes the stream wait for the yaml library: it is imported then, and only then.
      await stream.ready();
    }
  }
  return await stream.finish();
}
