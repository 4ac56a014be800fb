// From each Forbidden denial, the smallest grant: a Role + RoleBinding in the denial's namespace (or a ClusterRole +
// ClusterRoleBinding at cluster scope or for a non-resource path) for exactly that subject, verb, resource,
// subresource and API group. Denials of one subject in one scope merge into one role.
import type { ForbiddenFact } from '../facts/schema.js';
import type { Remediation } from '../report.js';
import { lineKey } from '../engine/subject.js';
import { toYamlDocuments } from './yaml-out.js';

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
  return out.slice(0, 50) || 'subject';
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

/** Builds the policy rules that allow exactly these denials: no verb or resource beyond them. */
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
    const name = d.objectName !== null && NAMED_VERBS.has(d.verb) ? d.objectName : null;
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

/** Role(s) and binding(s) granting exactly what the denials asked for; nothing for nodes and anonymous users. */
export function rbacRemediation(denials: readonly ForbiddenFact[], ctx: DenialContext = {}): Remediation[] {
  const groups = new Map<string, ForbiddenFact[]>();
  for (const d of denials) {
    if (subjectOf(d) === null) continue;
    // Cut off before its scope clause: no grant can be sized to a namespace nobody named.
    if (d.namespace === null && !d.clusterScope && d.path === null) continue;
    const scope = d.path !== null || d.clusterScope || d.namespace === null ? '' : d.namespace;
    const key = `${d.username}\u0000${scope}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const out: Remediation[] = [];
  for (const [key, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const first = list[0];
    if (!first) continue;
    const subject = subjectOf(first);
    if (subject === null) continue;
    const namespace = key.split('\u0000')[1] ?? '';
    const asked = withFollowUps(list, ctx);
    const rules = policyRulesFor(asked);
    const denied = new Set<ForbiddenFact>(list);
    const informer = asked.some((d) => !denied.has(d) && (d.verb === 'watch' || d.verb === 'list'));
    const apply = asked.some((d) => d.verb === 'patch' && !denied.has(d));
    const followUps = [
      informer ? 'list and watch together, because an informer lists then watches' : '',
      apply ? 'create and patch, because kubectl apply reads the object then creates or patches it' : '',
    ]
      .filter(Boolean)
      .join('; ');
    const single = rules.length === 1 && rules[0]?.resources?.length === 1 && rules[0].verbs.length <= 2;
    const what = single
      ? `${rules[0]?.verbs.join('-')}-${(rules[0]?.resources?.[0] ?? '').replace('/', '-')}`
      : 'access';
    const name = `${slug(first.subjectName)}-${slug(what)}`;
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
    const lines = list.map((d) => d.line).sort((a, b) => a - b);
    const scopeText = cluster ? 'cluster-wide' : `in namespace ${namespace}`;
    out.push({
      kind: 'manifest',
      title: `${roleKind} + ${bindingKind} "${name}" granting ${subject['kind']} ${subject['name']} exactly what was denied ${scopeText}`,
      yaml: toYamlDocuments(
        [role, binding],
        `Least privilege for the denial${lines.length > 1 ? 's' : ''} on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}: only these verbs on these resources${followUps ? ` (with ${followUps})` : ''}. Review, then: kubectl apply -f -`,
      ),
      safety: 'mutating',
    });
  }
  return out;
}
