import * as yaml from 'yaml';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fillYamlTemplate, toYamlDocuments } from './yaml-out.js';

// Strings near the edges of YAML 1.1 plain scalars: its booleans, null, octal, sexagesimal and binary numbers,
// indicators, blanks, line breaks and non-ASCII; plus names as they appear in manifests.
const edgy = fc.constantFrom(
  '',
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'n',
  'Y',
  'true',
  'False',
  'NULL',
  '~',
  '0777',
  '012',
  '0b101',
  '0x1f',
  '1:20',
  '190:20:30',
  '1_000',
  '1e3',
  '.inf',
  '.NaN',
  '-a',
  'a: b',
  'a #b',
  '*a',
  '&a',
  '!x',
  '%x',
  '@a',
  '? a',
  '- a',
  ' a',
  'a ',
  'é',
  'a\nb',
  'system:serviceaccount:ns:sa',
  'system:node:{{EC2PrivateDNSName}}',
  '<node-instance-role>',
  '<<',
);
const str = fc.oneof(edgy, fc.stringMatching(/^[A-Za-z0-9][\w.:/-]{0,12}$/), fc.string({ maxLength: 10 }));
const tree = fc.letrec<{ value: unknown; map: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, str, fc.array(fc.oneof(str, tie('map')), { maxLength: 3 }), tie('map')),
  map: fc.dictionary(str, tie('value'), { maxKeys: 4 }),
})).map;

test('property: every string (key or value) reads back as the same string under YAML 1.1, as kubectl reads it', () => {
  fc.assert(
    fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.option(fc.string({ maxLength: 30 })), (docs, c) => {
      const text = toYamlDocuments(yaml, docs, c ?? undefined);
      const read = parseAllDocuments(text, { version: '1.1' });
      expect(Array.isArray(read) ? read.map((d) => d.toJS() as unknown) : []).toEqual(docs);
    }),
    { numRuns: 2000 },
  );
});

test('the YAML 1.1 words are quoted, names are not; "<<" is not a merge key', () => {
  expect(toYamlDocuments(yaml, [{ '<<': { a: 'b' } }])).toBe('!!str "<<":\n  a: b\n');
  expect(
    toYamlDocuments(yaml, [{ metadata: { name: 'on', namespace: 'no' }, rules: [{ verbs: ['get', 'y'] }] }], 'note'),
  ).toBe('# note\n\nmetadata:\n  name: "on"\n  namespace: "no"\nrules:\n  - verbs:\n      - get\n      - "y"\n');
});

test('a placeholder in a comment becomes its hint, wherever the comment sits (no input text in comments)', () => {
  const template =
    '# kubectl apply -n {{ns}} -f -\napiVersion: v1\nkind: LimitRange # in {{ns}}\nmetadata:\n  name: {{ns}}\n';
  const out = fillYamlTemplate(yaml, template, /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g, () => ({
    value: 'team-a',
    hint: '<ns>',
  }));
  expect(out).toBe(
    '# kubectl apply -n <ns> -f -\napiVersion: v1\nkind: LimitRange # in <ns>\nmetadata:\n  name: team-a\n',
  );
});
