// From each Forbidden denial, the smallest grant: a Role + RoleBinding in the denial's namespace (or a ClusterRole +
// ClusterRoleBinding at cluster scope or for a non-resource path) for exactly that subject, verb, resource,
// subresource and API group. Denials of one subject in one scope merge into one role. Never a wildcard; a grant that
// lets its holder gain more rights (impersonate, bind, escalate, tokens, exec, ephemeral containers, node proxy,
// cluster-wide secrets, signers) is pinned to the object named in the denial and labelled `escalation`; impersonating
// a privileged group or binding an admin role is refused with a note. Every value passes its grammar first.
import type { ForbiddenFact } from '../facts/schema.js';
import type { Remediation } from '../report.js';
import { lineKey } from '../engine/subject.js';
import { grammarFailure, type GrammarFailure, type GrammarName } from './grammar.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import { comment as manifestComment } from './messages.js';
import { shellQuote } from './shell.js';
import type { YamlLibrary } from '../parse/yaml.js';
import { toYamlDocuments, yamlWriter } from './yaml-out.js';

/** Verbs whose requests carry an object name, so `resourceNames` can narrow them. */
const NAMED_VERBS = new Set(['get', 'update', 'patch', 'delete']);

/** One RBAC PolicyRule as emitted. */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

/** A DNS-safe, deterministic name fragment. */
export function slug(s: string): string {
  const out = s
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|(?<![-.])[-.]+$/g, ''); // (?<!…): no match may start inside a run of - and . (linear time)
  return out.slice(0, 50).replace(/(?<![-.])[-.]+$/, '') || 'subject';
}

/** A short stable digest (FNV-1a, 8 decimal digits: never a verb, which is letters only). */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return String(h % 100000000).padStart(8, '0');
}

/**
 * The subject part of a generated name, different for every exact subject: a user name that slugging keeps as it is
 * stays readable; one that slugging changes (`alice@example.com` → `alice-example.com`, which another user may be
 * called) gets a digest of the exact name, as does every service account (its namespace and name, which `-` alone
 * would not keep apart). A readable part never ends like a digest, so the two kinds never meet.
 */
export function subjectNamePart(kind: string, name: string, namespace: string | null): string {
  if (kind === 'ServiceAccount')
    return `${slug(`${namespace ?? ''}-${name}`)}-${shortHash(`sa\u0000${namespace ?? ''}\u0000${name}`)}`;
  return slug(name) === name && !/-\d{8}$/.test(name) ? name : `${slug(name)}-${shortHash(`user\u0000${name}`)}`;
}

/** Control-plane identities: their bootstrap roles are reconciled by the API server, never hand-granted. */
const CONTROL_PLANE_USERS = new Set([
  'system:kube-scheduler',
  'system:kube-controller-manager',
  'system:kube-proxy',
  'system:apiserver',
  'system:volume-scheduler',
  'system:k3s-controller',
]);

function subjectOf(f: ForbiddenFact): Record<string, string> | null {
  if (CONTROL_PLANE_USERS.has(f.username)) return null;
  if (f.subjectKind === 'ServiceAccount')
    return { kind: 'ServiceAccount', name: f.subjectName, namespace: f.subjectNamespace ?? 'default' };
  if (f.subjectKind === 'User') return { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: f.username };
  return null;
}

/** Where a denial came from, when that changes what the client needs next (line keys `source\0line`). */
export interface DenialContext {
  /** Lines of a client-go reflector/informer: it lists, then watches. */
  informerLines?: ReadonlySet<string>;
  /** Lines of `kubectl apply` reading the live object: it then creates or patches it. */
  applyLines?: ReadonlySet<string>;
  /** Users and groups the input shows bound to cluster-admin (`User:name`, `Group:name`). */
  admins?: ReadonlySet<string>;
  /** The language of titles and notes (manifests are the same in every language). Default en. */
  lang?: Lang;
  /** The library the Role and binding are written with (a run without a grant to write needs none). */
  yaml?: YamlLibrary | null;
}

