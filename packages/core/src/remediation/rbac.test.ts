import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { ForbiddenFact } from '../facts/schema.js';
import { allowed, type Obj, type Request } from '../../../../test-support/rbac.js';
import * as yaml from 'yaml';
import { rbacRemediation as rbacWith, subjectNamePart, type DenialContext } from './rbac.js';

const rbacRemediation = (denials: Parameters<typeof rbacWith>[0], ctx: DenialContext = {}) =>
  rbacWith(denials, { yaml, ...ctx });

const NAMED = new Set(['get', 'update', 'patch', 'delete']);

function denial(q: Request, line: number): ForbiddenFact {
  const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(q.user);
  return {
    line,
    username: q.user,
    subjectKind: sa ? 'ServiceAccount' : 'User',
    subjectName: sa ? (sa[2] ?? '') : q.user,
    subjectNamespace: sa ? (sa[1] ?? null) : null,
    verb: q.verb,
    resource: q.path === null ? q.resource : null,
    subresource: q.path === null ? q.subresource : null,
    apiGroup: q.path === null ? q.group : null,
    namespace: q.namespace,
    clusterScope: q.namespace === null,
    path: q.path,
    objectName: q.name,
    reason: null,
    missingRoles: [],
    legacy: false,
    rbacInInput: null,
    canI: null,
  };
}

const requestArb = fc
  .record({
    user: fc.constantFrom('alice', 'system:serviceaccount:apps:api'),
    verb: fc.constantFrom('get', 'list', 'watch', 'create', 'patch', 'delete'),
    gr: fc.constantFrom(
      ['', 'pods'],
      ['', 'services'],
      ['apps', 'deployments'],
      ['coordination.k8s.io', 'leases'],
      ['', 'nodes'],
    ),
    subresource: fc.constantFrom(null, null, 'log', 'exec', 'status'),
    // A request with a named verb, or to a subresource such as exec, always carries the object name (it is printed in
    // the Forbidden prefix).
    name: fc.constantFrom('web-0', 'db'),
    namespace: fc.constantFrom('prod', 'dev', null),
    path: fc.constantFrom(null, null, null, null, '/metrics', '/healthz'),
  })
  .map((r): Request => ({
    user: r.user,
    verb: r.path !== null ? 'get' : r.verb,
    group: r.path === null ? (r.gr[0] ?? '') : '',
    resource: r.path === null ? (r.gr[1] ?? '') : '',
    subresource: r.path === null ? r.subresource : null,
    name: r.path === null && (NAMED.has(r.verb) || (r.subresource === 'exec' && r.gr[1] === 'pods')) ? r.name : null,
    namespace: r.path === null ? r.namespace : null,
    path: r.path,
  }));

const key = (q: Request): string =>
  JSON.stringify([q.user, q.verb, q.group, q.resource, q.subresource, q.name, q.namespace, q.path]);

