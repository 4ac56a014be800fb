import { describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import type { Issue } from '../report.js';
import { toLines } from '../input/lines.js';
import { splitSections } from '../input/split.js';
import { extractFacts } from './extract.js';
import { parseCanI } from './relations.js';

function facts(text: string): ReturnType<typeof extractFacts> {
  const issues: Issue[] = [];
  return extractFacts(splitSections(toLines(text)), issues, { yaml });
}

const DENIED =
  'Error from server (Forbidden): pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "dev"';

const binding = (subject: string, kind = 'RoleBinding', ns = 'dev'): string =>
  [
    '$ kubectl get rolebinding read-pods -n dev -o yaml',
    'apiVersion: rbac.authorization.k8s.io/v1',
    `kind: ${kind}`,
    'metadata:',
    '  name: read-pods',
    ...(kind === 'RoleBinding' ? [`  namespace: ${ns}`] : []),
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    '  kind: Role',
    '  name: pod-reader',
    'subjects:',
    '- apiGroup: rbac.authorization.k8s.io',
    '  kind: User',
    `  name: ${subject}`,
  ].join('\n');

const role = (verbs: string): string =>
  [
    '$ kubectl get role pod-reader -n dev -o yaml',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: Role',
    'metadata:',
    '  name: pod-reader',
    '  namespace: dev',
    'rules:',
    '- apiGroups: [""]',
    '  resources: ["pods"]',
    `  verbs: [${verbs}]`,
  ].join('\n');

describe('a denial related to the RBAC objects pasted with it', () => {
  test('without bindings nothing is known', () => {
    expect(facts(DENIED).forbidden[0]?.rbacInInput).toBeNull();
  });

  test('a binding that names another user', () => {
    expect(facts(`${DENIED}\n${binding('bob')}`).forbidden[0]?.rbacInInput).toBe('not-bound');
  });

  test('a RoleBinding of another namespace does not apply', () => {
    expect(facts(`${DENIED}\n${binding('alice', 'RoleBinding', 'prod')}`).forbidden[0]?.rbacInInput).toBe('not-bound');
  });

  test('the user is bound; the role is not pasted, grants the request, or does not', () => {
    expect(facts(`${DENIED}\n${binding('alice')}`).forbidden[0]?.rbacInInput).toBe('bound');
    expect(facts(`${DENIED}\n${binding('alice')}\n${role('"get", "list"')}`).forbidden[0]?.rbacInInput).toBe(
      'bound-with-rule',
    );
    expect(facts(`${DENIED}\n${binding('alice')}\n${role('"get"')}`).forbidden[0]?.rbacInInput).toBe(
      'bound-without-rule',
    );
  });
});

describe('a denial related to kubectl auth can-i', () => {
  test('the same request of the same identity, answered yes or no', () => {
    expect(facts(`$ kubectl auth can-i list pods -n dev\nyes\n${DENIED}`).forbidden[0]?.canI).toBe('allowed');
    expect(facts(`$ kubectl auth can-i list pods -n dev\nno\n${DENIED}`).forbidden[0]?.canI).toBe('denied');
  });

  test('another verb, namespace or identity says nothing', () => {
    expect(facts(`$ kubectl auth can-i get pods -n dev\nyes\n${DENIED}`).forbidden[0]?.canI).toBeNull();
    expect(facts(`$ kubectl auth can-i list pods -n prod\nyes\n${DENIED}`).forbidden[0]?.canI).toBeNull();
    expect(facts(`$ kubectl auth can-i list pods --as bob\nyes\n${DENIED}`).forbidden[0]?.canI).toBeNull();
  });

  test('can-i --list: the request is covered or not', () => {
    const list = (row: string): string =>
      `$ kubectl auth can-i --list -n dev\nResources   Non-Resource URLs   Resource Names   Verbs\n${row}\n${DENIED}`;
    expect(facts(list('pods        []                  []               [get list watch]')).forbidden[0]?.canI).toBe(
      'allowed',
    );
    expect(facts(list('services    []                  []               [get list watch]')).forbidden[0]?.canI).toBe(
      'denied',
    );
  });

  test('parseCanI reads the request and its flags', () => {
    expect(
      parseCanI('kubectl auth can-i create deployments.apps --namespace=prod --as system:serviceaccount:ci:bot'),
    ).toEqual({
      verb: 'create',
      resource: 'deployments',
      group: 'apps',
      namespace: 'prod',
      as: 'system:serviceaccount:ci:bot',
    });
    expect(parseCanI('kubectl auth can-i get /healthz')).toBeNull();
    expect(parseCanI('kubectl get pods')).toBeNull();
  });
});

test('whoami: named by a pasted binding or not', () => {
  const whoami = 'ATTRIBUTE   VALUE\nUsername    alice\nGroups      [dev-team system:authenticated]';
  expect(facts(`$ kubectl auth whoami\n${whoami}\n${binding('bob')}`).whoami?.boundInInput).toBe(false);
  expect(facts(`$ kubectl auth whoami\n${whoami}\n${binding('alice')}`).whoami?.boundInInput).toBe(true);
  expect(facts(`$ kubectl auth whoami\n${whoami}`).whoami?.boundInInput).toBeNull();
});

test('aws-auth: a mapping whose principal also has an access entry is shadowed by it', () => {
  const awsAuth = [
    '$ kubectl get configmap aws-auth -n kube-system -o yaml',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: aws-auth',
    '  namespace: kube-system',
    'data:',
    '  mapRoles: |',
    '    - rolearn: arn:aws:iam::111122223333:role/platform-admin',
    '      username: admin',
    '      groups:',
    '        - system:masters',
    '    - rolearn: arn:aws:iam::111122223333:role/ops',
    '      username: ops',
    '      groups:',
    '        - ops',
  ].join('\n');
  const entries = [
    '$ aws eks list-access-entries --cluster-name c',
    '{',
    '    "accessEntries": [',
    '        "arn:aws:iam::111122223333:role/teams/platform-admin"',
    '    ]',
    '}',
  ].join('\n');
  expect(facts(awsAuth).awsAuth?.entries.map((e) => e.shadowedByAccessEntry)).toEqual([null, null]);
  expect(facts(`${awsAuth}\n${entries}`).awsAuth?.entries.map((e) => e.shadowedByAccessEntry)).toEqual([true, false]);
});

test('access entries: an unnamed policy list belongs to the one entry of the input', () => {
  const entry = [
    '$ aws eks describe-access-entry --cluster-name c --principal-arn arn:aws:iam::111122223333:role/dev',
    '{',
    '    "accessEntry": {',
    '        "clusterName": "c",',
    '        "principalArn": "arn:aws:iam::111122223333:role/dev",',
    '        "kubernetesGroups": [],',
    '        "type": "STANDARD"',
    '    }',
    '}',
  ].join('\n');
  const policies = [
    '$ aws eks list-associated-access-policies --cluster-name c --principal-arn $ROLE_ARN',
    '{',
    '    "associatedAccessPolicies": []',
    '}',
  ].join('\n');
  const related = facts(`${entry}\n${policies}`).accessEntries;
  expect(related.map((e) => [e.principalArn, e.policies])).toEqual([['arn:aws:iam::111122223333:role/dev', []]]);
  expect(facts(entry).accessEntries.map((e) => e.policies)).toEqual([null]);
});
