import type { Signature } from './types.js';

// Policy engines that decide admission: the API server reached their webhook (or evaluated its own CEL policy) and the
// answer was no. Each names the policy (and, where the engine says it, the rule) that refused the object.

/** Admission denials by policy engines: ValidatingAdmissionPolicy, Gatekeeper/OPA, Kyverno. */
export const POLICY_SIGNATURES: readonly Signature[] = [
  // Built-in CEL policies (k8s ≥ 1.26): `ValidatingAdmissionPolicy 'p' with binding 'b' denied request: message`.
  {
    id: 'admission_vap_denied',
    guard: ["' denied request:"],
    re: /ValidatingAdmissionPolicy '(?<policy>[^'\s]{1,253})' with binding '(?<binding>[^'\s]{1,253})' denied request:(?: (?<message>[^\r\n]*))?/,
  },
  // Gatekeeper: `[denied by <constraint>] message` (≤ 3.3), `[<constraint>] message` (later), one bracket per violation.
  {
    id: 'admission_gatekeeper_denied',
    guard: ['denied the request: ['],
    // The policy only when its closing bracket shows (a cut name is unknown, not a shorter name).
    re: /admission webhook \\?"(?<webhook>[^"\\]+)\\?" denied the request: \[(?:(?:denied by )?(?<policy>[^\]\s]{1,253})\](?: (?<message>[^\r\n]*))?)?/,
  },
  // Kyverno's block header (`resource Kind/ns/name was blocked due to the following policies`, 1.10+: `policy
  // Kind/ns/name for resource violation`); its policy and rule lines follow (facts/policy-blocks.ts reads them).
  {
    id: 'admission_kyverno_blocked',
    guard: ['was blocked due to the following policies', 'for resource violation'],
    re: /(?:resource|policy) (?<resource>[\w.-]+\/[\w.-]*\/[\w.-]+) (?:was blocked due to the following policies|for resource violation)/,
  },
  // One failed Kyverno rule: a policy report or event (`policy disallow-latest-tag/require-image-tag fail: …`), a
  // block escaped onto one line (`…following policies\n\ndisallow-latest-tag:\n  require-image-tag: '…'`), or a block's
  // rule line (facts/policy-blocks.ts).
  {
    id: 'admission_kyverno_rule_failed',
    guard: [' fail: ', 'following policies\\n', 'resource violation: \\n', 'resource violation:\\n'],
    re: /\bpolicy (?<policy>[\w.-]{1,253})\/(?<rule>[\w.-]{1,253}) fail: (?<message>[^\r\n]*)|(?:following policies|resource violation:?)(?:\\n| )+(?<policy2>[\w.-]{1,253}):(?:\\n)+ *(?<rule2>[\w.-]{1,253}): (?<message2>(?:[^"\\\r\n]|\\.)*)/,
  },
];
