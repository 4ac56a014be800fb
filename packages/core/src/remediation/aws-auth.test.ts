import * as yaml from 'yaml';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { toLines } from '../input/lines.js';
import { parseAwsAuth } from '../sync-yaml.js';
import type { AwsAuthFact } from '../facts/schema.js';
import { AwsAuthPlan, mergedAwsAuth } from './aws-auth.js';

function fact(text: string): AwsAuthFact {
  const a = parseAwsAuth(toLines(text));
  return {
    line: 1,
    format: a.format,
    wellFormed: a.wellFormed,
    entries: a.entries.map((e) => ({
      line: e.line?.no ?? 0,
      kind: e.kind,
      arn: e.arn,
      username: e.username,
      groups: e.groups,
      shadowedByAccessEntry: null,
    })),
    accounts: a.accounts,
    findings: [],
    data: a.data,
    name: a.name,
    namespace: a.namespace,
    resourceVersion: a.resourceVersion,
    labels: a.labels,
    annotations: a.annotations,
    variants: 1,
    endLine: 1,
  };
}

const entryArb = fc.record({
  arn: fc
    .tuple(fc.constantFrom('role', 'user'), fc.stringMatching(/^[A-Za-z][\w+=,.@-]{0,20}$/))
    .map(([k, n]) => `arn:aws:iam::111122223333:${k}/${n}`),
  username: fc.stringMatching(/^[a-z][a-z0-9:-]{0,20}$/),
  groups: fc.array(fc.stringMatching(/^[a-z][a-z0-9:-]{0,15}$/), { maxLength: 3 }),
});

test('property: merging never loses or changes an existing mapping or data key', () => {
  fc.assert(
    fc.property(
      fc.array(entryArb, { maxLength: 6 }),
      fc.array(entryArb, { maxLength: 4 }),
      fc.boolean(),
      (roles, users, accounts) => {
        const data: Record<string, string> = {};
        if (roles.length > 0)
          data['mapRoles'] = stringify(roles.map((r) => ({ rolearn: r.arn, username: r.username, groups: r.groups })));
        if (users.length > 0)
          data['mapUsers'] = stringify(users.map((u) => ({ userarn: u.arn, username: u.username, groups: u.groups })));
        if (accounts) data['mapAccounts'] = '- "444455556666"\n';
        const text = stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'aws-auth', namespace: 'kube-system' },
          data,
        });
        const out = mergedAwsAuth(yaml, fact(text), [
          {
            kind: 'role',
            arn: 'arn:aws:iam::111122223333:role/node',
            username: 'system:node:{{EC2PrivateDNSName}}',
            groups: ['system:bootstrappers', 'system:nodes'],
          },
        ]);
        const cm = parseAllDocuments(out.yaml ?? '')[0]?.toJS() as { data: Record<string, string> };
        for (const [k, v] of Object.entries(data)) {
          if (k === 'mapRoles') expect(cm.data[k]?.startsWith(v)).toBe(true);
          else expect(cm.data[k]).toBe(v);
        }
        const merged = parseAllDocuments(cm.data['mapRoles'] ?? '')[0]?.toJS() as {
          rolearn: string;
          username: string;
          groups: string[];
        }[];
        expect(merged.slice(0, roles.length)).toEqual(
          roles.map((r) => ({ rolearn: r.arn, username: r.username, groups: r.groups })),
        );
        expect(merged.at(-1)).toEqual({
          rolearn: 'arn:aws:iam::111122223333:role/node',
          username: 'system:node:{{EC2PrivateDNSName}}',
          groups: ['system:bootstrappers', 'system:nodes'],
        });
      },
    ),
    { numRuns: 500 },
  );
});

test('no aws-auth in the input: no ConfigMap is emitted (never a replacement)', () => {
  const plan = new AwsAuthPlan(null, 'en', yaml);
  expect(plan.propose({ kind: 'role', arn: 'arn:aws:iam::1:role/n', username: 'u', groups: [] })).toEqual([]);
});

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
  resourceVersion: "8825110"
  labels:
    app.kubernetes.io/managed-by: eksctl
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{}'
    team: platform
data:
  mapUsers: |
    - userarn: arn:aws:iam::111122223333:user/alice
      username: alice
      groups:
        - dev
