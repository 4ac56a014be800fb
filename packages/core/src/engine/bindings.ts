// Templates: `{{subject.field}}` reads the rule's subject, `{{item.field}}` the item an evidence line cites, and
// `{{name}}` an input-wide context value (region, account, the one pod of a describe…). A context value is used only
// when the input holds exactly one distinct value for it; otherwise the placeholder becomes a `<…>` hint.
import type { Facts } from '../facts/schema.js';
import { canonicalArn, parseArn, stripRolePath } from '../aws/arn.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import {
  grammarFailure,
  isAdminName,
  isHint,
  isValid,
  valid,
  type GrammarFailure,
  type GrammarName,
} from '../remediation/grammar.js';
import { contextAt, quoteIn, type ShellContext } from '../remediation/shell.js';
import type { YamlLibrary } from '../parse/yaml.js';
import { fillYamlTemplate, yamlWriter } from '../remediation/yaml-out.js';
import { printable } from '../render/escape.js';
import { subjectText, valueAt, type FillMode, type SubjectGroup } from './subject.js';

/** Input-wide values rule text may use as `{{name}}`. */
export const BINDING_NAMES = [
  'account',
  'partition',
  'region',
  'cluster',
  'callerArn',
  'principalArn',
  'callerEntryArn',
  'nodeRoleArn',
  'nodeRoleEntryArn',
  'execCommand',
  'execExitCode',
  'deniedUser',
  'deniedVerb',
  'deniedResource',
  'deniedNamespaceFlag',
  'notReadyNodes',
  'totalNodes',
  'podName',
  'podNamespace',
  'namespaceFlag',
  'serviceAccount',
  'oidcProvider',
  'image',
  'ecrRegistry',
  'ecrRepository',
  'nodeRoleName',
  'irsaRoleName',
  'assumeRoleArn',
  'assumeRoleName',
  'assumeRoleCaller',
  'namespace',
  'node',
  'nodegroup',
  'instanceId',
  'profile',
  'container',
  'workloadRef',
  'workloadName',
  'taintKey',
  'taintValue',
  'taintEffect',
  'taintOperator',
  'nodeSelectorLabels',
  'accessEntryArn',
  'webhookNamespace',
] as const;
export type BindingName = (typeof BINDING_NAMES)[number];
export type Bindings = Record<BindingName, string>;

// Hints for values the input does not hold that are words, not names: a command keeps them in English, prose shows
// them in the report's language.
const HINTS = ['hint.callerArn', 'hint.execCommand', 'hint.exitCode'] as const;
const CALLER_ARN_HINT = t('en', 'hint.callerArn');

/** Template words of aws-auth itself, written literally in remediation (`{{EC2PrivateDNSName}}`). */
export const LITERAL_TEMPLATES = [
  'EC2PrivateDNSName',
  'SessionName',
  'SessionNameRaw',
  'AccountID',
  'AccessKeyID',
] as const;

