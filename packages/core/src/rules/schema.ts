import { z } from 'zod';
import { FACT_NAMES } from '../facts/schema.js';
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

export const FactConditionSchema = z
  .object({
    fact: z.enum(FACT_NAMES as [string, ...string[]]),
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

export type Condition = FactCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    FactConditionSchema,
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

/** Facts whose items can be cited as evidence (each item carries a line). */
export const EVIDENCE_SOURCES = [
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
] as const;

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
export const GENERATORS = ['rbac-least-privilege', 'aws-auth-merge-node-role', 'aws-auth-merge-caller'] as const;

/**
 * A `when` guard on a derived fact: `name` (truthy), `!name` (falsy), `name=VALUE` or `name!=VALUE` (e.g.
 * `clusterAuthMode!=CONFIG_MAP`: shown unless the input proves the cluster uses aws-auth only).
 */
const WhenSchema = z.string().regex(/^(?:!?[a-z][A-Za-z]*|[a-z][A-Za-z]*!?=[A-Za-z0-9_-]+)$/);

export const RemediationTemplateSchema = z
  .object({
    kind: z.enum(['manifest', 'command', 'patch', 'note']),
    title: z.string().min(1),
    command: z.string().optional(),
    yaml: z.string().optional(),
    text: z.string().optional(),
    generator: z.enum(GENERATORS).optional(),
    when: WhenSchema.optional(),
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
    summary: z.string().min(1),
    explanation: z.string().min(1),
    misleading: z.string().optional(),
    conditions: ConditionSchema,
    adjustments: z.array(AdjustmentSchema).optional(),
    evidence: z.array(EvidenceSelectorSchema).min(1),
    nextSteps: z.array(
      z.object({ command: z.string().min(1), why: z.string().min(1), when: WhenSchema.optional() }).strict(),
    ),
    remediation: z.array(RemediationTemplateSchema),
    references: z.array(z.url()),
    suppresses: z.array(RootCauseSchema).optional(),
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;
