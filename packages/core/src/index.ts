// Public API of @rbac-diagnose/core. Pure: no filesystem, process, console or network. The zod schemas of the report,
// rules and facts, and the rule checks, are the `@rbac-diagnose/core/schemas` entry: diagnose() loads them only when
// it validates, so a caller that passes checked rules never loads zod.
export { diagnose, diagnoseDetailed, InternalError } from './diagnose.js';
export { ArgumentError } from './arguments.js';
export type { DiagnoseOptions, DiagnoseResult, InputDoc } from './diagnose.js';
export { DiagnosisStream, diagnoseStream, diffReport, STREAM_LIMITS } from './stream.js';
export type { DiagnoseStreamOptions, DiagnosisUpdate, SeenDiagnoses, StreamOptions } from './stream.js';
export type { Evicted, Limits } from './facts/extract.js';
export { compareDiagnoses, INPUT_KINDS } from './vocabulary.js';
export { isLang, LANGS } from './i18n/lang.js';
export type { Lang } from './i18n/lang.js';
export { formatMessage, messagePlaceholders, textsIn } from './i18n/t.js';
export type { MessageKey, MessageParams } from './i18n/t.js';
export { problemText, ruleProblem } from './rules/problem.js';
export { printable } from './render/escape.js';
export type { ProblemParams, RuleProblem } from './rules/problem.js';
export type {
  Chain,
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
export type { Condition, EvidenceSelector, Rule, RuleSubject, Translations, Vocabulary } from './rules/schema.js';
export type { Facts } from './facts/schema.js';
export type { AdjustmentTrace, RuleTrace, ConditionTrace } from './engine/run.js';
export { BINDING_NAMES, LITERAL_TEMPLATES, placeholders } from './engine/bindings.js';
export { renderText } from './render/text.js';
export { padDisplay, terminalLayout, wrapLine, wrapText } from './render/wrap.js';
export type { Layout } from './render/wrap.js';
export { renderMarkdown } from './render/markdown.js';
export { renderYaml, parseAwsAuth } from './sync-yaml.js';
export { renderYamlWith } from './render/yaml.js';
export { importYaml } from './parse/yaml.js';
export type { YamlLibrary } from './parse/yaml.js';
export { renderSarif } from './render/sarif.js';
export type { SarifOptions } from './render/sarif.js';
export { renderTrace } from './render/trace.js';
export { makeRedactor, redactReport } from './redact.js';
export { isValid, grammarFailure } from './remediation/grammar.js';
export type { GrammarName, GrammarFailure } from './remediation/grammar.js';
export type { TextOptions } from './render/text.js';
export { canonicalArn, parseArn, stripRolePath } from './aws/arn.js';
export { toLines } from './input/lines.js';
export { splitSections, matchPrompt } from './input/split.js';
export type { Section } from './input/split.js';
export { parseForbidden } from './parse/forbidden.js';
export { parseFitError } from './parse/scheduler.js';
export { SIGNATURES } from './parse/signatures.js';
export type { SignatureData } from './parse/signatures.js';