/** The requests a client makes after the denied one: informers list+watch; kubectl apply gets, then creates or patches. */
function withFollowUps(denials: readonly ForbiddenFact[], ctx: DenialContext): ForbiddenFact[] {
  const out: ForbiddenFact[] = [];
  for (const d of denials) {
    out.push(d);
    const k = lineKey(d.source, d.line);
    if (d.resource !== null && (d.verb === 'list' || d.verb === 'watch') && ctx.informerLines?.has(k)) {
      out.push({ ...d, verb: d.verb === 'list' ? 'watch' : 'list' });
    }
    if (d.resource !== null && d.verb === 'get' && ctx.applyLines?.has(k)) {
      out.push({ ...d, verb: 'patch' }, { ...d, verb: 'create', objectName: null });
    }
  }
  return out;
}

/** How a denial is treated: granted, granted as an escalation (pinned), or refused with a note. */
type Verdict =
  | { kind: 'grant' }
  | { kind: 'escalation' }
  | { kind: 'refuse'; title: 'fix.refusedTitle' | 'fix.wildcardTitle' | 'fix.invalidTitle'; text: string };

const PRIVILEGED_GROUPS = new Set(['system:masters', 'system:nodes', 'system:bootstrappers', 'system:monitoring']);
const PRIVILEGED_USERS = new Set(['system:admin', 'system:apiserver', 'kubernetes-admin']);
const ADMIN_ROLES = new Set(['cluster-admin', 'admin']);

function privilegedGroup(g: string, admins: ReadonlySet<string>): boolean {
  return PRIVILEGED_GROUPS.has(g) || g.startsWith('system:kube-') || admins.has(`Group:${g}`);
}

function privilegedUser(u: string, admins: ReadonlySet<string>): boolean {
  return (
    PRIVILEGED_USERS.has(u) ||
    u.startsWith('system:kube-') ||
    u.startsWith('system:node:') ||
    u.startsWith('system:serviceaccount:kube-system:') ||
    admins.has(`User:${u}`)
  );
}

/** The values of a denial that reach a manifest, each with its grammar. */
function checkedValues(d: ForbiddenFact): [GrammarName, string][] {
  const v: [GrammarName, string][] = [['verb', d.verb]];
  if (d.subjectKind === 'ServiceAccount')
    v.push(['serviceAccountName', d.subjectName], ['namespace', d.subjectNamespace ?? 'default']);
  else v.push(['userName', d.username]);
  if (d.namespace !== null && !d.clusterScope) v.push(['namespace', d.namespace]);
  if (d.path !== null) v.push(['nonResourceURL', d.path]);
  else {
    v.push(['resource', d.resource ?? ''], ['apiGroup', d.apiGroup ?? '']);
    if (d.subresource !== null) v.push(['resource', d.subresource]);
    if (d.objectName !== null) v.push(['objectName', d.objectName]);
  }
  return v;
}

/** Whether RBAC's escalation paths are reachable with this request (its name pins it). */
function escalates(d: ForbiddenFact): boolean {
  const sub = d.subresource;
  const r = d.resource;
  if (d.verb === 'impersonate' || d.verb === 'bind' || d.verb === 'escalate') return true;
  if (r === 'serviceaccounts' && sub === 'token') return true;
  if (r === 'nodes' && sub === 'proxy') return true;
  // An ephemeral container runs any image in a running pod, as its service account: exec by another name.
  if (r === 'pods' && (sub === 'exec' || sub === 'attach' || sub === 'portforward' || sub === 'ephemeralcontainers'))
    return true;
  if (r === 'secrets' && sub === null && d.namespace === null && ['get', 'list', 'watch'].includes(d.verb)) return true;
  if (r === 'signers' && (d.verb === 'approve' || d.verb === 'sign')) return true;
  return r === 'certificatesigningrequests' && sub === 'approval';
}

/**
 * Needs a name to be granted at all: unpinned, it would reach every object, the most privileged included (approving
 * for every signer includes kube-apiserver-client, a certificate for any user and group, system:masters too).
 */
