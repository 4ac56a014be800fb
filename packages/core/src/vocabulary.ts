// Plain constants and ordering, without zod, so the CLI's start-up path does not load zod.

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

type Ordered = { severity: 'error' | 'warning' | 'info'; confidence: number; ruleId: string };

const SEVERITY_ORDER: Record<Ordered['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnoses as contract C2 requires: severity, then confidence, then rule id. */
export function compareDiagnoses(a: Ordered, b: Ordered): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
