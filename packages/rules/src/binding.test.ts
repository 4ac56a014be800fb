// Every diagnosis reads the item its rule matched: several denied subjects give one diagnosis each, with its own
// title and its own least-privilege grant. Goldens: the two reports of the binding bug (test/binding/*.input.txt).
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { diagnose } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { allowed, type Obj, type Request } from '../../../test-support/rbac.js';

const dir = new URL('../test/binding/', import.meta.url);

test.each(readdirSync(dir).filter((f) => f.endsWith('.input.txt')))('golden report: %s', async (file) => {
  const report = await diagnose(readFileSync(new URL(file, dir), 'utf8'), builtinRuleSet);
  await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(
    `../test/binding/${file.replace(/\.input\.txt$/, '.report.json')}`,
  );
});

// Names none of which contains another, so a title naming one subject cannot be taken for naming a second.
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];
const SERVICE_ACCOUNTS = [
  ['apps', 'api'],
  ['batch', 'worker'],
  ['ops', 'backup'],
  ['web', 'frontend'],
];
const RESOURCES = [
  ['', 'pods'],
  ['', 'configmaps'],
  ['apps', 'deployments'],
  ['batch', 'jobs'],
  ['coordination.k8s.io', 'leases'],
];

const subjectArb = fc.oneof(
  fc.constantFrom(...USERS).map((u) => ({ user: u, label: `User ${u}` })),
  fc
    .constantFrom(...SERVICE_ACCOUNTS)
    .map(([ns, sa]) => ({ user: `system:serviceaccount:${ns}:${sa}`, label: `ServiceAccount ${ns}/${sa}` })),
);
const requestArb = fc.record({
  verb: fc.constantFrom('get', 'list', 'watch', 'create', 'delete'),
  gr: fc.constantFrom(...RESOURCES),
  namespace: fc.constantFrom<string | null>('prod', 'dev', null),
});
const noise = fc.constantFrom(
  '$ kubectl get pods -A',
  'I0612 09:14:03.118220       1 leaderelection.go:250] attempting to acquire leader lease',
  'NAME    READY   STATUS    RESTARTS   AGE',
  '',
);

function message(user: string, q: { verb: string; gr: string[]; namespace: string | null }): string {
  const [group = '', resource = ''] = q.gr;
  const scope = q.namespace === null ? 'at the cluster scope' : `in the namespace "${q.namespace}"`;
  const what = group === '' ? resource : `${resource}.${group}`;
  return `Error from server (Forbidden): ${what} is forbidden: User "${user}" cannot ${q.verb} resource "${resource}" in API group "${group}" ${scope}`;
}

function request(user: string, q: { verb: string; gr: string[]; namespace: string | null }): Request {
  return {
    user,
    verb: q.verb,
    group: q.gr[0] ?? '',
    resource: q.gr[1] ?? '',
    subresource: null,
    name: null,
    namespace: q.namespace,
    path: null,
  };
}

const key = (q: Request): string => JSON.stringify([q.user, q.verb, q.group, q.resource, q.namespace]);

test('property: N denied subjects give N diagnoses, each titled with its subject and granting exactly its own denials', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(subjectArb, { minLength: 1, maxLength: 4, selector: (s) => s.user }),
      fc.array(fc.array(requestArb, { minLength: 1, maxLength: 3 }), { minLength: 4, maxLength: 4 }),
      fc.array(noise, { minLength: 12, maxLength: 12 }),
      fc.infiniteStream(fc.nat()),
      async (subjects, asked, noiseLines, order) => {
        const denials = subjects.flatMap((s, i) => (asked[i] ?? []).map((q) => ({ subject: s, q })));
        // Mixed order, other lines between.
        const shuffled = denials
          .map((d) => ({ d, k: order.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.d);
        const text = shuffled.flatMap((d, i) => [noiseLines[i] ?? '', message(d.subject.user, d.q)]).join('\n');
        const report = await diagnose(text, builtinRuleSet);
        const missing = report.diagnoses.filter((d) => d.rootCause === 'rbac_permission_missing');
        expect(missing.map((d) => d.subject).sort()).toEqual(subjects.map((s) => s.label).sort());
        for (const s of subjects) {
          const d = missing.find((x) => x.subject === s.label);
          const others = subjects.filter((o) => o !== s);
          expect(d?.title).toContain(s.user);
          for (const o of others) expect(d?.title).not.toContain(o.user);
          const objs = (d?.remediation ?? [])
            .filter((r) => r.kind === 'manifest')
            .flatMap((r) => parseAllDocuments(r.yaml ?? '').map((doc) => doc.toJS() as Obj));
          const own = denials.filter((x) => x.subject === s).map((x) => request(s.user, x.q));
          // A ClusterRoleBinding also covers the same request inside every namespace: implied, nothing beyond.
          const implied = new Set([
            ...own.map(key),
            ...own
              .filter((q) => q.namespace === null)
              .flatMap((q) => ['prod', 'dev'].map((ns) => key({ ...q, namespace: ns }))),
          ]);
          for (const q of own) expect(allowed(objs, q), `${s.label} must get ${key(q)}`).toBe(true);
          for (const o of [s, ...others])
            for (const v of ['get', 'list', 'watch', 'create', 'delete'])
              for (const gr of RESOURCES)
                for (const ns of ['prod', 'dev', null]) {
                  const q = request(o.user, { verb: v, gr, namespace: ns });
                  expect(allowed(objs, q), `${s.label}'s grant and ${key(q)}`).toBe(implied.has(key(q)));
                }
        }
      },
    ),
    { numRuns: 150 },
  );
}, 120000);