function needsPin(d: ForbiddenFact): boolean {
  // Only a cluster-wide list or watch of secrets names no object; every other escalating request does (`escalate`
  // or `bind` on secrets included).
  const unnamed = d.resource === 'secrets' && d.subresource === null && (d.verb === 'list' || d.verb === 'watch');
  return escalates(d) && !unnamed;
}

function verdictOf(d: ForbiddenFact, admins: ReadonlySet<string>, lang: Lang): Verdict {
  const line = d.line;
  const values = checkedValues(d);
  if (values.some(([, v]) => v.includes('*')))
    return { kind: 'refuse', title: 'fix.wildcardTitle', text: t(lang, 'fix.refusedWildcard', { line }) };
  for (const [grammar, v] of values) {
    const failure: GrammarFailure | null = grammarFailure(grammar, v);
    if (failure !== null)
      return {
        kind: 'refuse',
        title: 'fix.invalidTitle',
        text: t(lang, 'fix.refusedInvalid', {
          line,
          grammar: t(lang, `grammar.${grammar}`),
          failure: t(lang, `failure.${failure}`),
        }),
      };
  }
  if (!escalates(d)) return { kind: 'grant' };
  const name = d.objectName;
  if (name === null) {
    if (needsPin(d))
      return {
        kind: 'refuse',
        title: 'fix.refusedTitle',
        text: t(lang, 'fix.refusedUnpinned', { line, verb: d.verb, resource: target(d) }),
      };
    return { kind: 'escalation' };
  }
  if (d.verb === 'impersonate') {
    if (d.resource === 'groups' && privilegedGroup(name, admins))
      return {
        kind: 'refuse',
        title: 'fix.refusedTitle',
        text: t(lang, 'fix.refusedPrivilegedGroup', { line, group: name }),
      };
    if (d.resource === 'users' && privilegedUser(name, admins))
      return {
        kind: 'refuse',
        title: 'fix.refusedTitle',
        text: t(lang, 'fix.refusedPrivilegedUser', { line, user: name }),
      };
    if (d.resource === 'serviceaccounts' && (d.namespace === 'kube-system' || d.namespace === null))
      return {
        kind: 'refuse',
        title: 'fix.refusedTitle',
        text: t(lang, 'fix.refusedPrivilegedUser', { line, user: `ServiceAccount ${name}` }),
      };
  }
  if ((d.verb === 'bind' || d.verb === 'escalate') && (ADMIN_ROLES.has(name) || name.startsWith('system:')))
    return {
      kind: 'refuse',
      title: 'fix.refusedTitle',
      text: t(lang, 'fix.refusedAdminRole', { line, verb: d.verb, role: name }),
    };
  return { kind: 'escalation' };
}

function target(d: ForbiddenFact): string {
  return d.path ?? [d.resource ?? '', d.subresource].filter(Boolean).join('/');
}

/**
 * Builds the policy rules that allow exactly these denials: no verb or resource beyond them. Escalating requests are
 * pinned to the object they name whatever the verb (their requests always carry it).
 */
