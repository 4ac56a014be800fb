import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { builtinRules, builtinRuleSet, builtinVocabulary } from '@rbac-diagnose/rules';
import { evidenceProblems, reportSchemaErrors } from '../../../test-support/schema.js';
import { diagnose, type InputDoc } from './diagnose.js';
import { reportJsonSchema, ruleJsonSchema, signaturesJsonSchema, vocabularyJsonSchema } from './schemas.js';

const wall = (f: string): string => readFileSync(new URL(`../../../fixtures/seed-walls/${f}`, import.meta.url), 'utf8');
const WALLS = [
  'wall0-no-aws-credentials.txt',
  'wall1-unauthorized.txt',
  'wall2-forbidden.txt',
  'wall3-pending-not-ready-disk.txt',
  'aws-auth-as-published.txt',
  'aws-auth-users-only.yaml',
];
const digest = async (input: string | InputDoc[]): Promise<string[]> =>
  (await diagnose(input, builtinRuleSet)).diagnoses.map((d) => `${d.rootCause}@${d.confidence}`);

describe('diagnose', () => {
  test('empty input: no diagnosis, an issue', async () => {
    const r = await diagnose('\n\n', builtinRuleSet);
    expect(r.diagnoses).toEqual([]);
    expect(r.issues).toEqual([{ code: 'empty_input', line: 0, message: 'the input is empty' }]);
  });

  test('unknown text is reported as an issue, with its lines', async () => {
    const r = await diagnose('the weather is nice today\nnothing to see', builtinRuleSet);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['unrecognised_section', 1]]);
  });

  test('an invalid rule is skipped and reported; the others still run', async () => {
    const r = await diagnose(wall('wall2-forbidden.txt'), {
      rules: [...builtinRules, { id: 'Bad Id' } as never],
      vocabulary: builtinVocabulary,
    });
    expect(r.diagnoses[0]?.rootCause).toBe('rbac_permission_missing');
    expect(r.issues.map((i) => i.code)).toEqual(['rule_invalid']);
    expect(r.issues[0]?.message).toContain('Bad Id');
  });

  test('rules without their vocabulary do not run, and the report says why', async () => {
    const r = await diagnose(wall('wall2-forbidden.txt'), { rules: builtinRules } as never);
    expect(r.diagnoses).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['vocabulary_missing']);
  });

  test('a custom rule may conclude its own x- root cause (no chain in the vocabulary)', async () => {
    const base = builtinRules.find((x) => x.id === 'forbidden-rbac-permission-missing');
    const custom = { ...base, id: 'my-rule', rootCause: 'x-team-policy' };
    const r = await diagnose(wall('wall2-forbidden.txt'), { rules: [custom as never], vocabulary: builtinVocabulary });
    expect(r.issues).toEqual([]);
    expect(r.diagnoses.map((d) => [d.rootCause, d.chain])).toEqual([['x-team-policy', undefined]]);
  });

  test('healthy output gives no error diagnosis', async () => {
    const healthy = `$ kubectl get pods -n shop
NAME                     READY   STATUS    RESTARTS   AGE
web-5d4c9c7b8-abcde      1/1     Running   0          3d
web-5d4c9c7b8-fghij      1/1     Running   0          3d
$ kubectl get nodes
NAME                          STATUS   ROLES    AGE   VERSION
ip-10-0-1-23.ec2.internal     Ready    <none>   12d   v1.30.4-eks-a737599
$ aws sts get-caller-identity
{
    "UserId": "AIDASAMPLEUSERID12345",
    "Account": "111122223333",
    "Arn": "arn:aws:iam::111122223333:user/alice"
}
`;
    const r = await diagnose(healthy, builtinRuleSet);
    expect(r.diagnoses.filter((d) => d.severity === 'error' && d.confidence >= 0.5)).toEqual([]);
    expect(r.inputs.map((i) => i.kind)).toEqual(['get-table', 'get-table', 'caller-identity-json']);
  });

  test('property: any text gives a schema-valid report whose evidence lines are real, never a throw', async () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(...WALLS.map(wall)),
      fc.constantFrom(
        '```',
        '$ kubectl get pods',
        '\r\n',
        '\u001b[31m',
        '{',
        'apiVersion: v1',
        'Name:  x',
        'Events:',
        '\t',
        '\u0000',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (parts) => {
        const text = parts.join('\n');
        const r = await diagnose(text, builtinRuleSet);
        expect(reportSchemaErrors(r)).toEqual([]);
        expect(evidenceProblems(r, text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    // 400 whole diagnoses (every rule, seed walls included): a CPU shared by several test runs needs more than 20 s.
  }, 60000);

  test('property: the same input always gives the same report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WALLS), async (f) => {
        const a = await diagnose(wall(f), builtinRuleSet);
        const b = await diagnose(wall(f), builtinRuleSet);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 20 },
    );
  });

  test.each(WALLS)(
    'noise does not change the diagnosis of %s: CRLF, ANSI, fences, prompt, trailing spaces',
    async (f) => {
      const text = wall(f);
      const want = await digest(text);
      expect(await digest(text.replace(/\n/g, '\r\n'))).toEqual(want);
      expect(await digest(text.replace(/(Warning|Error|error)/g, '\u001b[31m$1\u001b[0m'))).toEqual(want);
      expect(await digest(`\`\`\`\n${text}\n\`\`\`\n`)).toEqual(want);
      expect(await digest(text.replace(/\n/g, '   \n'))).toEqual(want);
      expect(await digest(text.replace(/^\$ /m, 'user@laptop:~/work$ '))).toEqual(want);
    },
  );
});

