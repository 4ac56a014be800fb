// The invariants of a --fix stream over arbitrary input: pastes built from a grammar of Forbidden (current, legacy,
// inside JSON logs), Unauthorized, caller identity, aws-auth (every list style) and describe fragments, with hostile
// characters mixed into values and between fragments. Whatever the paste, the stream parses as YAML 1.1 into objects of
// the kinds remediation emits, at most one aws-auth whose lists read back, no `*`, no cluster-admin or system:masters
// granted, no escalating grant unless asked for (and then pinned), and every subject a name the paste gave as that
// subject.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { diagnose, type Report } from '@rbac-diagnose/core';
import { builtinRuleSet, builtinRules } from '@rbac-diagnose/rules';
import { escalating } from '../../../test-support/escalation.js';
import { renderFix } from '../src/output.js';

// The kinds remediation emits: the generators' (rbac.ts, aws-auth.ts) and those of the rules' manifest templates.
const ALLOWED = new Set([
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'ConfigMap',
  ...builtinRules.flatMap((r) =>
    r.remediation
      .filter((x) => x.kind === 'manifest' && x.yaml !== undefined)
      .flatMap((x) => [...(x.yaml ?? '').matchAll(/^kind: (\w+)$/gm)].map((m) => m[1] ?? '')),
  ),
]);

const HOSTILE_CHARS = [
  '\n',
  '\\n',
  '\\\\n',
  '\\u000a',
  '\\x0a',
  '%0A',
  '&#10;',
  '\u2028',
  '\u2029',
  '\u0085',
  '\r',
  '\t',
  '\u202e',
  '\u200b',
  '\u001b[31m',
  '"',
  "'",
  '`',
  '$(id)',
  ';',
  '{',
  '}',
  '[',
  ']',
  '&a',
  '*a',
  '!!str',
  '---',
  '...',
  '# ',
  ': ',
  '*',
  ',',
  ' ',
  '-',
  'system:masters',
  'і', // Cyrillic i
];
const hostileChar = fc.constantFrom(...HOSTILE_CHARS);

