// Every fix the rules emit, on every input we have (seed walls, rule cases, the real-paste corpus, the kubectl
// fixtures): manifests validate against the Kubernetes schema of their kind, and nothing proposes an admin grant.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { diagnose, type Report } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { manifestProblems } from '../../../test-support/k8s-schema.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function files(dir: string, match: (f: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && match(d.name))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

const inputs = [
  ...files(join(root, 'fixtures/seed-walls'), () => true),
  ...files(join(root, 'packages/rules/rules'), (f) => f.endsWith('.input.txt')),
  ...files(join(root, 'eval/corpus'), (f) => f === 'input.txt'),
  ...files(
    join(root, 'fixtures'),
    (f) => f.endsWith('.txt') && !f.endsWith('.stdout.txt') && !f.endsWith('.stderr.txt'),
  ).filter((f) => /fixtures\/[a-z-]+\/1\.3[0-3]\//.test(f)),
];

// Admin grants: system:masters as a group to add, cluster-admin bindings, the EKS cluster-admin access policy.
const ADMIN =
  /(?:--group[= ]system:masters|groups:\s*\n\s*-\s*system:masters|clusterrole[= ]cluster-admin|name:\s*cluster-admin\b|AmazonEKSClusterAdminPolicy)/;

// Verbs and subresources that let the holder of a grant gain more than it lists.
const ESCALATION =
  /(?:-\s+|")(?:impersonate|bind|escalate)\b|\b(?:serviceaccounts\/token|nodes\/proxy|pods\/(?:exec|attach|portforward))\b/;

test(`fixes on ${inputs.length} real inputs: valid manifests, no admin grant, never a lossy aws-auth`, async () => {
  expect(inputs.length).toBeGreaterThan(200);
  const problems: string[] = [];
  let manifests = 0;
  for (const file of inputs) {
    const text = readFileSync(file, 'utf8');
    const report: Report = await diagnose(text, { ...builtinRuleSet, trustedRules: true });
    for (const d of report.diagnoses) {
      for (const r of d.remediation) {
        const where = `${file.slice(root.length)} ${d.ruleId} "${r.title}"`;
        if (r.kind === 'manifest' && r.yaml !== undefined) {
          manifests++;
          for (const p of manifestProblems(r.yaml)) problems.push(`${where}: ${p}`);
          // An aws-auth ConfigMap is only emitted when one was in the input (merged, never a fresh replacement).
          if (
            /kind: ConfigMap/.test(r.yaml) &&
            /name: aws-auth/.test(r.yaml) &&
            /^# aws-auth/m.test(r.yaml) &&
            !/aws-auth (from the input|rebuilt from)/.test(r.yaml)
          )
            problems.push(`${where}: aws-auth emitted without the input's mappings`);
        }
        if (r.kind !== 'note' && ADMIN.test(`${r.command ?? ''}\n${r.yaml ?? ''}`)) {
          // Quoting the user's own aws-auth back in a merge is not a proposal; anything else is.
          const merged = r.yaml !== undefined && /aws-auth (from the input|rebuilt from)/.test(r.yaml);
          if (!merged || /--group[= ]system:masters|cluster-admin|AmazonEKSClusterAdminPolicy/.test(r.yaml ?? ''))
            problems.push(`${where}: proposes an admin grant`);
        }
        // Anything that changes a cluster or an account is labelled mutating, or escalation when it lets its holder
        // gain more rights than it lists.
        if (r.kind === 'manifest' && r.safety === 'read-only' && !/shape only/i.test(r.title))
          problems.push(`${where}: a manifest to apply must be labelled mutating`);
        if (r.kind === 'manifest' && r.safety !== 'escalation' && ESCALATION.test(r.yaml ?? ''))
          problems.push(`${where}: an escalating grant must be labelled escalation`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(manifests).toBeGreaterThan(10);
}, 120000);
