// Format: single-line error signatures from kubectl, client-go exec plugins, the aws CLI, aws-iam-authenticator and
// the kubelet, e.g.
//   could not get token: NoCredentialProviders: no valid providers in chain. Deprecated.
//   Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 253
//   error: You must be logged in to the server (Unauthorized)
// Each signature has a stable id (signatures-eks.md / signatures-k8s.md) and named captures.
// Every regex is tested only after a cheap `includes` guard and has no nested quantifiers, so matching stays linear.

/** A catalogued message signature. */
export interface Signature {
  id: string;
  /** Substrings, one of which must occur before the regex runs. */
  guard: readonly string[];
  re: RegExp;
}

export const SIGNATURES: readonly Signature[] = [
  // AWS credentials (signatures-eks.md §1)
  {
    id: 'aws_no_credentials',
    guard: ['NoCredentialProviders', 'Unable to locate credentials', 'no EC2 IMDS role found', 'failed to retrieve credentials'],
    re: /NoCredentialProviders: no valid providers in chain|Unable to locate credentials|no EC2 IMDS role found|failed to retrieve credentials from any provider/,
  },
  { id: 'aws_sdk_v1_no_credentials', guard: ['NoCredentialProviders'], re: /NoCredentialProviders: no valid providers in chain/ },
  { id: 'aws_no_credentials_hint', guard: ['CredentialsChainVerboseErrors'], re: /For verbose messaging see aws\.Config\.CredentialsChainVerboseErrors/ },
  {
    id: 'aws_profile_not_found',
    guard: ['could not be found', 'shared config profile'],
    re: /The config profile \((?<profile>[^)\s]+)\) could not be found|failed to get shared config profile, (?<profile2>\S+)/,
  },
  {
    id: 'aws_sso_expired',
    guard: ['sso', 'SSO', 'InvalidGrantException'],
    re: /Error when retrieving token from sso: Token has expired|The SSO session associated with this profile has expired|Error loading SSO Token|SSOProviderInvalidToken|the SSO session has expired or is invalid|InvalidGrantException|cached SSO token is expired/,
  },
  {
    id: 'aws_expired_token',
    guard: ['ExpiredToken', 'RequestExpired', 'already-expired credentials'],
    re: /\(ExpiredToken\)|ExpiredToken: The security token included in the request is expired|api error ExpiredToken|\(RequestExpired\)|credential source returned already-expired credentials/,
  },
  {
    id: 'aws_invalid_token',
    guard: ['InvalidClientTokenId', 'SignatureDoesNotMatch'],
    re: /InvalidClientTokenId|SignatureDoesNotMatch/,
  },
  {
    id: 'aws_assume_role_denied',
    guard: ['sts:AssumeRole'],
    re: /User: (?<caller>arn:\S+) is not authorized to perform: sts:AssumeRole on resource: (?<role>arn:[^\s"]+)/,
  },
  {
    id: 'aws_no_region',
    guard: ['specify a region', 'scoped to a valid region', 'Could not connect to the endpoint URL'],
    re: /You must specify a region|Credential should be scoped to a valid region|Could not connect to the endpoint URL: "https:\/\/sts\./,
  },
  // exec credential plugin wrappers (signatures-eks.md §2)
  {
    id: 'exec_not_found',
    guard: ['not found', 'executable file not found'],
    re: /getting (?:credentials|token): exec: (?:executable (?<cmd>\S+) not found|exec: "(?<cmd2>[^"]+)": executable file not found in \$PATH)/,
  },
  { id: 'exec_install_hint', guard: ['credential plugin that is not installed'], re: /It looks like you are trying to use a client-go credential plugin that is not installed/ },
  {
    id: 'exec_failed',
    guard: ['exit code', 'exit status'],
    re: /getting (?:credentials|token): exec: (?:executable (?<cmd>\S+) failed with exit code (?<code>\d+)|exit status (?<code2>\d+))/,
  },
  {
    id: 'exec_api_version',
    guard: ['apiVersion', 'API version', 'ExecCredential'],
    re: /exec plugin: invalid apiVersion "(?<apiVersion>[^"]+)"|exec plugin is configured to use API version (?<want>\S+), plugin returned version (?<got>\S+)|no kind "ExecCredential" is registered for version "(?<got2>[^"]+)"|Kubeconfig user entry is using deprecated API version (?<dep>\S+)/,
  },
  // authentication (signatures-eks.md §3.0)
  {
    id: 'unauthorized',
    guard: ['You must be logged in', 'provide credentials', 'Unauthorized'],
    re: /You must be logged in to the server \((?<detail>[^)]*)\)|the server has asked for the client to provide credentials|^(?:Error|error): Unauthorized\s*$/,
  },
  { id: 'server_no_resource_type', guard: ["doesn't have a resource type"], re: /the server doesn't have a resource type "(?<resource>[^"]+)"/ },
  // connectivity
  {
    id: 'connection_refused',
    guard: ['refused'],
    re: /The connection to the server (?<server>\S+) was refused|dial tcp (?<addr>\S+): connect: connection refused/,
  },
  {
    id: 'endpoint_timeout',
    guard: ['i/o timeout', 'TLS handshake timeout', 'context deadline exceeded', 'no such host'],
    re: /dial tcp (?<addr>\S+): i\/o timeout|Unable to connect to the server: (?:net\/http: TLS handshake timeout|context deadline exceeded)|dial tcp: lookup (?<host>\S+?)(?: on \S+)?: no such host/,
  },
  { id: 'x509', guard: ['x509:'], re: /x509: (?<detail>certificate[^"]*)/ },
  // nodes (signatures-k8s.md §C)
  {
    id: 'kubelet_unauthorized',
    guard: ['Unauthorized'],
    re: /Unable to register node.*Unauthorized|Failed to ensure lease exists.*Unauthorized|Failed to (?:list|watch) \*v1\.\w+: (?:failed to list \*v1\.\w+: )?Unauthorized/,
  },
  {
    id: 'cni_not_initialized',
    guard: ['NetworkPluginNotReady', 'cni plugin not initialized', 'cni config uninitialized', 'No CNI configuration file'],
    re: /NetworkPluginNotReady|cni plugin not initialized|cni config uninitialized|No CNI configuration file/,
  },
  {
    id: 'kubelet_stopped_posting',
    guard: ['Kubelet stopped posting node status', 'Kubelet never posted node status'],
    re: /Kubelet (?:stopped|never) posting node status|Kubelet never posted node status/,
  },
];

/** A signature found on one input line. */
export interface SignatureHit {
  id: string;
  groups: Record<string, string>;
}

/** Returns every catalogued signature that matches the (normalised) message. */
export function matchSignatures(message: string): SignatureHit[] {
  const hits: SignatureHit[] = [];
  for (const sig of SIGNATURES) {
    if (!sig.guard.some((g) => message.includes(g))) continue;
    const m = sig.re.exec(message);
    if (!m) continue;
    const groups: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) {
      if (v === undefined) continue;
      // Alternatives capture into name, name2, …: fold them back into one name.
      groups[k.replace(/\d+$/, '')] = v;
    }
    hits.push({ id: sig.id, groups });
  }
  return hits;
}
