import * as z from 'zod';

const Ref = { line: z.number().int().nonnegative(), source: z.string().optional() };

/**
 * A catalogued error signature found on one line. In a stream, the repeats of one message (the same signature and
 * values) are folded into the first: how many times it came, its last line, and its first lines as examples.
 */
export const SignalSchema = z.object({
  id: z.string(),
  ...Ref,
  groups: z.record(z.string(), z.string()),
  count: z.number().int().positive().optional(),
  lastLine: z.number().int().nonnegative().optional(),
  lines: z.array(z.number().int().nonnegative()).optional(),
});
export type Signal = z.infer<typeof SignalSchema>;

/** One authorization denial. */
export const ForbiddenFactSchema = z.object({
  ...Ref,
  username: z.string(),
  subjectKind: z.enum(['User', 'ServiceAccount', 'Node', 'Anonymous']),
  subjectName: z.string(),
  subjectNamespace: z.string().nullable(),
  verb: z.string(),
  resource: z.string().nullable(),
  subresource: z.string().nullable(),
  apiGroup: z.string().nullable(),
  namespace: z.string().nullable(),
  clusterScope: z.boolean(),
  path: z.string().nullable(),
  objectName: z.string().nullable(),
  reason: z.string().nullable(),
  missingRoles: z.array(z.object({ kind: z.enum(['Role', 'ClusterRole']), name: z.string() })),
  legacy: z.boolean(),
  /**
   * What the RBAC objects pasted with the denial say about it (facts/relations.ts): no binding in the input applies to
   * this subject (`not-bound`), one does and the role it names grants the request (`bound-with-rule`) or does not
   * (`bound-without-rule`), or the role is not in the input (`bound`); null when no binding was pasted.
   */
  rbacInInput: z.enum(['not-bound', 'bound', 'bound-without-rule', 'bound-with-rule']).nullable(),
  /** What a pasted `kubectl auth can-i` (or `--list`) for the same identity and request answered; null when none. */
  canI: z.enum(['allowed', 'denied']).nullable(),
});
export type ForbiddenFact = z.infer<typeof ForbiddenFactSchema>;
/** A denial as read from its line, before it is related to the rest of the input. */
export type ReadForbiddenFact = Omit<ForbiddenFact, 'rbacInInput' | 'canI'>;

/** Events aggregated by type, reason, object and message. */
export const EventFactSchema = z.object({
  type: z.string(),
  reason: z.string(),
  from: z.string(),
  message: z.string(),
  object: z.string().nullable(),
  count: z.number().int().nonnegative(),
  line: z.number().int().nonnegative(),
  lines: z.array(z.number().int()),
  source: z.string().optional(),
});
export type EventFact = z.infer<typeof EventFactSchema>;

/** A scheduler fit error with what it says about node readiness. */
export const SchedulingFactSchema = z.object({
  ...Ref,
  total: z.number().int().nonnegative(),
  items: z.array(z.object({ count: z.number().int(), reason: z.string(), nodeState: z.string().nullable() })),
  preFilter: z.string().nullable(),
  noNodes: z.boolean(),
  legacy: z.boolean(),
  notReadyNodes: z.number().int().nonnegative(),
  allNodesNotReady: z.boolean(),
  outOfDiskNodes: z.number().int().nonnegative(),
});
export type SchedulingFact = z.infer<typeof SchedulingFactSchema>;

/** One histogram item of a scheduler message, flattened so rules can test it directly. */
export const FitItemFactSchema = z.object({
  ...Ref,
  reason: z.string(),
  count: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** True when this reason applies to every node the scheduler considered. */
  allNodes: z.boolean(),
  /** True when no other reason of the same message rules out more nodes (ties are all largest). */
  largest: z.boolean(),
  nodeState: z.string().nullable(),
});
export type FitItemFact = z.infer<typeof FitItemFactSchema>;

/** A container of a described pod (state, last state, restarts). */
export const ContainerFactSchema = z.object({
  ...Ref,
  pod: z.string().nullable(),
  name: z.string(),
  init: z.boolean(),
  image: z.string().nullable(),
  state: z.string().nullable(),
  stateReason: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  lastState: z.string().nullable(),
  lastReason: z.string().nullable(),
  lastExitCode: z.number().int().nullable(),
  restartCount: z.number().int().nullable(),
  /** The container's resource requests as `name=quantity` (describe `Requests:`, resources.requests); null when not shown. */
  requests: z.array(z.string()).nullable(),
});
export type ContainerFact = z.infer<typeof ContainerFactSchema>;

