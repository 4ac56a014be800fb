// Input kinds and the order of diagnoses. Root causes and named conditions are data: packages/rules/vocabulary.

/** Input kinds that split/sniff can recognise. */
export const INPUT_KINDS = [
  'describe-pod',
  'describe-node',
  'describe-configmap',
  'describe-other',
  'get-table',
  'events-json',
  'object-json',
  'object-yaml',
  'aws-auth',
  'kubectl-error',
  'aws-cli-error',
  'caller-identity-json',
  'access-entries-json',
  'describe-cluster-json',
  'can-i',
  'whoami',
  'empty-result',
  'log-lines',
] as const;

type Ordered = { severity: 'error' | 'warning' | 'info'; confidence: number; ruleId: string };

const SEVERITY_ORDER: Record<Ordered['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnoses as contract C2 requires: severity, then confidence, then rule id. */
export function compareDiagnoses(a: Ordered, b: Ordered): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
