import type { Signature } from './types.js';

// Go %q values reach us raw (kubectl), or backslash-escaped inside JSON, logfmt and klog `err="…"` values, hence
// `\\?"` around every quoted value. Every regex starts with a literal, so the scan stays linear.

/** Admission denials that look like RBAC and RBAC-specific reasons. */
export const ADMISSION_SIGNATURES: readonly Signature[] = [
  // PodSecurity admission, enforce mode: the pod is rejected (k8s 1.22 alpha said "pod violates …").
  {
    id: 'admission_podsecurity_violation',
    guard: ['violates PodSecurity'],
    re: /violates PodSecurity(?: \\?"(?<level>privileged|baseline|restricted)(?::(?<version>latest|v\d+\.\d+)(?:\\?": (?<details>[^\r\n]*))?)?)?/,
  },
  // warn mode, or a workload whose pods would be rejected: printed by kubectl as a warning, the object is created.
  {
    id: 'admission_podsecurity_warning',
    guard: ['would violate PodSecurity', 'violate the new PodSecurity'],
    re: /would violate PodSecurity(?: \\?"(?<level>privileged|baseline|restricted)(?::(?<version>latest|v\d+\.\d+)(?:\\?": (?<details>[^\r\n]*))?)?)?|existing pods in namespace \\?"(?<namespace>[^"\\]+)\\?" violate the new PodSecurity enforce level(?: \\?"(?<level2>privileged|baseline|restricted)(?::(?<version2>latest|v\d+\.\d+))?)?/,
  },
  // PodSecurityPolicy admission (≤ 1.24, plugin/pkg/admission/security/podsecuritypolicy): no policy the pod's
  // creator or ServiceAccount may use admits it (`unable to validate against any pod security policy: […]`, 1.22+
  // `PodSecurityPolicy: unable to admit pod: […]`, none usable at all: `no providers available to validate pod
  // request`); OpenShift's SCC admission says `unable to validate against any security context constraint: […]`.
  {
    id: 'admission_psp_denied',
    guard: [
      'unable to validate against any',
      'PodSecurityPolicy: unable to admit pod',
      'no providers available to validate pod request',
    ],
    // The list of refusals ends the message (a YAML quote may close it).
    re: /unable to validate against any(?: (?<engine>pod security policy|security context constraint)(?::(?: (?<details>[^\r\n']*))?)?)?|(?<engine2>PodSecurityPolicy): unable to admit pod(?:: (?<details2>[^\r\n']*))?|(?<details3>no providers available to validate pod request)/,
  },
  // ResourceQuota admission (plugin/pkg/admission/resourcequota/controller.go).
  {
    id: 'admission_quota_exceeded',
    guard: ['xceeded quota: '],
    re: /[Ee]xceeded quota:(?: (?<quota>[^,\s"\\]+)(?:, requested: (?<requested>\S+?)(?=, used: |[\s"\\]|$)(?:, used: (?<used>\S+?)(?=, limited: |[\s"\\]|$)(?:, limited: (?<limited>[^\s"\\]+))?)?)?)?/,
  },
  {
    id: 'admission_quota_must_specify',
    guard: ['ailed quota: '],
    re: /[Ff]ailed quota:(?: (?<quota>[^:\s"\\]+):(?: must specify(?: (?<what>[^"\\\r\n]+))?)?)?/,
  },
  // Context: a ResourceQuota on compute resources, as `kubectl describe quota` prints a row (resource, used, hard) or
  // `kubectl get quota` its pairs (`requests.cpu: 500m/2`): pods of this namespace must declare those resources.
  {
    id: 'resource_quota_compute_row',
    role: 'context',
    guard: ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'],
    re: /^\s*(?:requests|limits)\.(?:cpu|memory)[ \t]+\S+[ \t]+\S+[ \t]*$|(?:requests|limits)\.(?:cpu|memory): [\w.]{1,16}\/[\w.]{1,16}/,
  },
  // LimitRanger admission (plugin/pkg/admission/limitranger/admission.go): a container, pod or claim outside a
  // LimitRange's min, max or max limit/request ratio (`minimum memory usage per Container is 100Mi, but request is
  // 50Mi`, `cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000`).
  {
    id: 'admission_limit_range',
    guard: [
      ' usage per Container is ',
      ' usage per Pod is ',
      ' usage per PersistentVolumeClaim is ',
      'limit to request ratio per ',
    ],
    re: /(?<bound>minimum|maximum) (?<resource>[\w./-]{1,100}) usage per (?<scope>Container|Pod|PersistentVolumeClaim) is(?: (?<value>[^,\s"\\]{1,40})(?:, but (?<what>limit|request) is (?<actual>[^\s,"\\\]]{1,40}))?)?|(?<resource2>[\w./-]{1,100}) max limit to request ratio per (?<scope2>Container|Pod) is(?: (?<value2>[^,\s"\\]{1,40}))?/,
  },
  // ServiceAccount admission: the pod names a ServiceAccount that does not exist (yet).
  {
    id: 'admission_sa_missing',
    guard: ['rror looking up service account', 'was not found, retry after the service account is created'],
    re: /[Ee]rror looking up service account(?: (?<saNamespace>[^/\s"\\]+)\/(?<saName>[^:\s"\\]+):(?: (?<err>[^\r\n]*))?)?|service account (?<saNamespace2>[^/\s"\\]+)\/(?<saName2>\S+) was not found, retry after the service account is created/,
  },
  // A webhook with failurePolicy Fail could not be called (≤1.13: "failed calling admission webhook"); also the call
  // itself quoted without that lead (an issue title, a Helm error cut short): the API server's POST to an in-cluster
  // Service with the `?timeout=` it adds to every webhook call, and the transport error after it.
  {
    id: 'admission_webhook_call_failed',
    guard: ['failed calling webhook', 'failed calling admission webhook', '?timeout='],
    re: /failed calling (?:admission )?webhook(?: \\?"(?<webhook>[^"\\]+)\\?"(?:: (?:failed to call webhook: )?(?<cause>[^\r\n]*)|; no further details available)?)?|(?<cause2>Post (?:\\?")?https:\/\/(?<webhook2>[\w-]{1,63}\.[\w-]{1,63}\.svc)(?::\d{1,5})?\/[^"\\\s?]{0,512}\?timeout=(?:\d{1,3}s(?:\\?")?(?:: [^\r\n]*)?)?)/,
  },
  // The API server logs webhooks with failurePolicy Ignore that it skipped: the request itself went through.
  {
    id: 'admission_webhook_failing_open',
    guard: ['failing open'],
    re: /Failed calling webhook, failing open (?<webhook>\S+?):/,
  },
  // The webhook answered and said no: a policy decision, not reachability and not RBAC. Kyverno puts its message on
  // the lines after "denied the request:".
  {
    id: 'admission_webhook_denied',
    guard: ['denied the request'],
    re: /admission webhook \\?"(?<webhook>[^"\\]+)\\?" denied the request(?::(?: (?<message>[^\r\n]*))?| without explanation)?/,
  },
  // RBAC reason suffix: a binding refers to a (Cluster)Role that does not exist. Singular resource word: the lister's
  // NotFound, only produced by the RBAC authorizer (a plain GET says "clusterroles.rbac…").
  {
    id: 'rbac_role_not_found',
    guard: ['" not found'],
    re: /(?<kind>clusterrole|role)\.rbac\.authorization\.k8s\.io \\?"(?<name>[^"\\]+)\\?" not found/,
  },
  // A ClusterRoleBinding/RoleBinding with a ServiceAccount subject but no namespace is rejected: the binding never exists.
  {
    id: 'rbac_binding_invalid_subject',
    guard: ['is invalid: subjects['],
    re: /(?<kind>ClusterRoleBinding|RoleBinding)(?:\.rbac\.authorization\.k8s\.io)? \\?"(?<name>[^"\\]+)\\?" is invalid: (?<field>subjects\[(?:\d+(?:\](?:\.\w+)?)?)?)(?:: (?<detail>[^\r\n]*))?/,
  },
  // A binding whose roleRef the API server refuses: a ClusterRoleBinding naming a Role or no kind (`roleRef.kind:
  // Unsupported value: "Role": supported values: "ClusterRole"`; kubectl apply prefixes the resource with its group, kubectl
  // create with `The`), an existing binding's roleRef changed (`cannot change roleRef`), or the authorizer's older
  // `unsupported role reference kind: ""`.
  {
    id: 'rbac_binding_invalid_roleref',
    guard: ['is invalid: roleRef', 'unsupported role reference kind'],
    re: /(?<kind>ClusterRoleBinding|RoleBinding)(?:\.rbac\.authorization\.k8s\.io)? \\?"(?<name>[^"\\]+)\\?" is invalid: (?<field>roleRef(?:\.\w+)?)(?:: (?<detail>[^\r\n]*))?|(?<field2>unsupported role reference kind)(?:: (?<detail2>\\?"[^"\\\r\n]{0,64}\\?"))?/,
  },
  // RBAC escalation check on creating/updating a Role or binding (pkg/registry/rbac/validation/rule.go).
  {
    id: 'rbac_escalation_denied',
    guard: ['attempting to grant RBAC permissions not currently held', 'attempt to grant extra privileges'],
    re: /user \\?"(?<user>[^"\\]{1,512})\\?" \(groups=(?<groups>\[[^\]]{0,4096}\])\) is attempting to grant RBAC permissions not currently held|attempt to grant extra privileges(?:: (?<rules>\[[^\]\r\n]{0,4096}\]*))?/,
  },
  // Context of an escalation denial that the applier's own rights explain, not the role's rules: the role grants every
  // verb on every resource (cluster-admin), in the ≤ 1.8 and 1.9–1.11 forms, or the applier's own rules
  // (`ownerrules=`, a short list) are about the discovery every authenticated user has: its power comes from outside
  // RBAC (GKE IAM, an EKS access policy), which the escalation check does not see.
  {
    id: 'rbac_escalation_applier_lacks',
    role: 'context',
    guard: ['grant extra privileges: [', 'ownerrules=['],
    re: /grant extra privileges: \[(?:PolicyRule)?\{(?:\[\*\] <nil> \[\*\] \[\*\]|Resources:\["\*"\], APIGroups:\["\*"\], Verbs:\["\*"\]|APIGroups:\["\*"\], Resources:\["\*"\], Verbs:\["\*"\])|ownerrules=\[(?=[^\r\n]{0,160}?selfsubject(?:access|rules)reviews)[^\r\n]{0,400}?\] ruleResolutionErrors/,
  },
  // One missing rule per line after the escalation message (CompactString).
  {
    id: 'rbac_escalation_rule',
    guard: ['{APIGroups:', '{NonResourceURLs:', '{Resources:'],
    re: /^\s*\{(?=APIGroups:|Resources:|NonResourceURLs:)(?:APIGroups:\[(?<apiGroups>[^\]]*)\](?:, |$))?(?:Resources:\[(?<resources>[^\]]*)\](?:, |$))?(?:NonResourceURLs:\[(?<nonResourceURLs>[^\]]*)\](?:, |$))?(?:ResourceNames:\[(?<resourceNames>[^\]]*)\](?:, |$))?(?:Verbs:\[(?<verbs>[^\]]*)\]\})?/,
  },
  // Context of a denial (same line): a client-go reflector/informer, which needs list AND watch.
  {
    id: 'informer_list_failed',
    role: 'context',
    guard: ['ailed to list *', 'ailed to watch *', ', Resource='],
    re: /[Ff]ailed to (?:list|watch) (?<type>\*[\w.]*|[\w.-]*\/v\w+, Resource=[\w.-]*)(?::|$)/,
  },
  // Context: the log frame of a long-running Go daemon (logrus text or terminal format, client-go's leader election),
  // which tells a deployed controller or operator from code a person runs against the API by hand.
  {
    id: 'daemon_log_frame',
    role: 'context',
    guard: [
      'level=error',
      'level=fatal',
      'level=warn',
      'level=panic',
      'ERRO[',
      'FATA[',
      'error retrieving resource lock',
    ],
    re: /\blevel=(?:error|fatal|warn|panic)\b|^(?:ERRO|FATA)\[|error retrieving resource lock\b/,
  },
  // Context: the paste says a binding was already made for the access that is denied (kubectl's "created" line, or the
  // person's words: "a RoleBinding", "the `ClusterRoleBinding`", "even after applying"), so the grant exists and does not
  // reach the request.
  // Articles are lowercase only: "The RoleBinding "x" is invalid" is the API server's validation message.
  {
    id: 'binding_said_applied',
    role: 'context',
    guard: ['rolebinding', 'RoleBinding', 'Rolebinding', 'role binding', 'Role binding', 'Role Binding', 'even after '],
    re: /\b(?:a|an|the|my|our|this|that|respective|corresponding)\s(?:respective\s|corresponding\s|new\s|proper\s)?`?(?:[Cc]luster\s?)?[Rr]ole\s?[Bb]inding\b|\b[Ee]ven after (?:applying|creating|adding|binding|granting)\b|\b(?:cluster)?rolebinding(?:\.rbac\.authorization\.k8s\.io\/|\s")[\w.:-]{1,253}"? created\b/,
  },
  // A reflector's WATCH refused with no decodable Status (client-go prints only "unknown (get <resource>)"): the role
  // allows list but not watch.
  {
    id: 'informer_watch_unknown',
    guard: [': unknown (get '],
    re: /Failed to watch (?<type>\*[\w.]+): unknown \(get(?: (?<resource>[\w.-]+)\))?/,
  },
  // Context of a denial (same line): kubectl apply reads the live object first; it also needs create and patch.
  {
    id: 'kubectl_apply_get',
    role: 'context',
    guard: ['from server for: '],
    re: /^from server for: (?:\\?"(?<file>[^"\\]*)\\?": )?/,
  },
];
