// Relations between inputs pasted together, kept on the fact they are about so that a rule about one item can read
// them: whether the RBAC objects in the input bind a denied subject and grant its request, what a `kubectl auth can-i`
// of the same identity answered, whether a whoami user is named by a binding, whether an access entry overrides an
// aws-auth mapping of the same principal.
import { canonicalArn, sameArn, stripRolePath } from '../aws/arn.js';
import type {
  AccessEntryFact,
  AuthCheckFact,
  AuthRuleFact,
  AwsAuthFact,
  BindingFact,
  ForbiddenFact,
  RbacRuleFact,
  ReadAwsAuthFact,
  ReadForbiddenFact,
  ReadWhoamiFact,
  RoleFact,
  WhoamiFact,
} from './schema.js';

/** The RBAC objects and checks of an input that denials are related to. */
export interface RbacInput {
  bindings: readonly BindingFact[];
  roles: readonly RoleFact[];
  authChecks: readonly AuthCheckFact[];
  authRules: readonly AuthRuleFact[];
  whoami: ReadWhoamiFact | null;
}

type Subject = BindingFact['subjects'][number];

/** Each denial with what the pasted bindings, roles and can-i answers say about it. */
export function relateForbidden(forbidden: readonly ReadForbiddenFact[], rbac: RbacInput): ForbiddenFact[] {
  return forbidden.map((f) => Object.assign({}, f, { rbacInInput: rbacInInput(f, rbac), canI: canI(f, rbac) }));
}

/** The whoami user, with whether a pasted binding names it or one of its groups. */
export function relateWhoami(whoami: ReadWhoamiFact | null, bindings: readonly BindingFact[]): WhoamiFact | null {
  if (whoami === null) return null;
  const bound =
    bindings.length === 0
      ? null
      : bindings.some((b) =>
          b.subjects.some(
            (s) =>
              (s.kind === 'User' && s.name === whoami.username) ||
              (s.kind === 'Group' && whoami.groups.includes(s.name)),
          ),
        );
  return Object.assign({}, whoami, { boundInInput: bound });
}

/**
 * Access entries, with the policies of a `list-associated-access-policies` answer that does not name its principal
 * (`--query`, older CLIs) given to the one entry of the input it can belong to.
 */
export function relateAccessEntries(entries: readonly AccessEntryFact[]): AccessEntryFact[] {
  const anonymous = entries.filter((e) => e.principalArn === '');
  const named = entries.filter((e) => e.principalArn !== '');
  const only = named[0];
  if (anonymous.length !== 1 || named.length !== 1 || only === undefined || only.policies !== null) return [...entries];
  return [Object.assign({}, only, { policies: anonymous[0]?.policies ?? null })];
}

/** The aws-auth ConfigMap with, on each mapping, whether an access entry of the input has the same principal. */
export function relateAwsAuth(
  awsAuth: ReadAwsAuthFact | null,
  accessEntries: readonly AccessEntryFact[],
): AwsAuthFact | null {
  if (awsAuth === null) return null;
  const principals = accessEntries.flatMap((a) => [a.principalArn, a.canonicalArn, stripRolePath(a.principalArn)]);
  return Object.assign({}, awsAuth, {
    entries: awsAuth.entries.map((e) =>
      Object.assign({}, e, {
        shadowedByAccessEntry:
          accessEntries.length === 0
            ? null
            : principals.some((p) => sameArn(p, e.arn) || sameArn(p, canonicalArn(e.arn))),
      }),
    ),
  });
}

function rbacInInput(f: ReadForbiddenFact, rbac: RbacInput): ForbiddenFact['rbacInInput'] {
  if (rbac.bindings.length === 0) return null;
  const groups = rbac.whoami !== null && rbac.whoami.username === f.username ? rbac.whoami.groups : [];
  const applicable = rbac.bindings.filter((b) => appliesTo(b, f) && b.subjects.some((s) => names(s, b, f, groups)));
  if (applicable.length === 0) return 'not-bound';
  let missing = false;
  for (const b of applicable) {
    const role = rbac.roles.find(
      (r) =>
        r.kind === b.roleKind && r.name === b.roleName && (r.kind === 'ClusterRole' || r.namespace === b.namespace),
    );
    if (role === undefined) missing = true;
    else if (role.rules.some((r) => grants(r, f))) return 'bound-with-rule';
  }
  return missing ? 'bound' : 'bound-without-rule';
}

/** A ClusterRoleBinding applies everywhere, a RoleBinding only to requests in its namespace. */
function appliesTo(b: BindingFact, f: ReadForbiddenFact): boolean {
  return b.kind === 'ClusterRoleBinding' || (f.namespace !== null && b.namespace === f.namespace);
}

