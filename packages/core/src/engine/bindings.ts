import type { Facts } from '../facts/schema.js';
import { canonicalArn, parseArn } from '../aws/arn.js';

/** Placeholders rule text may use as `{{name}}`. A placeholder with no value in the input keeps a `<…>` hint. */
export const BINDING_NAMES = [
  'account',
  'partition',
  'region',
  'cluster',
  'callerArn',
  'principalArn',
  'nodeRoleArn',
  'execCommand',
  'execExitCode',
  'profile',
  'forbiddenUser',
  'forbiddenVerb',
  'forbiddenResource',
  'forbiddenNamespace',
  'forbiddenScope',
  'forbiddenNamespaceFlag',
  'forbiddenResourceArg',
  'forbiddenRoleKind',
  'forbiddenBindingKind',
  'forbiddenSubjectNamespace',
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
  'awsAction',
  'secretName',
  'irsaRoleName',
  'assumeRoleArn',
  'assumeRoleName',
  'assumeRoleCaller',
] as const;
export type BindingName = (typeof BINDING_NAMES)[number];
export type Bindings = Record<BindingName, string>;

/** Template words of aws-auth itself, written literally in remediation (`{{EC2PrivateDNSName}}`). */
export const LITERAL_TEMPLATES = [
  'EC2PrivateDNSName',
  'SessionName',
  'SessionNameRaw',
  'AccountID',
  'AccessKeyID',
] as const;

