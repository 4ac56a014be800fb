// The hand printer of simple manifests against the `yaml` library it stands in for.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadYaml } from '../yaml-lib.js';
import { rbacRemediation } from './rbac.js';
import { libraryDocument, plainDocument, toYamlDocuments } from './yaml-out.js';

const SCALE = Number(process.env['FC_RUNS'] ?? '1');
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

beforeAll(async () => {
  await loadYaml();
});

const word = fc.oneof(
  fc.constantFrom('', 'apps', 'deployments', 'pods/log', 'rbac.authorization.k8s.io/v1', 'Role', 'get', 'true', 'True', 'yes', 'No', 'null', 'NULL', 'y', 'n', 'on', 'off', '~', 'a:b', 'a: b', 'a #b', 'a b', '1', '1.5', '0x1f', '.inf', '-x', 'x-', '*', '/healthz', 'é', 'x_y', 'X.Y-z/w', 'a\nb', ' a', 'a ', '#a', '&a', '!a', '%a', '@a', '`a', "'a", '"a', '[a]', '{a}', 'a,b', '?', '-', 'system:node:x'),
  fc.string({ maxLength: 6 }),
);
const key = fc.constantFrom('apiVersion', 'kind', 'metadata', 'name', 'namespace', 'rules', 'verbs', 'apiGroups', 'true', 'a b', 'x:y', '1', 'subjects');
const value = fc.letrec<{ v: unknown; m: Record<string, unknown>; s: unknown[] }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, word, tie('m'), tie('s')),
  m: fc.dictionary(key, tie('v'), { maxKeys: 4 }),
  s: fc.array(fc.oneof(word, tie('m')), { maxLength: 3 }),
}));
// Mostly what the fast path takes (plain words, non-empty maps and lists), with a few words it must refuse.
const plainWord = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z][\w./-]{0,8}$/) },
  { weight: 2, arbitrary: fc.constantFrom('', 'apps', 'pods/log', 'rbac.authorization.k8s.io/v1', 'No', 'TRUE', 'nulls', 'yes', 'Y') },
  { weight: 1, arbitrary: word },
);
const plainKey = fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z][\w./-]{0,6}$/) }, { weight: 1, arbitrary: key });
const plainValue = fc.letrec<{ v: unknown; m: Record<string, unknown>; s: unknown[] }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, plainWord, tie('m'), tie('s')),
  m: fc.dictionary(plainKey, tie('v'), { minKeys: 1, maxKeys: 4 }),
  s: fc.array(fc.oneof(plainWord, tie('m')), { minLength: 1, maxLength: 3 }),
}));
const comment = fc.option(fc.oneof(fc.constantFrom('Least privilege for the denial on line 3: only these verbs. Review, then: kubectl apply -f -', ' x', 'x ', 'a\nb', 'é', '#'), fc.string({ maxLength: 12 })), { nil: undefined });

describe('plainDocument prints exactly what the yaml library prints', () => {
  test('on generated maps, lists and words', () => {
    fc.assert(
      fc.property(value.m, comment, (o, c) => {
        const fast = plainDocument(o, c);
        if (fast !== null) expect(fast).toBe(libraryDocument(o, c));
      }),
      { numRuns: runs(3000) },
    );
  });
  test('on generated manifest-like maps (mostly taken by the fast path)', () => {
    let taken = 0;
    fc.assert(
      fc.property(plainValue.m, comment, (o, c) => {
        const fast = plainDocument(o, c);
        if (fast !== null) {
          taken++;
          expect(fast).toBe(libraryDocument(o, c));
        }
      }),
      { numRuns: runs(3000) },
    );
    // ~5% of the cases: one refused word anywhere sends the whole document to the library.
    expect(taken).toBeGreaterThan(runs(3000) / 40);
  });
  test('on RBAC manifests (the fast path is taken)', () => {
    const base = { line: 1, username: 'ci', subjectKind: 'User', subjectName: 'ci', subjectNamespace: null, verb: 'get', resource: 'pods', subresource: null, apiGroup: '', namespace: 'prod', clusterScope: false, path: null, objectName: 'web', reason: null, missingRoles: [], legacy: false } as const;
    const out = rbacRemediation([base, { ...base, line: 2, verb: 'list', resource: 'deployments', apiGroup: 'apps', objectName: null }, { ...base, line: 3, resource: null, path: '/healthz', namespace: null, clusterScope: true }]);
    expect(out.length).toBeGreaterThan(0);
    for (const r of out) expect(r.yaml).toContain('kind: ');
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'ci-get-pods', namespace: 'prod' }, rules: [{ apiGroups: [''], resources: ['pods'], resourceNames: ['web'], verbs: ['get'] }] };
    expect(plainDocument(role, 'comment')).not.toBeNull();
    expect(toYamlDocuments([role, role], 'c')).toBe(`${libraryDocument(role, 'c')}---\n${libraryDocument(role, undefined)}`);
  });
});
