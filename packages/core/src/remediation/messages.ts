// The comments the remediation generators write into manifests. A manifest is the same in every language (contract
// C2: machine fields do not depend on the report's language, so a fix reviewed in one language is the fix applied in
// another): these stay English. Every other text a generator writes is prose, in the core's catalogs (i18n/en.ts,
// i18n/ja.ts, `fix.*` keys). Templates use `{name}` placeholders filled with values that passed their grammar.
import { formatMessage, type MessageParams } from '../i18n/t.js';

const COMMENTS = {
  rbac: 'Least privilege for the denial on line {lines}: only these verbs on these resources.',
  rbacMany: 'Least privilege for the denials on lines {lines}: only these verbs on these resources.',
  rbacFollowUps:
    'Least privilege for the denial on line {lines}: only these verbs on these resources (with {followUps}).',
  rbacManyFollowUps:
    'Least privilege for the denials on lines {lines}: only these verbs on these resources (with {followUps}).',
  rbacEscalation: 'Escalation: review before granting.',
  apply: 'Review, then: kubectl apply -f -',
  followInformer: 'list and watch together, because an informer lists then watches',
  followApply: 'create and patch, because kubectl apply reads the object then creates or patches it',
  psaPatch:
    'Strategic merge patch for the workload named in the event: kubectl patch deployment <app> -n <namespace> --patch-file pod-security.yaml. It changes only the fields the failed checks name; containers are matched by name.',
  awsAuth:
    'aws-auth from the input (lines {from}-{to}) with {count} {count|mapping|mappings} added after the existing ones; every existing mapping and data key kept unchanged. {stale}',
  awsAuthStale:
    'metadata.resourceVersion is the one in the input: if aws-auth changed since, kubectl apply fails with a conflict instead of overwriting; then read it again.',
  awsAuthNoVersion:
    'The input shows no resourceVersion: compare with kubectl get cm aws-auth -n kube-system -o yaml right before applying.',
  awsAuthNodeRoleHint:
    'Replace <node-instance-role> with the node group role (aws eks describe-nodegroup --cluster-name <cluster-name> --nodegroup-name <nodegroup> --query nodegroup.nodeRole); a role ARN without path, not the instance profile.',
  awsAuthGroupHint:
    'Replace <team-group> with a group that a RoleBinding grants only what this person needs (never system:masters).',
} as const;

/** A manifest comment with its `{name}` placeholders filled. */
export function comment(key: keyof typeof COMMENTS, params: MessageParams = {}): string {
  return formatMessage(COMMENTS[key], params);
}
