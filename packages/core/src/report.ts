import { z } from 'zod';

/** Every root-cause id the report may name (DESIGN.md vocabulary; extend, never rename). */
export const ROOT_CAUSES = [
  // AWS credentials / exec plugin
  'aws_credentials_missing',
  'aws_credentials_expired',
  'aws_profile_not_found',
  'aws_region_misconfigured',
  'assume_role_denied',
  'exec_plugin_not_found',
  'exec_plugin_api_version',
  // authentication (401)
  'iam_identity_not_mapped',
  'eks_access_entry_missing',
  'aws_auth_role_path',
  'aws_auth_assumed_role_arn',
  'aws_auth_username_missing',
  'aws_auth_malformed',
  'aws_auth_overprivileged',
  'kubeconfig_wrong_cluster',
  'kubeconfig_invalid',
  'anonymous_no_credentials',
  'api_endpoint_unreachable',
  // authorization (403)
  'rbac_permission_missing',
  'rbac_binding_misconfigured',
  'wrong_service_account',
  // admission
  'pod_security_violation',
  'resource_quota_exceeded',
  'resource_quota_requires_limits',
  'webhook_unreachable',
  'service_account_missing',
  // nodes
  'node_role_not_mapped',
  'cni_not_ready',
  'no_nodes_available',
  'node_cannot_reach_api_server',
  'node_bootstrap_failed',
  'node_disk_pressure',
  // scheduling
  'max_pods_limit',
  'insufficient_resources',
  'node_selector_mismatch',
  'taint_not_tolerated',
  'volume_az_conflict',
  'pvc_unbound_no_storage_class',
  'csi_driver_missing',
  'volume_attach_limit',
  'pod_eni_unsupported',
  // pod identity
  'irsa_trust_policy',
  'irsa_oidc_provider_missing',
  'irsa_not_configured',
  'imds_hop_limit',
  // images
  'ecr_pull_permission',
  'image_not_found',
  'registry_transient_error',
  'image_pull_network_blocked',
  'image_pull_secret_missing',
  // containers
  'container_oom_killed',
  'secret_not_found',
  'vpc_cni_ip_exhausted',
  'configmap_not_found',
] as const;

export const RootCauseSchema = z.enum(ROOT_CAUSES);
export type RootCause = z.infer<typeof RootCauseSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Input kinds that split/sniff can recognise. */
export const INPUT_KINDS = [
  'describe-pod',
  'describe-node',
  'describe-configmap',
  'describe-other',
  'get-table',
  'events-json',
  'object-json',
  'object-yaml',
  'aws-auth',
  'kubectl-error',
  'aws-cli-error',
  'caller-identity-json',
  'access-entries-json',
  'describe-cluster-json',
  'can-i',
  'whoami',
  'empty-result',
  'log-lines',
] as const;
export const InputKindSchema = z.enum(INPUT_KINDS);
export type InputKind = z.infer<typeof InputKindSchema>;

export const EvidenceSchema = z
  .object({
    line: z.number().int().positive().describe('1-based line number in the input (in `source` when several inputs were given)'),
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

export const SafetySchema = z.enum(['read-only', 'mutating']);
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

export const DiagnosisSchema = z
  .object({
    rootCause: RootCauseSchema,
    ruleId: z.string(),
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
    inputs: z.array(InputSectionSchema),
    diagnoses: z.array(DiagnosisSchema),
    issues: z.array(IssueSchema),
  })
  .strict()
  .describe('rbac-diagnose report');
export type Report = z.infer<typeof ReportSchema>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnoses as contract C2 requires: severity, then confidence, then rule id. */
export function compareDiagnoses(a: Pick<Diagnosis, 'severity' | 'confidence' | 'ruleId'>, b: Pick<Diagnosis, 'severity' | 'confidence' | 'ruleId'>): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
