// Every text the remediation generators write, in one table: titles, comments, warnings and refusals. Templates use
// `{{name}}` placeholders filled with values that passed their grammar (never raw input), so a translation can key
// on the English template as the rules' ja.json files do.
import type { GrammarFailure, GrammarName } from './grammar.js';

export const MESSAGES = {
  valueRejectedTitle: 'Some commands are not shown: a value read from the input is not valid where they need it',
  valueRejected:
    'The value of {{placeholder}} is not a valid {{grammar}} ({{failure}}), so the commands and manifests that would carry it are left out. Check the input; if the value is real, write those commands by hand with care.',
  rbacTitle: '{{roleKind}} + {{bindingKind}} "{{name}}" granting {{subject}} exactly what was denied {{scope}}',
  rbacEscalationTitle:
    '{{roleKind}} + {{bindingKind}} "{{name}}" granting {{subject}} a privilege-escalating permission {{scope}}',
  rbacComment: 'Least privilege for the denial on line {{lines}}: only these verbs on these resources.',
  rbacCommentMany: 'Least privilege for the denials on lines {{lines}}: only these verbs on these resources.',
  rbacCommentFollowUps:
    'Least privilege for the denial on line {{lines}}: only these verbs on these resources (with {{followUps}}).',
  rbacCommentManyFollowUps:
    'Least privilege for the denials on lines {{lines}}: only these verbs on these resources (with {{followUps}}).',
  rbacApply: 'Review, then: kubectl apply -f -',
  followInformer: 'list and watch together, because an informer lists then watches',
  followApply: 'create and patch, because kubectl apply reads the object then creates or patches it',
  scopeCluster: 'cluster-wide',
  scopeNamespace: 'in namespace {{namespace}}',
  escalationWarning:
    'ESCALATION: this grant lets {{subject}} gain more rights than it states ({{what}}). It is pinned to the names in the denial; apply it only if that is intended. rbac-diagnose --fix leaves it out unless --include-escalation is given.',
  escalationWarningTitle: 'Escalation: review before granting',
  refusedTitle: 'No fix generated for a privilege-escalating request',
  wildcardTitle: 'No fix generated for a wildcard request',
  invalidTitle: 'No fix generated for a denial whose values are not valid',
  refusedPrivilegedGroup:
    'The denial on line {{line}} asks to impersonate a privileged group ({{group}}): that is cluster admin by another name. rbac-diagnose does not propose it; if a person truly needs admin, grant it deliberately and audit it.',
  refusedPrivilegedUser:
    'The denial on line {{line}} asks to impersonate a privileged identity ({{user}}). rbac-diagnose does not propose it.',
  refusedAdminRole:
    'The denial on line {{line}} asks to {{verb}} the role {{role}}, which holds (or can grant) unrestricted admin rights. rbac-diagnose does not propose it.',
  refusedUnpinned:
    'The denial on line {{line}} asks to {{verb}} {{resource}} without naming which one, so a grant could not be pinned with resourceNames and would reach every object (including the most privileged ones). rbac-diagnose does not propose it; name the object and grant only that.',
  refusedWildcard:
    'The denial on line {{line}} asks for every verb, resource, API group or path (*). A fix never grants a wildcard: grant the specific verbs and resources the workload uses.',
  refusedInvalid:
    'The denial on line {{line}} carries a value that is not a valid {{grammar}} ({{failure}}), so no Role or binding is generated for it.',
  broaderTitle: 'Broader access: no built-in role fits',
  broaderNone:
    'The built-in view and edit roles cover namespaced resources only, view never reads secrets, and edit can read secrets and exec into pods: for these denials they would not help or would grant far more. Use the least-privilege Role above; never system:masters or cluster-admin for a missing verb.',
  broaderViewTitle:
    'If this subject needs broader read access in namespace {{namespace}}: the built-in view role, bound in that namespace only (never system:masters or cluster-admin)',
  psaPatchTitle:
    'Make the pod template meet the {{level}} level: change exactly the fields the message names (merge into spec.template.spec of the workload)',
  psaPatchComment:
    'Strategic merge patch for the workload named in the event: kubectl patch deployment <app> -n <namespace> --patch-file pod-security.yaml. It changes only the fields the failed checks name; containers are matched by name.',
  psaManualTitle: 'Some failed checks need a change to the workload itself',
  psaManual:
    'hostPath volumes, restricted volume types, hostPort and procMount cannot be switched off by a patch without breaking the workload: replace the volume (a PersistentVolumeClaim, emptyDir, configMap or secret), remove the hostPort, or run the workload in a namespace whose level allows it.',
  awsAuthTitle:
    'aws-auth merged: the ConfigMap from the input with {{count}} mapping(s) added, every existing mapping kept',
  awsAuthComment:
    'aws-auth from the input (lines {{from}}-{{to}}) with {{count}} mapping(s) added after the existing ones; every existing mapping and data key kept unchanged. {{stale}}',
  awsAuthStale:
    'metadata.resourceVersion is the one in the input: if aws-auth changed since, kubectl apply fails with a conflict instead of overwriting; then read it again.',
  awsAuthNoVersion:
    'The input shows no resourceVersion: compare with kubectl get cm aws-auth -n kube-system -o yaml right before applying.',
  awsAuthEdit: 'Review, then: kubectl apply -f -',
  awsAuthNodeRoleHint:
    'Replace <node-instance-role> with the node group role (aws eks describe-nodegroup --cluster-name <cluster-name> --nodegroup-name <nodegroup> --query nodegroup.nodeRole); a role ARN without path, not the instance profile.',
  awsAuthGroupHint:
    'Replace <team-group> with a group that a RoleBinding grants only what this person needs (never system:masters).',
  awsAuthIncluded:
    'The mapping is part of the single aws-auth ConfigMap proposed under {{rootCause}}: apply that one only (two copies of aws-auth applied one after the other would each remove what the other adds).',
  awsAuthIncludedTitle: 'aws-auth: see the one merged ConfigMap in this report',
  awsAuthMalformedTitle: 'aws-auth in the input is malformed: it is not rebuilt',
  awsAuthMalformed:
    'The aws-auth on lines {{from}}-{{to}} does not parse as a ConfigMap (first problem on line {{line}}). A copy rebuilt from what could be read would drop whatever could not, so none is generated. Correct line {{line}} in place (kubectl edit configmap aws-auth -n kube-system), or add mappings with eksctl create iamidentitymapping or access entries.',
  awsAuthEntryTitle: 'Corrected form of the entry near line {{line}} (paste it over the broken one, same indentation)',
  awsAuthAmbiguousTitle: 'Several different aws-auth ConfigMaps in the input: none is merged',
  awsAuthAmbiguous:
    'The input holds more than one aws-auth, and they differ: it cannot tell which one is live, and merging into the wrong one would drop mappings. Read the live one (kubectl get cm aws-auth -n kube-system -o yaml) and add the mapping with eksctl create iamidentitymapping.',
  awsAuthInvalidTitle: 'No aws-auth mapping generated for a value that is not valid',
  awsAuthInvalid: 'The ARN to map is not a valid {{grammar}} ({{failure}}), so no aws-auth entry is generated for it.',
} as const;

