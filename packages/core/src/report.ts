import * as z from 'zod';
import { LANGS } from './i18n/lang.js';
import { INPUT_KINDS } from './vocabulary.js';

export { compareDiagnoses, INPUT_KINDS } from './vocabulary.js';

/** A root-cause id: snake_case from the vocabulary, or `x-…` for a custom rule's own cause. */
export const RootCauseSchema = z
  .string()
  .regex(
    /^(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)*|x-[a-z0-9]+(?:-[a-z0-9]+)*)$/,
    'snake_case, or x-kebab-case for a custom cause',
  );
export type RootCause = z.infer<typeof RootCauseSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** The language of a report's texts; machine fields (ids, lines, commands, manifests) are the same in every one. */
export const LangSchema = z.enum(LANGS);

export const InputKindSchema = z.enum(INPUT_KINDS);
export type InputKind = z.infer<typeof InputKindSchema>;

export const EvidenceSchema = z
  .object({
    line: z
      .number()
      .int()
      .positive()
      .describe('1-based line number in the input (in `source` when several inputs were given)'),
    text: z.string().describe('the input line, verbatim (ANSI colour and trailing spaces removed)'),
    why: z.string(),
    source: z.string().optional().describe('name of the input the line comes from, when several were given'),
  })
  .strict();
export type Evidence = z.infer<typeof EvidenceSchema>;

export const NextStepSchema = z
  .object({
    command: z.string(),
    why: z.string(),
  })
  .strict();
export type NextStep = z.infer<typeof NextStepSchema>;

/**
 * `read-only` reads; `mutating` changes the cluster or account (review before applying); `escalation` grants a right
 * that lets its holder gain more (impersonate, bind, escalate, tokens, exec, node proxy, secrets): `--fix` leaves it
 * out unless asked for.
 */
export const SafetySchema = z.enum(['read-only', 'mutating', 'escalation']);
export type Safety = z.infer<typeof SafetySchema>;

export const RemediationSchema = z
  .object({
    kind: z.enum(['manifest', 'command', 'patch', 'note']),
    title: z.string(),
    yaml: z.string().optional(),
    command: z.string().optional(),
    text: z.string().optional(),
    safety: SafetySchema,
  })
  .strict();
export type Remediation = z.infer<typeof RemediationSchema>;

/** The chain a request or a pod walks, and the link that broke (the vocabulary's place for the root cause). */
export const ChainSchema = z
  .object({
    links: z.array(z.string()).min(2),
    broken: z.number().int().nonnegative().describe('index in links of the link that broke'),
  })
  .strict();
export type Chain = z.infer<typeof ChainSchema>;

export const DiagnosisSchema = z
  .object({
    rootCause: RootCauseSchema,
    ruleId: z.string(),
    subject: z
      .string()
      .optional()
      .describe('what this diagnosis is about, e.g. `User alice`, `ServiceAccount apps/default`, `Pod shop/web-0`'),
    title: z.string(),
    severity: SeveritySchema,
    confidence: z.number().min(0).max(1),
    summary: z.string(),
    explanation: z.string(),
    misleading: z.string().optional().describe('why the message the user saw points somewhere else'),
    evidence: z.array(EvidenceSchema),
    nextSteps: z.array(NextStepSchema),
    remediation: z.array(RemediationSchema),
    references: z.array(z.string()),
    alsoMatched: z.array(z.string()).optional().describe('other rule ids that concluded the same root cause'),
    chain: ChainSchema.optional(),
  })
  .strict();
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const InputSectionSchema = z
  .object({
    kind: InputKindSchema,
    startLine: z.number().int().positive(),
    endLine: z.number().int().positive(),
    source: z.string().optional(),
    command: z.string().optional().describe('the shell command that printed this section, when a prompt line named it'),
  })
  .strict();
export type InputSection = z.infer<typeof InputSectionSchema>;

export const IssueSchema = z
  .object({
    code: z.string(),
    line: z.number().int().nonnegative().describe('0 when the issue concerns the whole input'),
    message: z.string(),
    source: z.string().optional(),
  })
  .strict();
export type Issue = z.infer<typeof IssueSchema>;

/** The report of contract C2 (schemaVersion 1). */
export const ReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    lang: LangSchema.describe(
      'language of the texts (titles, explanations, reasons, notes); ids and commands never vary',
    ),
    inputs: z.array(InputSectionSchema),
    diagnoses: z.array(DiagnosisSchema),
    issues: z.array(IssueSchema),
    belowMinConfidence: z
      .object({
        count: z.number().int().positive(),
        minConfidence: z.number().min(0).max(1),
      })
      .strict()
      .optional()
      .describe('diagnoses left out because their confidence was below the minConfidence option (absent: none)'),
  })
  .strict()
  .describe('rbac-diagnose report');
export type Report = z.infer<typeof ReportSchema>;
