import type { Signature } from './types.js';

/** AWS credentials and exec credential plugins. */
export const CREDENTIAL_SIGNATURES: readonly Signature[] = [
  // AWS credentials
  {
    id: 'aws_no_credentials',
    guard: [
      'NoCredentialProviders',
      'Unable to locate credentials',
      'no EC2 IMDS role found',
      'retrieve credentials from any provider',
      'static credentials are empty',
      'AWS credentials from any provider in the chain',
      'credentials from any of the providers in the chain',
      'Could not load credentials from any providers',
    ],
    // … | aws-sdk-go-v2 with empty AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY | Java SDK v1 | Java SDK v2 | JavaScript v3
    re: /NoCredentialProviders(?:: no valid providers in chain)?|Unable to locate credentials|no EC2 IMDS role found|failed to retrieve credentials from any provider|static credentials are empty|Unable to load AWS credentials from any provider in the chain|Unable to load credentials from any of the providers in the chain|Could not load credentials from any providers/,
  },
  {
    id: 'aws_sdk_v1_no_credentials',
    guard: ['NoCredentialProviders'],
    re: /NoCredentialProviders(?:: no valid providers in chain)?/,
  },
  {
    id: 'aws_no_credentials_hint',
    role: 'context',
    guard: ['CredentialsChainVerboseErrors'],
    re: /For verbose messaging see aws\.Config\.CredentialsChainVerboseErrors/,
  },
  // botocore ConfigParseError: ~/.aws/config or credentials is not valid INI, so no profile or keys load from it
  {
    id: 'aws_config_unparsable',
    guard: ['Unable to parse config file'],
    re: /Unable to parse config file(?:: (?<file>[^\s"\\]+))?/,
  },
  {
    id: 'aws_profile_not_found',
    guard: ['could not be found', 'shared config profile', 'SharedConfigProfileNotExistsError'],
    // aws CLI / botocore | aws-sdk-go-v2 | aws-sdk-go (v1: `SharedConfigProfileNotExistsError: failed to get profile, dev`)
    re: /The config profile \((?<profile>[^)\s]*)\) could not be found|failed to get shared config profile(?:, (?<profile2>\S+))?|SharedConfigProfileNotExistsError: failed to get profile(?:, (?<profile3>[^\s"\\]+))?/,
  },
  {
    id: 'aws_sso_expired',
    guard: [
      'Error when retrieving token from sso',
      'SSO session associated with this profile has expired',
      'Error loading SSO Token',
      'SSOProviderInvalidToken',
      'SSO session has expired or is invalid',
      'InvalidGrantException',
      'cached SSO token is expired',
      "'aws login'",
      'Token has expired and refresh failed',
      'UnauthorizedSSOTokenError',
      'SSOTokenLoadError',
      'cached SSO token file',
      'SSO access token has either expired',
    ],
    // … | botocore's TokenRetrievalError and its SSO errors (`Token has expired and refresh failed`,
    // UnauthorizedSSOTokenError, SSOTokenLoadError) | aws-sdk-go-v2 ssocreds without a cached token (never logged in
    // on this machine, or logged out) | aws CLI v1 and older v2 (`The SSO access token has either expired or is
    // otherwise invalid.`)
    re: /Error when retrieving token from sso(?:: Token has expired)?|The SSO session associated with this profile has expired|Error loading SSO Token|SSOProviderInvalidToken|the SSO session has expired or is invalid|InvalidGrantException|cached SSO token is expired|Your session has expired or credentials have changed\. Please reauthenticate using 'aws login'|Token has expired and refresh failed|UnauthorizedSSOTokenError|SSOTokenLoadError|failed to read cached SSO token file|The SSO access token has either expired or is otherwise invalid/,
  },
  {
    id: 'aws_expired_token',
    guard: ['ExpiredToken', 'RequestExpired', 'already-expired credentials', 'included in the request is expired'],
    // STS's AssumeRoleWithWebIdentity names it ExpiredTokenException (also when a line is cut inside that word); the
    // sentence every AWS service answers with survives a paste that lost the error code
    re: /\bExpiredToken(?:\b|Exception\b|E(?:x(?:c(?:e(?:p(?:t(?:i(?:on?)?)?)?)?)?)?)?$)|\bRequestExpired\b|credential source returned already-expired credentials|The security token included in the request is expired/,
  },
  // aws-iam-authenticator (the EKS control plane's) refused a token older than its 15 minutes: the token was made once
  // and reused (a cached `aws eks get-token`, Terraform's aws_eks_cluster_auth), or the client's clock is wrong.
  {
    id: 'eks_token_expired',
    guard: ['X-Amz-Date parameter is expired'],
    re: /X-Amz-Date parameter is expired(?: \((?<minutes>\d{1,3}) minute expiration\))?/,
  },
  // What tells a token made once and reused past its 15 minutes from an identity EKS never knew, when only the 401 is
  // pasted: the client that holds such a token, the time that passed, and an earlier request of the same run that the
  // cluster accepted. Context only: each says when, not what failed.
  // Terraform's kubernetes, helm and kubectl providers take their token once (typically `data.aws_eks_cluster_auth`) and
  // use it for the whole apply: the diagnostic's `with <address>,` or `in resource "<type>"` line names the resource.
  {
    id: 'tf_kubernetes_provider',
    role: 'context',
    guard: ['kubernetes_', 'helm_', 'kubectl_'],
    re: /^\s*with (?:[\w-]+\.|[\w-]+\[[^\]\s]{1,60}\]\.){0,8}(?<resource>(?:kubernetes|helm|kubectl)_[\w-]{0,60})|\bin (?:resource|data) "(?<resource2>(?:kubernetes|helm|kubectl)_[\w-]{0,60})/,
  },
  // The Terraform data source whose token is valid for 15 minutes from the time it is read.
  { id: 'eks_cluster_auth_token', role: 'context', guard: ['aws_eks_cluster_auth'], re: /\baws_eks_cluster_auth\b/ },
  // fabric8's (Java) wording of a 401: the client itself points at its token's age.
  {
    id: 'client_token_may_have_expired',
    role: 'context',
    guard: ['Token may have expired'],
    re: /Unauthorized! Token may have expired!/,
  },
  // More than 15 minutes passed in the run that failed: `time`'s `real 16m41s`, Terraform's `[15m10s elapsed]`, a
  // reproduction's `sleep 900`.
  {
    id: 'elapsed_past_token_life',
    role: 'context',
    guard: ['real\t', 'real ', 's elapsed]', 'sleep '],
    re: /^real\s+(?<minutes>1[5-9]|[2-9]\d|\d{3,5})m\d|\[(?:\d{1,3}h)?(?<minutes2>1[5-9]|[2-9]\d)m\d{1,2}s elapsed\]|\[\d{1,3}h\d{1,2}m\d{1,2}s elapsed\]|\bsleep (?<seconds>9\d\d|[1-9]\d{3,6})\b/,
  },
  // A request of the same run that the cluster accepted before the 401: eksctl's node waiter listing again
  // (`re-listing nodes`), a Terraform kubernetes/helm/kubectl resource completed, kubectl attached to the pod it ran.
  {
    id: 'earlier_request_succeeded',
    role: 'context',
    guard: ['re-listing nodes', ' complete after', "If you don't see a command prompt"],
    re: /\bre-listing nodes|(?<resource>(?:kubernetes|helm|kubectl)_[\w-]{1,60})\.[^:\s]{1,200}: (?:Creation|Modifications|Destruction|Read) complete after|If you don't see a command prompt/,
  },
  {
    id: 'aws_invalid_token',
    guard: [
      'InvalidClientTokenId',
      'SignatureDoesNotMatch',
      'UnrecognizedClientException',
      'included in the request is invalid',
    ],
    // STS says InvalidClientTokenId; EKS and other services say UnrecognizedClientException for the same deleted,
    // deactivated or mistyped access key
    re: /InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClientException|The security token included in the request is invalid/,
  },
  {
    id: 'aws_assume_role_denied',
    guard: [
      'sts:AssumeRole',
      'AssumeRole operation',
      'AssumeRole, https response error StatusCode: 403',
      'AccessDenied: Access denied',
    ],
    // CLI, aws-iam-authenticator ≤ 0.7.2 (incl. the bare doc form) and ≥ 0.7.3; AssumeRoleWithWebIdentity is IRSA, not this
    re: /\(AccessDenied\) when calling the AssumeRole operation(?:: (?:User: (?<caller>arn:\S+) is not authorized to perform: sts:AssumeRole on resource: (?<role>arn:[^\s"\\]+)|(?<detail>[^\r\n]+)))?|User: (?<caller2>arn:\S+) is not authorized to perform: sts:AssumeRole(?![A-Za-z])(?: on resource: (?<role2>arn:[^\s"\\]+))?|operation error STS: AssumeRole, https response error StatusCode: 403|could not get token: AccessDenied: Access denied/,
  },
  {
    id: 'aws_no_region',
    guard: [
      'specify a region',
      'scoped to a valid region',
      'MissingRegion',
      'an AWS region is required',
      'Missing Region',
      '//sts..amazonaws.com',
    ],
    // aws CLI NoRegionError | STS SignatureDoesNotMatch for a region it does not serve | aws-sdk-go v1 (Go tools) |
    // aws-sdk-go-v2 (eksctl, aws-iam-authenticator ≥ 0.7, controllers) | JavaScript v3 and other SDKs | aws-sdk-go-v2
    // building the STS endpoint with an empty region (`Post "https://sts..amazonaws.com/": Bad Request`)
    re: /You must specify a region|Credential should be scoped to a valid region|MissingRegion(?:: could not find region configuration)?|an AWS region is required, but was not found|Missing Region\b|https:\/\/sts\.\.amazonaws\.com/,
  },
  // STS itself was not reachable (proxy, no egress, no STS VPC endpoint, or a misspelt region)
  {
    id: 'aws_sts_unreachable',
    guard: ['endpoint URL: "https://sts'],
    re: /(?:Could not connect to the|Connect timeout on) endpoint URL: "https:\/\/sts(?:\.(?:(?<region>[a-z0-9-]+)\.)?amazonaws\.com)?/,
  },
  // exec credential plugin wrappers
  {
    id: 'exec_not_found',
    guard: [
      'not found',
      'executable file not found',
      'fork/exec',
      'not found on host',
      'exit code 126',
      'exit code 127',
    ],
    // ≥ 1.19 | a wrapper (asdf or pyenv shim, script) whose shell could not find (127) or run (126) the real program |
    // 1.10–1.18 (Windows says %PATH%) | present but not runnable | the same 1.10–1.18 wrapper after a request's URL, as
    // eksctl prints it (`Get https://…: exec: exec: "…": executable file not found`) | Lens's own check
    re: /getting (?:credentials|token): exec: (?:executable (?<cmd>\S+) not found|executable (?<cmd6>\S+) failed with exit code 12[67](?!\d)|exec: \\?"(?<cmd2>[^"\\]+)\\?": executable file not found(?: in (?:\$PATH|%PATH%))?|fork\/exec(?: (?<cmd3>[^\s:]+)(?:: (?<reason>permission denied|exec format error|no such file or directory))?)?)|: exec: exec: \\?"(?<cmd4>[^"\\]+)\\?": executable file not found|User Exec command \\?"(?<cmd5>[^"\\]+)\\?" not found(?: on host)?/,
  },
  {
    id: 'exec_install_hint',
    guard: ['credential plugin that is not installed'],
    re: /It looks like you are trying to use a client-go credential plugin that is not installed/,
  },
  // The frame of any failing plugin: which one failed and its exit code, not why.
  {
    id: 'exec_failed',
    role: 'context',
    guard: ['exit code', 'exit status'],
    re: /getting (?:credentials|token): exec: (?:executable (?<cmd>\S+) failed with exit code(?: (?<code>\d+))?|exit status(?: (?<code2>\d+))?)/,
  },
  // Only the plugin's exit code survived. aws CLI v2: 252 = bad arguments, 253 = configuration or credentials
  // (NoCredentials, NoRegion), 254 = an AWS service refused a call (AssumeRole AccessDenied); 255 = anything else.
  // The failing plugin is an AWS one: named (≥ 1.19), or an EKS endpoint on the same line (older wrappers name no command).
  {
    id: 'exec_failed_aws',
    guard: ['exit code', 'exit status'],
    re: /getting (?:credentials|token): exec: executable (?<cmd>(?:\S*[/\\])?(?:aws2?|aws-iam-authenticator|heptio-authenticator-aws)(?:\.exe)?) failed with exit code(?: (?<code>\d+))?|(?<=\.eks\.amazonaws\.com(?:\.cn)?\S*: )getting (?:credentials|token): exec: exit status(?: (?<code2>\d+))?/,
  },
  {
    id: 'exec_failed_252',
    guard: ['exit code 252', 'exit status 252'],
    re: /getting (?:credentials|token): exec: (?:executable (?<cmd>\S+) failed with exit code|exit status) 252\b/,
  },
  {
    id: 'exec_failed_253',
    guard: ['exit code 253', 'exit status 253'],
    re: /getting (?:credentials|token): exec: (?:executable (?<cmd>\S+) failed with exit code|exit status) 253\b/,
  },
  {
    id: 'exec_failed_254',
    guard: ['exit code 254', 'exit status 254'],
    re: /getting (?:credentials|token): exec: (?:executable (?<cmd>\S+) failed with exit code|exit status) 254\b/,
  },
  {
    id: 'exec_api_version',
    guard: ['apiVersion', 'API version', 'ExecCredential'],
    re: /exec plugin: invalid apiVersion(?: \\?"(?<apiVersion>[^"\\]+)\\?")?|exec plugin is configured to use API version(?: (?<want>[^\s,]+)(?:, plugin returned version(?: (?<got>\S+))?)?)?|no kind \\?"ExecCredential(?:\\?" is registered for version(?: \\?"(?<got2>[^"\\]+)\\?")?)?|Kubeconfig user entry is using deprecated API version(?: (?<dep>\S+))?/,
  },
  // The kubeconfig's exec entry still says v1alpha1, which client-go 1.24 removed (or aws CLI's warning about it)
  {
    id: 'exec_api_version_removed',
    guard: ['v1alpha1'],
    re: /exec plugin: invalid apiVersion \\?"client\.authentication\.k8s\.io\/v1alpha1(?!\w)|Kubeconfig user entry is using deprecated API version client\.authentication\.k8s\.io\/v1alpha1/,
  },
  // Kubeconfig and plugin disagree: the plugin prints an ExecCredential version the kubeconfig (or client) does not expect
  {
    id: 'exec_api_version_mismatch',
    guard: ['plugin returned version', 'ExecCredential'],
    re: /exec plugin is configured to use API version client\.authentication\.k8s\.io\/(?<want>\w+), plugin returned version(?: client\.authentication\.k8s\.io\/(?<got>\w+))?|decoding stdout: no kind \\?"ExecCredential(?:\\?" is registered for version(?: \\?"client\.authentication\.k8s\.io\/(?<got2>\w+)\\?")?)?/,
  },
  // The plugin printed something that is not an ExecCredential object (client-go's exec.go: `decoding stdout: %v` of
  // the decoder's error): the aws CLI's output format set to text, table or yaml for the profile (`output = text`,
  // AWS_DEFAULT_OUTPUT; honoured by `eks get-token` since aws CLI 2.11.1 / 1.27.86), a prompt, banner or warning
  // written to stdout by a wrapper, or a plugin bug. The unregistered-kind form is exec_api_version_mismatch.
  {
    id: 'exec_output_invalid',
    guard: ['decoding stdout'],
    re: /decoding stdout(?:: (?!no kind)(?<detail>[^\r\n]{0,300}))?/,
  },
  // The installed aws CLI does not know `eks get-token` (added in 1.16.156; an older CLI, or one without `eks`): its
  // argparse error, `aws: error: argument operation: Invalid choice, valid choices are:` (v2: `Found invalid choice 'x'`).
  {
    id: 'aws_cli_invalid_choice',
    guard: ['Invalid choice', 'invalid choice'],
    re: /argument (?<arg>operation|command): (?:Found )?[Ii]nvalid choice(?:[:,] (?:'(?<choice>[\w.-]{1,60})'|valid choices are|maybe you meant))?/,
  },
  // client older than the kubeconfig: v1beta1 needs client-go ≥ 1.11, v1 needs ≥ 1.22
  {
    id: 'exec_api_version_unknown',
    guard: ['client.authentication.k8s.io/v1'],
    re: /exec plugin: invalid apiVersion \\?"client\.authentication\.k8s\.io\/(?<apiVersion>v1beta1|v1)(?!alpha|\d)/,
  },
];