/** A value: plausible, hostile, or a plausible one with hostile pieces in it. */
function value(plain: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...plain) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...plain), hostileChar, fc.constantFrom(...plain)).map((p) => p.join('')),
    },
    { weight: 1, arbitrary: fc.array(hostileChar, { minLength: 1, maxLength: 4 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

const goQuoted = (s: string): string => JSON.stringify(s).slice(1, -1);

const user = fc.oneof(
  value(['alice', 'bob', 'alice@example.com', 'system:masters', 'cluster-admin', 'system:authenticated', '']),
  fc
    .tuple(value(['dev', 'kube-system', 'team-a']), value(['default', 'ci', 'a:b']))
    .map(([ns, n]) => `system:serviceaccount:${ns}:${n}`),
);
const verb = value([
  'get',
  'list',
  'watch',
  'create',
  'patch',
  'update',
  'delete',
  'impersonate',
  'bind',
  'escalate',
  'approve',
  '*',
  'GET',
]);
const resource = value([
  'pods',
  'secrets',
  'configmaps',
  'nodes/proxy',
  'serviceaccounts/token',
  'pods/exec',
  'pods/ephemeralcontainers',
  'certificatesigningrequests/approval',
  'clusterroles',
  'users',
  'groups',
  'serviceaccounts',
  'signers',
  '*',
]);
const apiGroup = value(['', 'apps', 'rbac.authorization.k8s.io', 'certificates.k8s.io', '*']);
const namespace = value(['dev', 'kube-system', 'prod']);
const objectName = fc.option(value(['web-0', 'cluster-admin', 'system:masters', 'admin', 'default', 'x']), {
  nil: null,
});

const forbidden = fc
  .record({
    user,
    verb,
    resource,
    apiGroup,
    scope: fc.option(namespace, { nil: null }),
    name: objectName,
    form: fc.constantFrom('current', 'legacy', 'json', 'path'),
  })
  .map(({ user: u, verb: v, resource: r, apiGroup: g, scope, name, form }) => {
    const where = scope === null ? 'at the cluster scope' : `in the namespace "${goQuoted(scope)}"`;
    const head = `${r.split('/')[0] ?? ''}${name === null ? '' : ` "${goQuoted(name)}"`} is forbidden`;
    if (form === 'legacy') return `${head}: User "${goQuoted(u)}" cannot ${v} ${r} ${where}`;
    if (form === 'path')
      return `Error from server (Forbidden): forbidden: User "${goQuoted(u)}" cannot ${v} path "/${goQuoted(r)}"`;
    const line = `Error from server (Forbidden): ${head}: User "${goQuoted(u)}" cannot ${v} resource "${goQuoted(r)}" in API group "${goQuoted(g)}" ${where}`;
    return form === 'json' ? JSON.stringify({ level: 'error', msg: line }) : line;
  });

const arn = value([
  'arn:aws:iam::111122223333:role/Dev',
  'arn:aws:iam::111122223333:role/team/dev/Admin',
  'arn:aws:iam::111122223333:user/alice',
  'arn:aws:sts::111122223333:assumed-role/Dev/alice',
  'arn:aws:iam::111122223333:role/ng-1',
]);
const callerIdentity = arn.map(
  (a) =>
    `error: You must be logged in to the server (Unauthorized)\n$ aws sts get-caller-identity\n{\n  "UserId": "AROAEXAMPLE:s",\n  "Account": "111122223333",\n  "Arn": ${JSON.stringify(a)}\n}`,
);
const entry = fc.record({
  arn,
  username: value(['alice', 'system:node:{{EC2PrivateDNSName}}', 'ops']),
  groups: fc.array(value(['dev', 'system:masters', 'system:nodes', 'system:bootstrappers']), { maxLength: 2 }),
});
const awsAuth = fc
  .record({
    roles: fc.array(entry, { maxLength: 3 }),
    users: fc.array(entry, { maxLength: 2 }),
    style: fc.constantFrom('block', 'json', 'empty-flow', 'indented'),
    version: fc.boolean(),
  })
  .map(({ roles, users, style, version }) => {
    const list = (es: typeof roles, key: string): string => {
      const objs = es.map((e) => ({ [key]: e.arn, username: e.username, groups: e.groups }));
      const item = (e: (typeof es)[number]): string =>
        `- ${key}: ${JSON.stringify(e.arn)}\n  username: ${JSON.stringify(e.username)}\n  groups:\n${e.groups.map((g) => `    - ${JSON.stringify(g)}`).join('\n')}`;
      if (style === 'json' || (style === 'empty-flow' && objs.length === 0))
        return `    ${JSON.stringify(JSON.stringify(objs))}`;
      const block = es.map(item).join('\n');
      const body = style === 'indented' ? block.replace(/^/gm, '  ') : block;
      return ` |\n${(body || '[]').replace(/^/gm, '    ')}`;
    };
    return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\n${version ? '  resourceVersion: "42"\n' : ''}data:\n  mapRoles:${list(roles, 'rolearn')}\n  mapUsers:${list(users, 'userarn')}\n`;
  });
const describePod = fc.constant(
  'Events:\n  Type     Reason            Age   From               Message\n  ----     ------            ----  ----               -------\n  Warning  FailedScheduling  10s   default-scheduler  0/2 nodes are available: 2 node(s) were not ready, 2 node(s) were out of disk space.',
);
const fragment = fc.oneof(
  { weight: 4, arbitrary: forbidden },
  { weight: 1, arbitrary: callerIdentity },
  { weight: 1, arbitrary: awsAuth },
  { weight: 1, arbitrary: describePod },
  { weight: 1, arbitrary: fc.constant('error: You must be logged in to the server (Unauthorized)') },
);
const paste = fc
  .array(fc.tuple(fragment, fc.constantFrom('\n', '\n\n', '\n$ kubectl get pods\n', '\r\n', '\n```\n')), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.map(([f, sep]) => f + sep).join(''));

interface Obj {
  kind?: string;
  metadata?: { name?: string };
  data?: Record<string, string>;
  rules?: Record<string, string[] | undefined>[];
  subjects?: { kind?: string; name?: string; namespace?: string }[];
  roleRef?: { name?: string };
}

const count = (s: string, word: string): number => s.split(word).length - 1;

/** Every invariant of one --fix stream for `input`. */
function checkStream(stream: string, input: string, escalation: boolean): void {
  const docs = parseAllDocuments(stream, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) expect(d.errors).toEqual([]);
  const objs = list.map((d) => d.toJS() as Obj | null).filter((o): o is Obj => o !== null);
  const awsAuths = objs.filter((o) => o.kind === 'ConfigMap');
  expect(awsAuths.length).toBeLessThanOrEqual(1);
  for (const o of objs) {
    expect(ALLOWED.has(o.kind ?? ''), `kind ${o.kind}`).toBe(true);
    for (const r of o.rules ?? []) {
      const fields = ['verbs', 'resources', 'apiGroups', 'nonResourceURLs', 'resourceNames'].flatMap((k) => r[k] ?? []);
      expect(fields.filter((x) => x.includes('*'))).toEqual([]);
      for (const v of r['verbs'] ?? [])
        for (const res of r['resources'] ?? [])
          if (escalating(v, res)) {
            expect(escalation, `${v} ${res} without --include-escalation`).toBe(true);
            expect(r['resourceNames']?.length ?? 0, `${v} ${res} unpinned`).toBeGreaterThan(0);
          }
    }
    expect(['cluster-admin', 'admin']).not.toContain(o.roleRef?.name?.toLowerCase());
    for (const s of o.subjects ?? []) {
      expect(s.kind === 'Group' && /^system:(masters|nodes|authenticated)$/.test(s.name ?? '')).toBe(false);
      const full =
        s.kind === 'ServiceAccount' ? `system:serviceaccount:${s.namespace ?? ''}:${s.name ?? ''}` : (s.name ?? '');
      // As the paste gave it: written out, Go-quoted, or Go-quoted inside a JSON string.
      const forms = [`"${full}"`, `"${goQuoted(full)}"`, `\\"${goQuoted(goQuoted(full))}\\"`];
      expect(
        forms.some((f) => input.includes(f)),
        `subject ${full} is not a name the paste gave`,
      ).toBe(true);
    }
    if (o.kind === 'ConfigMap') {
      expect(o.metadata?.name).toBe('aws-auth');
      for (const key of ['mapRoles', 'mapUsers']) {
        const text = o.data?.[key];
        if (text === undefined || text.trim() === '') continue;
        const inner = parseAllDocuments(text, { version: '1.1', uniqueKeys: true });
        const one = Array.isArray(inner) ? inner : [inner];
        expect(one.length).toBe(1);
        expect(one[0]?.errors).toEqual([]);
        const v: unknown = one[0]?.toJS();
        expect(v === null || Array.isArray(v)).toBe(true);
      }
      // A merge never adds system:masters: any there was in the paste.
      const data = Object.values(o.data ?? {}).join('\n');
      expect(count(data, 'system:masters')).toBeLessThanOrEqual(count(input, 'system:masters'));
    }
  }
}

test('property: for any paste, --fix (with and without --include-escalation) keeps every invariant', async () => {
  let runs = 0;
  let withObjects = 0;
  await fc.assert(
    fc.asyncProperty(paste, async (input) => {
      runs++;
      const report: Report = await diagnose(input, { ...builtinRuleSet, trustedRules: true });
      const plain = renderFix(report);
      checkStream(plain, input, false);
      checkStream(renderFix(report, true), input, true);
      if (/^kind: /m.test(plain)) withObjects++;
    }),
    { numRuns: 400 },
  );
  expect(runs).toBe(400);
  // The grammar reaches fixes: a property that never produced a manifest would check nothing.
  expect(withObjects).toBeGreaterThan(40);
}, 240000);