`;
const NODE = {
  kind: 'role' as const,
  arn: 'arn:aws:iam::111122223333:role/node',
  username: 'system:node:{{EC2PrivateDNSName}}',
  groups: ['system:bootstrappers', 'system:nodes'],
};
const CALLER = {
  kind: 'role' as const,
  arn: 'arn:aws:iam::111122223333:role/Dev',
  username: 'Dev:{{SessionName}}',
  groups: ['dev'],
};

function diagnosis(remediation: ReturnType<AwsAuthPlan['propose']>): Parameters<AwsAuthPlan['finish']>[0][number] {
  return {
    rootCause: 'node_role_not_mapped',
    ruleId: 'r',
    title: 't',
    severity: 'error',
    confidence: 0.9,
    summary: '',
    explanation: '',
    evidence: [],
    nextSteps: [],
    remediation,
    references: [],
  };
}

test('one aws-auth per report: every addition in the first, the others point at it; resourceVersion, labels kept', () => {
  const plan = new AwsAuthPlan(fact(CM), 'en', yaml);
  const a = diagnosis(plan.propose(NODE));
  const b = diagnosis(plan.propose(CALLER));
  plan.finish([a, b]);
  expect(a.remediation.map((r) => r.kind)).toEqual(['manifest']);
  expect(b.remediation.map((r) => [r.kind, r.title])).toEqual([
    ['note', 'aws-auth: see the one merged ConfigMap in this report'],
  ]);
  const cm = parseAllDocuments(a.remediation[0]?.yaml ?? '')[0]?.toJS() as {
    metadata: Record<string, unknown>;
    data: Record<string, string>;
  };
  expect(cm.metadata).toEqual({
    name: 'aws-auth',
    namespace: 'kube-system',
    resourceVersion: '8825110',
    labels: { 'app.kubernetes.io/managed-by': 'eksctl' },
    annotations: { team: 'platform' },
  });
  expect(parseAllDocuments(cm.data['mapRoles'] ?? '')[0]?.toJS()).toEqual([
    { rolearn: NODE.arn, username: NODE.username, groups: NODE.groups },
    { rolearn: CALLER.arn, username: CALLER.username, groups: CALLER.groups },
  ]);
  expect(cm.data['mapUsers']).toBe(
    '- userarn: arn:aws:iam::111122223333:user/alice\n  username: alice\n  groups:\n    - dev\n',
  );
});

test('a stand-in whose diagnosis left the report adds nothing', () => {
  const plan = new AwsAuthPlan(fact(CM), 'en', yaml);
  plan.propose(CALLER);
  const a = diagnosis(plan.propose(NODE));
  plan.finish([a]);
  expect(a.remediation[0]?.yaml).not.toContain('role/Dev');
});

test('a malformed aws-auth is never rebuilt: a note naming the broken line and the corrected entry only', () => {
  const broken = CM.replace('      username: alice', '       username: alice');
  const f = fact(broken);
  expect(f.wellFormed).toBe(false);
  const out = new AwsAuthPlan(f, 'en', yaml).propose(NODE);
  expect(out.map((r) => r.kind)).toEqual(['note', 'patch']);
  expect(out.some((r) => /kind: ConfigMap/.test(r.yaml ?? ''))).toBe(false);
  expect(parseAllDocuments(out[1]?.yaml ?? '')[0]?.toJS()).toEqual([
    { userarn: 'arn:aws:iam::111122223333:user/alice', username: 'alice', groups: ['dev'] },
  ]);
});

test('a hostile ARN or group is not written into aws-auth', () => {
  const plan = new AwsAuthPlan(fact(CM), 'en', yaml);
  for (const m of [
    { ...CALLER, arn: 'arn:aws:iam::111122223333:role/x\n- rolearn: y' },
    { ...CALLER, groups: ['system:masters\n'] },
  ]) {
    const out = plan.propose(m);
    expect(out.map((r) => r.kind)).toEqual(['note']);
  }
});

/** The list a data value holds, read as the authenticator reads it (YAML 1.1, unique keys); null when it does not. */
function readList(value: string): unknown {
  const docs = parseAllDocuments(value, { version: '1.1', uniqueKeys: true });
  if (!Array.isArray(docs) || docs.length !== 1 || (docs[0]?.errors.length ?? 1) > 0) return null;
  return docs[0]?.toJS() as unknown;
}

// Every way a list of mappings is written in a real aws-auth: block (kubectl, eksctl), flow or JSON (`[]`, Terraform's
// jsonencode), indented inside a quoted string, closed by a document end marker, with comments.
/** Written as YAML 1.1, the version the authenticator reads (`y` unquoted would be a boolean there). */
const yaml11 = (v: unknown): string => stringify(v, { version: '1.1' });
const STYLES: Record<string, (entries: object[]) => string> = {
  block: (e) => yaml11(e),
  json: (e) => JSON.stringify(e),
  flow: (e) => `${stringify(e, { version: '1.1', collectionStyle: 'flow' })}`,
  indented: (e) => yaml11(e).replace(/^/gm, '  '),
  'document end': (e) => `${e.length > 0 ? yaml11(e) : '[]\n'}...\n`,
  comments: (e) => `# mappings\n${e.length > 0 ? yaml11(e) : ''}# end`,
};

test('property: in every list style, the merged value reads as the existing mappings then the new one', () => {
  fc.assert(
    fc.property(fc.array(entryArb, { maxLength: 4 }), fc.constantFrom(...Object.keys(STYLES)), (roles, style) => {
      const entries = roles.map((r) => ({ rolearn: r.arn, username: r.username, groups: r.groups }));
      const mapRoles = STYLES[style]?.(entries) ?? '';
      const text = stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'aws-auth', namespace: 'kube-system' },
        data: { mapRoles },
      });
      const out = mergedAwsAuth(yaml, fact(text), [NODE]);
      expect(out.kind).toBe('manifest');
      const cm = parseAllDocuments(out.yaml ?? '', { version: '1.1' })[0]?.toJS() as { data: Record<string, string> };
      expect(readList(cm.data['mapRoles'] ?? '')).toEqual([
        ...entries,
        { rolearn: NODE.arn, username: NODE.username, groups: NODE.groups },
      ]);
    }),
    { numRuns: 300 },
  );
});

test('a data value that does not read as one list is not merged into: a note, no ConfigMap', () => {
  for (const mapRoles of [
    '- rolearn: arn:aws:iam::111122223333:role/a\n  rolearn: arn:aws:iam::111122223333:role/b\n  username: a\n',
    '- rolearn: arn:aws:iam::111122223333:role/a\n---\n- rolearn: arn:aws:iam::111122223333:role/b\n',
  ]) {
    const a: AwsAuthFact = { ...fact(CM), data: { mapRoles } };
    const out = mergedAwsAuth(yaml, a, [NODE]);
    expect(out.kind).toBe('note');
    expect(out.yaml).toBeUndefined();
  }
});
