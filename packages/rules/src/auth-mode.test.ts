// Fixes follow the cluster's authentication mode when the input shows it (aws eks describe-cluster): access entries
// in API mode, aws-auth in CONFIG_MAP mode, both when unknown or API_AND_CONFIG_MAP.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { diagnose } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';

const wall = (f: string): string => readFileSync(new URL(`../../../fixtures/seed-walls/${f}`, import.meta.url), 'utf8');
const cluster = (mode: string): string =>
  `$ aws eks describe-cluster --name dev --query cluster.accessConfig\n{\n    "bootstrapClusterCreatorAdminPermissions": true,\n    "authenticationMode": "${mode}"\n}\n`;

async function fixes(text: string, cause: string): Promise<string> {
  const r = await diagnose(text, builtinRuleSet);
  const d = r.diagnoses.find((x) => x.rootCause === cause);
  expect(d, `${cause} in ${r.diagnoses.map((x) => x.rootCause).join(', ')}`).toBeDefined();
  return (d?.remediation ?? []).map((x) => `${x.command ?? ''}${x.yaml ?? ''}`).join('\n');
}

test.each([
  ['API', true, false],
  ['CONFIG_MAP', false, true],
  ['API_AND_CONFIG_MAP', true, true],
  [null, true, true],
])('401 with authentication mode %s: access entry %s, aws-auth %s', async (mode, accessEntry, awsAuth) => {
  const text = `${wall('wall1-unauthorized.txt')}${mode ? cluster(mode) : ''}`;
  const f = await fixes(text, 'iam_identity_not_mapped');
  expect(f.includes('aws eks create-access-entry')).toBe(accessEntry);
  expect(f.includes('eksctl create iamidentitymapping')).toBe(awsAuth);
});

test('the seed NotReady nodes in API mode get the EC2_LINUX access entry and no aws-auth edit', async () => {
  const f = await fixes(`${wall('wall3-pending-not-ready-disk.txt')}\n${cluster('API')}`, 'node_role_not_mapped');
  expect(f).toContain('--type EC2_LINUX');
  expect(f).not.toContain('eksctl create iamidentitymapping');
});
