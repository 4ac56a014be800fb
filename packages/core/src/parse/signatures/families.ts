import type { Signature } from './types.js';

// Format: the families of errors the product explains, recognised by their most general words so that a message no
// other signature knows still counts:
//   Error: getting nodegroup's kubernetes version: failed to list nodes: Unauthorized      (401)
//   kubernetes.client.exceptions.ApiException: (403)                                        (403)
//   pods "web-0" is forbidden: unable to validate against any security context constraint   (admission)
// A family signal is kept only on a message that no cause signature, denial or fit error explains (facts/error-lines).

/** One signature per family of errors; rules in packages/rules turn each into a low-confidence family diagnosis. */
export const FAMILY_SIGNATURES: readonly Signature[] = [
  // 401: kubectl, client-go, eksctl and client libraries (`(401)`, `HTTP/1.1 401`, `status code: 401`).
  {
    id: 'family_unauthorized',
    role: 'family',
    guard: ['Unauthorized', '401'],
    re: /\bUnauthorized\b|(?:\(|\b(?:HTTP\/[\d.]+|[Ss]tatus(?: ?[Cc]ode)?:?|[Cc]ode:?|[Rr]esponse(?: [Cc]ode)?:?)\s?)401\b/,
  },
  // 403, and RBAC's own `forbidden: User "…"` / `forbidden: user "…" (groups=…)` (other reasons are family_admission).
  {
    id: 'family_forbidden',
    role: 'family',
    guard: ['Forbidden', 'forbidden', '403'],
    re: /\bForbidden\b|\bforbidden: [Uu]ser\b|(?:\(|\b(?:HTTP\/[\d.]+|[Ss]tatus(?: ?[Cc]ode)?:?|[Cc]ode:?|[Rr]esponse(?: [Cc]ode)?:?)\s?)403\b/,
  },
  // An admission plugin or policy said no: the reason after `is forbidden:` is not RBAC's `User "…"`.
  {
    id: 'family_admission',
    role: 'family',
    guard: ['is forbidden: ', 'denied the request', 'denied request', 'ValidatingAdmissionPolicy'],
    re: /is forbidden: (?![Uu]ser\b)|denied the request|denied request\b|ValidatingAdmissionPolicy\b/,
  },
  // A node that registered but is not Ready (tables, conditions, events). The not-ready taint is every pod's default
  // toleration, not a symptom.
  {
    id: 'family_not_ready',
    role: 'family',
    guard: ['NotReady', 'not ready', 'were not ready'],
    re: /\b(?:Kubelet|Node)?NotReady\b|node\(s\) were not ready|container runtime (?:network )?(?:is )?not ready/,
  },
  // A kubelet that could not register its Node (the reason after `with API server:` is the cause: Unauthorized, a
  // timeout, x509); the node never appears in `kubectl get nodes`.
  // Told in words too, as an issue title or a chat message does (`Worker nodes fail to join the EKS cluster`).
  {
    id: 'family_node_registration',
    role: 'family',
    guard: ['Unable to register node', ' join'],
    re: /Unable to register node|\b(?:[Nn]odes?|[Ii]nstances?|[Ww]orkers?|[Nn]ode ?[Gg]roups?)\b[^.\r\n]{0,40}?\b(?:fail(?:s|ed|ing)? to|unable to|(?:do|does|did|is|are|were|was)(?:n't| not)|can(?:not|'t)|never|won't|not) (?:be )?join(?:ing|ed)?\b/,
  },
  // A pod the scheduler did not place (events, conditions, autoscaler; a histogram cut before its reasons; a pod said
  // to wait in Pending); the describe-node field `Unschedulable:` is not.
  {
    id: 'family_scheduling',
    role: 'family',
    guard: ['FailedScheduling', 'Unschedulable', 'trigger scale-up', 'nodes are available', 'Pending', 'pending'],
    // … | a scheduler histogram cut before its reasons | a pod said to wait, in words (`Pods stuck in Pending`)
    re: /\bFailedScheduling\b|\bUnschedulable\b(?!:)|didn't trigger scale-up|\b\d+\/\d+ nodes are available[:.]?\s*$|\b(?:stuck|remains?|hangs?|hanging|waiting) (?:in (?:the |a )?)?[Pp]ending\b|\b[Pp]ending (?:state|status|forever)\b/,
  },
  // AWS credentials and exec credential plugins: the plugin's frame, the aws CLI's own error lines and eksctl's STS check.
  {
    id: 'family_credentials',
    role: 'family',
    guard: [
      'getting credentials: exec',
      'getting token: exec',
      'could not get token',
      'operation: ',
      'aws: [ERROR]',
      'exec plugin:',
      'exec plugin is configured',
      'operation error STS',
      'role ARN for current session',
      'getting credentials: ',
      'failed to refresh cached credentials',
    ],
    // … | client-go could not read what the plugin printed (`getting credentials: decoding stdout: …`) | an SDK's provider chain
    re: /getting (?:credentials|token): (?:exec\b|decoding stdout)|failed to refresh cached credentials|could not get token\b|cannot get role ARN for current session|An error occurred \((?<code>\w+)\) when calling the (?<operation>AssumeRole\w*|GetCallerIdentity|GetSessionToken|GetRoleCredentials) operation|aws: \[ERROR\]|exec plugin(?: is configured|: )|operation error STS: (?<operation2>\w+)/,
  },
  // An AWS API refused the caller (a person's CLI, a tool, a controller): AccessDenied, AccessDeniedException,
  // `is not authorized to perform`, EC2's UnauthorizedOperation. Who called and which action decide the fix.
  {
    id: 'family_aws_denied',
    role: 'family',
    guard: ['AccessDenied', 'not authorized to perform', 'UnauthorizedOperation'],
    re: /\bAccessDenied(?:Exception)?\b|\bis not authorized to perform\b|\bUnauthorizedOperation\b/,
  },
];