export function policyRulesFor(denials: readonly ForbiddenFact[]): PolicyRule[] {
  // Key every (group, resource, name) → verbs, then fold resources with identical verb sets together.
  const resourceVerbs = new Map<string, { group: string; resource: string; name: string | null; verbs: Set<string> }>();
  const pathVerbs = new Map<string, Set<string>>();
  for (const d of denials) {
    if (d.path !== null) {
      const set = pathVerbs.get(d.path) ?? new Set<string>();
      set.add(d.verb);
      pathVerbs.set(d.path, set);
      continue;
    }
    if (d.resource === null) continue;
    const resource = d.subresource ? `${d.resource}/${d.subresource}` : d.resource;
    const name = d.objectName !== null && (NAMED_VERBS.has(d.verb) || escalates(d)) ? d.objectName : null;
    const key = `${d.apiGroup ?? ''}\u0000${resource}\u0000${name ?? ''}`;
    const cur = resourceVerbs.get(key) ?? { group: d.apiGroup ?? '', resource, name, verbs: new Set<string>() };
    cur.verbs.add(d.verb);
    resourceVerbs.set(key, cur);
  }
  const folded = new Map<string, PolicyRule>();
  for (const r of resourceVerbs.values()) {
    const verbs = [...r.verbs].sort();
    const key = `${r.group}\u0000${r.name ?? ''}\u0000${verbs.join(',')}`;
    const rule = folded.get(key);
    if (rule) rule.resources?.push(r.resource);
    else
      folded.set(key, {
        apiGroups: [r.group],
        resources: [r.resource],
        ...(r.name === null ? {} : { resourceNames: [r.name] }),
        verbs,
      });
  }
  const rules = [...folded.values()];
  for (const rule of rules) rule.resources?.sort();
  const byVerbs = new Map<string, string[]>();
  for (const [path, verbs] of pathVerbs) {
    const k = [...verbs].sort().join(',');
    byVerbs.set(k, [...(byVerbs.get(k) ?? []), path]);
  }
  for (const [k, paths] of byVerbs) rules.push({ nonResourceURLs: paths.sort(), verbs: k.split(',') });
  return rules.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** One Role (or ClusterRole) and its binding for one subject in one scope. */
interface Grant {
  subject: Record<string, string>;
  namespace: string;
  escalation: boolean;
  denials: ForbiddenFact[];
}

/**
 * Role(s) and binding(s) granting exactly what the denials asked for; nothing for nodes and anonymous users; a note
 * for each denial that is refused (wildcards, invalid values, privileged impersonation, admin roles, unpinned
 * escalation) and one warning per escalating grant.
 */
export function rbacRemediation(denials: readonly ForbiddenFact[], ctx: DenialContext = {}): Remediation[] {
  const grants = new Map<string, Grant>();
  const refusals: Remediation[] = [];
  for (const d of denials) {
    const subject = subjectOf(d);
    if (subject === null) continue;
    // Cut off before its scope clause: no grant can be sized to a namespace nobody named.
    if (d.namespace === null && !d.clusterScope && d.path === null) continue;
    const verdict = verdictOf(d, ctx.admins ?? new Set(), ctx.lang ?? 'en');
    if (verdict.kind === 'refuse') {
      refusals.push({
        kind: 'note',
        title: t(ctx.lang ?? 'en', verdict.title),
        text: verdict.text,
        safety: 'read-only',
      });
      continue;
    }
    const namespace = d.path !== null || d.clusterScope || d.namespace === null ? '' : d.namespace;
    const escalation = verdict.kind === 'escalation';
    const key = JSON.stringify([d.username, namespace, escalation]);
    const grant = grants.get(key);
    if (grant) grant.denials.push(d);
    else grants.set(key, { subject, namespace, escalation, denials: [d] });
  }
  const out: Remediation[] = [];
  for (const [, grant] of [...grants].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    out.push(...grantRemediation(grant, ctx));
  return [...out, ...refusals];
}

function grantRemediation({ subject, namespace, escalation, denials: list }: Grant, ctx: DenialContext): Remediation[] {
  const lang = ctx.lang ?? 'en';
  const asked = escalation ? list : withFollowUps(list, ctx);
  const rules = policyRulesFor(asked);
  const denied = new Set<ForbiddenFact>(list);
  const informer = asked.some((d) => !denied.has(d) && (d.verb === 'watch' || d.verb === 'list'));
  const apply = asked.some((d) => d.verb === 'patch' && !denied.has(d));
  const followUps = [informer ? manifestComment('followInformer') : '', apply ? manifestComment('followApply') : '']
    .filter(Boolean)
    .join('; ');
  const single = rules.length === 1 && rules[0]?.resources?.length === 1 && rules[0].verbs.length <= 2;
  const what = single
    ? `${rules[0]?.verbs.join('-')}-${(rules[0]?.resources?.[0] ?? '').replace('/', '-')}`
    : escalation
      ? 'escalation'
      : 'access';
  const first = list[0] as ForbiddenFact;
  const name = `${subjectNamePart(subject['kind'] ?? '', subject['name'] ?? '', first.subjectNamespace)}-${slug(what)}`;
  const cluster = namespace === '';
  const roleKind = cluster ? 'ClusterRole' : 'Role';
  const bindingKind = cluster ? 'ClusterRoleBinding' : 'RoleBinding';
  const meta = cluster ? { name } : { name, namespace };
  const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: roleKind, metadata: meta, rules };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: bindingKind,
    metadata: meta,
    subjects: [subject],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name },
  };
  const lines = [...new Set(list.map((d) => d.line))].sort((a, b) => a - b).join(', ');
  const who =
    subject['kind'] === 'ServiceAccount'
      ? `ServiceAccount ${subject['namespace'] ?? ''}/${subject['name'] ?? ''}`
      : `User ${subject['name'] ?? ''}`;
  const scope = cluster ? t(lang, 'fix.scopeCluster') : t(lang, 'fix.scopeNamespace', { namespace });
  const many = list.length > 1 && lines.includes(',');
  const key = many ? (followUps ? 'rbacManyFollowUps' : 'rbacMany') : followUps ? 'rbacFollowUps' : 'rbac';
  const comment = `${manifestComment(key, { lines, followUps })} ${escalation ? `${manifestComment('rbacEscalation')} ` : ''}${manifestComment('apply')}`;
  const manifest: Remediation = {
    kind: 'manifest',
    title: t(lang, escalation ? 'fix.rbacEscalationTitle' : 'fix.rbacTitle', {
      roleKind,
      bindingKind,
      name,
      subject: who,
      scope,
    }),
    yaml: toYamlDocuments(yamlWriter(ctx.yaml), [role, binding], comment),
    safety: escalation ? 'escalation' : 'mutating',
  };
  if (!escalation) return [manifest];
  const verbs = [...new Set(rules.flatMap((r) => r.verbs))].join(', ');
  const targets = [...new Set(list.map(target))].join(', ');
  return [
    manifest,
    {
      kind: 'note',
      title: t(lang, 'fix.escalationWarningTitle'),
      text: t(lang, 'fix.escalationWarning', { subject: who, what: t(lang, 'fix.escalationWhat', { verbs, targets }) }),
      safety: 'read-only',
    },
  ];
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

