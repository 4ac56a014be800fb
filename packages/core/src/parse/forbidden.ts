// Format (apiserver ≥1.12):
//   Error from server (Forbidden): deployments.apps "web" is forbidden: User "ci" cannot patch resource "deployments" in API group "apps" in the namespace "prod"
//   forbidden: User "system:anonymous" cannot get path "/"
// Format (≤1.11, "legacy"):
//   services is forbidden: User "sample-username" cannot list services in the namespace "sample-namespace"
// Optional reason suffix: `: RBAC: clusterrole.rbac.authorization.k8s.io "x" not found`.
import { unquoteGo } from './normalize.js';

/** The subject a Forbidden message names, classified as RBAC needs it. */
export type Subject =
  | { kind: 'ServiceAccount'; name: string; namespace: string; username: string }
  | { kind: 'User'; name: string; username: string }
  | { kind: 'Node'; name: string; username: string }
  | { kind: 'Anonymous'; username: string };

/** One parsed authorization denial. */
export interface ForbiddenMatch {
  username: string;
  subject: Subject;
  verb: string;
  resource: string | null;
  subresource: string | null;
  apiGroup: string | null;
  namespace: string | null;
  clusterScope: boolean;
  path: string | null;
  objectName: string | null;
  reason: string | null;
  missingRoles: { kind: 'Role' | 'ClusterRole'; name: string }[];
  legacy: boolean;
}

const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
// A namespace is a DNS label (or a redaction token): no quote, backslash or space.
const NAMESPACE = String.raw`"([^"\\\s]*)"`;
// The message may end the line or be followed by a reason (`: …`; GKE puts a `.` first) or by the rest of a log line
// that quoted it (`, retrying in 10s`, `"}`): the scope clause is the end of the denial proper.
const TAIL = String.raw`\.?(?:: (.*))?`;
// Both are anchored and tried on the text from the first `User "` on. Everything after the resource may be cut off
// (a line cut short, or the end of a wrapped piece): a clause counts only when it is whole, so a cut namespace or API
// group is unknown (null) rather than a wrong value.
const CURRENT = new RegExp(
  String.raw`^User ${QUOTED} cannot (\S+) (?:resource "([^"/]+)(?:/([^"]+))?(?:"(?: in API group "([^"]*)"(?: (?:in the namespace ${NAMESPACE}|(at the cluster scope)))?)?)?|path "([^"]*)(?:"|$))${TAIL}`,
);
const LEGACY = new RegExp(
  String.raw`^User ${QUOTED} cannot (\S+) ([a-z0-9-]+)(?:\.([a-z0-9.-]+))?(?:/([a-z0-9-]+))?(?= in\b| at\b|$)(?: (?:in the namespace ${NAMESPACE}|(at the cluster scope)))?${TAIL}`,
);
const PREFIX = /(?:^|[\s:])([a-z0-9][a-z0-9.-]{0,252})(?: "((?:[^"\\]|\\.){0,253})")? is forbidden: $/;
const ROLE_NOT_FOUND = /(clusterrole|role)\.rbac\.authorization\.k8s\.io \\?"([^"\\]*)\\?" not found/g;
// A redaction token (`***`, `<namespace>`, `XXXX`) may stand for either name.
const SA =
  /^system:serviceaccount:([a-z0-9](?:[-a-z0-9]*[a-z0-9])?|\*{3,}|<[^<>:\s]{1,40}>|X{3,}):([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?|\*{3,}|<[^<>:\s]{1,40}>|X{3,})$/;

/** Classifies the username of a denial into the RBAC subject it stands for. */
export function classifySubject(username: string): Subject {
  const sa = SA.exec(username);
  if (sa?.[1] && sa[2]) return { kind: 'ServiceAccount', namespace: sa[1], name: sa[2], username };
  if (username === 'system:anonymous') return { kind: 'Anonymous', username };
  if (username.startsWith('system:node:'))
    return { kind: 'Node', name: username.slice('system:node:'.length), username };
  return { kind: 'User', name: username, username };
}

function decodeHtml(s: string): string {
  return s.includes('&') ? s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : s;
}

/** Extracts a Forbidden denial from one (normalised) message line, or null. Linear in the line length. */
export function parseForbidden(line: string): ForbiddenMatch | null {
  let text = line;
  // Inside JSON, logfmt or a Go struct dump the message's quotes are escaped (once or twice): unescape first.
  for (let i = 0; i < 2 && !text.includes('User "') && text.includes('User \\'); i++) text = unquoteGo(text);
  const at = text.indexOf('User "');
  if (at < 0 || !text.includes(' cannot ', at)) return null;
  let legacy = false;
  const from = text.slice(at);
  let m = CURRENT.exec(from);
  let groups: (string | undefined)[];
  if (m) {
    groups = [m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9]];
  } else {
    m = LEGACY.exec(from);
    // A word at the very end may be the start of `resource "…"` cut off, not a resource of the old grammar.
    const bare = m !== null && m[4] === undefined && m[5] === undefined && m[6] === undefined && m[7] === undefined;
    if (!m || (bare && m[0].length === from.length && 'resource'.startsWith(m[3] ?? ''))) return null;
    legacy = true;
    // legacy: user, verb, resource, group, sub, ns, cluster, reason → same slots as current
    groups = [m[1], m[2], m[3], m[5], m[4], m[6], m[7], undefined, m[8]];
  }
  const [user, verb, resource, subresource, apiGroup, namespace, cluster, path, reason] = groups;
  if (user === undefined || verb === undefined) return null;
  const username = decodeHtml(unquoteGo(user));
  const head = text.slice(Math.max(0, at - 600), at);
  const pre = PREFIX.exec(head);
  const reasonText = reason ?? null;
  const missingRoles: ForbiddenMatch['missingRoles'] = [];
  if (reasonText) {
    for (const r of reasonText.matchAll(ROLE_NOT_FOUND)) {
      if (r[2] !== undefined)
        missingRoles.push({ kind: r[1] === 'clusterrole' ? 'ClusterRole' : 'Role', name: unquoteGo(r[2]) });
    }
  }
  return {
    username,
    subject: classifySubject(username),
    verb,
    resource: resource ?? null,
    subresource: subresource ?? null,
    apiGroup: resource === undefined || (apiGroup === undefined && !legacy) ? null : (apiGroup ?? ''),
    namespace: namespace === undefined ? null : unquoteGo(namespace),
    clusterScope: cluster !== undefined || path !== undefined,
    path: path === undefined ? null : decodeHtml(unquoteGo(path)),
    objectName: pre?.[2] === undefined ? null : unquoteGo(pre[2]),
    reason: reasonText,
    missingRoles,
    legacy,
  };
}
