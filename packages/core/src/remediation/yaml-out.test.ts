import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadYaml } from '../yaml-lib.js';
import { libYaml, plainYaml, toYamlDocuments } from './yaml-out.js';

beforeAll(async () => {
  await loadYaml();
});

// Strings near the edge of plain: names, the core schema's words, numbers, indicators, blanks, non-ASCII.
const str = fc.oneof(
  fc.constantFrom(
    '',
    'pods',
    'pods/log',
    'rbac.authorization.k8s.io/v1',
    'api-sa',
    'a_b',
    'true',
    'False',
    'NULL',
    'yes',
    'No',
    'on',
    'y',
    'n',
    '~',
    '1',
    '0x1f',
    '1e3',
    '.inf',
    '-a',
    'a:b',
    'a: b',
    'a #b',
    '*',
    '&a',
    '!x',
    '%',
    '@a',
    '`',
    'a b',
    ' a',
    'a ',
    'é',
    'a\nb',
    'system:serviceaccount:ns:sa',
    'A1',
    '.nan',
    'a.',
    'a/',
  ),
  fc.stringMatching(/^[A-Za-z][\w./-]{0,12}$/),
  fc.string({ maxLength: 8 }),
);
const key = fc.oneof(
  fc.constantFrom('apiVersion', 'kind', 'metadata', 'rules', 'verbs', 'true', 'on', 'a b', '1'),
  fc.stringMatching(/^[A-Za-z][\w.-]{0,8}$/),
);
const value = fc.letrec<{ value: unknown; map: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    str,
    fc.array(fc.oneof(str, tie('map')), { maxLength: 3 }),
    tie('map'),
    fc.constantFrom(1, null, true, undefined),
  ),
  map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).map;
// Mostly the shapes the fast path takes, so the property reaches it often.
const nameStr = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z][\w./-]{0,12}$/) },
  { weight: 1, arbitrary: str },
);
const nameKey = fc.stringMatching(/^[A-Za-z][\w.-]{0,8}$/);
const plainish = fc.letrec<{ value: unknown; map: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nameStr,
    fc.array(fc.oneof(nameStr, tie('map')), { minLength: 1, maxLength: 3 }),
    tie('map'),
  ),
  map: fc.dictionary(nameKey, tie('value'), { minKeys: 1, maxKeys: 4 }),
})).map;
const comment = fc.option(
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      'Least privilege for the denials on lines 1, 2: only these verbs. Review, then: kubectl apply -f -',
      ' lead',
      'trail ',
      '#x',
      'a\nb',
    ),
  ),
  { nil: undefined },
);

describe('plainYaml', () => {
  test('writes what the yaml library writes, or declines', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: value }, { weight: 3, arbitrary: plainish }), comment, (o, c) => {
        const fast = plainYaml(o, c);
        if (fast === null) return;
        taken++;
        expect(fast).toBe(libYaml(o, c));
      }),
      { numRuns: 3000 },
    );
    // The property must reach the fast path often, not only its refusals.
    expect(taken).toBeGreaterThan(150);
  });

  test('takes the generated manifests', () => {
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'api-sa-list-pods', namespace: 'batch' },
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }],
    };
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'x', namespace: 'batch' },
      subjects: [{ kind: 'ServiceAccount', name: 'api-sa', namespace: 'batch' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' },
    };
    const note =
      'Least privilege for the denials on lines 3, 9: only these verbs on these resources. Review, then: kubectl apply -f -';
    expect(plainYaml(role, note)).not.toBeNull();
    expect(plainYaml(binding)).not.toBeNull();
    expect(toYamlDocuments([role, binding], note)).toBe(`${libYaml(role, note)}---\n${libYaml(binding)}`);
  });
});
