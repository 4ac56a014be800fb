// The chain a request or a pod walks, with the link that broke: the picture behind "the message points one layer
// away from its cause".
import type { RootCause } from '../report.js';

const ACCESS = ['AWS credentials', 'token', 'IAM → user mapping', 'RBAC', 'admission'] as const;
const NODE = [
  'node IAM role',
  'aws-auth / access entry',
  'kubelet joins',
  'node Ready (CNI)',
  'pod scheduled',
] as const;
const POD = ['pod scheduled', 'volumes, network', 'image pull', 'container runs', 'AWS APIs (pod identity)'] as const;

type Chain = { links: readonly string[]; broken: number };

const CHAINS: Partial<Record<RootCause, Chain>> = {
  aws_credentials_missing: { links: ACCESS, broken: 0 },
  aws_credentials_expired: { links: ACCESS, broken: 0 },
  aws_profile_not_found: { links: ACCESS, broken: 0 },
  aws_region_misconfigured: { links: ACCESS, broken: 0 },
  assume_role_denied: { links: ACCESS, broken: 0 },
  exec_plugin_not_found: { links: ACCESS, broken: 1 },
  exec_plugin_api_version: { links: ACCESS, broken: 1 },
  iam_identity_not_mapped: { links: ACCESS, broken: 2 },
  eks_access_entry_missing: { links: ACCESS, broken: 2 },
  aws_auth_role_path: { links: ACCESS, broken: 2 },
  aws_auth_assumed_role_arn: { links: ACCESS, broken: 2 },
  aws_auth_username_missing: { links: ACCESS, broken: 2 },
  aws_auth_malformed: { links: ACCESS, broken: 2 },
  kubeconfig_wrong_cluster: { links: ACCESS, broken: 2 },
  anonymous_no_credentials: { links: ACCESS, broken: 1 },
  rbac_permission_missing: { links: ACCESS, broken: 3 },
  rbac_binding_misconfigured: { links: ACCESS, broken: 3 },
  wrong_service_account: { links: ACCESS, broken: 3 },
  pod_security_violation: { links: ACCESS, broken: 4 },
  resource_quota_exceeded: { links: ACCESS, broken: 4 },
  resource_quota_requires_limits: { links: ACCESS, broken: 4 },
  webhook_unreachable: { links: ACCESS, broken: 4 },
  service_account_missing: { links: ACCESS, broken: 4 },
  node_role_not_mapped: { links: NODE, broken: 1 },
  node_bootstrap_failed: { links: NODE, broken: 2 },
  node_cannot_reach_api_server: { links: NODE, broken: 2 },
  cni_not_ready: { links: NODE, broken: 3 },
  no_nodes_available: { links: NODE, broken: 2 },
  image_not_found: { links: POD, broken: 2 },
  ecr_pull_permission: { links: POD, broken: 2 },
  registry_transient_error: { links: POD, broken: 2 },
  image_pull_network_blocked: { links: POD, broken: 2 },
  container_oom_killed: { links: POD, broken: 3 },
  secret_not_found: { links: POD, broken: 1 },
  vpc_cni_ip_exhausted: { links: POD, broken: 1 },
  irsa_trust_policy: { links: POD, broken: 4 },
  irsa_oidc_provider_missing: { links: POD, broken: 4 },
  irsa_not_configured: { links: POD, broken: 4 },
  imds_hop_limit: { links: POD, broken: 4 },
};

/** A one-line picture of the chain with its broken link, or null when the cause is not on a chain. */
export function chainLine(rootCause: RootCause, mark: { ok: string; broken: string; skipped: string }): string | null {
  const c = CHAINS[rootCause];
  if (!c) return null;
  return c.links
    .map((l, i) => (i < c.broken ? `${l} ${mark.ok}` : i === c.broken ? `${l} ${mark.broken}` : `${l} ${mark.skipped}`))
    .join(' → ');
}