const EKS_ENDPOINT = /https:\/\/[0-9A-Fa-f]{32}\.(?:[a-z0-9]{3}\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\.eks\.amazonaws\.com/;

/** Computes every binding from the facts and the raw lines. */
export function computeBindings(facts: Facts, lineTexts: Iterable<string>): Bindings {
  const caller = facts.callerIdentity;
  const arns = [caller?.arn, ...(facts.awsAuth?.entries.map((e) => e.arn) ?? [])].filter(
    (a): a is string => typeof a === 'string',
  );
  const firstArn = arns.map((a) => parseArn(a)).find((a) => a !== null && /^\d{12}$/.test(a.account)) ?? null;
  const account = caller?.account || firstArn?.account || '<ACCOUNT_ID>';
  const partition = firstArn?.partition ?? 'aws';
  const found = scanLines(lineTexts);
  const region = found.region ?? '<region>';
  const exec = facts.signals.find((s) => s.id === 'exec_failed' || s.id === 'exec_not_found');
  const profile = facts.signals.find((s) => s.id === 'aws_profile_not_found')?.groups['profile'];
  const f = facts.forbidden[0];
  const sched = facts.scheduling.find((s) => s.total > 0);
  const pod = facts.pods[0];
  const ns = pod?.namespace ?? f?.namespace ?? null;
  return {
    account,
    partition,
    region,
    cluster: '<cluster-name>',
    callerArn: caller?.arn ?? '<your IAM ARN: the Arn printed by aws sts get-caller-identity>',
    principalArn: caller?.canonicalArn ?? `arn:${partition}:iam::${account}:role/<role-name>`,
    nodeRoleArn: `arn:${partition}:iam::${account}:role/<node-instance-role>`,
    execCommand: exec?.groups['cmd'] ?? 'aws',
    execExitCode: exec?.groups['code'] ?? '<exit code>',
    profile: profile ?? '<profile>',
    forbiddenUser: f?.username ?? '<user>',
    forbiddenVerb: f?.verb ?? '<verb>',
    forbiddenResource: f ? [f.resource ?? f.path ?? '', f.subresource].filter(Boolean).join('/') : '<resource>',
    forbiddenNamespace: f?.namespace ?? '<namespace>',
    forbiddenScope: f ? (f.namespace !== null ? `in the namespace "${f.namespace}"` : 'at the cluster scope') : '',
    forbiddenNamespaceFlag: f?.namespace ? `-n ${f.namespace}` : '',
    // kubectl create role --resource=<resource>[.<group>][/<subresource>]
    forbiddenResourceArg: f?.resource
      ? `${f.resource}${f.apiGroup ? `.${f.apiGroup}` : ''}${f.subresource ? `/${f.subresource}` : ''}`
      : '<resource>',
    forbiddenRoleKind: f && f.namespace === null ? 'clusterrole' : 'role',
    forbiddenBindingKind: f && f.namespace === null ? 'clusterrolebinding' : 'rolebinding',
    forbiddenSubjectNamespace: f?.subjectNamespace ?? f?.namespace ?? '<namespace>',
    notReadyNodes: sched ? String(sched.notReadyNodes) : String(facts.derived.nodesReportedNotReady),
    totalNodes: sched ? String(sched.total) : String(facts.nodes.length),
    podName: pod?.name ?? '<pod>',
    podNamespace: ns ?? '<namespace>',
    namespaceFlag: ns ? `-n ${ns}` : '',
    ...podIdentityBindings(facts, found, region),
    ...assumeRoleBindings(facts),
  };
}

const OIDC_PROVIDER = /oidc\.eks\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?\/id\/[0-9A-Za-z]+/;
// the role IRSA injects (AWS_ROLE_ARN env) or the service account annotation
const IRSA_ROLE =
  /(?:AWS_ROLE_ARN[":=\s]+|eks\.amazonaws\.com\/role-arn[":=\s]+)arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/;
const ECR_IMAGE = /(\d{12}\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?)\/([\w./-]+)/;

/** Bindings for pod identity, image pulls and containers (service account, OIDC provider, ECR repository, node role). */
/** What the bindings take from the raw lines: the first match of each pattern. */
interface LineFinds {
  region: string | undefined;
  oidc: string | undefined;
  ecr: RegExpExecArray | null;
  role: string | undefined;
}

/**
 * One pass over the lines for every pattern (there were two, the endpoint regex run on every line): each regex runs
 * only on a line holding a literal it needs. A 10 MB event list has 240k lines and none of these.
 */
function scanLines(lineTexts: Iterable<string>): LineFinds {
  let region: string | undefined;
  let oidc: string | undefined;
  let ecr: RegExpExecArray | null = null;
  let role: string | undefined;
  for (const t of lineTexts) {
    if (region === undefined && t.includes('.eks.amazonaws.com')) region = EKS_ENDPOINT.exec(t)?.[1];
    if (oidc === undefined && t.includes('oidc.eks.')) oidc = OIDC_PROVIDER.exec(t)?.[0];
    if (ecr === null && t.includes('.dkr.ecr')) ecr = ECR_IMAGE.exec(t);
    if (role === undefined && (t.includes('role-arn') || t.includes('AWS_ROLE_ARN'))) role = IRSA_ROLE.exec(t)?.[1];
    if (region !== undefined && oidc !== undefined && ecr !== null && role !== undefined) break;
  }
  return { region, oidc, ecr, role };
}

function podIdentityBindings(
  facts: Facts,
  found: LineFinds,
  region: string,
): Pick<
  Bindings,
  | 'serviceAccount'
  | 'oidcProvider'
  | 'image'
  | 'ecrRegistry'
  | 'ecrRepository'
  | 'nodeRoleName'
  | 'awsAction'
  | 'secretName'
  | 'irsaRoleName'
> {
  const sig = (id: string, group: string): string | undefined =>
    facts.signals.find((s) => s.id === id && s.groups[group] !== undefined)?.groups[group];
  const { oidc, ecr, role } = found;
  const denied = facts.signals.find((s) => s.id === 'aws_denied_node_role');
  const ecrDenied = facts.signals.find((s) => s.id === 'image_pull_forbidden' && s.groups['role'] !== undefined);
  const image = sig('image_pull_failed', 'image') ?? sig('image_not_found', 'image');
  return {
    serviceAccount: facts.pods.find((p) => p.serviceAccount !== null)?.serviceAccount ?? '<service-account>',
    oidcProvider: oidc ?? `oidc.eks.${ecr?.[2] ?? region}.amazonaws.com/id/<OIDC_ID>`,
    image: image ?? '<image>',
    ecrRegistry: ecr?.[1] ?? `<account>.dkr.ecr.${region}.amazonaws.com`,
    ecrRepository: ecr?.[3]?.replace(/^v2\//, '').replace(/\/(?:manifests|blobs)\/.*$/, '') ?? '<repository>',
    nodeRoleName: (denied ?? ecrDenied)?.groups['role'] ?? '<node-instance-role>',
    awsAction: denied?.groups['action'] ?? '<service>:<Action>',
    secretName: sig('secret_not_found', 'name') ?? '<secret>',
    irsaRoleName: role ?? '<role-name>',
  };
}

/** Bindings for a denied sts:AssumeRole (signatures-eks.md §1.7): the target role and the caller, canonical (assumed-role → role). */
function assumeRoleBindings(facts: Facts): Pick<Bindings, 'assumeRoleArn' | 'assumeRoleName' | 'assumeRoleCaller'> {
  const s = facts.signals.find((x) => x.id === 'aws_assume_role_denied' && x.groups['role'] !== undefined);
  const role = s?.groups['role'];
  const caller = s?.groups['caller'] ?? facts.callerIdentity?.arn;
  return {
    assumeRoleArn: role ?? '<role-arn>',
    assumeRoleName:
      (role ? (parseArn(role)?.name ?? role.slice(role.lastIndexOf('/') + 1)) : undefined) || '<role-name>',
    assumeRoleCaller: caller ? canonicalArn(caller) : '<your IAM ARN: the Arn printed by aws sts get-caller-identity>',
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** Fills `{{name}}` placeholders; aws-auth's own template words are left as written. */
export function fill(template: string, bindings: Bindings, item?: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('item.') && item) {
      // `item.groups.cause` walks into a signal's named captures.
      let v: unknown = item;
      for (const k of name.slice(5).split('.'))
        v = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
      return v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
    }
    return (bindings as Record<string, string>)[name] ?? whole;
  });
}

/** Placeholder names used in a template (for the rule meta-tests). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}