/** Whether a binding subject is the denied identity (by name, or a group it is known to be in). */
function names(s: Subject, b: BindingFact, f: ReadForbiddenFact, groups: readonly string[]): boolean {
  if (s.kind === 'Group') {
    if (groups.includes(s.name)) return true;
    if (f.subjectKind === 'Anonymous') return s.name === 'system:unauthenticated';
    if (s.name === 'system:authenticated') return true;
    if (f.subjectKind === 'ServiceAccount')
      return s.name === 'system:serviceaccounts' || s.name === `system:serviceaccounts:${f.subjectNamespace ?? ''}`;
    return f.subjectKind === 'Node' && s.name === 'system:nodes';
  }
  if (s.kind === 'ServiceAccount')
    return (
      f.subjectKind === 'ServiceAccount' &&
      s.name === f.subjectName &&
      (s.namespace ?? b.namespace) === f.subjectNamespace
    );
  return s.name === f.username;
}

/** Whether one rule of a role allows the denied request. */
function grants(r: RbacRuleFact, f: ReadForbiddenFact): boolean {
  if (!r.verbs.includes('*') && !r.verbs.includes(f.verb)) return false;
  if (f.resource === null) return f.path !== null && r.nonResourceURLs.some((u) => urlMatches(u, f.path ?? ''));
  if (f.apiGroup !== null && !r.apiGroups.includes('*') && !r.apiGroups.includes(f.apiGroup)) return false;
  const wanted = f.subresource === null ? [f.resource] : [`${f.resource}/${f.subresource}`, `${f.resource}/*`];
  if (!r.resources.includes('*') && !wanted.some((w) => r.resources.includes(w))) return false;
  return r.resourceNames.length === 0 || (f.objectName !== null && r.resourceNames.includes(f.objectName));
}

function urlMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

function canI(f: ReadForbiddenFact, rbac: RbacInput): ForbiddenFact['canI'] {
  for (const check of rbac.authChecks) {
    const asked = check.command === null ? null : parseCanI(check.command);
    if (asked !== null && sameRequest(asked, f)) return check.allowed ? 'allowed' : 'denied';
  }
  // `can-i --list` shows what the kubeconfig's own user may do (its `--as` is not in the table).
  if (rbac.authRules.length === 0 || f.subjectKind !== 'User' || f.resource === null) return null;
  const resource = f.resource;
  const names = [resource, f.apiGroup ? `${resource}.${f.apiGroup}` : resource, '*', '*.*'];
  if (f.subresource !== null) names.push(`${resource}/${f.subresource}`);
  const covered = rbac.authRules.some(
    (r) =>
      (r.verbs.includes('*') || r.verbs.includes(f.verb)) &&
      r.resources.some((x) => names.includes(x)) &&
      (r.resourceNames.length === 0 || (f.objectName !== null && r.resourceNames.includes(f.objectName))),
  );
  return covered ? 'allowed' : 'denied';
}

interface CanIRequest {
  verb: string;
  resource: string;
  group: string | null;
  namespace: string | null;
  as: string | null;
}

/** `kubectl auth can-i VERB TYPE[.GROUP][/NAME] [-n NS] [--as USER]`; null for other commands. */
export function parseCanI(command: string): CanIRequest | null {
  const words = command.trim().split(/\s+/);
  const at = words.indexOf('can-i');
  if (at < 0) return null;
  const args: string[] = [];
  let namespace: string | null = null;
  let as: string | null = null;
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i] as string;
    const value = (flag: string): string | null =>
      w === flag ? (words[++i] ?? null) : w.startsWith(`${flag}=`) ? w.slice(flag.length + 1) : null;
    const ns = value('-n') ?? value('--namespace');
    const user = value('--as');
    if (ns !== null) namespace = ns;
    else if (user !== null) as = user;
    else if (!w.startsWith('-')) args.push(w);
  }
  const [verb, target] = args;
  if (verb === undefined || target === undefined || target.startsWith('/')) return null;
  const type = target.split('/')[0] ?? '';
  const dot = type.indexOf('.');
  return {
    verb,
    resource: dot < 0 ? type : type.slice(0, dot),
    group: dot < 0 ? null : type.slice(dot + 1),
    namespace,
    as,
  };
}

/** Whether a can-i question is the denied request of the denied identity (the kubeconfig user when no --as). */
function sameRequest(q: CanIRequest, f: ReadForbiddenFact): boolean {
  if (q.as !== null ? q.as !== f.username : f.subjectKind !== 'User' && f.subjectKind !== 'Anonymous') return false;
  if (q.verb !== f.verb && q.verb !== '*') return false;
  const r = f.resource;
  if (r === null || !(q.resource === r || `${q.resource}s` === r || `${q.resource}es` === r || q.resource === '*'))
    return false;
  if (q.group !== null && f.apiGroup !== null && q.group !== f.apiGroup) return false;
  return q.namespace === null || f.namespace === null || q.namespace === f.namespace;
}
