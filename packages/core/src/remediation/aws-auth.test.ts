import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { toLines } from '../input/lines.js';
import { parseAwsAuth } from '../parse/aws-auth.js';
import type { AwsAuthFact } from '../facts/schema.js';
import { mergedAwsAuth } from './aws-auth.js';

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
        const [out] = mergedAwsAuth(
          fact(text),
          {
            kind: 'role',
            arn: 'arn:aws:iam::111122223333:role/node',
            username: 'system:node:{{EC2PrivateDNSName}}',
            groups: ['system:bootstrappers', 'system:nodes'],
          },
          '',
        );
        const cm = parseAllDocuments(out?.yaml ?? '')[0]?.toJS() as { data: Record<string, string> };
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
  expect(mergedAwsAuth(null, { kind: 'role', arn: 'arn:aws:iam::1:role/n', username: 'u', groups: [] }, '')).toEqual(
    [],
  );
});
