// aws-auth fixes never lose a mapping: when the current ConfigMap is in the input, the fix is that ConfigMap with
// one entry appended (every existing data value kept byte for byte); otherwise only additive commands are proposed
// (eksctl create iamidentitymapping, aws eks create-access-entry), written by the rules.
import type { AwsAuthFact } from '../facts/schema.js';
import type { Remediation } from '../report.js';
import { toYamlDocuments } from './yaml-out.js';

/** One mapping to add. */
export interface NewMapping {
  kind: 'role' | 'user';
  arn: string;
  username: string;
  groups: string[];
}

function entryYaml(m: NewMapping): string {
  return toYamlDocuments([
    [{ [m.kind === 'role' ? 'rolearn' : 'userarn']: m.arn, username: m.username, groups: m.groups }],
  ]);
}

function appendEntry(existing: string | undefined, entry: string): string {
  if (existing === undefined || existing.trim() === '') return entry;
  return existing.endsWith('\n') ? existing + entry : `${existing}\n${entry}`;
}

/** Rebuilds data values from leniently read entries (when the pasted text was malformed). */
function rebuiltData(a: AwsAuthFact): Record<string, string> {
  const data: Record<string, string> = {};
  for (const e of a.entries) {
    const key = e.kind === 'role' ? 'mapRoles' : 'mapUsers';
    data[key] =
      (data[key] ?? '') +
      entryYaml({ kind: e.kind, arn: e.arn, username: e.username ?? '<username>', groups: e.groups });
  }
  if (a.accounts.length > 0) data['mapAccounts'] = toYamlDocuments([a.accounts]);
  return data;
}

/** The pasted aws-auth with `mapping` added, keeping every existing entry; empty when aws-auth was not pasted. */
export function mergedAwsAuth(a: AwsAuthFact | null, mapping: NewMapping, why: string): Remediation[] {
  if (a === null) return [];
  const base = a.data ?? rebuiltData(a);
  const key = mapping.kind === 'role' ? 'mapRoles' : 'mapUsers';
  const data: Record<string, string> = { ...base, [key]: appendEntry(base[key], entryYaml(mapping)) };
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(data).sort()) sorted[k] = data[k] ?? '';
  const cm = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'aws-auth', namespace: 'kube-system' },
    data: sorted,
  };
  const kept = a.entries.length;
  const note = a.data
    ? `aws-auth from the input (lines ${a.line}–${a.endLine}) with one ${key} entry added; all ${kept} existing mapping(s) kept unchanged. ${why}`
    : `aws-auth rebuilt from the ${kept} mapping(s) read on lines ${a.line}–${a.endLine} (the pasted text was malformed) plus one ${key} entry. Compare with \`kubectl get cm aws-auth -n kube-system -o yaml\` before applying. ${why}`;
  return [
    {
      kind: 'manifest',
      title: `aws-auth merged: every existing mapping kept, ${mapping.kind === 'role' ? 'role' : 'user'} ${mapping.arn} added`,
      yaml: toYamlDocuments([cm], `${note} Apply with: kubectl apply -f - (review first)`),
      safety: 'mutating',
    },
  ];
}