describe('rbacRemediation', () => {
  test('property: the generated roles allow every denied request and nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(requestArb, { minLength: 1, maxLength: 6 }),
        fc.array(requestArb, { minLength: 1, maxLength: 30 }),
        (denied, probes) => {
          const objs = rbacRemediation(denied.map((q, i) => denial(q, i + 1))).flatMap((r) =>
            parseAllDocuments(r.yaml ?? '').map((d) => d.toJS() as Obj),
          );
          // A cluster-scope denial needs a ClusterRoleBinding, which by Kubernetes semantics also covers the same
          // verb and resource inside every namespace: those requests are implied, nothing beyond them.
          const deniedKeys = new Set([
            ...denied.map(key),
            ...denied
              .filter((d) => d.namespace === null && d.path === null)
              .flatMap((d) => ['prod', 'dev'].map((ns) => key({ ...d, namespace: ns }))),
          ]);
          for (const q of denied) expect(allowed(objs, q), `denied request must be allowed: ${key(q)}`).toBe(true);
          for (const q of probes) {
            // A request without a name (list, create…) equals the denial; named requests match their own name only.
            expect(allowed(objs, q), `only denied requests may be allowed: ${key(q)}`).toBe(deniedKeys.has(key(q)));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('several denials of one subject in one namespace merge into one Role; resourceNames only for named verbs', () => {
    const base = { user: 'alice', group: '', subresource: null, namespace: 'prod', path: null };
    const out = rbacRemediation([
      denial({ ...base, verb: 'list', resource: 'pods', name: null }, 1),
      denial({ ...base, verb: 'watch', resource: 'pods', name: null }, 2),
      denial({ ...base, verb: 'get', resource: 'secrets', name: 'db' }, 3),
    ]);
    expect(out).toHaveLength(1);
    const [role] = parseAllDocuments(out[0]?.yaml ?? '').map((d) => d.toJS() as Obj);
    expect(role?.rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['db'], verbs: ['get'] },
    ]);
  });

  test('cluster scope and non-resource paths become a ClusterRole + ClusterRoleBinding; nodes and anonymous get nothing', () => {
    const out = rbacRemediation([
      denial(
        {
          user: 'system:serviceaccount:monitoring:prom',
          verb: 'list',
          group: '',
          resource: 'nodes',
          subresource: null,
          name: null,
          namespace: null,
          path: null,
        },
        1,
      ),
      denial(
        {
          user: 'system:serviceaccount:monitoring:prom',
          verb: 'get',
          group: '',
          resource: '',
          subresource: null,
          name: null,
          namespace: null,
          path: '/metrics',
        },
        2,
      ),
      {
        ...denial(
          {
            user: 'system:anonymous',
            verb: 'get',
            group: '',
            resource: '',
            subresource: null,
            name: null,
            namespace: null,
            path: '/',
          },
          3,
        ),
        subjectKind: 'Anonymous',
      },
    ]);
    expect(out).toHaveLength(1);
    const docs = parseAllDocuments(out[0]?.yaml ?? '').map((d) => d.toJS() as Obj);
    expect(docs.map((d) => d.kind)).toEqual(['ClusterRole', 'ClusterRoleBinding']);
    expect(docs[0]?.rules).toEqual([
      { apiGroups: [''], resources: ['nodes'], verbs: ['list'] },
      { nonResourceURLs: ['/metrics'], verbs: ['get'] },
    ]);
    expect(docs[1]?.subjects).toEqual([{ kind: 'ServiceAccount', name: 'prom', namespace: 'monitoring' }]);
  });
});

describe('escalation-aware', () => {
  const base: Request = {
    user: 'bob',
    verb: 'impersonate',
    group: '',
    resource: 'groups',
    subresource: null,
    name: 'team-readers',
    namespace: null,
    path: null,
  };
  const docs = (out: ReturnType<typeof rbacRemediation>): Obj[] =>
    out.flatMap((r) => parseAllDocuments(r.yaml ?? '').map((d) => d.toJS() as Obj));

  test('impersonating a named group: pinned with resourceNames, safety escalation, a warning', () => {
    const out = rbacRemediation([denial(base, 1)]);
    expect(out.map((r) => [r.kind, r.safety])).toEqual([
      ['manifest', 'escalation'],
      ['note', 'read-only'],
    ]);
    expect(docs(out)[0]?.rules).toEqual([
      { apiGroups: [''], resources: ['groups'], resourceNames: ['team-readers'], verbs: ['impersonate'] },
    ]);
  });

  test.each([
    ['system:masters', 'groups', 'privileged group'],
    ['system:nodes', 'groups', 'privileged group'],
    ['system:kube-controller-manager', 'users', 'privileged identity'],
    ['cluster-admin', 'clusterroles', 'unrestricted admin'],
  ])('refused: %s (%s)', (name, resource, words) => {
    const verb = resource === 'clusterroles' ? 'bind' : 'impersonate';
    const group = resource === 'clusterroles' ? 'rbac.authorization.k8s.io' : '';
    const out = rbacRemediation([denial({ ...base, verb, resource, group, name }, 3)]);
    expect(out).toHaveLength(1);
    expect(out[0]?.kind).toBe('note');
    expect(out[0]?.text).toContain(words);
  });

  test('a group bound to cluster-admin in the input is privileged too', () => {
    const out = rbacRemediation([denial(base, 1)], { admins: new Set(['Group:team-readers']) });
    expect(out.map((r) => r.kind)).toEqual(['note']);
  });

  test('unpinned impersonation, token minting or exec: refused; wildcards: refused', () => {
    for (const q of [
      { ...base, name: null },
      { ...base, verb: 'create', resource: 'serviceaccounts', subresource: 'token', name: null, namespace: 'apps' },
      { ...base, verb: 'create', resource: 'pods', subresource: 'exec', name: null, namespace: 'apps' },
      { ...base, verb: '*', resource: '*', group: '*', name: null, namespace: 'apps' },
      { ...base, verb: 'get', resource: '', group: '', name: null, path: '/*' },
    ])
      expect(rbacRemediation([denial(q, 1)]).map((r) => r.kind)).toEqual(['note']);
  });

  test('cluster-wide secret reads are an escalation; namespaced ones are not', () => {
    const q = { ...base, verb: 'list', resource: 'secrets', name: null };
    expect(rbacRemediation([denial(q, 1)])[0]?.safety).toBe('escalation');
    expect(rbacRemediation([denial({ ...q, namespace: 'apps' }, 1)])[0]?.safety).toBe('mutating');
  });
});

test('property: generated object names differ for every two exact subjects', () => {
  const name = fc.oneof(
    fc.constantFrom('alice', 'alice@example.com', 'alice-example.com', 'Alice', 'default', 'a-default', 'team-a'),
    fc.string({ maxLength: 12 }),
  );
  const subject = fc.oneof(
    fc.tuple(fc.constant('User'), name, fc.constant<string | null>(null)),
    fc.tuple(fc.constant('ServiceAccount'), name, fc.constantFrom<string | null>('team', 'team-a', 'a', 'default')),
  );
  fc.assert(
    fc.property(subject, subject, (a, b) => {
      fc.pre(JSON.stringify(a) !== JSON.stringify(b));
      expect(subjectNamePart(a[0], a[1], a[2])).not.toBe(subjectNamePart(b[0], b[1], b[2]));
    }),
    { numRuns: 5000 },
  );
});