export const PodFactSchema = z.object({
  ...Ref,
  name: z.string(),
  namespace: z.string().nullable(),
  phase: z.string().nullable(),
  node: z.string().nullable(),
  controlledBy: z.string().nullable(),
  serviceAccount: z.string().nullable(),
  /** The pod's node selector as `key=value` labels (describe `Node-Selectors:`, spec.nodeSelector); null when not shown. */
  nodeSelector: z.array(z.string()).nullable(),
  /** `get pods` READY column (`0/1`), or ready/total containers from status; null when not shown. */
  ready: z.string().nullable(),
  /** Sum of container restarts (`get pods` RESTARTS, or restartCount in status); null when not shown. */
  restarts: z.number().int().nonnegative().nullable(),
});
export type PodFact = z.infer<typeof PodFactSchema>;

export const NodeFactSchema = z.object({
  ...Ref,
  name: z.string(),
  ready: z.enum(['True', 'False', 'Unknown']).nullable(),
  readyReason: z.string().nullable(),
  readyMessage: z.string().nullable(),
  readyLine: z.number().int().nonnegative().nullable(),
  taints: z.array(z.string()),
  /** `Allocatable: pods:` (describe) or status.allocatable.pods; null when not shown. */
  allocatablePods: z.number().int().nonnegative().nullable(),
  /** `Non-terminated Pods: (N in total)` of describe node; null when not shown. */
  nonTerminatedPods: z.number().int().nonnegative().nullable(),
  /** `Unschedulable:` / spec.unschedulable / `,SchedulingDisabled`; null when not shown. */
  unschedulable: z.boolean().nullable(),
});
export type NodeFact = z.infer<typeof NodeFactSchema>;

export const AwsAuthEntryFactSchema = z.object({
  ...Ref,
  kind: z.enum(['role', 'user']),
  arn: z.string(),
  username: z.string().nullable(),
  groups: z.array(z.string()),
  /**
   * Whether a pasted EKS access entry has the same principal (facts/relations.ts): EKS then authenticates it through
   * the entry and ignores this mapping (API_AND_CONFIG_MAP); null when no access entry was pasted.
   */
  shadowedByAccessEntry: z.boolean().nullable(),
});

export const AwsAuthFindingFactSchema = z.object({
  ...Ref,
  code: z.string(),
  message: z.string(),
  arn: z.string().optional(),
});
export type AwsAuthFindingFact = z.infer<typeof AwsAuthFindingFactSchema>;

export const AwsAuthFactSchema = z.object({
  ...Ref,
  format: z.enum(['yaml', 'json', 'describe', 'lenient']),
  wellFormed: z.boolean(),
  entries: z.array(AwsAuthEntryFactSchema),
  accounts: z.array(z.string()),
  findings: z.array(AwsAuthFindingFactSchema),
  data: z.record(z.string(), z.string()).nullable(),
  name: z.string().nullable(),
  namespace: z.string().nullable(),
  /** metadata.resourceVersion, labels and annotations of the pasted ConfigMap (a merge keeps them). */
  resourceVersion: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  /** How many different aws-auth ConfigMaps the input holds (this one included). */
  variants: z.number().int().positive(),
  endLine: z.number().int().nonnegative(),
});
export type AwsAuthFact = z.infer<typeof AwsAuthFactSchema>;
/** An aws-auth ConfigMap as read, before its entries are related to the access entries of the input. */
export type ReadAwsAuthFact = Omit<AwsAuthFact, 'entries'> & {
  entries: Omit<AwsAuthFact['entries'][number], 'shadowedByAccessEntry'>[];
};

export const CallerIdentityFactSchema = z.object({
  ...Ref,
  arn: z.string(),
  account: z.string(),
  userId: z.string().nullable(),
  canonicalArn: z.string(),
  type: z.string(),
  /** Whether the aws-auth in the input maps this identity (its ARN or canonical ARN); null without an aws-auth. */
  mappedInAwsAuth: z.boolean().nullable(),
});
export type CallerIdentityFact = z.infer<typeof CallerIdentityFactSchema>;

/** One condition of a pod or node (describe Conditions table, or status.conditions in JSON/YAML), flattened. */
export const ConditionFactSchema = z.object({
  ...Ref,
  objectKind: z.enum(['Pod', 'Node', 'Deployment', 'ReplicaSet', 'Other']),
  object: z.string(),
  type: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
});
export type ConditionFact = z.infer<typeof ConditionFactSchema>;

/** One rule of a Role or ClusterRole. */
export const RbacRuleFactSchema = z.object({
  ...Ref,
  verbs: z.array(z.string()),
  apiGroups: z.array(z.string()),
  resources: z.array(z.string()),
  resourceNames: z.array(z.string()),
  nonResourceURLs: z.array(z.string()),
});
export type RbacRuleFact = z.infer<typeof RbacRuleFactSchema>;

/** A Role or ClusterRole object found in the input (JSON or YAML). */
export const RoleFactSchema = z.object({
  ...Ref,
  kind: z.enum(['Role', 'ClusterRole']),
  name: z.string(),
  namespace: z.string().nullable(),
  rules: z.array(RbacRuleFactSchema),
});
export type RoleFact = z.infer<typeof RoleFactSchema>;