/**
 * The "broader access" alternative: a RoleBinding to the built-in `view` ClusterRole in the one namespace of the
 * denials, for read denials of namespaced resources other than secrets (which `view` does not cover). Cluster-scoped
 * or non-resource denials, writes and secrets get a note instead: the built-in roles would not cover them or would
 * grant far more.
 */
export function broaderAccess(denials: readonly ForbiddenFact[], lang: Lang = 'en'): Remediation[] {
  const first = denials[0];
  const subject = first ? subjectOf(first) : null;
  if (!first || subject === null) return [];
  const namespaces = new Set(denials.map((d) => (d.clusterScope || d.path !== null ? null : d.namespace)));
  const [namespace] = namespaces;
  const readable =
    namespaces.size === 1 &&
    typeof namespace === 'string' &&
    denials.every((d) => READ_VERBS.has(d.verb) && d.resource !== 'secrets' && d.path === null) &&
    denials.every((d) => checkedValues(d).every(([g, v]) => grammarFailure(g, v) === null));
  if (!readable)
    return [
      { kind: 'note', title: t(lang, 'fix.broaderTitle'), text: t(lang, 'fix.broaderNone'), safety: 'read-only' },
    ];
  const part = subjectNamePart(subject['kind'] ?? '', subject['name'] ?? '', first.subjectNamespace);
  const who =
    subject['kind'] === 'ServiceAccount'
      ? `--serviceaccount=${shellQuote(`${subject['namespace'] ?? ''}:${subject['name'] ?? ''}`)}`
      : `--user=${shellQuote(subject['name'] ?? '')}`;
  return [
    {
      kind: 'command',
      title: t(lang, 'fix.broaderViewTitle', { namespace }),
      command: `kubectl create rolebinding ${shellQuote(`${part}-view`)} --clusterrole=view ${who} -n ${shellQuote(namespace)}`,
      safety: 'mutating',
    },
  ];
}
