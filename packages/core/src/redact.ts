// Redaction for pasting reports into public issues: secrets are removed; account ids, ARN names, IPs, node, pod,
// namespace and user names are replaced CONSISTENTLY (the same value always becomes the same placeholder), so the
// relationships the diagnosis relies on stay visible.
import type { Facts } from './facts/schema.js';
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

/** Builds the redaction function for one report from its facts (which names to hide). */
export function makeRedactor(facts: Facts): (s: string) => string {
  const ph = new Placeholders();
  const names: [string, string][] = [];
  const addName = (kind: string, v: string | null | undefined): void => {
    if (!v || v.length < 2 || KEEP_NAMES.has(v) || v.startsWith('system:') || v.startsWith('<') || /^arn:/.test(v))
      return;
    names.push([v, kind]);
  };
  for (const f of facts.forbidden) {
    if (f.subjectKind === 'User') addName('user', f.username);
    if (f.subjectKind === 'ServiceAccount') {
      addName('serviceaccount', f.subjectName);
      addName('namespace', f.subjectNamespace);
    }
    addName('namespace', f.namespace);
    addName('object', f.objectName);
  }
  for (const p of facts.pods) {
    addName('pod', p.name);
    addName('namespace', p.namespace);
    addName('node', p.node);
  }
  for (const n of facts.nodes) addName('node', n.name);
  for (const e of facts.awsAuth?.entries ?? [])
    if (e.username && !e.username.includes('{{')) addName('user', e.username);
  // Longest names first, so a name inside a longer one is not cut.
  names.sort((a, b) => b[0].length - a[0].length);
  const nameRes = names.map(([v, kind]) => [new RegExp(`(?<![\\w.-])${escapeRe(v)}(?![\\w-])`, 'g'), kind, v] as const);
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
    for (const [re, kind, v] of nameRes) s = s.replace(re, () => ph.get(kind, v));
    return s;
  };
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
