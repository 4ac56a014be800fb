// Acceptance: the seed article's walls (fixtures/seed-walls, copied from shared/seed/walls) give the answers of
// their README table through the library API, with real evidence lines and schema-valid reports.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { diagnose, type Report } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { evidenceProblems, reportSchemaErrors } from '../../../test-support/schema.js';

const wall = (f: string): string => readFileSync(new URL(`../../../fixtures/seed-walls/${f}`, import.meta.url), 'utf8');

async function run(text: string | { name: string; text: string }[]): Promise<Report> {
  const report = await diagnose(text, builtinRuleSet);
  expect(reportSchemaErrors(report)).toEqual([]);
  const inputs = typeof text === 'string' ? text : Object.fromEntries(text.map((t) => [t.name, t.text]));
  expect(evidenceProblems(report, inputs)).toEqual([]);
  const all = JSON.stringify(report);
  // No report ever proposes an admin grant: system:masters only appears when quoting the user's own input.
  for (const d of report.diagnoses) {
    for (const r of d.remediation) {
      const body = `${r.yaml ?? ''}\n${r.command ?? ''}`;
      expect(body).not.toMatch(/clusterrole[=:]\s*cluster-admin|--group[= ]system:masters|AmazonEKSClusterAdminPolicy/);
    }
  }
  expect(all).not.toContain('"cluster-admin"');
  return report;
}

const causes = (r: Report): string[] => r.diagnoses.map((d) => d.rootCause);

