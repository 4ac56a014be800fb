// A narrow entry for start-up-sensitive callers (the CLI): the same functions as the main entry, without the zod
// schemas, so importing it does not load zod (diagnose() loads it only when it validates).
export { diagnose, diagnoseDetailed, InternalError } from './diagnose.js';
export type { DiagnoseOptions, DiagnoseResult, InputDoc } from './diagnose.js';
export { compareDiagnoses, INPUT_KINDS, ROOT_CAUSES } from './vocabulary.js';
export type {
  Diagnosis,
  Evidence,
  InputKind,
  InputSection,
  Issue,
  NextStep,
  Remediation,
  Report,
  RootCause,
  Severity,
} from './report.js';
export type { Rule } from './rules/schema.js';
export type { RuleTrace } from './engine/run.js';
export { BINDING_NAMES, LITERAL_TEMPLATES } from './engine/bindings.js';
export { renderText } from './render/text.js';
export { renderMarkdown } from './render/markdown.js';
export { renderYaml } from './render/yaml.js';
export { loadYaml } from './yaml-lib.js';
export { renderSarif } from './render/sarif.js';
export { renderTrace } from './render/trace.js';
