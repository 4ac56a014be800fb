// A small RBAC authorizer for the tests (Kubernetes' RuleAllows / appliesTo, no aggregation or wildcard groups).

import type { PolicyRule } from '../packages/core/src/remediation/rbac.js';

/** A Role, ClusterRole or binding as parsed from a generated manifest. */
export interface Obj {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: PolicyRule[];
  subjects?: { kind: string; name: string; namespace?: string }[];
  roleRef?: { kind: string; name: string };
}
/** One API request, as a Forbidden message describes it. */
export interface Request {
  user: string;
  verb: string;
  group: string;
  resource: string;
  subresource: string | null;
  name: string | null;
  namespace: string | null;
  path: string | null;
}

const has = (list: string[] | undefined, v: string): boolean => (list ?? []).some((x) => x === v || x === '*');

function ruleAllows(r: PolicyRule, q: Request): boolean {
  if (!has(r.verbs, q.verb)) return false;
  if (q.path !== null)
    return (r.nonResourceURLs ?? []).some(
      (u) => u === q.path || (u.endsWith('*') && q.path?.startsWith(u.slice(0, -1))),
    );
  if (r.nonResourceURLs) return false;
  const res = q.subresource ? `${q.resource}/${q.subresource}` : q.resource;
  if (!has(r.apiGroups, q.group) || !has(r.resources, res)) return false;
  return !r.resourceNames || r.resourceNames.length === 0 || (q.name !== null && r.resourceNames.includes(q.name));
}

function subjectMatches(s: { kind: string; name: string; namespace?: string }, user: string): boolean {
  if (s.kind === 'User') return s.name === user;
  if (s.kind === 'ServiceAccount') return user === `system:serviceaccount:${s.namespace ?? ''}:${s.name}`;
  return false;
}

/** Whether the roles and bindings allow the request. */
export function allowed(objs: Obj[], q: Request): boolean {
  const roles = new Map(
    objs
      .filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole')
      .map((o) => [`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]),
  );
  for (const b of objs.filter((o) => o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding')) {
    if (!b.subjects?.some((s) => subjectMatches(s, q.user))) continue;
    if (b.kind === 'RoleBinding' && b.metadata.namespace !== q.namespace) continue;
    if (b.kind === 'RoleBinding' && q.path !== null) continue;
    const ns = b.roleRef?.kind === 'Role' ? (b.metadata.namespace ?? '') : '';
    const role = roles.get(`${b.roleRef?.kind}/${ns}/${b.roleRef?.name}`);
    if (role?.rules?.some((r) => ruleAllows(r, q))) return true;
  }
  return false;
}