describe('seed walls', () => {
  test('wall0: NoCredentialProviders → aws_credentials_missing first', async () => {
    const r = await run(wall('wall0-no-aws-credentials.txt'));
    expect(r.diagnoses[0]?.rootCause).toBe('aws_credentials_missing');
    expect(r.diagnoses[0]?.evidence.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(r.diagnoses[0]?.remediation.some((x) => x.command?.includes('aws eks update-kubeconfig'))).toBe(true);
  });

  test('wall1: Unauthorized → iam_identity_not_mapped first, other causes ranked after it', async () => {
    const r = await run(wall('wall1-unauthorized.txt'));
    expect(r.diagnoses[0]?.rootCause).toBe('iam_identity_not_mapped');
    expect(causes(r).slice(1)).toEqual(expect.arrayContaining(['aws_credentials_expired', 'kubeconfig_wrong_cluster']));
    const top = r.diagnoses[0];
    expect(top?.nextSteps.map((n) => n.command)).toContain('aws sts get-caller-identity');
    expect(top?.remediation.map((x) => x.command ?? '').join('\n')).toMatch(
      /aws eks create-access-entry[\s\S]*AmazonEKSViewPolicy[\s\S]*type=namespace/,
    );
    expect(top?.remediation.map((x) => x.command ?? '').join('\n')).toContain('eksctl create iamidentitymapping');
    for (const d of r.diagnoses.slice(1)) expect(d.confidence).toBeLessThan(top?.confidence ?? 0);
  });

  test('wall2: pre-1.12 Forbidden → exactly list services in sample-namespace for User sample-username', async () => {
    const r = await run(wall('wall2-forbidden.txt'));
    expect(causes(r)).toEqual(['rbac_permission_missing']);
    const manifest = r.diagnoses[0]?.remediation.find((x) => x.kind === 'manifest');
    const docs = parseAllDocuments(manifest?.yaml ?? '').map((d) => d.toJS() as Record<string, unknown>);
    expect(docs).toEqual([
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'sample-username-list-services', namespace: 'sample-namespace' },
        rules: [{ apiGroups: [''], resources: ['services'], verbs: ['list'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'sample-username-list-services', namespace: 'sample-namespace' },
        subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'sample-username' }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'sample-username-list-services' },
      },
    ]);
    expect(manifest?.safety).toBe('mutating');
  });

  test('wall3 alone: node_role_not_mapped in the top three, "out of disk space" explained, not diagnosed', async () => {
    const r = await run(wall('wall3-pending-not-ready-disk.txt'));
    expect(causes(r).slice(0, 3)).toContain('node_role_not_mapped');
    expect(causes(r)).not.toContain('node_disk_pressure');
    const d = r.diagnoses.find((x) => x.rootCause === 'node_role_not_mapped');
    expect(d?.misleading).toContain('out of disk space');
    expect(d?.evidence.map((e) => e.line)).toContain(17);
    expect(r.inputs).toEqual([
      { kind: 'describe-pod', startLine: 2, endLine: 17, command: 'kubectl describe pod samplepod-9876543210-vwxyz' },
    ]);
  });

  const usersOnly = wall('aws-auth-users-only.yaml');
  const checkMerged = (r: Report): void => {
    const top = r.diagnoses[0];
    expect(top?.rootCause).toBe('node_role_not_mapped');
    expect(top?.confidence).toBeGreaterThanOrEqual(0.8);
    const merged = top?.remediation.find((x) => x.kind === 'manifest' && x.title.startsWith('aws-auth merged'));
    const cm = parseAllDocuments(merged?.yaml ?? '')[0]?.toJS() as { metadata: unknown; data: Record<string, string> };
    const original = parseAllDocuments(usersOnly)[0]?.toJS() as { data: Record<string, string> };
    expect(cm.metadata).toEqual({ name: 'aws-auth', namespace: 'kube-system' });
    expect(cm.data['mapUsers']).toBe(original.data['mapUsers']);
    const roles = parseAllDocuments(cm.data['mapRoles'] ?? '')[0]?.toJS() as {
      rolearn: string;
      username: string;
      groups: string[];
    }[];
    expect(roles).toEqual([
      {
        rolearn: 'arn:aws:iam::123456789012:role/<node-instance-role>',
        username: 'system:node:{{EC2PrivateDNSName}}',
        groups: ['system:bootstrappers', 'system:nodes'],
      },
    ]);
    const commands = top?.remediation.map((x) => x.command ?? '').join('\n') ?? '';
    expect(commands).toContain('eksctl create iamidentitymapping');
    expect(commands).toContain('--type EC2_LINUX');
  };

  test('wall3 + aws-auth without node role, as two inputs: node_role_not_mapped first at ≥ 0.8 with a merged aws-auth', async () => {
    checkMerged(
      await run([
        { name: 'wall3.txt', text: wall('wall3-pending-not-ready-disk.txt') },
        { name: 'aws-auth.yaml', text: usersOnly },
      ]),
    );
  });

  test('wall3 + aws-auth pasted together in one text', async () => {
    const text = `${wall('wall3-pending-not-ready-disk.txt')}\n$ kubectl get cm aws-auth -n kube-system -o yaml\n${usersOnly}`;
    const r = await run(text);
    checkMerged(r);
    expect(r.inputs.map((i) => i.kind)).toEqual(['describe-pod', 'aws-auth']);
  });

  test('aws-auth as published: recognised, malformed, mappings still read, system:masters flagged', async () => {
    const r = await run(wall('aws-auth-as-published.txt'));
    expect(r.inputs.map((i) => i.kind)).toEqual(['aws-auth']);
    expect(causes(r)).toEqual(expect.arrayContaining(['aws_auth_malformed', 'aws_auth_overprivileged']));
    const malformed = r.diagnoses.find((d) => d.rootCause === 'aws_auth_malformed');
    expect(malformed?.evidence.map((e) => e.why).join('\n')).toMatch(/indentation/);
    expect(malformed?.evidence.map((e) => e.line)).toEqual(expect.arrayContaining([8, 13]));
    const over = r.diagnoses.find((d) => d.rootCause === 'aws_auth_overprivileged');
    expect(over?.evidence.map((e) => e.line)).toEqual([8]);
    expect(r.diagnoses.filter((d) => d.severity === 'error' && d.confidence >= 0.5)).toEqual([]);
  });

  test('aws-auth users only, alone: risks, no failure', async () => {
    const r = await run(usersOnly);
    expect(causes(r).sort()).toEqual(['aws_auth_overprivileged', 'node_role_not_mapped']);
    expect(r.diagnoses.every((d) => d.severity === 'warning')).toBe(true);
  });
});
