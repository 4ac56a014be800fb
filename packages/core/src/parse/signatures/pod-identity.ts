import type { Signature } from './types.js';

/** IRSA, Pod Identity and IMDS. */
export const POD_IDENTITY_SIGNATURES: readonly Signature[] = [
  // Every SDK prints this sentence (Go v1/v2, botocore, JS, Java, Ruby)
  {
    id: 'irsa_assume_role_denied',
    guard: ['AssumeRoleWithWebIdentity'],
    re: /Not authorized to perform sts:AssumeRoleWithWebIdentity|\(AccessDenied\) when calling the AssumeRoleWithWebIdentity/,
  },
  // SDK v1 wrapper that names the web-identity provider (context only)
  {
    id: 'irsa_web_identity_err',
    role: 'context',
    guard: ['WebIdentityErr', 'WebIdentityError'],
    re: /WebIdentityErr(?:or)?(?:: (?<detail>[^\\\n]+))?/,
  },
  // Only EKS issuers (or a redacted, absent or cut-off one); GitHub Actions' token.actions… is another problem. STS's
  // sentence may be wrapped (a table column, a terminal) right after "provider".
  {
    id: 'irsa_oidc_provider_missing',
    guard: ['No OpenIDConnect provider'],
    re: /No OpenIDConnect provider(?! found in (?:your )?account for https?:\/\/(?!oidc\.eks\.|[\w.]{0,8}$))(?: found(?: in (?:your )?account(?: for https:\/\/oidc\.eks\.(?<region>[a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/id\/(?<oidcId>\w+))?)?)?/,
  },
  { id: 'irsa_token_audience', guard: ['Incorrect token audience'], re: /Incorrect token audience/ },
  // The token file the webhook should have mounted is absent (or unreadable)
  {
    id: 'irsa_token_file_unreadable',
    guard: ['web identity token file', 'unable to read file at'],
    re: /unable to read (?:the )?web identity token file|WebIdentityErr: unable to read file at(?: (?<path>\S+))?/,
  },
  // The token is mounted but the container's user cannot read it (fsGroup on old EKS), not a missing injection
  {
    id: 'irsa_token_permission_denied',
    guard: ['permission denied', 'is denied'],
    re: /eks\.amazonaws\.com\/serviceaccount\/token(?::|'(?: is)?) (?:permission denied|denied)/,
  },
  // An AWS API denial that names an EC2 instance-id session, i.e. the node's instance role (ECR pulls: images.ts)
  {
    id: 'aws_denied_node_role',
    guard: ['not authorized to perform:'],
    re: /User: (?<arn>arn:aws[\w-]*:sts::[^:\s]*:assumed-role\/(?<role>[^/\s]+)\/i-[\w<>{}*.-]*) is (?:is )?not authorized to perform:(?! ecr:)(?: (?<action>[\w-]+:[\w*]+))?/,
  },
  // context: a controller-runtime controller logged this, i.e. the process runs in a pod, not on someone's laptop
  { id: 'controller_reconcile_error', role: 'context', guard: ['Reconciler error'], re: /"?Reconciler error"?/ },
  // IMDS: SDK v1, SDK v2 and controllers that introspect instance metadata
  {
    id: 'imds_unauthorized',
    guard: ['status code: 401'],
    re: /EC2MetadataError: failed to make EC2Metadata request(?:\\[nt]|[\s,])*status code: 401|^\s*status code: 401(?:,|$)/,
  },
  {
    id: 'imds_forbidden',
    guard: ['status code: 403'],
    re: /EC2MetadataError: failed to make EC2Metadata request(?:\\[nt]|[\s,])*status code: 403|^\s*status code: 403(?:,|$)/,
  },
  {
    id: 'imds_timeout',
    guard: [
      'context deadline exceeded',
      'exceeded maximum number of attempts',
      'request canceled',
      'i/o timeout',
      'connection refused',
      'network is unreachable',
    ],
    re: /operation error ec2imds: \w+, (?:canceled, )?(?:context deadline exceeded|exceeded maximum number of attempts|request canceled)|169\.254\.169\.254(?::80)?\S*:? (?:dial tcp \S+: )?(?:i\/o timeout|context deadline exceeded|connect: (?:connection refused|network is unreachable))/,
  },
  {
    id: 'imds_request_failed',
    guard: [
      'EC2MetadataError',
      'from EC2Metadata',
      'IMDS role found',
      'credentials from IMDS',
      'operation error ec2imds',
      'EC2RoleRequestError',
      'instance identity metadata',
    ],
    re: /EC2MetadataError(?:: failed to make EC2Metadata request)?|no EC2 IMDS role found|EC2RoleRequestError(?:: no EC2 instance role found)?|operation error ec2imds(?:: (?<op>\w+))?|failed to introspect (?<what>vpcID|region) from EC2Metadata|Failed to load credentials from IMDS|could not get EC2 instance identity metadata/,
  },
];
