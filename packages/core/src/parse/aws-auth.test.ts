import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toLines } from '../input/lines.js';
import { parseAwsAuth } from '../sync-yaml.js';

const read = (text: string) => parseAwsAuth(toLines(text));
const codes = (text: string): string[] =>
  read(text)
    .findings.map((f) => f.code)
    .sort();

describe('parseAwsAuth', () => {
  const yaml = `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - groups:
      - system:bootstrappers
      - system:nodes
      rolearn: arn:aws:iam::111122223333:role/my-node-role
      username: system:node:{{EC2PrivateDNSName}}
  mapUsers: |
    - userarn: arn:aws:iam::111122223333:user/alice
      username: alice
      groups:
      - platform-viewers
`;
  test('kubectl get -o yaml form: entries with their lines, data kept verbatim, no findings', () => {
    const a = read(yaml);
    expect(a.wellFormed).toBe(true);
    expect(a.entries.map((e) => [e.kind, e.arn, e.username, e.groups, e.line?.no])).toEqual([
      [
        'role',
        'arn:aws:iam::111122223333:role/my-node-role',
        'system:node:{{EC2PrivateDNSName}}',
        ['system:bootstrappers', 'system:nodes'],
        11,
      ],
      ['user', 'arn:aws:iam::111122223333:user/alice', 'alice', ['platform-viewers'], 14],
    ]);
    expect(a.data?.['mapUsers']).toBe(
      '- userarn: arn:aws:iam::111122223333:user/alice\n  username: alice\n  groups:\n  - platform-viewers\n',
    );
    expect(a.findings).toEqual([]);
  });

  test('describe configmap form (1.31+ blank lines, BinaryData)', () => {
    const a = read(`Name:         aws-auth
Namespace:    kube-system
Labels:       <none>
Annotations:  <none>

Data
====
mapRoles:
----
- groups:
  - system:bootstrappers
  - system:nodes
  rolearn: arn:aws:iam::111122223333:role/my-node-role
  username: system:node:{{EC2PrivateDNSName}}


BinaryData
====

Events:  <none>
`);
    expect(a.format).toBe('describe');
    expect(a.entries).toHaveLength(1);
    expect(a.entries[0]?.line?.no).toBe(13);
    expect(a.findings).toEqual([]);
  });

  test('JSON form', () => {
    const a = read(
      JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'aws-auth', namespace: 'kube-system' },
          data: { mapUsers: '- userarn: arn:aws:iam::111122223333:user/bob\n  username: bob\n  groups: [dev]\n' },
        },
        null,
        4,
      ),
    );
    expect(a.format).toBe('json');
    expect(a.entries.map((e) => e.arn)).toEqual(['arn:aws:iam::111122223333:user/bob']);
  });

  test('lint: path, STS ARN, instance profile, group ARN, missing username, masters, missing node groups, duplicates', () => {
    expect(
      codes(`apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123
      username: admin:{{SessionName}}
      groups: [platform-admins]
    - rolearn: arn:aws:sts::111122223333:assumed-role/dev/alice
      username: dev
      groups: [dev]
    - rolearn: arn:aws:iam::111122223333:instance-profile/nodes
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:nodes]
    - rolearn: arn:aws:iam::111122223333:role/ci
      groups: [system:masters]
    - rolearn: arn:aws:iam::111122223333:role/CI
      username: ci
      groups: [ci]
  mapUsers: |
    - userarn: arn:aws:iam::111122223333:group/admins
      username: admins
      groups: [x]
`),
    ).toEqual([
      'aws_auth_duplicate_arn',
      'aws_auth_group_arn',
      'aws_auth_instance_profile_arn',
      'aws_auth_masters_overgrant',
      'aws_auth_node_role_missing_groups',
      'aws_auth_role_path',
      'aws_auth_sts_arn',
      'aws_auth_username_missing',
    ]);
  });

  test('missing block scalar: a list where a string is required', () => {
    expect(
      codes(
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\ndata:\n  mapRoles:\n    - rolearn: arn:aws:iam::111122223333:role/n\n',
      ),
    ).toContain('aws_auth_missing_block_scalar');
  });

  test('broken inner YAML drops the key and is reported', () => {
    const a = read(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\ndata:\n  mapUsers: |\n    - userarn: arn:aws:iam::1:user/a\n     username: a: b\n',
    );
    expect(a.findings.map((f) => f.code)).toContain('aws_auth_yaml_syntax');
    expect(a.wellFormed).toBe(false);
  });

  test('indentation lost in a blog: malformed, mappings still read line by line', () => {
    const a = read(`apiVersion: v1
kind: ConfigMap
metadata:
name: aws-auth
namespace: kube-system
data:
mapUsers: |
- userarn: arn:aws:iam::123456789012:user/sample-username
username: sample-username
groups:
- system:masters # <- comment
mapRoles: |
- rolearn: arn:aws:iam::987654321021:role/sample-rolename
username: system:node:{{EC2PrivateDNSName}}
groups:
- system:bootstrappers
- system:nodes
`);
    expect(a.format).toBe('lenient');
    expect(a.findings.map((f) => f.code)).toEqual(['aws_auth_indentation_lost', 'aws_auth_masters_overgrant']);
    expect(a.entries.map((e) => [e.kind, e.arn, e.username, e.groups, e.line?.no])).toEqual([
      ['user', 'arn:aws:iam::123456789012:user/sample-username', 'sample-username', ['system:masters'], 8],
      [
        'role',
        'arn:aws:iam::987654321021:role/sample-rolename',
        'system:node:{{EC2PrivateDNSName}}',
        ['system:bootstrappers', 'system:nodes'],
        13,
      ],
    ]);
  });

  test('property: never throws on any text; YAML alias bombs are bounded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void read(s)),
      { numRuns: 1000 },
    );
    const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  a: &a ["x","x","x","x","x","x","x","x","x"]\n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n  f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`;
    // Refused by the yaml library's alias count, not expanded.
    expect(read(bomb).findings[0]?.message).toEqual({
      key: 'finding.yamlSyntax',
      params: {
        error: {
          key: 'parser.yaml',
          params: { error: 'Excessive alias count indicates a resource exhaustion attack' },
        },
      },
    });
  });
});
