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

/**
 * Below this confidence an error is a speculative alternative, not a claim (the same line contract C2 draws for
 * healthy inputs): it ranks by confidence among the warnings, so a strong warning that names the problem comes first.
 */
export const WEAK_ERROR_BELOW = 0.5;

const SEVERITY_ORDER: Record<Ordered['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors at or above WEAK_ERROR_BELOW first, then warnings and weak errors together, then infos. */
function tier(d: Ordered): number {
  return d.severity === 'error' && d.confidence < WEAK_ERROR_BELOW ? 1 : SEVERITY_ORDER[d.severity];
}

/**
 * Orders diagnoses as contract C2 requires, refined for weak errors: errors with confidence ≥ WEAK_ERROR_BELOW, then
 * warnings and weaker errors by confidence (an error first on a tie), then infos; within a tier by confidence, then
 * rule id.
 */
export function compareDiagnoses(a: Ordered, b: Ordered): number {
  const t = tier(a) - tier(b);
  if (t !== 0) return t;
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
