// Which granted requests let their holder gain more rights, for the tests that check a fix never grants them unasked.

/** Whether a rule granting `verb` on `resource` (with its subresource) escalates (secret reads aside). */
export function escalating(verb: string, resource: string): boolean {
  return (
    ['impersonate', 'bind', 'escalate'].includes(verb) ||
    [
      'serviceaccounts/token',
      'nodes/proxy',
      'pods/exec',
      'pods/attach',
      'pods/portforward',
      'pods/ephemeralcontainers',
      'certificatesigningrequests/approval',
    ].includes(resource) ||
    (resource === 'signers' && ['approve', 'sign'].includes(verb))
  );
}
