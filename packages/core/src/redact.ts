// Redaction for pasting reports into public issues: secrets are removed; account ids, ARN names, IPs, node, pod,
// namespace and user names are replaced CONSISTENTLY (the same value always becomes the same placeholder), so the
// relationships the diagnosis relies on stay visible.
import type { Bindings } from './engine/bindings.js';
import type { Facts } from './facts/schema.js';
import { parseArn } from './aws/arn.js';
import { subjectNamePart } from './remediation/rbac.js';
import type { Report } from './report.js';

const SECRETS: [RegExp, string][] = [
  [/k8s-aws-v1\.[A-Za-z0-9_-]{20,}/g, 'k8s-aws-v1.<redacted>'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '<redacted-jwt>'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '$1<redacted>'],
  [/(X-Amz-(?:Security-Token|Signature|Credential)=)[^&\s"]+/g, '$1<redacted>'],
  [/((?:aws_secret_access_key|aws_session_token|client-key-data|token)\s*[=:]\s*)["']?[^\s"']{8,}/gi, '$1<redacted>'],
];

const ARN =
  /\barn:(aws[a-z-]*):(iam|sts)::([0-9]{12}|[Xx*#]{3,12}):(user|role|assumed-role|instance-profile|group|federated-user)\/([^\s"',;)\]}]+)/g;
const ACCOUNT = /(?<![\w-])\d{12}(?![\w-])/g;
const IPV4 = /(?<![\w.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\w.])/g;
const EC2_HOST = /\bip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}(?:\.[a-z0-9-]+)*\.(?:compute\.)?internal\b/g;
const EKS_ID = /\b[0-9A-F]{32}(?=\.(?:[a-z0-9]{3}\.)?[a-z]{2}(?:-gov)?-[a-z]+-\d\.eks\.amazonaws\.com)/g;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const KEEP_NAMES = new Set([
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'system:anonymous',
  'xxx',
  '<none>',
  '<unknown>',
]);

/** Maps real values to placeholders, the same value always to the same placeholder. */
class Placeholders {
  private readonly maps = new Map<string, Map<string, string>>();
  get(kind: string, value: string): string {
    let m = this.maps.get(kind);
    if (!m) {
      m = new Map();
      this.maps.set(kind, m);
    }
    let p = m.get(value);
    if (p === undefined) {
      p = `<${kind}-${m.size + 1}>`;
      m.set(value, p);
    }
    return p;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The context values that name something of the user's (cluster, region, roles, pod, service account). */
const BOUND_NAMES: [keyof Bindings, string][] = [
  ['cluster', 'cluster'],
  ['region', 'region'],
  ['irsaRoleName', 'role'],
  ['nodeRoleName', 'role'],
  ['assumeRoleName', 'role'],
  ['podName', 'pod'],
  ['podNamespace', 'namespace'],
  ['serviceAccount', 'serviceaccount'],
  ['ecrRepository', 'repository'],
  ['namespace', 'namespace'],
  ['webhookNamespace', 'namespace'],
  ['node', 'node'],
  ['nodegroup', 'nodegroup'],
  ['instanceId', 'instance'],
  ['profile', 'profile'],
  ['container', 'container'],
  ['workloadName', 'workload'],
];

/**
 * Builds the redaction function for one report from its facts (which names to hide) and, when given, its context
 * values (cluster, region and role names read from the raw lines).
 */
export function makeRedactor(
  facts: Facts,
  context: { bindings?: Partial<Bindings>; commands?: readonly string[] } = {},
): (s: string) => string {
  const { bindings, commands = [] } = context;
  const ph = new Placeholders();
  const names: [string, string, string][] = [];
  const addName = (kind: string, v: string | null | undefined, key: string | null | undefined = v): void => {
    if (
      !v ||
      !key ||
      v.length < 2 ||
      KEEP_NAMES.has(v) ||
      v.startsWith('system:') ||
      v.startsWith('<') ||
      /^arn:/.test(v)
    )
      return;
    names.push([v, kind, key]);
  };
  for (const f of facts.forbidden) {
    if (f.subjectKind === 'User') {
      addName('user', f.username);
      // Generated object names start with the subject's part (`alice-list-pods`, `team-a-api-12345678-view`).
      addName('user', `${subjectNamePart('User', f.username, null)}-`, f.username);
    }
    if (f.subjectKind === 'ServiceAccount') {
      addName('serviceaccount', f.subjectName);
      addName('namespace', f.subjectNamespace);
      addName(
        'serviceaccount',
        `${subjectNamePart('ServiceAccount', f.subjectName, f.subjectNamespace)}-`,
        f.subjectName,
      );
    }
    addName('namespace', f.namespace);
    addName('object', f.objectName);
  }
  for (const p of facts.pods) {
    addName('pod', p.name);
    addName('namespace', p.namespace);
    addName('node', p.node);
    addName('serviceaccount', p.serviceAccount);
  }
  for (const c of facts.containers) addName('container', c.name);
  for (const n of facts.nodes) addName('node', n.name);
  for (const e of facts.awsAuth?.entries ?? [])
    if (e.username && !e.username.includes('{{')) addName('user', e.username);
  // Role and user names also appear bare (`aws iam get-role --role-name NAME`), not only inside their ARNs.
  for (const arn of [
    facts.callerIdentity?.canonicalArn,
    ...(facts.awsAuth?.entries.map((e) => e.arn) ?? []),
    ...facts.accessEntries.map((e) => e.principalArn),
  ]) {
    const info = arn ? parseArn(arn) : null;
    if (info && (info.type === 'role' || info.type === 'user')) addName(info.type, info.name);
  }
  addName('cluster', facts.cluster?.name);
  for (const e of facts.accessEntries) addName('cluster', e.clusterName);
  addName('user', facts.whoami?.username);
  for (const [key, kind] of BOUND_NAMES) addName(kind, bindings?.[key]);
  for (const c of commands) for (const [kind, v] of commandNames(c)) addName(kind, v);
  // Longest names first, so a name inside a longer one is not cut.
  names.sort((a, b) => b[0].length - a[0].length);
  // A name ending in `-` is the start of a generated object name: it may be followed by the rest of that name.
  const nameRes = names.map(
    ([v, kind, key]) =>
      [
        // A region is written inside host names (`oidc.eks.<region>.amazonaws.com`): a dot may precede it.
        new RegExp(
          `(?<![\\w${kind === 'region' ? '' : '.'}-])${escapeRe(v)}${v.endsWith('-') ? '' : '(?![\\w-])'}`,
          'g',
        ),
        kind,
        key,
        v.endsWith('-') ? '-' : '',
      ] as const,
  );
  return (input: string): string => {
    let s = input;
    for (const [re, rep] of SECRETS) s = s.replace(re, rep);
    s = s.replace(ARN, (_m, part: string, svc: string, acct: string, type: string, rest: string) => {
      const segs = rest.split('/');
      const mapped = segs.map((seg, i) => {
        if (seg === '' || seg.startsWith('<') || seg.startsWith('{{')) return seg;
        if (type === 'assumed-role' && i === segs.length - 1 && segs.length > 1) return ph.get('session', seg);
        if (i < segs.length - 1 && type !== 'assumed-role') return ph.get('path', seg);
        return ph.get(type === 'assumed-role' ? 'role' : type, seg);
      });
      return `arn:${part}:${svc}::${/^\d{12}$/.test(acct) ? ph.get('account', acct) : acct}:${type}/${mapped.join('/')}`;
    });
    s = s.replace(EKS_ID, (m) => ph.get('cluster-id', m));
    s = s.replace(EC2_HOST, (m) => ph.get('node', m));
    s = s.replace(ACCOUNT, (m) => ph.get('account', m));
    s = s.replace(IPV4, (m) => ph.get('ip', m));
    s = s.replace(EMAIL, (m) => ph.get('email', m));
    for (const [re, kind, v, tail] of nameRes) s = s.replace(re, () => ph.get(kind, v) + tail);
    return s;
  };
}

// Words of a shell command that are never the user's names.
const COMMAND_WORDS = new Set([
  'kubectl',
  'aws',
  'eksctl',
  'helm',
  'get',
  'describe',
  'logs',
  'log',
  'exec',
  'apply',
  'create',
  'delete',
  'edit',
  'patch',
  'auth',
  'can-i',
  'whoami',
  'top',
  'rollout',
  'restart',
  'status',
  'events',
  'sts',
  'eks',
  'iam',
  'ecr',
  'get-caller-identity',
  'update-kubeconfig',
  'get-token',
  'describe-cluster',
  'list',
  'yes',
  'no',
]);
// kubectl resource types (and short names) that a command names before the object.
const RESOURCE_WORDS =
  /^(?:po|pods?|no|nodes?|ns|namespaces?|svc|services?|deploy|deployments?|rs|replicasets?|sts|statefulsets?|ds|daemonsets?|jobs?|cronjobs?|cm|configmaps?|secrets?|sa|serviceaccounts?|ev|events?|pvc?|persistentvolumeclaims?|persistentvolumes?|(?:cluster)?roles?|(?:cluster)?rolebindings?|ing|ingress(?:es)?|all)(?:[./][\w.-]*)?$/;
// Flags whose value names something of the user's.
const NAME_FLAGS = new Map([
  ['--name', 'cluster'],
  ['--cluster-name', 'cluster'],
  ['--cluster', 'cluster'],
  ['--region', 'region'],
  ['--role-name', 'role'],
  ['--profile', 'profile'],
  ['--context', 'context'],
  ['-n', 'namespace'],
  ['--namespace', 'namespace'],
  ['--as', 'user'],
]);

/** Names a shell command line from the input holds: flag values, and the objects a kubectl command names. */
function commandNames(command: string): [string, string][] {
  const words = command.split(/\s+/).filter(Boolean);
  const out: [string, string][] = [];
  const kubectl = words[0] === 'kubectl';
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    const eq = w.indexOf('=');
    const flag = eq > 0 ? w.slice(0, eq) : w;
    const kind = NAME_FLAGS.get(flag);
    if (kind !== undefined) {
      const v = eq > 0 ? w.slice(eq + 1) : words[++i];
      if (v !== undefined) out.push([kind, v.replace(/^['"]|['"]$/g, '')]);
    } else if (kubectl && !w.startsWith('-') && !COMMAND_WORDS.has(w) && !RESOURCE_WORDS.test(w) && !w.includes('='))
      out.push(['object', w.slice(w.lastIndexOf('/') + 1)]);
  }
  return out;
}

const KEEP_KEYS = new Set([
  'rootCause',
  'ruleId',
  'kind',
  'severity',
  'safety',
  'code',
  'references',
  'alsoMatched',
  'links',
]);

/** Returns a copy of the report with every string redacted by `redact` (ids, kinds and reference URLs kept). */
export function redactReport(report: Report, redact: (s: string) => string): Report {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return KEEP_KEYS.has(key) ? v : redact(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(report, '') as Report;
}