/** A RoleBinding or ClusterRoleBinding object found in the input (JSON or YAML). */
export const BindingFactSchema = z.object({
  ...Ref,
  kind: z.enum(['RoleBinding', 'ClusterRoleBinding']),
  name: z.string(),
  namespace: z.string().nullable(),
  roleKind: z.string(),
  roleName: z.string(),
  subjects: z.array(z.object({ kind: z.string(), name: z.string(), namespace: z.string().nullable() })),
});
export type BindingFact = z.infer<typeof BindingFactSchema>;

/** An EKS access entry (list-access-entries, describe-access-entry, list-associated-access-policies). */
export const AccessEntryFactSchema = z.object({
  ...Ref,
  principalArn: z.string(),
  canonicalArn: z.string(),
  username: z.string().nullable(),
  kubernetesGroups: z.array(z.string()),
  type: z.string().nullable(),
  clusterName: z.string().nullable(),
  /** Access policies associated with the principal; null when that output is not in the input. */
  policies: z
    .array(
      z.object({
        ...Ref,
        policyArn: z.string(),
        policy: z.string(),
        scopeType: z.string().nullable(),
        namespaces: z.array(z.string()),
      }),
    )
    .nullable(),
});
export type AccessEntryFact = z.infer<typeof AccessEntryFactSchema>;

/** `aws eks describe-cluster` (or its `--query cluster.accessConfig`). */
export const ClusterFactSchema = z.object({
  ...Ref,
  name: z.string().nullable(),
  arn: z.string().nullable(),
  version: z.string().nullable(),
  endpoint: z.string().nullable(),
  oidcIssuer: z.string().nullable(),
  /** accessConfig.authenticationMode; CONFIG_MAP when a full describe-cluster has no accessConfig. */
  authMode: z.string().nullable(),
  authModeLine: z.number().int().nonnegative().nullable(),
});
export type ClusterFact = z.infer<typeof ClusterFactSchema>;

/** One `kubectl auth can-i` answer (`yes`, `no`, `no - RBAC: …`). */
export const AuthCheckFactSchema = z.object({
  ...Ref,
  allowed: z.boolean(),
  reason: z.string().nullable(),
  /** The can-i command when a prompt line named it. */
  command: z.string().nullable(),
});
export type AuthCheckFact = z.infer<typeof AuthCheckFactSchema>;

/** One row of `kubectl auth can-i --list`. */
export const AuthRuleFactSchema = z.object({
  ...Ref,
  resources: z.array(z.string()),
  nonResourceURLs: z.array(z.string()),
  resourceNames: z.array(z.string()),
  verbs: z.array(z.string()),
});
export type AuthRuleFact = z.infer<typeof AuthRuleFactSchema>;

/** `kubectl auth whoami` (table, JSON or YAML SelfSubjectReview). */
export const WhoamiFactSchema = z.object({
  ...Ref,
  username: z.string(),
  uid: z.string().nullable(),
  groups: z.array(z.string()),
  /** The IAM ARN from `Extra: arn` on EKS, when shown. */
  arn: z.string().nullable(),
  /** Whether a pasted RoleBinding/ClusterRoleBinding names this user or one of its groups; null without bindings. */
  boundInInput: z.boolean().nullable(),
});
export type WhoamiFact = z.infer<typeof WhoamiFactSchema>;
/** `kubectl auth whoami` as read, before it is related to the bindings of the input. */
export type ReadWhoamiFact = Omit<WhoamiFact, 'boundInInput'>;

/** Everything the rules can see about one input. Missing data is null or [], never undefined. */
export const FactsSchema = z.object({
  signals: z.array(SignalSchema),
  forbidden: z.array(ForbiddenFactSchema),
  events: z.array(EventFactSchema),
  scheduling: z.array(SchedulingFactSchema),
  fitItems: z.array(FitItemFactSchema),
  pods: z.array(PodFactSchema),
  containers: z.array(ContainerFactSchema),
  nodes: z.array(NodeFactSchema),
  awsAuth: AwsAuthFactSchema.nullable(),
  callerIdentity: CallerIdentityFactSchema.nullable(),
  conditions: z.array(ConditionFactSchema),
  roles: z.array(RoleFactSchema),
  bindings: z.array(BindingFactSchema),
  accessEntries: z.array(AccessEntryFactSchema),
  cluster: ClusterFactSchema.nullable(),
  authChecks: z.array(AuthCheckFactSchema),
  authRules: z.array(AuthRuleFactSchema),
  whoami: WhoamiFactSchema.nullable(),
  /** `kubectl get nodes` in the input printed "No resources found": no node is registered. */
  nodeListEmpty: z.boolean(),
});
export type Facts = z.infer<typeof FactsSchema>;

/** Names of facts rules may reference (`fact` in conditions, `from` in evidence). */
export const FACT_NAMES = Object.keys(FactsSchema.shape) as (keyof Facts)[];
