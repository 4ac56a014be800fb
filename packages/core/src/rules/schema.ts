import * as z from 'zod';
import { FACT_NAMES } from '../facts/schema.js';
import { MAX_PATTERN_LENGTH } from '../parse/pattern-check.js';
import { RootCauseSchema, SafetySchema, SeveritySchema } from '../report.js';

/** Operators a rule condition may use: json-rules-engine's built-ins plus ours (engine/operators.ts). */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'hasSignal',
  'lacksSignal',
  'hasItem',
  'lacksItem',
  'matches',
  'isNull',
  'notNull',
  'isEmpty',
  'notEmpty',
] as const;
export const OperatorSchema = z.enum(OPERATORS);

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** An item pattern: every key must match (a value, one of a list, or a regex). */
export const PatternSchema = z.record(
  z.string().regex(/^[A-Za-z]\w*$/),
  z.union([
    Scalar,
    z.array(Scalar),
    z.object({ matches: z.string() }).strict(),
    z.object({ notIn: z.array(Scalar) }).strict(),
  ]),
);
export type Pattern = z.infer<typeof PatternSchema>;

const JsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([Scalar, z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

/** What a condition may read: a fact family, or `subject` (the items the rule is about, see SubjectSchema). */
export const CONDITION_FACTS = [...FACT_NAMES, 'subject'] as const;

export const FactConditionSchema = z
  .object({
    fact: z.enum(CONDITION_FACTS as unknown as [string, ...string[]]),
    path: z
      .string()
      .regex(
        /^\$(?:\.[A-Za-z_]\w*)+$/,
        'a plain path like $.a.b (no wildcards: they return bare values for single matches)',
      )
      .optional(),
    operator: OperatorSchema,
    value: JsonValue,
    priority: z.number().int().positive().optional(),
  })
  .strict();
export type FactCondition = z.infer<typeof FactConditionSchema>;

/** A reference to a named condition of the vocabulary (json-rules-engine's `setCondition`). */
export const ConditionReferenceSchema = z.object({ condition: z.string().regex(/^[a-z][A-Za-z0-9]*$/) }).strict();

export type Condition =
  FactCondition | { condition: string } | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    FactConditionSchema,
    ConditionReferenceSchema,
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

/** Fact families whose items carry a line: a rule's subject is drawn from one, evidence cites them. */
export const ITEM_FAMILIES = [
  'signals',
  'forbidden',
  'events',
  'scheduling',
  'fitItems',
  'containers',
  'pods',
  'nodes',
  'awsAuth',
  'awsAuth.findings',
  'awsAuth.entries',
  'callerIdentity',
  'conditions',
  'roles',
  'bindings',
  'accessEntries',
  'cluster',
  'authChecks',
  'authRules',
  'whoami',
] as const;
export type ItemFamily = (typeof ITEM_FAMILIES)[number];

/** Where evidence comes from: the rule's subject (every item of it), or any item family for corroborating facts. */
export const EVIDENCE_SOURCES = ['subject', ...ITEM_FAMILIES] as const;

/**
 * What a rule is about. The items of `from` that match `where` are grouped by the `by` fields (`groups.x` for a
 * signal's capture); each group is one subject and gets its own diagnosis. Without `by`, all matching items form one.
 */
export const SubjectSchema = z
  .object({
    from: z.enum(ITEM_FAMILIES),
    where: PatternSchema.optional(),
    by: z.array(z.string().regex(/^[A-Za-z]\w*(?:\.[A-Za-z]\w*)?$/)).optional(),
    /** A short label for the report (`{{subject.principal}}`); diagnoses of one root cause merge per label. */
    label: z.string().min(1).optional(),
  })
  .strict();
export type RuleSubject = z.infer<typeof SubjectSchema>;

export const EvidenceSelectorSchema = z
  .object({
    from: z.enum(EVIDENCE_SOURCES),
    where: PatternSchema.optional(),
    why: z.string().min(1),
    limit: z.number().int().positive().optional(),
  })
  .strict();
export type EvidenceSelector = z.infer<typeof EvidenceSelectorSchema>;

/** Remediation generators implemented in core (remediation/generators.ts). */
export const GENERATORS = [
  'rbac-least-privilege',
  'rbac-broader-access',
  'aws-auth-merge-node-role',
  'aws-auth-merge-caller',
  'pod-security-patch',
] as const;

export const RemediationTemplateSchema = z
  .object({
    kind: z.enum(['manifest', 'command', 'patch', 'note']),
    title: z.string().min(1),
    command: z.string().optional(),
    yaml: z.string().optional(),
    text: z.string().optional(),
    generator: z.enum(GENERATORS).optional(),
    /** Shown only when this condition holds (e.g. `{ "condition": "authModeAllowsAwsAuth" }`). */
    when: ConditionSchema.optional(),
    safety: SafetySchema,
  })
  .strict()
  .refine((r) => [r.command, r.yaml, r.text, r.generator].filter((x) => x !== undefined).length === 1, {
    message: 'exactly one of command, yaml, text or generator',
  });
export type RemediationTemplate = z.infer<typeof RemediationTemplateSchema>;

export const AdjustmentSchema = z
  .object({
    conditions: ConditionSchema,
    delta: z.number().min(-1).max(1),
    why: z.string().min(1),
    evidence: z.array(EvidenceSelectorSchema).optional(),
  })
  .strict();
export type Adjustment = z.infer<typeof AdjustmentSchema>;

export const LAYERS = [
  'credentials',
  'exec',
  'authn',
  'aws-auth',
  'authz',
  'admission',
  'nodes',
  'scheduling',
  'pod-identity',
  'images',
  'containers',
] as const;

/**
 * Translations of texts written in English: per language, each English text exactly as written → its translation,
 * with the same {{placeholders}}. A text without one is shown in English.
 */
export const TranslationsSchema = z
  .object({ ja: z.record(z.string().min(1), z.string().min(1)).optional() })
  .strict()
  .describe('per language: English text as written → translation with the same {{placeholders}}');
export type Translations = z.infer<typeof TranslationsSchema>;

/** One rule file (`rules/<id>/rule.json`). Data only: nothing in it can run code. */
export const RuleSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case'),
    title: z.string().min(1),
    rootCause: RootCauseSchema,
    severity: SeveritySchema,
    confidence: z.number().min(0).max(1),
    layer: z.enum(LAYERS),
    subject: SubjectSchema.optional(),
    summary: z.string().min(1),
    explanation: z.string().min(1),
    misleading: z.string().optional(),
    /** What must hold besides the subject existing (all of it, for a rule without subject). */
    conditions: ConditionSchema.optional(),
    adjustments: z.array(AdjustmentSchema).optional(),
    evidence: z.array(EvidenceSelectorSchema).min(1),
    nextSteps: z.array(
      z.object({ command: z.string().min(1), why: z.string().min(1), when: ConditionSchema.optional() }).strict(),
    ),
    remediation: z.array(RemediationTemplateSchema),
    references: z.array(z.url()),
    suppresses: z.array(RootCauseSchema).optional(),
    /** The rule's texts in other languages (the rules package fills it from the rule folder's ja.json). */
    texts: TranslationsSchema.optional(),
    /**
     * A family diagnosis (a 401, a 403, a NotReady node that no specific rule explains): it ranks after every other
     * diagnosis and is dropped when another diagnosis of its layer exists.
     */
    fallback: z.boolean().optional(),
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;

/** A root cause of the vocabulary: its layer and the link of a chain where it breaks. */
export const RootCauseEntrySchema = z
  .object({
    layer: z.enum(LAYERS),
    chain: z.string().min(1),
    link: z.number().int().nonnegative(),
  })
  .strict();

/**
 * The domain vocabulary rules are written in (packages/rules/vocabulary): chains of links a request or a pod walks,
 * root causes placed on them, and named conditions rules reference as `{ "condition": "name" }`.
 */
export const VocabularySchema = z
  .object({
    $schema: z.string().optional(),
    chains: z.record(z.string().regex(/^[a-z][a-z-]*$/), z.array(z.string().min(1)).min(2)),
    rootCauses: z.record(RootCauseSchema, RootCauseEntrySchema),
    conditions: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), ConditionSchema),
    /** The chain link labels in other languages. */
    texts: TranslationsSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const [id, rc] of Object.entries(v.rootCauses)) {
      const links = v.chains[rc.chain];
      if (!links)
        ctx.addIssue({
          code: 'custom',
          path: ['rootCauses', id, 'chain'],
          message: `no chain "${rc.chain}"`,
          // The catalog text of the problem and its values, for its other languages (rules/check.ts).
          params: { key: 'problem.noChain', chain: rc.chain },
        });
      else if (rc.link >= links.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rootCauses', id, 'link'],
          message: `chain "${rc.chain}" has ${links.length} links`,
          params: { key: 'problem.chainLinks', chain: rc.chain, links: links.length },
        });
    }
  });