// The endpoint's id may be redacted (`XXXX…`, `<cluster-id>`, `ABC`): the region after it is still the cluster's.
const EKS_ENDPOINT = /https:\/\/[^\s/."]{1,64}\.(?:[a-z0-9]{3}\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\.eks\.amazonaws\.com/;
const OIDC_PROVIDER = /oidc\.eks\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?\/id\/[0-9A-Za-z]+/;
// the role IRSA injects (AWS_ROLE_ARN env) or the service account annotation
const IRSA_ROLE =
  /(?:AWS_ROLE_ARN[":=\s]+|eks\.amazonaws\.com\/role-arn[":=\s]+)arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/;
const ECR_IMAGE = /(\d{12}\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?)\/([\w./-]+)/;
// `aws eks update-kubeconfig --name X --region Y`, `aws eks get-token --cluster-name X`, kubeconfig exec args
// (`- --cluster-name` then `- X` on the next line).
// eksctl names the cluster with `--cluster`, and prints `EKS cluster "X" in "R" region`. A value ends at a quote, a
// backtick (Markdown code) or a bracket.
const FLAG_VALUE =
  /(?:^|[\s"'`[,])(--(?:name|cluster-name|cluster|region|nodegroup-name|profile))(?:=|[\s"',]+)([^\s"'`,\]]+)/g;
const FLAG_ALONE = /^\s*-\s+["']?(--(?:name|cluster-name|region|profile))["']?\s*$/;
const LIST_VALUE = /^\s*-\s+["']?([^\s"']+)["']?\s*$/;
const EKSCTL_CLUSTER = /\bEKS cluster "([\w-]{1,100})" in "([a-z0-9-]{1,32})" region/;
const EKSCTL_NODEGROUP =
  /\bnodegroup "([\w-]{1,63})"|\beksctl-[\w-]{1,100}?-nodegroup-([\w-]{1,63})|\bNodegroup ([\w-]{1,63}) failed\b/;
// The account of a cluster ARN may be redacted (`***`); its region and name are still the cluster's.
const CLUSTER_ARN = /\barn:(aws[\w-]*):eks:([a-z0-9-]+):([^\s:"']{1,20}):cluster\/([\w-]+)/;
const NODEGROUP_LABEL = /\b(?:eks\.amazonaws\.com\/nodegroup|alpha\.eksctl\.io\/nodegroup-name)[=:]\s*"?([\w-]{1,63})/;
const INSTANCE_ID = /\bi-(?:[0-9a-f]{17}|[0-9a-f]{8})\b/g;
const AWS_ENV = /\b(AWS_PROFILE|AWS_REGION|AWS_DEFAULT_REGION)=["']?([\w.@+-]{1,128})/g;
const ENV_NAME = /^\s*-?\s*name:\s*["']?(AWS_PROFILE|AWS_REGION|AWS_DEFAULT_REGION)["']?\s*$/;
const ENV_VALUE = /^\s*value:\s*["']?([\w.@+-]{1,128})["']?\s*$/;
const PROFILE_NOT_FOUND = /config profile \(([^)\s]{1,128})\) could not be found/;
const CONTROLLED_BY = /^Controlled By:\s+(\w+)\/(\S+)\s*$/;
const NODEGROUP_ROLE = /"?nodeRole"?\s*[:=]\s*"?(arn:aws[\w-]*:iam::\d{12}:role\/[^\s"',]+)/;
// A node's instance session: `assumed-role/<node role>/i-0123…` in an AccessDenied.
const NODE_SESSION = /\barn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^\s/"']+)\/i-[0-9a-f]{8,17}\b/;
const ROLE_ARN = /\barn:aws[\w-]*:iam::\d{12}:role\/[^\s"',;)\]}]+/g;
const OIDC_ACCOUNT = /\barn:aws[\w-]*:iam::(\d{12}):oidc-provider\/oidc\.eks\./;

/** The mark a value that fails its grammar leaves among the distinct values. */
const INVALID = '\u0000invalid';

/** Adds a value seen for a context value to its distinct values (a value that fails the grammar as INVALID). */
function addValue(seen: Set<string>, grammar: GrammarName, v: string | null | undefined): void {
  if (v === null || v === undefined || v === '' || seen.has(v)) return;
  seen.add(grammarFailure(grammar, v) === null ? v : INVALID);
}

/**
 * The distinct values seen for one context value, in input order. A value that fails the grammar is never used and
 * counts as a distinct value: with it in the input, no other value is certain.
 */
class Distinct {
  private readonly seen: Set<string>;
  constructor(
    private readonly grammar: GrammarName,
    seen: Iterable<string> = [],
  ) {
    this.seen = new Set(seen);
  }
  add(v: string | null | undefined): void {
    addValue(this.seen, this.grammar, v);
  }
  /** The value when exactly one was seen and it is valid; otherwise null. */
  get one(): string | null {
    const [v] = this.seen;
    return this.seen.size === 1 && v !== INVALID ? (v ?? null) : null;
  }
  get size(): number {
    return this.seen.size;
  }
}

/**
 * What the raw lines say, gathered line by line as the input is read: cluster, region, node group, instance, profile,
 * namespace, owners, OIDC provider, ECR image, IRSA and node role, role ARNs (each set of values holds those that passed
 * their grammar, or the INVALID mark). Plain data.
 */
export interface LineScan {
  region: Set<string>;
  cluster: Set<string>;
  nodegroup: Set<string>;
  instance: Set<string>;
  profile: Set<string>;
  missingProfiles: Set<string>;
  owners: Set<string>;
  namespaces: Set<string>;
  oidc: Set<string>;
  /** ECR images by registry and repository: [image, registry, region, path]. */
  ecr: Map<string, [string, string, string, string]>;
  role: Set<string>;
  nodeRole: Set<string>;
  roleArns: Set<string>;
  oidcAccount: Set<string>;
  /** A flag given alone on its line (`- --region`): its value is the next line of the same input. */
  pending: string | null;
  /** A kubeconfig exec env's name (`- name: AWS_PROFILE`): its value is the next line of the same input. */
  env: string | null;
}

/** An empty scan. */
export function newLineScan(): LineScan {
  return {
    region: new Set(),
    cluster: new Set(),
    nodegroup: new Set(),
    instance: new Set(),
    profile: new Set(),
    missingProfiles: new Set(),
    owners: new Set(),
    namespaces: new Set(),
    oidc: new Set(),
    ecr: new Map(),
    role: new Set(),
    nodeRole: new Set(),
    roleArns: new Set(),
    oidcAccount: new Set(),
    pending: null,
    env: null,
  };
}

// Every test of scanLine needs one of these (kept in step with it).
const SCANNED =
  /--|AWS_|could not be found|EKS cluster "|[Nn]odegroup|i-|Controlled By:|Namespace:|kubectl|amazonaws\.com|arn:aws|name:/;

/** Reads one raw line of the input into the scan (`endScanInput` after an input's last line). */
export function scanLine(found: LineScan, t: string): void {
  if (found.pending !== null) {
    const v = LIST_VALUE.exec(t);
    if (v) flagValue(found, found.pending, v[1]);
    found.pending = null;
  }
  // a kubeconfig's exec env: `- name: AWS_PROFILE` then `value: dev`
  if (found.env !== null) flagValue(found, found.env, ENV_VALUE.exec(t)?.[1]);
  found.env = null;
  // Most lines hold none of what is looked for below: one test passes them.
  if (!SCANNED.test(t)) return;
  if (t.includes('name:')) found.env = ENV_NAME.exec(t)?.[1] ?? null;
  if (t.includes('--')) {
    const alone = FLAG_ALONE.exec(t);
    if (alone) found.pending = alone[1] ?? null;
    else if (/\b(?:aws|eksctl)\b/.test(t)) commandFlags(found, t);
  }
  if (t.includes('AWS_')) for (const m of t.matchAll(AWS_ENV)) flagValue(found, m[1], m[2]);
  if (t.includes('could not be found')) {
    const m = PROFILE_NOT_FOUND.exec(t);
    if (m?.[1]) found.missingProfiles.add(m[1]);
  }
  if (t.includes('EKS cluster "')) {
    const m = EKSCTL_CLUSTER.exec(t);
    addValue(found.cluster, 'clusterName', m?.[1]);
    addValue(found.region, 'region', m?.[2]);
  }
  if (t.includes('nodegroup') || t.includes('Nodegroup')) {
    const m = EKSCTL_NODEGROUP.exec(t) ?? (t.startsWith('Node-Selectors:') ? null : NODEGROUP_LABEL.exec(t));
    addValue(found.nodegroup, 'nodegroupName', m?.[1] ?? m?.[2] ?? m?.[3]);
  }
  if (t.includes('i-')) for (const m of t.matchAll(INSTANCE_ID)) addValue(found.instance, 'instanceId', m[0]);
  if (t.startsWith('Controlled By:')) {
    const m = CONTROLLED_BY.exec(t);
    if (m) found.owners.add(`${m[1]}/${m[2]}`);
  }
  if (t.startsWith('Namespace:')) addValue(found.namespaces, 'namespace', /^Namespace:\s+(\S+)\s*$/.exec(t)?.[1]);
  else if (t.includes('kubectl') && /\bkubectl\b.* (?:-n|--namespace)[= ]/.test(t))
    addValue(found.namespaces, 'namespace', NAMESPACE_FLAG.exec(t)?.[1]);
  // Each regex below runs only on a line holding a literal it needs.
  if (!t.includes('amazonaws.com') && !t.includes('arn:aws')) return;
  if (t.includes('.eks.amazonaws.com')) addValue(found.region, 'region', EKS_ENDPOINT.exec(t)?.[1]);
  if (t.includes('oidc.eks.')) {
    const m = OIDC_PROVIDER.exec(t);
    addValue(found.oidc, 'oidcProvider', m?.[0]);
    addValue(found.region, 'region', m?.[1]);
    addValue(found.oidcAccount, 'account', OIDC_ACCOUNT.exec(t)?.[1]);
  }
  if (t.includes('.dkr.ecr')) {
    const m = ECR_IMAGE.exec(t);
    if (m) found.ecr.set(`${m[1]}/${repository(m[3] ?? '')}`, [m[0], m[1] ?? '', m[2] ?? '', m[3] ?? '']);
  }
  if (t.includes('role-arn') || t.includes('AWS_ROLE_ARN')) addValue(found.role, 'iamName', IRSA_ROLE.exec(t)?.[1]);
  if (t.includes(':eks:')) {
    const m = CLUSTER_ARN.exec(t);
    addValue(found.cluster, 'clusterName', m?.[4]);
    addValue(found.region, 'region', m?.[2]);
  }
  if (t.includes('nodeRole')) addValue(found.nodeRole, 'roleArn', stripRolePath(NODEGROUP_ROLE.exec(t)?.[1] ?? ''));
  if (t.includes(':assumed-role/')) {
    const m = NODE_SESSION.exec(t);
    if (m) addValue(found.nodeRole, 'roleArn', `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`);
  }
  if (t.includes(':role/')) for (const m of t.matchAll(ROLE_ARN)) found.roleArns.add(m[0]);
}

/** A value given by a flag or an environment variable `name`. */
function flagValue(found: LineScan, name: string | undefined, value: string | undefined): void {
  if (name === '--region' || name === 'AWS_REGION' || name === 'AWS_DEFAULT_REGION')
    addValue(found.region, 'region', value);
  else if (name === '--profile' || name === 'AWS_PROFILE') addValue(found.profile, 'profileName', value);
  else if (name === '--nodegroup-name') addValue(found.nodegroup, 'nodegroupName', value);
  else addValue(found.cluster, 'clusterName', value);
}

/** Ends one input: a flag or an env name alone on its last line has no value. */
export function endScanInput(found: LineScan): void {
  found.pending = null;
  found.env = null;
}

/** The context values of a scan, as Distinct values (copies: computing bindings changes no scan). */
interface Scanned {
  region: Distinct;
  cluster: Distinct;
  nodegroup: Distinct;
  instance: Distinct;
  profile: Distinct;
  missingProfiles: ReadonlySet<string>;
  owners: Set<string>;
  namespaces: Distinct;
  oidc: Distinct;
  ecr: ReadonlyMap<string, readonly [string, string, string, string]>;
  role: Distinct;
  nodeRole: Distinct;
  roleArns: ReadonlySet<string>;
  oidcAccount: Distinct;
}

function scanned(s: LineScan): Scanned {
  return {
    region: new Distinct('region', s.region),
    cluster: new Distinct('clusterName', s.cluster),
    nodegroup: new Distinct('nodegroupName', s.nodegroup),
    instance: new Distinct('instanceId', s.instance),
    profile: new Distinct('profileName', s.profile),
    missingProfiles: s.missingProfiles,
    owners: new Set(s.owners),
    namespaces: new Distinct('namespace', s.namespaces),
    oidc: new Distinct('oidcProvider', s.oidc),
    ecr: s.ecr,
    role: new Distinct('iamName', s.role),
    nodeRole: new Distinct('roleArn', s.nodeRole),
    roleArns: s.roleArns,
    oidcAccount: new Distinct('account', s.oidcAccount),
  };
}

const NAMESPACE_FLAG = /\bkubectl\b.* (?:-n|--namespace)[= ]([a-z0-9][-a-z0-9]{0,62})(?:\s|$)/;

/** The flags of an `aws …` or `eksctl …` command line: a cluster name only from the commands that take one. */
function commandFlags(found: LineScan, t: string): void {
  const eks = /\b(?:update-kubeconfig|get-token|describe-cluster|describe-nodegroup|update-nodegroup-config)\b/.test(t);
  const eksctl = /\beksctl\b/.test(t);
  for (const m of t.matchAll(FLAG_VALUE)) {
    const name = m[1];
    if (name === '--name' && !/\b(?:update-kubeconfig|describe-cluster)\b/.test(t)) continue;
    if (name === '--cluster-name' && !eks) continue;
    if (name === '--cluster' && !eksctl) continue;
    flagValue(found, name, m[2]);
  }
}

function repository(path: string): string {
  return path.replace(/^v2\//, '').replace(/\/(?:manifests|blobs)\/.*$/, '');
}

/** Computes every context value from the facts and the scan of the raw lines; input values pass their grammar. */
export function computeBindings(facts: Facts, scan: LineScan): Bindings {
  const caller = facts.callerIdentity;
  const found = scanned(scan);
  // The caller's account when the caller is known; otherwise the account of the aws-auth mappings, when they agree.
  const accounts = new Distinct('account');
  const partitions = new Distinct('partition');
  for (const a of caller ? [caller.arn] : (facts.awsAuth?.entries.map((e) => e.arn) ?? [])) {
    const arn = parseArn(a);
    if (arn === null || !/^\d{12}$/.test(arn.account)) continue;
    accounts.add(arn.account);
    partitions.add(arn.partition);
  }
  const account = accounts.one ?? found.oidcAccount.one ?? '<ACCOUNT_ID>';
  const partition = partitions.one ?? 'aws';
  for (const c of [facts.cluster?.name, ...facts.accessEntries.map((e) => e.clusterName)]) found.cluster.add(c);
  const region = found.region.one ?? '<region>';
  const signals = (ids: readonly string[], group: string, grammar: GrammarName): Distinct => {
    const d = new Distinct(grammar);
    for (const s of facts.signals) if (ids.includes(s.id)) d.add(s.groups[group]);
    return d;
  };
  // The first signal kind that carries the value decides (a pull failure names the image as the pod spec has it).
  const preferred = (grammar: GrammarName, ...sources: [string, string][]): string | null =>
    sources.map(([id, group]) => signals([id], group, grammar)).find((d) => d.size > 0)?.one ?? null;
  const exec = ['exec_failed', 'exec_not_found'];
  const execCommand = signals(exec, 'cmd', 'command');
  const pods = new Distinct('text');
  const serviceAccounts = new Distinct('serviceAccountName');
  for (const p of facts.pods) {
    pods.add(JSON.stringify([p.name, p.namespace]));
    serviceAccounts.add(p.serviceAccount);
  }
  // Without a pod object, the pod the events are about (`pod/web-1` in `kubectl get events`); its namespace unknown.
  if (facts.pods.length === 0)
    for (const e of facts.events) {
      const o = objectOf(e.object);
      if (o?.kind === 'pod') pods.add(JSON.stringify([o.name, '']));
    }
  const [podName, podNamespace] = pods.one === null ? [null, null] : (JSON.parse(pods.one) as [string, string | null]);
  const podNs = valid('namespace', podNamespace);
  const ecr = found.ecr.size === 1 ? [...found.ecr.values()][0] : undefined;
  const ecrRegions = new Distinct('region');
  for (const m of found.ecr.values()) ecrRegions.add(m[2]);
  const node = nodeRole(facts, found, partition, account);
  const nodeRoleName =
    preferred('iamName', ['aws_denied_node_role', 'role'], ['image_pull_forbidden', 'role']) ??
    (node.known ? (parseArn(node.arn)?.name ?? null) : null);
  const principal = caller ? principalArns(caller.canonicalArn, found.roleArns, facts) : null;
  return {
    account,
    partition,
    region,
    cluster: found.cluster.one ?? '<cluster-name>',
    callerArn: valid('text', caller?.arn) ?? CALLER_ARN_HINT,
    principalArn: principal?.awsAuth ?? `arn:${partition}:iam::${account}:role/<role-name>`,
    callerEntryArn: principal?.entry ?? `arn:${partition}:iam::${account}:role/<role-name-with-its-path>`,
    nodeRoleArn: node.arn,
    nodeRoleEntryArn: node.entry,
    execCommand: execCommand.size === 0 ? 'aws' : (execCommand.one ?? t('en', 'hint.execCommand')),
    execExitCode: signals(exec, 'code', 'number').one ?? t('en', 'hint.exitCode'),
    ...deniedRequest(facts),
    ...nodeCounts(facts),
    podName: valid('dnsSubdomain', podName) ?? '<pod>',
    podNamespace: podNs ?? '<namespace>',
    namespaceFlag: podNs ? `-n ${podNs}` : podNamespace !== null ? '-n <namespace>' : '',
    serviceAccount: serviceAccounts.one ?? '<service-account>',
    oidcProvider: found.oidc.one ?? `oidc.eks.${ecrRegions.one ?? region}.amazonaws.com/id/<OIDC_ID>`,
    image: preferred('image', ['image_pull_failed', 'image'], ['image_not_found', 'image']) ?? '<image>',
    ecrRegistry: valid('ecrRegistry', ecr?.[1]) ?? `<account>.dkr.ecr.${region}.amazonaws.com`,
    ecrRepository: valid('ecrRepository', ecr ? repository(ecr[3] ?? '') : null) ?? '<repository>',
    nodeRoleName: nodeRoleName ?? '<node-instance-role>',
    irsaRoleName: found.role.one ?? '<role-name>',
    ...assumeRoleBindings(
      facts,
      signals(['aws_assume_role_denied'], 'role', 'roleArn'),
      signals(['aws_assume_role_denied'], 'caller', 'text'),
    ),
    ...objectBindings(facts, found),
    webhookNamespace: webhookNamespace(facts) ?? '<webhook-namespace>',
  };
}

// The Service an API server calls for an in-cluster webhook: `https://<service>.<namespace>.svc[:port]/…`.
const WEBHOOK_SERVICE = /https:\/\/[a-z0-9](?:[-a-z0-9]{0,62})\.([a-z0-9](?:[-a-z0-9]{0,62}))\.svc\b/;

/** The namespace of the webhook Service the failed calls went to, when they agree. */
function webhookNamespace(facts: Facts): string | null {
  const ns = new Distinct('namespace');
  for (const s of facts.signals)
    if (s.id === 'admission_webhook_call_failed') ns.add(WEBHOOK_SERVICE.exec(s.groups['cause'] ?? '')?.[1]);
  return ns.one;
}

// A ReplicaSet a Deployment made is named `<deployment>-<pod-template-hash>` (hash in Kubernetes' safe alphabet).
const TEMPLATE_HASH = /^(.+)-[bcdfghjklmnpqrstvwxz2456789]{5,10}$/;
const WORKLOAD_KINDS: Record<string, string> = {
  Deployment: 'deployment',
  StatefulSet: 'statefulset',
  DaemonSet: 'daemonset',
  ReplicaSet: 'replicaset',
  Job: 'job',
  CronJob: 'cronjob',
};
// Container states that say this container is the one failing.
const FAILING =
  /OOMKilled|Error|CrashLoopBackOff|ErrImagePull|ImagePullBackOff|InvalidImageName|CreateContainer(?:Config)?Error|RunContainerError|ContainerCannotRun/;
// Taints the node lifecycle controller sets: a rule about a pod's tolerations is not about them.
const CONDITION_TAINT =
  /^node\.kubernetes\.io\/(?:not-ready|unreachable|disk-pressure|memory-pressure|pid-pressure|network-unavailable|unschedulable)\b/;
// `{key: value}` in a fit error (`had untolerated taint {dedicated: gpu}`), `key=value:Effect` / `key:Effect` on a node.
const FIT_TAINT = /taint \{([^:{}\s]{1,317}):\s?([^{}\s]{0,63})\}/;
const NODE_TAINT = /^([^=:\s]{1,317})(?:=([^:\s]{0,63}))?:(NoSchedule|PreferNoSchedule|NoExecute)$/;

/** What the pasted objects say: the namespace, node, node group, instance, workload, container, taint, node selector. */
function objectBindings(
  facts: Facts,
  found: Scanned,
): Pick<
  Bindings,
  | 'namespace'
  | 'node'
  | 'nodegroup'
  | 'instanceId'
  | 'profile'
  | 'container'
  | 'workloadRef'
  | 'workloadName'
  | 'taintKey'
  | 'taintValue'
  | 'taintEffect'
  | 'taintOperator'
  | 'nodeSelectorLabels'
  | 'accessEntryArn'
> {
  const namespaces = found.namespaces;
  const nodes = new Distinct('dnsSubdomain');
  const owners = new Distinct('workloadRef');
  const selectors = new Distinct('text');
  for (const p of facts.pods) {
    namespaces.add(p.namespace);
    nodes.add(p.node);
    if (p.controlledBy !== null) found.owners.add(p.controlledBy);
    if (p.nodeSelector !== null && p.nodeSelector.length > 0) selectors.add(JSON.stringify(p.nodeSelector));
  }
  for (const n of facts.nodes) nodes.add(n.name);
  for (const e of facts.events) {
    const o = objectOf(e.object);
    if (o?.kind === 'node') nodes.add(o.name);
    else if (o && o.kind in WORKLOAD_OF_EVENT) found.owners.add(`${WORKLOAD_OF_EVENT[o.kind] ?? ''}/${o.name}`);
    if (e.reason === 'Scheduled') nodes.add(ASSIGNED.exec(e.message)?.[1]);
  }
  for (const o of found.owners) owners.add(workloadOf(o));
  const failing = facts.containers.filter((c) => FAILING.test(`${c.stateReason ?? ''} ${c.lastReason ?? ''}`));
  const containers = new Distinct('dnsLabel');
  for (const c of failing.length > 0 ? failing : facts.containers.filter((x) => !x.init)) containers.add(c.name);
  const profiles = new Distinct('profileName');
  // A profile the AWS CLI could not find is not one to give it again.
  if (found.profile.one !== null && !found.missingProfiles.has(found.profile.one)) profiles.add(found.profile.one);
  const taint = taintOf(facts);
  const labels = selectors.one === null ? null : (JSON.parse(selectors.one) as string[]);
  const entries = new Distinct('principalArn');
  for (const e of facts.accessEntries) entries.add(e.principalArn);
  const workload = owners.one;
  return {
    namespace: namespaces.one ?? '<namespace>',
    node: nodes.one ?? '<node>',
    nodegroup: found.nodegroup.one ?? '<nodegroup>',
    instanceId: found.instance.one ?? '<instance-id>',
    profile: profiles.one ?? '<profile>',
    container: containers.one ?? '<container>',
    workloadRef: workload ?? '<kind>/<name>',
    workloadName: workload?.slice(workload.indexOf('/') + 1) ?? '<name>',
    taintKey: taint?.key ?? '<taint-key>',
    taintValue: taint?.value ?? '<taint-value>',
    taintEffect: taint?.effect ?? '',
    taintOperator: taint?.value === '' ? 'Exists' : 'Equal',
    nodeSelectorLabels:
      labels !== null && labels.every((l) => isValid('labelPair', l)) ? labels.join(' ') : '<key=value>',
    accessEntryArn: entries.one ?? '<principal-arn>',
  };
}

// `Successfully assigned team-a/web-1 to ip-10-0-1-2.ec2.internal`
const ASSIGNED = /\bassigned \S{1,320} to ([a-z0-9][-a-z0-9.]{0,252})\s*$/;
// The controllers an event may be about, by the kind word `kubectl get events` prints in lower case.
const WORKLOAD_OF_EVENT: Record<string, string> = {
  replicaset: 'ReplicaSet',
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  job: 'Job',
  cronjob: 'CronJob',
};

/** An event's object `Kind/name` (any case) as a lower-case kind and a name; null for a bare name. */
function objectOf(object: string | null): { kind: string; name: string } | null {
  const m = /^([A-Za-z]{1,40})\/([^\s/]{1,253})$/.exec(object ?? '');
  return m?.[1] && m[2] ? { kind: m[1].toLowerCase(), name: m[2] } : null;
}

/** `ReplicaSet/web-7c9f8d6b5` → `deployment/web`; `Job/x` → `job/x`; a kind no command restarts → ''. */
function workloadOf(owner: string): string {
  const slash = owner.indexOf('/');
  const kind = owner.slice(0, slash);
  const name = owner.slice(slash + 1);
  const hash = kind === 'ReplicaSet' ? TEMPLATE_HASH.exec(name) : null;
  if (hash?.[1]) return `deployment/${hash[1]}`;
  const k = WORKLOAD_KINDS[kind];
  return k ? `${k}/${name}` : '';
}

/**
 * The one taint the pods did not tolerate: from the fit errors (`{key: value}`), with the effect from a node that
 * carries it; else the one taint of the pasted nodes besides the node controller's own.
 */
function taintOf(facts: Facts): { key: string; value: string; effect: string } | null {
  const fromFit = new Distinct('text');
  for (const f of facts.fitItems) {
    const m = FIT_TAINT.exec(f.reason);
    if (m?.[1] && !CONDITION_TAINT.test(m[1])) fromFit.add(JSON.stringify([m[1], m[2] ?? '']));
  }
  const onNodes = new Distinct('text');
  for (const n of facts.nodes)
    for (const t of n.taints) {
      const m = NODE_TAINT.exec(t.trim());
      if (m?.[1] && !CONDITION_TAINT.test(m[1])) onNodes.add(JSON.stringify([m[1], m[2] ?? '', m[3] ?? '']));
    }
  const [fitKey, fitValue] = fromFit.one === null ? [] : (JSON.parse(fromFit.one) as [string, string]);
  if (fromFit.size > 1 || (fromFit.size === 0 && onNodes.one === null)) return null;
  if (fitKey === undefined) {
    const [key = '', value = '', effect = ''] = JSON.parse(onNodes.one ?? '[]') as string[];
    return checkedTaint(key, value, effect);
  }
  // the effect of the same key and value on the nodes, when they agree on one
  const effects = new Distinct('taintEffect');
  for (const n of facts.nodes)
    for (const t of n.taints) {
      const m = NODE_TAINT.exec(t.trim());
      if (m?.[1] === fitKey && (m[2] ?? '') === fitValue) effects.add(m[3]);
    }
  return checkedTaint(fitKey, fitValue ?? '', effects.one ?? '');
}

function checkedTaint(
  key: string,
  value: string,
  effect: string,
): { key: string; value: string; effect: string } | null {
  return isValid('labelKey', key) && isValid('labelValue', value) && isValid('taintEffect', effect)
    ? { key, value, effect }
    : null;
}

/**
 * The node role: from a node group's `nodeRole` or a node's instance session in an AccessDenied; else from an aws-auth
 * node entry that needs correcting (written with a path or without the node groups). aws-auth takes it without its
 * path, access entries with it (the path is read from a full role ARN in the input, else asked from IAM).
 */
function nodeRole(
  facts: Facts,
  found: Scanned,
  partition: string,
  account: string,
): { arn: string; entry: string; known: boolean } {
  let arn = found.nodeRole.size > 0 ? found.nodeRole.one : null;
  if (found.nodeRole.size === 0) {
    const broken = new Distinct('roleArn');
    for (const e of facts.awsAuth?.entries ?? []) {
      const info = parseArn(e.arn);
      if (e.kind !== 'role' || info?.type !== 'role' || !e.groups.includes('system:nodes')) continue;
      if (info.path !== '/' || !e.groups.includes('system:bootstrappers')) broken.add(stripRolePath(e.arn));
    }
    arn = broken.one;
  }
  if (arn === null) {
    const hint = `arn:${partition}:iam::${account}:role/<node-instance-role>`;
    return { arn: hint, entry: hint, known: false };
  }
  return { arn, entry: entryArn(arn, found.roleArns), known: true };
}

/** The caller as aws-auth maps it (a role without its path) and as an access entry names it (with its path). */
function principalArns(
  canonical: string,
  roleArns: ReadonlySet<string>,
  facts: Facts,
): { awsAuth: string; entry: string } | null {
  // Prose shows a redacted ARN as pasted; a command takes it only if it passes the ARN grammar (fillCommand).
  if (!isValid('text', canonical)) return null;
  const info = parseArn(canonical);
  if (info?.type !== 'role') return { awsAuth: canonical, entry: canonical };
  const known = new Set([...roleArns, ...facts.accessEntries.map((e) => e.principalArn)]);
  return { awsAuth: stripRolePath(canonical), entry: entryArn(stripRolePath(canonical), known) };
}

/**
 * The full ARN of a role for an access entry: the one role ARN in the input with this account and name (its path
 * included); else, when its path cannot be known, IAM is asked for it in the command itself.
 */
function entryArn(pathless: string, roleArns: Iterable<string>): string {
  const want = parseArn(pathless);
  if (want === null) return pathless;
  const full = new Distinct('roleArn');
  for (const a of roleArns) {
    const info = parseArn(a);
    if (info?.type === 'role' && info.account === want.account && info.name === want.name) full.add(a);
  }
  return full.one ?? `"$(aws iam get-role --role-name ${want.name} --query Role.Arn --output text)"`;
}

/** The denied request of a rule whose subject is not the denial itself (a missing role named by it). */
function deniedRequest(
  facts: Facts,
): Pick<Bindings, 'deniedUser' | 'deniedVerb' | 'deniedResource' | 'deniedNamespaceFlag'> {
  const user = new Distinct('userName');
  const verb = new Distinct('verb');
  const resource = new Distinct('rbacTarget');
  const scope = new Distinct('text');
  for (const f of facts.forbidden) {
    user.add(f.username);
    verb.add(f.verb);
    resource.add([f.resource ?? f.path ?? '', f.subresource].filter(Boolean).join('/'));
    scope.add(JSON.stringify(f.namespace));
  }
  const ns = scope.one === null ? undefined : (JSON.parse(scope.one) as string | null);
  return {
    deniedUser: user.one ?? '<user>',
    deniedVerb: verb.one ?? '<verb>',
    deniedResource: resource.one ?? '<resource>',
    deniedNamespaceFlag: scope.size > 1 || (ns && !isValid('namespace', ns)) ? '-n <namespace>' : ns ? `-n ${ns}` : '',
  };
}

/** The scheduler's node counts when its messages agree; without a scheduler message, the nodes in the input. */
function nodeCounts(facts: Facts): Pick<Bindings, 'notReadyNodes' | 'totalNodes'> {
  const counts = new Distinct('text');
  for (const s of facts.scheduling) if (s.total > 0) counts.add(`${s.notReadyNodes}/${s.total}`);
  if (counts.size === 0) {
    const notReady = facts.nodes.filter((n) => n.ready === 'False' || n.ready === 'Unknown').length;
    return { notReadyNodes: String(notReady), totalNodes: String(facts.nodes.length) };
  }
  const [notReady, total] = counts.one?.split('/') ?? ['<n>', '<n>'];
  return { notReadyNodes: notReady ?? '<n>', totalNodes: total ?? '<n>' };
}

/** A denied sts:AssumeRole: the target role and the caller, canonical (assumed-role → role). */
function assumeRoleBindings(
  facts: Facts,
  roles: Distinct,
  callers: Distinct,
): Pick<Bindings, 'assumeRoleArn' | 'assumeRoleName' | 'assumeRoleCaller'> {
  const role = roles.one;
  const caller = callers.size > 0 ? callers.one : (facts.callerIdentity?.arn ?? null);
  return {
    assumeRoleArn: role ?? '<role-arn>',
    assumeRoleName: (role ? parseArn(role)?.name : null) || '<role-name>',
    assumeRoleCaller: valid('principalArn', caller ? canonicalArn(caller) : null) ?? CALLER_ARN_HINT,
  };
}

/** What a template can read: the context values, the rule's subject, and (in an evidence line) the cited item. */
export interface Scope {
  /** The language of prose; commands and manifests are filled the same in every language. Default en. */
  lang?: Lang;
  bindings: Bindings;
  subject: SubjectGroup | null;
  /** The cited item, as a subject of one item of its family. */
  item?: SubjectGroup;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** Fills `{{…}}` placeholders in prose; aws-auth's own template words are left as written. */
export function fill(template: string, scope: Scope, mode: FillMode = 'text'): string {
  const lang = mode === 'text' ? (scope.lang ?? 'en') : 'en';
  let text = '';
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const v = valueOf(m[1] ?? '', scope, mode, lang);
    text += template.slice(at, m.index);
    at = m.index + m[0].length;
    if (v === null) text += m[0];
    else if (v === '') text = withoutGap(text, template, at);
    // Prose shows a value's control characters escaped: a paste cannot add lines or hide text in a report.
    else text += mode === 'text' ? printable(v) : v;
  }
  return text + template.slice(at);
}

/** An empty value takes the blank before it along when a blank or the end of the line follows: no double spaces. */
function withoutGap(text: string, template: string, after: number): string {
  const next = template[after];
  return text.endsWith(' ') && (next === undefined || next === ' ' || next === '\n') ? text.slice(0, -1) : text;
}

/** A placeholder's value; prose (`lang` other than en) shows the tool's own word hints in that language. */
function valueOf(name: string, scope: Scope, mode: FillMode, lang: Lang = 'en'): string | null {
  if (name.startsWith('subject.'))
    return scope.subject ? subjectText(scope.subject, name.slice(8), mode, lang) : `<${name.slice(8)}>`;
  if (name.startsWith('item.') && scope.item) return subjectText(scope.item, name.slice(5), mode, lang);
  const value = (scope.bindings as Record<string, string | undefined>)[name];
  if (value === undefined) return null;
  return lang === 'en' ? value : localHint(value, lang);
}

/** A context value that is one of the English hints, in `lang`; any other value as it is. */
function localHint(value: string, lang: Lang): string {
  const key = HINTS.find((k) => t('en', k) === value);
  return key === undefined ? value : t(lang, key);
}

/** The grammar of each placeholder's value (the last segment of a subject or item path). */
const PLACEHOLDER_GRAMMAR: Record<string, GrammarName> = {
  account: 'account',
  partition: 'partition',
  region: 'region',
  cluster: 'clusterName',
  callerArn: 'text',
  principalArn: 'principalArn',
  callerEntryArn: 'principalArn',
  nodeRoleArn: 'roleArn',
  nodeRoleEntryArn: 'roleArn',
  execCommand: 'command',
  execExitCode: 'number',
  deniedUser: 'userName',
  deniedVerb: 'verb',
  deniedResource: 'rbacTarget',
  notReadyNodes: 'number',
  totalNodes: 'number',
  podName: 'dnsSubdomain',
  podNamespace: 'namespace',
  serviceAccount: 'serviceAccountName',
  oidcProvider: 'oidcProvider',
  image: 'image',
  ecrRegistry: 'ecrRegistry',
  ecrRepository: 'ecrRepository',
  nodeRoleName: 'iamName',
  irsaRoleName: 'iamName',
  assumeRoleArn: 'roleArn',
  assumeRoleName: 'iamName',
  assumeRoleCaller: 'principalArn',
  node: 'dnsSubdomain',
  nodegroup: 'nodegroupName',
  instanceId: 'instanceId',
  profile: 'profileName',
  container: 'dnsLabel',
  workloadRef: 'workloadRef',
  workloadName: 'dnsSubdomain',
  taintKey: 'labelKey',
  taintValue: 'labelValue',
  taintEffect: 'taintEffect',
  taintOperator: 'text',
  nodeSelectorLabels: 'labelPair',
  accessEntryArn: 'principalArn',
  webhookNamespace: 'namespace',
  // subject and item fields
  username: 'userName',
  subjectName: 'userName',
  subjectNamespace: 'namespace',
  namespace: 'namespace',
  verb: 'verb',
  resource: 'resource',
  subresource: 'resource',
  apiGroup: 'apiGroup',
  path: 'nonResourceURL',
  objectName: 'objectName',
  target: 'rbacTarget',
  resourceArg: 'resourceArg',
  roleKind: 'dnsLabel',
  bindingKind: 'dnsLabel',
  cmd: 'command',
  name: 'dnsSubdomain',
  action: 'iamAction',
  role: 'iamName',
  level: 'psaLevel',
  code: 'number',
  saName: 'serviceAccountName',
  saNamespace: 'namespace',
  quota: 'dnsSubdomain',
};

// Context values that are a list of words (`kubectl label node n a=b c=d`): each word passes the grammar and is quoted.
const WORD_LISTS = new Set(['nodeSelectorLabels']);
// Grammars whose empty value is a value (a toleration of every effect): nothing is written for it in a command.
const EMPTY_ALLOWED_IN_COMMANDS = new Set<GrammarName>(['taintEffect', 'labelValue']);

/** A placeholder whose value failed its grammar. */
export interface Rejected {
  /** The placeholder, e.g. `subject.username`. */
  name: string;
  grammar: GrammarName;
  failure: GrammarFailure;
}

/** A filled command, or the first placeholder whose value could not be used. */
export type FilledCommand = { text: string; rejected: null } | { text: null; rejected: Rejected };

/** The grammar a placeholder's value must meet. */
export function grammarOf(name: string): GrammarName {
  return PLACEHOLDER_GRAMMAR[name.slice(name.lastIndexOf('.') + 1)] ?? 'text';
}

/**
 * Fills a shell command template: every value must pass its placeholder's grammar and is quoted for the context it
 * lands in (a plain word, inside '…' or "…", a here-document), so a shell reads exactly the value as one word.
 * `…namespaceFlag` placeholders expand to `-n <namespace>` (or nothing). A value that fails rejects the command; so
 * does, in a `mutating` command, a value naming cluster-admin or system:masters.
 */
export function fillCommand(template: string, scope: Scope, mutating = false): FilledCommand {
  const matches = [...template.matchAll(PLACEHOLDER)];
  const contexts = contextAt(
    template,
    matches.map((m) => m.index),
  );
  let text = '';
  let at = 0;
  for (const [i, m] of matches.entries()) {
    const name = m[1] ?? '';
    text += template.slice(at, m.index);
    at = m.index + m[0].length;
    const raw = valueOf(name, scope, 'command');
    if (raw === null) {
      text += m[0];
      continue;
    }
    if (ownHint(name, raw, scope)) {
      text += raw;
      continue;
    }
    if (raw === '' && EMPTY_ALLOWED_IN_COMMANDS.has(grammarOf(name))) {
      text = withoutGap(text, template, at);
      continue;
    }
    if (WORD_LISTS.has(name)) {
      const words = raw.split(' ').map((w) => {
        const failure = grammarFailure(grammarOf(name), w);
        return failure === null ? quoteIn(contexts[i] ?? 'plain', w) : null;
      });
      if (words.some((w) => w === null)) return reject(name, grammarOf(name), 'form');
      text += words.join(' ');
      continue;
    }
    const flag = name.endsWith('amespaceFlag') ? /^(-n )(.*)$/s.exec(raw) : null;
    const value = flag ? (flag[2] ?? '') : raw;
    if (name.endsWith('amespaceFlag') && !flag && raw !== '') return reject(name, 'namespace', 'form');
    const grammar = flag ? 'namespace' : grammarOf(name);
    // A value that begins a word must not begin with `-`: the program would read it as one of its options.
    if (!flag && value.startsWith('-') && startsWord(template, m.index)) return reject(name, grammar, 'option');
    let out: string | null;
    if (flag === null && raw === '' && name.endsWith('amespaceFlag')) {
      text = withoutGap(text, template, at);
      continue;
    }
    if (ownHint(name, value, scope)) out = value;
    else if (COMPOSED.has(name) && grammarFailure(grammar, value) !== null) {
      out = composed(value, contexts[i] ?? 'plain');
      if (out === null) return reject(name, grammar, 'form');
    } else {
      const failure = fixFailure(grammar, value, mutating);
      if (failure !== null) return reject(name, grammar, failure);
      out = quoteIn(contexts[i] ?? 'plain', value);
      if (out === null) return reject(name, grammar, 'form');
    }
    text += flag ? `${flag[1] ?? ''}${out}` : out;
  }
  return { text: text + template.slice(at), rejected: null };
}

/**
 * Why a value cannot go into a fix: its grammar's failure; a `*` in a value of no specific grammar (`text`: a custom
 * signature's named group, which a rule's template may put in a Role's verbs, where `*` means all); and where the fix
 * grants (`grants`), a value naming cluster-admin or system:masters. Prose shows such values as they are.
 */
function fixFailure(grammar: GrammarName, value: string, grants: boolean): GrammarFailure | null {
  const failure = grammarFailure(grammar, value);
  if (failure !== null) return failure;
  if (grammar === 'text' && value.includes('*')) return 'wildcard';
  return grants && isAdminName(value) ? 'privileged' : null;
}

/** Whether a placeholder at `at` begins a shell word (after a blank, or after a quote that does). */
function startsWord(template: string, at: number): boolean {
  const blank = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
  const before = template[at - 1];
  return blank(before) || ((before === "'" || before === '"') && blank(template[at - 2]));
}

/** Fills a YAML template (a manifest or patch): values pass their grammar and are written by the YAML library. */
export function fillManifest(yaml: YamlLibrary | null, template: string, scope: Scope): FilledCommand {
  const values = new Map<string, string>();
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    const v = valueOf(name, scope, 'command');
    // The tool's own hints stay (the manifest says to replace them); a paste value that only looks like one is checked.
    if (v === null || ownHint(name, v, scope)) continue;
    const grammar = grammarOf(name);
    const failure = fixFailure(grammar, v, true);
    if (failure !== null) return reject(name, grammar, failure);
    values.set(name, v);
  }
  const text = fillYamlTemplate(yamlWriter(yaml), template, PLACEHOLDER, (name) => {
    const v = valueOf(name, scope, 'command');
    if (v === null) return null;
    const hint = `<${name.slice(name.lastIndexOf('.') + 1)}>`;
    return { value: values.get(name) ?? v, hint };
  });
  return { text, rejected: null };
}

/**
 * Context values that computeBindings composes from checked parts and `<hints>` when part of the value is unknown, or
 * that ask IAM for a role's full ARN (`"$(aws iam get-role …)"`): written as composed.
 */
const COMPOSED = new Set([
  'workloadRef',
  'principalArn',
  'callerEntryArn',
  'nodeRoleArn',
  'nodeRoleEntryArn',
  'oidcProvider',
  'ecrRegistry',
]);

function composed(value: string, ctx: ShellContext): string | null {
  if (/^"\$\(aws iam get-role --role-name [\w+=,.@-]+ --query Role\.Arn --output text\)"$/.test(value))
    return ctx === 'plain' ? value : null;
  return /^[\w@%+=:,./-]*(?:<[\w-]+>[\w@%+=:,./-]*)+$/.test(value) ? value : null;
}

/**
 * Whether `value` is one of the tool's own `<hints>` (an unknown context value, or a subject field whose items differ),
 * not an input value that looks like one: those pass their grammar like any other.
 */
function ownHint(name: string, value: string, scope: Scope): boolean {
  if (!isHint(value)) return false;
  const group = name.startsWith('subject.') ? scope.subject : name.startsWith('item.') ? scope.item : undefined;
  if (group === undefined) return true;
  if (group === null) return true;
  const path = name.slice(name.indexOf('.') + 1);
  return (
    value === `<${path.slice(path.lastIndexOf('.') + 1)}>` &&
    !group.items.some((it) => valueAt(it, path, group.family) === value)
  );
}

function reject(name: string, grammar: GrammarName, failure: GrammarFailure): FilledCommand {
  return { text: null, rejected: { name, grammar, failure } };
}

/** Placeholder names used in a template (for the rule checks). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}
