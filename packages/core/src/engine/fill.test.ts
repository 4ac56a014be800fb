import * as yaml from 'yaml';
import fc from 'fast-check';
import { parse } from 'shell-quote';
import { expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { ForbiddenFact } from '../facts/schema.js';
import { fillCommand, fillManifest, type Bindings, type Scope } from './bindings.js';

const denial = (username: string, namespace: string | null): ForbiddenFact => ({
  line: 1,
  username,
  subjectKind: 'User',
  subjectName: username,
  subjectNamespace: null,
  verb: 'list',
  resource: 'pods',
  subresource: null,
  apiGroup: '',
  namespace,
  clusterScope: namespace === null,
  path: null,
  objectName: null,
  reason: null,
  missingRoles: [],
  legacy: false,
  rbacInInput: null,
  canI: null,
});
const scope = (items: ForbiddenFact[], bindings: Partial<Bindings> = {}): Scope => ({
  bindings: bindings as Bindings,
  subject: { family: 'forbidden', key: '[]', items: items as unknown as Record<string, unknown>[], seen: new Map() },
});

test('values are quoted for where they land; namespace flags expand to two words or none', () => {
  const t =
    "kubectl auth can-i {{subject.verb}} {{subject.target}} {{subject.namespaceFlag}} --as={{subject.username}} | grep -F '{{subject.username}}'";
  expect(fillCommand(t, scope([denial("o'brien x", 'dev')])).text).toBe(
    "kubectl auth can-i list pods -n dev --as='o'\\''brien x' | grep -F 'o'\\''brien x'",
  );
  expect(fillCommand(t, scope([denial('alice', null)])).text).toBe(
    "kubectl auth can-i list pods --as=alice | grep -F 'alice'",
  );
});

test('a value that fails its grammar rejects the command, naming the placeholder', () => {
  expect(fillCommand('kubectl get pods -n {{subject.namespace}}', scope([denial('a', 'dev;id')])).rejected).toEqual({
    name: 'subject.namespace',
    grammar: 'namespace',
    failure: 'form',
  });
  expect(fillCommand('x --as={{subject.username}}', scope([denial('a\nb', 'dev')])).rejected?.failure).toBe(
    'control-character',
  );
});

test("the tool's own hints stay as written; an input value spelled like a hint does not pass as one", () => {
  const two = scope([denial('alice', 'dev'), denial('bob', 'dev')]);
  expect(fillCommand('x --as={{subject.username}}', two).text).toBe('x --as=<username>');
  expect(fillCommand('x --as={{subject.username}}', scope([denial('<username>', 'dev')])).rejected?.failure).toBe(
    'placeholder',
  );
  expect(fillCommand('x --name {{cluster}}', scope([], { cluster: '<cluster-name>' })).text).toBe(
    'x --name <cluster-name>',
  );
});

test('in a quoted here-document a value must be a plain JSON string body', () => {
  const t = 'cat > a.json <<\'JSON\'\n{"k": "{{oidcProvider}}"}\nJSON';
  const ok = 'oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF';
  expect(fillCommand(t, scope([], { oidcProvider: ok })).text).toBe(t.replace('{{oidcProvider}}', ok));
  expect(fillCommand(t, scope([], { oidcProvider: 'oidc.eks.x.amazonaws.com/id/"a' })).rejected).not.toBeNull();
});

test('YAML templates are filled by structure: a value is one scalar, quoted as YAML 1.1 needs', () => {
  const t =
    '# patch <namespace>: {{subject.namespace}}\n- op: replace\n  path: /subjects/0/namespace\n  value: {{subject.namespace}}\n';
  expect(fillManifest(yaml, t, scope([denial('a', 'no')])).text).toBe(
    '# patch <namespace>: <namespace>\n- op: replace\n  path: /subjects/0/namespace\n  value: "no"\n',
  );
});

// A custom rule's template may put a value of no specific grammar (a signature's named group) anywhere.
const ROLE_TEMPLATE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: x-{{subject.groups.name}}
  namespace: dev
rules:
  - apiGroups: [""]
    resources: ["{{subject.groups.what}}"]
    verbs: [{{subject.groups.what}}, get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: x
  namespace: dev
subjects:
  - kind: Group
    name: {{subject.groups.what}}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: {{subject.groups.what}}
`;
const groupScope = (what: string): Scope => ({
  bindings: {} as Bindings,
  subject: { family: 'signals', key: '[]', items: [{ line: 1, groups: { what, name: 'a' } }], seen: new Map() },
});

test('property: whatever a custom template puts where, a manifest never carries *, cluster-admin or system:masters', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('*', 'get*', '*/*', 'cluster-admin', 'Cluster-Admin', 'system:masters', 'SYSTEM:MASTERS ', 'view'),
  );
  fc.assert(
    fc.property(value, (v) => {
      const out = fillManifest(yaml, ROLE_TEMPLATE, groupScope(v));
      if (out.text === null) return;
      const objs = parseAllDocuments(out.text, { version: '1.1' }).map((d) => JSON.stringify(d.toJS()));
      for (const o of objs) {
        expect(o).not.toContain('*');
        expect(o.toLowerCase()).not.toMatch(/cluster-admin|system:masters/);
      }
    }),
    { numRuns: 500 },
  );
});

test('property: a value that begins a shell word never begins with -, in any quoting', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('-n', '--server=https://e', '--token=x', '-')),
      fc.constantFrom(
        'head -5 {{subject.groups.what}}',
        "grep -F '{{subject.groups.what}}' f",
        'kubectl get nodepool "{{subject.groups.what}}"',
      ),
      (v, template) => {
        const out = fillCommand(template, groupScope(v));
        if (out.text === null) return;
        const words = parse(out.text).filter((w): w is string => typeof w === 'string');
        expect(words.filter((w) => w.startsWith('-'))).toEqual(
          template.startsWith('head') ? ['-5'] : template.startsWith('grep') ? ['-F'] : [],
        );
      },
    ),
    { numRuns: 500 },
  );
});

test('a mutating command does not take cluster-admin or system:masters from a paste; a read-only one may', () => {
  const t = 'kubectl create rolebinding x --clusterrole={{subject.groups.what}} --user=alice -n dev';
  expect(fillCommand(t, groupScope('cluster-admin'), true).rejected?.failure).toBe('privileged');
  expect(fillCommand('kubectl get clusterrole {{subject.groups.what}}', groupScope('cluster-admin')).text).toBe(
    'kubectl get clusterrole cluster-admin',
  );
});
