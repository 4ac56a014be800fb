import type { Signature } from './types.js';

/** Authentication and connectivity. */
export const AUTHN_SIGNATURES: readonly Signature[] = [
  // authentication
  {
    id: 'unauthorized',
    // `You must be log` is kubectl's sentence cut inside its distinctive word, as pasted text sometimes ends
    guard: ['You must be log', 'provide credentials', 'Unauthorized'],
    // … | the API server's own Status object (`"message":"Unauthorized"`, `"reason":"Unauthorized"`), the Python client's `Reason: Unauthorized`, fabric8's `Unauthorized! Token may have expired!`
    re: /You must be log(?:ged in(?: to the server(?: \((?<detail>[^)]*)\)?)?)?)?|the server has asked for the client to provide credentials|^\s{0,8}(?:Error|error): Unauthorized\s*$|^\[✖\]\s+\S[^\r\n]*: Unauthorized\s*$|\\?"(?:message|reason)\\?": ?\\?"Unauthorized(?![A-Za-z])|\bReason: Unauthorized\s*$|\bUnauthorized! Token may have expired/,
  },
  // kubectl's answer when its discovery of the API was refused (kubectl before 1.11 printed only this for a 401): a
  // built-in type such as pods or svc exists on every cluster. A custom resource's type may really be absent (its CRD
  // not installed), so only built-in types are read.
  {
    id: 'server_no_resource_type',
    // The phrase up to the type's first letters: a line cut after the guard still names a built-in type.
    guard: [
      'resource type "all',
      'resource type "clusterrole',
      'resource type "cm',
      'resource type "configmap',
      'resource type "daemonset',
      'resource type "deploy',
      'resource type "ds',
      'resource type "endpoints',
      'resource type "ep',
      'resource type "ev',
      'resource type "job',
      'resource type "namespace',
      'resource type "no',
      'resource type "ns',
      'resource type "persistentvolume',
      'resource type "po',
      'resource type "pv',
      'resource type "replicaset',
      'resource type "role',
      'resource type "rs',
      'resource type "sa',
      'resource type "secret',
      'resource type "service',
      'resource type "statefulset',
      'resource type "sts',
      'resource type "svc',
    ],
    re: /the server doesn't have a resource type "(?<resource>pods?|po|services?|svc|nodes?|no|deployments?|deploy|namespaces?|ns|configmaps?|cm|secrets?|replicasets?|rs|statefulsets?|sts|daemonsets?|ds|jobs?|events?|ev|endpoints|ep|persistentvolumeclaims?|pvc|persistentvolumes?|pv|serviceaccounts?|sa|roles?|rolebindings?|clusterroles?|clusterrolebindings?|all)(?![\w.-])/,
  },
  // connectivity
  {
    id: 'connection_refused',
    guard: ['refused'],
    // ipamd's local gRPC port (127.0.0.1:50051) refusing the CNI plugin is the VPC CNI's failure, not the API server's
    re: /The connection to the server (?<server>\S+) was refused|dial tcp (?!127\.0\.0\.1:50051:|\[::1\]:50051:|localhost:50051:|169\.254\.170\.23:|\[fd00:ec2::23\]:)(?<addr>\S+): connect: connection refused/,
  },
  {
    id: 'endpoint_timeout',
    guard: ['i/o timeout', 'TLS handshake timeout', 'context deadline exceeded', 'no such host'],
    re: /dial tcp (?<addr>\S+): i\/o timeout|Unable to connect to the server: (?:net\/http: TLS handshake timeout|context deadline exceeded)|dial tcp: lookup (?<host>\S+?)(?: on \S+)?: no such host/,
  },
  { id: 'x509', guard: ['x509:'], re: /x509:(?: (?<detail>[^"\\\r\n]{1,300}))?/ },
  // The client does not trust the API server's certificate (or the name it was reached by): the CA in the kubeconfig or
  // the provider's cluster_ca_certificate is another cluster's (a recreated cluster, a stale context), the server URL is
  // not one the certificate names, or a proxy re-signs TLS. Go ≥ 1.20 prefixes `tls: failed to verify certificate: `; Go < 1.14
  // printed the URL without quotes (a client-go reflector's `Failed to list *v1.Service: Get https://…: x509: …`).
  // A registry's `/v2/` URL (an image pull) or a Service's `.svc` host (a webhook called by the API server) is not it.
  {
    id: 'api_server_x509',
    guard: ['x509:'],
    re: /(?:Unable to connect to the server|[Cc]luster unreachable|couldn't get current server API group list|(?:Get|Post|Put|Patch|Delete) (?:\\?")?https:\/\/(?![^"\\\s]{0,300}(?:\/v2\/|\.svc[:/]))[^"\\\s]{1,300}?(?:\\?")?): (?:tls: failed to verify certificate: )?x509:(?: (?<detail>[^"\\\r\n]{1,300}))?/,
  },
  // No kubeconfig (or no current context/server in it): client-go falls back to http://localhost:8080
  {
    // kubectl asks for basic-auth credentials when the kubeconfig user has none (no token, no exec, no cert).
    id: 'kubeconfig_no_user_credentials',
    guard: ['Please enter Username'],
    re: /Please enter Username(?:: ?(?:error: EOF)?)?/,
  },
  {
    id: 'kubectl_default_localhost',
    guard: ['localhost:8080', '127.0.0.1:8080', '[::1]:8080'],
    re: /The connection to the server (?:localhost|127\.0\.0\.1):8080(?: was refused)?|Get \\?"http:\/\/localhost:8080(?:\/[^"\\\s]*)?(?:\\?": dial tcp (?:\[::1\]|127\.0\.0\.1):8080: connect: connection refused)?/,
  },
  // kubectl/client-go could not reach the API endpoint at all (no response): network path, private endpoint, allowlists
  {
    id: 'api_endpoint_no_response',
    guard: [
      'i/o timeout',
      'connection timed out',
      'no route to host',
      'network is unreachable',
      'TLS handshake timeout',
      'request canceled',
      'context deadline exceeded',
    ],
    re: /(?:Unable to connect to the server|[Cc]luster unreachable: Get \\?"[^"\\\s]+\\?"|couldn't get current server API group list: Get \\?"[^"\\\s]+\\?"|(?:Get|Post|Put|Patch|Delete) \\?"https:\/\/[0-9A-Za-z*]{8,40}\.(?:[a-z0-9]{3}\.)?[a-z]{2}(?:-gov)?-[a-z]+-\d\.eks\.amazonaws\.com(?:\.cn)?(?:\/[^"\\\s]{0,200})?\\?"): (?:dial tcp (?<addr>[^:\s][^:]{0,80}:\d+): (?<err>i\/o timeout|connect: (?:connection timed out|no route to host|network is unreachable))|(?<err2>net\/http: TLS handshake timeout|net\/http: request canceled(?: while waiting for connection| \(Client\.Timeout exceeded[^)]{0,80}\)?)?|context deadline exceeded))/,
  },
  // The API server, or something in between, closed the connection without an HTTP answer (Go's io.EOF): a proxy or
  // VPN that intercepts TLS (HTTPS_PROXY without the endpoint in NO_PROXY), a load balancer with no healthy API server
  // behind it (self-managed control planes), a wrong port. A registry's `/v2/` and a webhook's `.svc` are not it.
  {
    id: 'api_server_eof',
    guard: [': EOF'],
    re: /(?:Unable to connect to the server|[Cc]luster unreachable: Get \\?"[^"\\\s]{1,300}\\?"|couldn't get current server API group list: Get \\?"[^"\\\s]{1,300}\\?"|(?:Get|Post|Put|Patch|Delete) \\?"https:\/\/(?![^"\\\s]{0,300}(?:\/v2\/|\.svc[:/]))[^"\\\s]{1,300}\\?"): EOF(?![\w])/,
  },
  // The EKS console's own words for a principal the cluster does not map, or maps without any permission to read.
  {
    id: 'eks_console_no_access',
    guard: ['have access to Kubernetes objects'],
    re: /Your current (?:user or role|IAM principal) (?:does not|doesn't) have access to Kubernetes objects/,
  },
  // The same notice since access entries (late 2023): it names the IAM principal and then an access entry; before, it
  // said "user or role" and named the cluster's auth config map.
  {
    id: 'eks_console_no_access_entry',
    guard: [
      "IAM principal doesn't have access to Kubernetes objects",
      'IAM principal does not have access to Kubernetes objects',
    ],
    re: /IAM principal (?:does not|doesn't) have access to Kubernetes objects/,
  },
  // The API server's host name does not resolve: a stale context (deleted or recreated cluster), a typo or a malformed server URL
  {
    id: 'api_host_not_found',
    guard: ['no such host'],
    // … | a lookup of an EKS endpoint name, whatever precedes it (a URL cut or redacted by the reporter)
    re: /(?:Unable to connect to the server|[Cc]luster unreachable: Get \\?"[^"\\\s]+\\?"|couldn't get current server API group list: Get \\?"[^"\\\s]+\\?"|(?:Get|Post|Put|Patch|Delete) \\?"https:\/\/[0-9A-Za-z*]{8,40}\.(?:[a-z0-9]{3}\.)?[a-z]{2}(?:-gov)?-[a-z]+-\d\.eks\.amazonaws\.com(?:\.cn)?(?:\/[^"\\\s]{0,200})?\\?"): dial tcp: lookup (?<host>\S+?)(?: on \S+)?: no such host|dial tcp: lookup (?:https?:\/\/)?(?<host2>[^\s:/]{1,80}\.eks\.amazonaws\.com(?:\.cn)?)(?: on \S+)?: no such host/,
  },
  // client-go could not read the kubeconfig file it was given: not a kubeconfig (a token, a context name, another
  // tool's file in KUBECONFIG), broken YAML, or an object of another kind; kubectl stops before any request.
  {
    id: 'kubeconfig_load_error',
    guard: ['rror loading config file', 'clientcmd/api/latest'],
    re: /[Ee]rror loading config file(?: \\?"(?<file>[^"\\\r\n]{1,300})\\?"(?:: (?<detail>[^\r\n]{1,300}))?)?|no kind \\?"(?<kind>\w+)\\?" is registered for version \\?"[^"\\\s]*\\?" in scheme \\?"[^"\\\s]*clientcmd\/api\/latest/,
  },
];
