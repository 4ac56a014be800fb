// Templates: `{{subject.field}}` reads the rule's subject, `{{item.field}}` the item an evidence line cites, and
// `{{name}}` an input-wide context value (region, account, the one pod of a describe…). A context value is used only
// when the input holds exactly one distinct value for it; otherwise the placeholder becomes a `<…>` hint.
import type { Facts } from '../facts/schema.js';
import { canonicalArn, parseArn } from '../aws/arn.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import { subjectText, type FillMode, type SubjectGroup } from './subject.js';

/** Input-wide values rule text may use as `{{name}}`. */
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

const EKS_ENDPOINT = /https:\/\/[0-9A-Fa-f]{32}\.(?:[a-z0-9]{3}\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\.eks\.amazonaws\.com/;
const OIDC_PROVIDER = /oidc\.eks\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?\/id\/[0-9A-Za-z]+/;
// the role IRSA injects (AWS_ROLE_ARN env) or the service account annotation
const IRSA_ROLE =
  /(?:AWS_ROLE_ARN[":=\s]+|eks\.amazonaws\.com\/role-arn[":=\s]+)arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/;
const ECR_IMAGE = /(\d{12}\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?)\/([\w./-]+)/;

/** The distinct values seen for one context value, in input order. */
class Distinct {
  private readonly seen = new Set<string>();
  add(v: string | null | undefined): void {
    if (v !== null && v !== undefined && v !== '') this.seen.add(v);
  }
  /** The value when exactly one was seen; otherwise null. */
  get one(): string | null {
    return this.seen.size === 1 ? ([...this.seen][0] ?? null) : null;
  }
  get size(): number {
    return this.seen.size;
  }
}

/** What the raw lines say: every endpoint region, OIDC provider, ECR image and IRSA role name. */
function scanLines(inputs: Iterable<readonly { text: string }[]>): {
  region: Distinct;
  oidc: Distinct;
  ecr: Map<string, RegExpExecArray>;
  role: Distinct;
} {
  const region = new Distinct();
  const oidc = new Distinct();
  const ecr = new Map<string, RegExpExecArray>();
  const role = new Distinct();
  for (const lines of inputs)
    for (const { text: t } of lines) {
      // Each regex runs only on a line holding a literal it needs; every pattern holds one of these two.
      if (!t.includes('amazonaws.com') && !t.includes('arn:aws')) continue;
      if (t.includes('.eks.amazonaws.com')) region.add(EKS_ENDPOINT.exec(t)?.[1]);
      if (t.includes('oidc.eks.')) oidc.add(OIDC_PROVIDER.exec(t)?.[0]);
      if (t.includes('.dkr.ecr')) {
        const m = ECR_IMAGE.exec(t);
        if (m) ecr.set(`${m[1]}/${repository(m[3] ?? '')}`, m);
      }
      if (t.includes('role-arn') || t.includes('AWS_ROLE_ARN')) role.add(IRSA_ROLE.exec(t)?.[1]);
    }
  return { region, oidc, ecr, role };
}

function repository(path: string): string {
  return path.replace(/^v2\//, '').replace(/\/(?:manifests|blobs)\/.*$/, '');
}

/** Computes every context value from the facts and the raw lines of each input. */
export function computeBindings(facts: Facts, inputs: Iterable<readonly { text: string }[]>): Bindings {
  const caller = facts.callerIdentity;
  const found = scanLines(inputs);
  // The caller's account when the caller is known; otherwise the account of the aws-auth mappings, when they agree.
  const accounts = new Distinct();
  const partitions = new Distinct();
  for (const a of caller ? [caller.arn] : (facts.awsAuth?.entries.map((e) => e.arn) ?? [])) {
    const arn = parseArn(a);
    if (arn === null || !/^\d{12}$/.test(arn.account)) continue;
    accounts.add(arn.account);
    partitions.add(arn.partition);
  }
  const account = (caller?.account || accounts.one) ?? '<ACCOUNT_ID>';
  const partition = partitions.one ?? 'aws';
  const region = found.region.one ?? '<region>';
  const signals = (ids: readonly string[], group: string): Distinct => {
    const d = new Distinct();
    for (const s of facts.signals) if (ids.includes(s.id)) d.add(s.groups[group]);
    return d;
  };
  // The first signal kind that carries the value decides (a pull failure names the image as the pod spec has it).
  const preferred = (...sources: [string, string][]): string | null =>
    sources.map(([id, group]) => signals([id], group)).find((d) => d.size > 0)?.one ?? null;
  const exec = ['exec_failed', 'exec_not_found'];
  const execCommand = signals(exec, 'cmd');
  const pods = new Distinct();
  const serviceAccounts = new Distinct();
  for (const p of facts.pods) {
    pods.add(JSON.stringify([p.name, p.namespace]));
    serviceAccounts.add(p.serviceAccount);
  }
  const [podName, podNamespace] = pods.one === null ? [null, null] : (JSON.parse(pods.one) as [string, string | null]);
  const ecr = found.ecr.size === 1 ? [...found.ecr.values()][0] : undefined;
  const ecrRegions = new Distinct();
  for (const m of found.ecr.values()) ecrRegions.add(m[2]);
  return {
    account,
    partition,
    region,
    cluster: '<cluster-name>',
    callerArn: caller?.arn ?? CALLER_ARN_HINT,
    principalArn: caller?.canonicalArn ?? `arn:${partition}:iam::${account}:role/<role-name>`,
    nodeRoleArn: `arn:${partition}:iam::${account}:role/<node-instance-role>`,
    execCommand: execCommand.size === 0 ? 'aws' : (execCommand.one ?? t('en', 'hint.execCommand')),
    execExitCode: signals(exec, 'code').one ?? t('en', 'hint.exitCode'),
    ...deniedRequest(facts),
    ...nodeCounts(facts),
    podName: podName ?? '<pod>',
    podNamespace: podNamespace ?? '<namespace>',
    namespaceFlag: podNamespace ? `-n ${podNamespace}` : '',
    serviceAccount: serviceAccounts.one ?? '<service-account>',
    oidcProvider: found.oidc.one ?? `oidc.eks.${ecrRegions.one ?? region}.amazonaws.com/id/<OIDC_ID>`,
    image: preferred(['image_pull_failed', 'image'], ['image_not_found', 'image']) ?? '<image>',
    ecrRegistry: ecr?.[1] ?? `<account>.dkr.ecr.${region}.amazonaws.com`,
    ecrRepository: ecr ? repository(ecr[3] ?? '') : '<repository>',
    nodeRoleName:
      preferred(['aws_denied_node_role', 'role'], ['image_pull_forbidden', 'role']) ?? '<node-instance-role>',
    irsaRoleName: found.role.one ?? '<role-name>',
    ...assumeRoleBindings(
      facts,
      signals(['aws_assume_role_denied'], 'role'),
      signals(['aws_assume_role_denied'], 'caller'),
    ),
  };
}

/** The denied request of a rule whose subject is not the denial itself (a missing role named by it). */
function deniedRequest(
  facts: Facts,
): Pick<Bindings, 'deniedUser' | 'deniedVerb' | 'deniedResource' | 'deniedNamespaceFlag'> {
  const user = new Distinct();
  const verb = new Distinct();
  const resource = new Distinct();
  const scope = new Distinct();
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
    deniedNamespaceFlag: scope.size > 1 ? '-n <namespace>' : ns ? `-n ${ns}` : '',
  };
}

/** The scheduler's node counts when its messages agree; without a scheduler message, the nodes in the input. */
function nodeCounts(facts: Facts): Pick<Bindings, 'notReadyNodes' | 'totalNodes'> {
  const counts = new Distinct();
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
    assumeRoleName: (role ? (parseArn(role)?.name ?? role.slice(role.lastIndexOf('/') + 1)) : null) || '<role-name>',
    assumeRoleCaller: caller ? canonicalArn(caller) : CALLER_ARN_HINT,
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

/** Fills `{{…}}` placeholders; aws-auth's own template words are left as written. */
export function fill(template: string, scope: Scope, mode: FillMode = 'text'): string {
  const lang = mode === 'text' ? (scope.lang ?? 'en') : 'en';
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('subject.'))
      return scope.subject ? subjectText(scope.subject, name.slice(8), mode, lang) : `<${name.slice(8)}>`;
    if (name.startsWith('item.') && scope.item) return subjectText(scope.item, name.slice(5), mode, lang);
    const value = (scope.bindings as Record<string, string | undefined>)[name];
    if (value === undefined) return whole;
    return lang === 'en' ? value : localHint(value, lang);
  });
}

/** A context value that is one of the English hints, in `lang`; any other value as it is. */
function localHint(value: string, lang: Lang): string {
  const key = HINTS.find((k) => t('en', k) === value);
  return key === undefined ? value : t(lang, key);
}

/** Placeholder names used in a template (for the rule checks). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}