export type Vocabulary = z.infer<typeof VocabularySchema>;

/** Ids of signatures given as data: namespaced `x-…`, so they never collide with a built-in id. */
export const CUSTOM_SIGNATURE_ID = /^x-[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/**
 * One message signature given as data: its id, the phrases one of which the message must hold (guards), the pattern
 * (JavaScript regex source; its named groups become the signal's `groups`) and its role. The pattern is also checked to
 * match in linear time (parse/pattern-check.ts) by checkSignatures.
 */
export const SignatureDataSchema = z
  .object({
    id: z
      .string()
      .max(64)
      .regex(CUSTOM_SIGNATURE_ID, 'a custom signature id is x-… (lower-case letters, digits, - or _)'),
    description: z.string().min(1).max(300).optional(),
    guard: z
      .array(
        z
          .string()
          .min(4, 'a guard is a phrase of 4 characters or more')
          .max(200)
          .regex(/^[^\r\n]+$/, 'a guard is on one line'),
      )
      .min(1)
      .max(8),
    pattern: z.string().min(1).max(MAX_PATTERN_LENGTH),
    role: z.enum(['cause', 'context', 'family']).optional(),
  })
  .strict();

/** A signatures file of a rule directory (`signatures.yaml` / `signatures.json`). */
export const SignatureFileSchema = z
  .object({
    $schema: z.string().optional(),
    signatures: z.array(SignatureDataSchema).min(1).max(100),
  })
  .strict();
