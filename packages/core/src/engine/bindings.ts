// Templates: `{{subject.field}}` reads the rule's subject, `{{item.field}}` the item an evidence line cites, and
// `{{name}}` an input-wide context value (region, account, the one pod of a describe…). A context value is used only
// when the input holds exactly one distinct value for it; otherwise the placeholder becomes a `<…>` hint.
import type { Facts } from '../facts/schema.js';
import { canonicalArn, parseArn, stripRolePath } from '../aws/arn.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import {
  grammarFailure,
  isHint,
  isValid,
  valid,
  type GrammarFailure,
  type GrammarName,
} from '../remediation/grammar.js';
import { contextAt, quoteIn, type ShellContext } from '../remediation/shell.js';
import { fillYamlTemplate } from '../remediation/yaml-out.js';
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
// `aws eks update-kubeconfig --name X --region Y`, `aws eks get-token --cluster-name X`, kubeconfig exec args
// (`- --cluster-name` then `- X` on the next line).
const FLAG_VALUE = /(?:^|[\s"'[,])(--(?:name|cluster-name|region))(?:=|[\s"',]+)([^\s"',\]]+)/g;
const FLAG_ALONE = /^\s*-\s+["']?(--(?:name|cluster-name|region))["']?\s*$/;
const LIST_VALUE = /^\s*-\s+["']?([^\s"']+)["']?\s*$/;
const CLUSTER_ARN = /\barn:(aws[\w-]*):eks:([a-z0-9-]+):(\d{12}):cluster\/([^\s"',]+)/;
const NODEGROUP_ROLE = /"?nodeRole"?\s*[:=]\s*"?(arn:aws[\w-]*:iam::\d{12}:role\/[^\s"',]+)/;
// A node's instance session: `assumed-role/<node role>/i-0123…` in an AccessDenied.
const NODE_SESSION = /\barn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^\s/"']+)\/i-[0-9a-f]{8,17}\b/;
const ROLE_ARN = /\barn:aws[\w-]*:iam::\d{12}:role\/[^\s"',;)\]}]+/g;
const OIDC_ACCOUNT = /\barn:aws[\w-]*:iam::(\d{12}):oidc-provider\/oidc\.eks\./;

/**
 * The distinct values seen for one context value, in input order. A value that fails the grammar is never used and
 * counts as a distinct value: with it in the input, no other value is certain.
 */
class Distinct {
  private readonly seen = new Set<string>();
  constructor(private readonly grammar: GrammarName) {}
  add(v: string | null | undefined): void {
    if (v === null || v === undefined || v === '') return;
    this.seen.add(grammarFailure(this.grammar, v) === null ? v : '\u0000invalid');
  }
  /** The value when exactly one was seen and it is valid; otherwise null. */
  get one(): string | null {
    const [v] = this.seen;
    return this.seen.size === 1 && v !== '\u0000invalid' ? (v ?? null) : null;
  }
  get size(): number {
    return this.seen.size;
  }
}

interface Scanned {
  region: Distinct;
  cluster: Distinct;
  oidc: Distinct;
  ecr: Map<string, RegExpExecArray>;
  role: Distinct;
  nodeRole: Distinct;
  roleArns: Set<string>;
  oidcAccount: Distinct;
}

/** What the raw lines say: cluster and region, OIDC provider, ECR image, IRSA and node role, role ARNs. */
function scanLines(inputs: Iterable<readonly { text: string }[]>): Scanned {
  const found: Scanned = {
    region: new Distinct('region'),
    cluster: new Distinct('clusterName'),
    oidc: new Distinct('oidcProvider'),
    ecr: new Map(),
    role: new Distinct('iamName'),
    nodeRole: new Distinct('roleArn'),
    roleArns: new Set(),
    oidcAccount: new Distinct('account'),
  };
  const flag = (name: string | undefined, value: string | undefined): void => {
    if (name === '--region') found.region.add(value);
    else found.cluster.add(value);
  };
  for (const lines of inputs) {
    let pending: string | null = null;
    for (const { text: t } of lines) {
      if (pending !== null) {
        const v = LIST_VALUE.exec(t);
        if (v) flag(pending, v[1]);
        pending = null;
      }
      if (t.includes('--')) {
        const alone = FLAG_ALONE.exec(t);
        if (alone) pending = alone[1] ?? null;
        else if (/\b(?:update-kubeconfig|get-token)\b/.test(t))
          for (const m of t.matchAll(FLAG_VALUE)) flag(m[1], m[2]);
      }
      // Each regex below runs only on a line holding a literal it needs.
      if (!t.includes('amazonaws.com') && !t.includes('arn:aws')) continue;
      if (t.includes('.eks.amazonaws.com')) found.region.add(EKS_ENDPOINT.exec(t)?.[1]);
      if (t.includes('oidc.eks.')) {
        const m = OIDC_PROVIDER.exec(t);
        found.oidc.add(m?.[0]);
        found.region.add(m?.[1]);
        found.oidcAccount.add(OIDC_ACCOUNT.exec(t)?.[1]);
      }
      if (t.includes('.dkr.ecr')) {
        const m = ECR_IMAGE.exec(t);
        if (m) found.ecr.set(`${m[1]}/${repository(m[3] ?? '')}`, m);
      }
      if (t.includes('role-arn') || t.includes('AWS_ROLE_ARN')) found.role.add(IRSA_ROLE.exec(t)?.[1]);
      if (t.includes(':eks:')) {
        const m = CLUSTER_ARN.exec(t);
        found.cluster.add(m?.[4]);
        found.region.add(m?.[2]);
      }
      if (t.includes('nodeRole')) found.nodeRole.add(stripRolePath(NODEGROUP_ROLE.exec(t)?.[1] ?? ''));
      if (t.includes(':assumed-role/')) {
        const m = NODE_SESSION.exec(t);
        if (m) found.nodeRole.add(`arn:${m[1]}:iam::${m[2]}:role/${m[3]}`);
      }
      if (t.includes(':role/')) for (const m of t.matchAll(ROLE_ARN)) found.roleArns.add(m[0]);
    }
  }
  return found;
}

function repository(path: string): string {
  return path.replace(/^v2\//, '').replace(/\/(?:manifests|blobs)\/.*$/, '');
}

/** Computes every context value from the facts and the raw lines of each input; input values pass their grammar. */
export function computeBindings(facts: Facts, inputs: Iterable<readonly { text: string }[]>): Bindings {
  const caller = facts.callerIdentity;
  const found = scanLines(inputs);
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
    namespaceFlag: podNs ? `-n ${podNs}` : podNamespace ? '-n <namespace>' : '',
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
  };
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
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = valueOf(name, scope, mode, lang);
    return v === null ? whole : mode === 'text' ? printable(v) : v;
  });
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

/** Prose shows a value's control characters escaped: a paste cannot add lines or hide text in a report. */
function printable(v: string): string {
  return v.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) =>
    c === '\n' ? '\\n' : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
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
};

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
 * `…namespaceFlag` placeholders expand to `-n <namespace>` (or nothing). A value that fails rejects the command.
 */
export function fillCommand(template: string, scope: Scope): FilledCommand {
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
    const flag = name.endsWith('amespaceFlag') ? /^(-n )(.*)$/s.exec(raw) : null;
    const value = flag ? (flag[2] ?? '') : raw;
    if (name.endsWith('amespaceFlag') && !flag && raw !== '') return reject(name, 'namespace', 'form');
    const grammar = flag ? 'namespace' : grammarOf(name);
    let out: string | null;
    if (ownHint(name, value, scope) || (flag === null && raw === '' && name.endsWith('amespaceFlag'))) out = value;
    else if (COMPOSED.has(name) && grammarFailure(grammar, value) !== null) {
      out = composed(value, contexts[i] ?? 'plain');
      if (out === null) return reject(name, grammar, 'form');
    } else {
      const failure = grammarFailure(grammar, value);
      if (failure !== null) return reject(name, grammar, failure);
      out = quoteIn(contexts[i] ?? 'plain', value);
      if (out === null) return reject(name, grammar, 'form');
    }
    text += flag ? `${flag[1] ?? ''}${out}` : out;
  }
  return { text: text + template.slice(at), rejected: null };
}

/** Fills a YAML template (a manifest or patch): values pass their grammar and are written by the YAML library. */
export function fillManifest(template: string, scope: Scope): FilledCommand {
  const values = new Map<string, string>();
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    const v = valueOf(name, scope, 'command');
    if (v === null || isHint(v)) continue;
    const grammar = grammarOf(name);
    const failure = grammarFailure(grammar, v);
    if (failure !== null) return reject(name, grammar, failure);
    values.set(name, v);
  }
  const text = fillYamlTemplate(template, PLACEHOLDER, (name) => {
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
