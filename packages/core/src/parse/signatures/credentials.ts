import type { Signature } from './types.js';

/** AWS credentials and exec credential plugins (signatures-eks.md §1, §2). */
export const CREDENTIAL_SIGNATURES: readonly Signature[] = [
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
    re: /The config profile \((?<profile>[^)\s]*)\) could not be found|failed to get shared config profile, (?<profile2>\S+)/,
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
];
