// `@rbac-diagnose/core/schemas`: the zod schemas of the report, rules, vocabulary and facts, the rule checks, and the
// JSON Schemas generated from them.
import * as z from 'zod';
import { ReportSchema } from './report.js';
import { RuleSchema, SignatureFileSchema, VocabularySchema } from './rules/schema.js';

export {
  ChainSchema,
  DiagnosisSchema,
  EvidenceSchema,
  InputKindSchema,
  InputSectionSchema,
  IssueSchema,
  LangSchema,
  NextStepSchema,
  RemediationSchema,
  ReportSchema,
  RootCauseSchema,
  SeveritySchema,
} from './report.js';
export {
  ConditionSchema,
  EVIDENCE_SOURCES,
  GENERATORS,
  ITEM_FAMILIES,
  LAYERS,
  OPERATORS,
  RuleSchema,
  SignatureDataSchema,
  SignatureFileSchema,
  SubjectSchema,
  TranslationsSchema,
  VocabularySchema,
} from './rules/schema.js';
export { checkRule, checkSignatures, checkVocabulary } from './rules/check.js';
export { patternProblem } from './parse/pattern-check.js';
export {
  needsTranslation,
  placeholderSet,
  ruleTexts,
  TRANSLATED_LANGS,
  translationProblems,
  vocabularyTexts,
} from './rules/texts.js';
export type { RuleProblem } from './rules/check.js';
export { FACT_NAMES, FactsSchema } from './facts/schema.js';

/** JSON Schema (draft 2020-12) of the report, as published in schema/report.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://rbac-diagnose.dev/schema/report.schema.json',
    title: 'rbac-diagnose report (schemaVersion 1)',
    ...z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }),
  };
}

/** JSON Schema of a rule file (rules/<id>/rule.json), as published in schema/rule.schema.json. */
export function ruleJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://rbac-diagnose.dev/schema/rule.schema.json',
    title: 'rbac-diagnose rule',
    ...z.toJSONSchema(RuleSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}

/** JSON Schema of the vocabulary files (packages/rules/vocabulary), as published in schema/vocabulary.schema.json. */
export function vocabularyJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://rbac-diagnose.dev/schema/vocabulary.schema.json',
    title: 'rbac-diagnose vocabulary',
    ...z.toJSONSchema(VocabularySchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}

/** JSON Schema of a rule directory's signatures file, as published in schema/signatures.schema.json. */
export function signaturesJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://rbac-diagnose.dev/schema/signatures.schema.json',
    title: 'rbac-diagnose message signatures',
    ...z.toJSONSchema(SignatureFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}