test('the committed JSON Schemas are the ones the zod schemas generate', () => {
  const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../schema/${f}`, import.meta.url), 'utf8'));
  expect(read('report.schema.json')).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
  expect(read('rule.schema.json')).toEqual(JSON.parse(JSON.stringify(ruleJsonSchema())));
  expect(read('vocabulary.schema.json')).toEqual(JSON.parse(JSON.stringify(vocabularyJsonSchema())));
  expect(read('signatures.schema.json')).toEqual(JSON.parse(JSON.stringify(signaturesJsonSchema())));
});

describe('custom signatures in diagnose()', () => {
  const signatures = [
    {
      id: 'x-acme-denied',
      guard: ['.acme.example.com'],
      pattern: String.raw`webhook \\?"(?<hook>[a-z0-9-]+)\.acme\.example\.com\\?" denied the request(?:: (?<reason>[^\r\n]+))?`,
    },
  ];
  const rule = {
    id: 'acme-denied',
    title: 'ACME webhook {{subject.groups.hook}} refused the object',
    rootCause: 'x-acme-denied',
    severity: 'error' as const,
    confidence: 0.9,
    layer: 'admission' as const,
    subject: { from: 'signals' as const, where: { id: 'x-acme-denied' }, by: ['groups.hook'] },
    summary: 'ACME refused it: {{subject.groups.reason}}',
    explanation: 'An in-house webhook.',
    evidence: [{ from: 'subject' as const, why: 'ACME said: {{item.groups.reason}}' }],
    nextSteps: [],
    remediation: [],
    references: [],
  };
  const input =
    'Error from server: error when creating "pod.yaml": admission webhook "deny-root.acme.example.com" denied the request: runs as root';

  test('a rule on a signature of the run fires, per run: the next run without it knows nothing of it', async () => {
    const options = { rules: [...builtinRules, rule], vocabulary: builtinVocabulary, signatures };
    const r = await diagnose(input, options);
    expect(r.issues).toEqual([]);
    expect(r.diagnoses[0]).toMatchObject({
      ruleId: 'acme-denied',
      rootCause: 'x-acme-denied',
      title: 'ACME webhook deny-root refused the object',
      evidence: [{ line: 1, why: 'ACME said: runs as root' }],
    });
    const without = await diagnose(input, { rules: [...builtinRules, rule], vocabulary: builtinVocabulary });
    expect(without.diagnoses.map((d) => d.ruleId)).not.toContain('acme-denied');
    expect(without.issues.map((i) => i.code)).toContain('rule_invalid');
  });

  test('an unsafe pattern is refused with an issue (validated unless trusted, compiled-checked always)', async () => {
    const bad = [{ ...(signatures[0] as (typeof signatures)[number]), pattern: 'webhook (.*)+denied' }];
    for (const trustedRules of [false, true]) {
      const r = await diagnose(input, {
        rules: builtinRules,
        vocabulary: builtinVocabulary,
        signatures: bad,
        trustedRules,
      });
      expect(r.issues.map((i) => i.code)).toContain('signature_invalid');
    }
  });
});

test('a custom signature skipped for a trusted caller is said in the run language', async () => {
  const bad = [{ id: 'x-bad', guard: [''], pattern: 'acme' }];
  const notes = async (lang: 'en' | 'ja') =>
    (await diagnose('acme', { ...builtinRuleSet, signatures: bad, trustedRules: true, lang })).issues
      .filter((i) => i.code === 'signature_invalid')
      .map((i) => i.message);
  expect(await notes('en')).toEqual(['signature x-bad was skipped: it needs at least one non-empty guard phrase']);
  expect(await notes('ja')).toEqual([
    'シグネチャ x-bad をスキップしました: 空でないガードの語句が少なくとも 1 つ必要です。',
  ]);
});