/** Describes each grammar in a message. */
export const GRAMMAR_TEXT: Record<GrammarName, string> = {
  namespace: 'namespace name (DNS-1123 label)',
  dnsLabel: 'DNS-1123 label',
  dnsSubdomain: 'object name (DNS-1123 subdomain)',
  objectName: 'object name',
  userName: 'Kubernetes user name',
  groupName: 'Kubernetes group name',
  serviceAccountName: 'service account name',
  verb: 'RBAC verb',
  resource: 'resource name',
  apiGroup: 'API group',
  nonResourceURL: 'non-resource URL path',
  rbacTarget: 'resource or path',
  resourceArg: 'resource[.group][/subresource]',
  partition: 'AWS partition',
  account: 'AWS account id',
  region: 'AWS region',
  clusterName: 'EKS cluster name',
  iamName: 'IAM role or user name',
  iamPath: 'IAM path',
  roleArn: 'IAM role ARN',
  userArn: 'IAM user ARN',
  principalArn: 'IAM role or user ARN',
  assumedRoleArn: 'STS assumed-role ARN',
  oidcProvider: 'EKS OIDC provider',
  ecrRegistry: 'ECR registry',
  ecrRepository: 'ECR repository name',
  image: 'container image reference',
  iamAction: 'IAM action',
  command: 'program name',
  number: 'number',
  psaLevel: 'Pod Security level',
  resourceVersion: 'resourceVersion',
  text: 'printable text',
};

/** Describes each way a value fails. */
export const FAILURE_TEXT: Record<GrammarFailure, string> = {
  empty: 'it is empty',
  'too-long': 'it is too long',
  'control-character': 'it contains control, invisible or line-breaking characters',
  wildcard: 'it contains a wildcard',
  placeholder: 'it looks like a placeholder',
  form: 'its characters or form are not allowed there',
};

/** A message from the table with its `{{name}}` placeholders filled. */
export function message(key: keyof typeof MESSAGES, params: Record<string, string | number> = {}): string {
  return MESSAGES[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
