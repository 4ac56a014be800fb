import { describe, expect, test } from 'vitest';
import { parseForbidden } from './forbidden.js';

describe('parseForbidden', () => {
  test.each([
    [
      'Error from server (Forbidden): pods is forbidden: User "jane@example.com" cannot list resource "pods" in API group "" in the namespace "default"',
      {
        username: 'jane@example.com',
        verb: 'list',
        resource: 'pods',
        subresource: null,
        apiGroup: '',
        namespace: 'default',
        clusterScope: false,
        objectName: null,
        legacy: false,
      },
    ],
    [
      'deployments.apps "web" is forbidden: User "ci" cannot patch resource "deployments" in API group "apps" in the namespace "prod"',
      {
        username: 'ci',
        verb: 'patch',
        resource: 'deployments',
        apiGroup: 'apps',
        namespace: 'prod',
        objectName: 'web',
      },
    ],
    [
      'pods "web-0" is forbidden: User "dev" cannot create resource "pods/exec" in API group "" in the namespace "prod"',
      { resource: 'pods', subresource: 'exec', objectName: 'web-0' },
    ],
    [
      'nodes is forbidden: User "system:serviceaccount:kube-system:metrics" cannot list resource "nodes" in API group "" at the cluster scope',
      {
        subject: {
          kind: 'ServiceAccount',
          namespace: 'kube-system',
          name: 'metrics',
          username: 'system:serviceaccount:kube-system:metrics',
        },
        clusterScope: true,
        namespace: null,
      },
    ],
    [
      'forbidden: User "system:serviceaccount:monitoring:prom" cannot get path "/metrics"',
      { path: '/metrics', resource: null, apiGroup: null, clusterScope: true },
    ],
    [
      'forbidden: User "system:anonymous" cannot get path "/"',
      { subject: { kind: 'Anonymous', username: 'system:anonymous' } },
    ],
    [
      'pods is forbidden: User "system:serviceaccount:default:x" cannot list resource "pods" in API group "" in the namespace "default": RBAC: clusterrole.rbac.authorization.k8s.io "pod-reader" not found',
      {
        missingRoles: [{ kind: 'ClusterRole', name: 'pod-reader' }],
        reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "pod-reader" not found',
      },
    ],
    [
      'Error from server (Forbidden): services is forbidden: User "sample-username" cannot list services in the namespace "sample-namespace"',
      {
        username: 'sample-username',
        verb: 'list',
        resource: 'services',
        apiGroup: '',
        namespace: 'sample-namespace',
        legacy: true,
      },
    ],
    [
      'deployments.extensions "web" is forbidden: User "bob" cannot get deployments.extensions in the namespace "dev"',
      { resource: 'deployments', apiGroup: 'extensions', objectName: 'web', legacy: true },
    ],
    [
      'pods "x" is forbidden: User "bob" cannot create pods/exec in the namespace "dev"',
      { resource: 'pods', subresource: 'exec', legacy: true },
    ],
    [
      'configmaps "kube-proxy" is forbidden: User "system:node:node01" cannot get resource "configmaps" in API group "" in the namespace "kube-system": no relationship found between node \'node01\' and this object',
      { subject: { kind: 'Node', name: 'node01', username: 'system:node:node01' } },
    ],
  ])('%s', (line, expected) => {
    expect(parseForbidden(line)).toMatchObject(expected);
  });

  // Wrapped denials from real pastes: quotes escaped by JSON/logfmt/Scala, trailing log text, GKE's `.` before the reason.
  test.each([
    [
      String.raw`time="2019-03-14T13:14:42Z" level=warning msg="Failed to watch app resources on https://kubernetes.default.svc: customresourcedefinitions.apiextensions.k8s.io is forbidden: User \"system:serviceaccount:fr:argocd-application-controller\" cannot list resource \"customresourcedefinitions\" in API group \"apiextensions.k8s.io\" at the cluster scope, retrying in 10s"`,
      {
        username: 'system:serviceaccount:fr:argocd-application-controller',
        resource: 'customresourcedefinitions',
        apiGroup: 'apiextensions.k8s.io',
        clusterScope: true,
        reason: null,
      },
    ],
    [
      String.raw`"message":"pods is forbidden: User \"system:serviceaccount:bluezero:default\" cannot list resource \"pods\" in API group \"\" in the namespace \"bluezero\"",`,
      {
        subject: {
          kind: 'ServiceAccount',
          namespace: 'bluezero',
          name: 'default',
          username: 'system:serviceaccount:bluezero:default',
        },
        namespace: 'bluezero',
      },
    ],
    [
      String.raw`Error from server (Forbidden): User "cluster-user-2@cluster-name.iam.gserviceaccount.com" cannot list pods in the namespace "ns-2".: "role.rbac.authorization.k8s.io \"pod-reader\" not found\nRequired \"container.pods.list\" permission." (get pods)`,
      {
        verb: 'list',
        resource: 'pods',
        namespace: 'ns-2',
        legacy: true,
        missingRoles: [{ kind: 'Role', name: 'pod-reader' }],
      },
    ],
  ])('%s', (line, expected) => {
    expect(parseForbidden(line)).toMatchObject(expected);
  });

  test.each([
    ['pods "web-7d4b9c-" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=10, limited: pods=10'],
    ['pods "x" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false'],
    ['error: You must be logged in to the server (Unauthorized)'],
    ['User "x" cannot'],
  ])('not an authorization denial: %s', (line) => {
    expect(parseForbidden(line)).toBeNull();
  });

  // How its time grows is measured by bench/regex-pump.mjs.
  test('an unclosed quote over a long line is no denial', () => {
    const long = `${'a'.repeat(200_000)} User "${'x'.repeat(200_000)} cannot ${'y '.repeat(100_000)}`;
    expect(parseForbidden(long)).toBeNull();
  });
});

test('a Go-quoted name is read as its characters: every escape strconv.Quote writes is undone', () => {
  const user = (quoted: string): string | undefined =>
    parseForbidden(
      `pods is forbidden: User "${quoted}" cannot list resource "pods" in API group "" in the namespace "dev"`,
    )?.username;
  expect(user('a\\rb')).toBe('a\rb');
  expect(user('a\\u202eb')).toBe('a\u202eb');
  expect(user('a\\U0001f600b')).toBe('a\u{1f600}b');
  expect(user('a\\x1b[31mb')).toBe('a\u001b[31mb');
  expect(user('a\\a\\b\\f\\v\\\\\\"b')).toBe('a\u0007\b\f\v\\"b');
  // A byte that is not UTF-8 is no character a name may hold.
  expect(user('a\\xffb')).toBe('a\uffffb');
});
