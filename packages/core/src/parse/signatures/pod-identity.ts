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
  // `aws iam get-open-id-connect-provider` printed on one line (compact JSON) with client IDs that lack IRSA's audience;
  // facts/aws-json.ts gives the same signal for the object printed over several lines.
  {
    id: 'oidc_provider_without_sts_audience',
    guard: ['"ClientIDList"'],
    re: /"ClientIDList": ?\[(?![^\]]{0,300}sts\.amazonaws\.com)(?<clientIds>[^\]]{0,300})\]/,
  },
  // A CI job's OIDC token (GitHub Actions), not a pod's: the same STS errors, another identity provider.
  {
    id: 'ci_oidc_web_identity',
    role: 'context',
    guard: ['token.actions.githubusercontent.com', 'configure-aws-credentials'],
    re: /token\.actions\.githubusercontent\.com|configure-aws-credentials/,
  },
  // The token file the webhook should have mounted is absent (or unreadable)
  {
    id: 'irsa_token_file_unreadable',
    guard: [
      'web identity token file',
      'unable to read file at',
      'serviceaccount/token: no such file',
      "No such file or directory: '/var/run/secrets/eks",
    ],
    // … | aws-sdk-go-v2 (`open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: no such file or directory`) |
    // botocore (`[Errno 2] No such file or directory: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token'`)
    re: /unable to read (?:the )?web identity token file|WebIdentityErr: unable to read file at(?: (?<path>\S+))?|open (?<path2>\/var\/run\/secrets\/eks\.amazonaws\.com\/serviceaccount\/token): no such file|No such file or directory: '(?<path3>\/var\/run\/secrets\/eks(?:\.amazonaws\.com(?:\/serviceaccount(?:\/token)?)?)?)/,
  },
  // STS fetched no signing keys from the token's issuer (its /.well-known/openid-configuration and JWKS): the IAM OIDC
  // provider names an issuer STS cannot reach or read (a self-managed cluster's private issuer, a URL that is not the
  // cluster's, a deleted cluster's), so no IRSA role of that provider can be assumed.
  {
    id: 'irsa_oidc_keys_unavailable',
    guard: ["Couldn't retrieve verification key", 'Could not retrieve verification key'],
    re: /Could(?:n't| not) retrieve verification key(?: from your identity provider)?/,
  },
  // EKS Pod Identity: the agent (eks-pod-identity-agent, pkg/errors/errors.go) passes EKS Auth's refusal to the SDK as
  // `(<code>): <message>, fault: client`; AccessDeniedException with this message means the role's trust policy does
  // not let pods.eks.amazonaws.com call sts:AssumeRole and sts:TagSession.
  {
    id: 'pod_identity_role_not_trusted',
    guard: ['EKS does not have permissions to assume the associated role'],
    re: /EKS does not have permissions to assume the associated role/,
  },
  // The agent's own log (internal/cloud/eksauth/service.go): EKS Auth's AssumeRoleForPodIdentity failed; the status
  // and error code say why (AccessDeniedException: trust policy or the node role's eks-auth permission;
  // ResourceNotFoundException: no association; StatusCode 0 and `canceled`: the agent gave up waiting for EKS Auth).
  {
    id: 'pod_identity_eks_auth_failed',
    guard: ['unable to fetch credentials from EKS Auth', 'operation error EKS Auth'],
    re: /(?:unable to fetch credentials from EKS Auth: )?operation error EKS Auth: (?<op>\w{1,60})(?:, https response error StatusCode: (?<status>\d{1,3})(?:, RequestID: [\w-]{0,64}, (?:api error )?(?<code>\w{1,80}))?)?|unable to fetch credentials from EKS Auth/,
  },
  // The agent dropping a cached entry because the pod's service-account token in it expired (logged as info): pods get
  // new credentials with their next token, nothing failed for them.
  {
    id: 'pod_identity_cache_expired_token',
    role: 'context',
    guard: ['Removing credentials from cache'],
    re: /Removing credentials from cache[^\r\n]{0,600}?ExpiredToken/,
  },
  // A pod with Pod Identity's variables (AWS_CONTAINER_CREDENTIALS_FULL_URI) cannot reach the agent on the node's
  // link-local address: the eks-pod-identity-agent add-on is not installed or not running on that node (Fargate has
  // none), a proxy takes the request (NO_PROXY lacks 169.254.170.23), or host firewall rules drop it.
  {
    id: 'pod_identity_agent_unreachable',
    guard: ['169.254.170.23', 'fd00:ec2::23'],
    re: /(?:Get|Post) \\?"http:\/\/(?:169\.254\.170\.23|\[fd00:ec2::23\])(?::80)?(?:\/v1\/credentials)?\\?"?(?::? (?:dial tcp [^\s]{1,60}: )?(?<err>connect: (?:connection refused|no route to host|network is unreachable)|i\/o timeout|context deadline exceeded))?|(?:169\.254\.170\.23|\[fd00:ec2::23\])(?::80)?(?:\/v1\/credentials)?\\?"?:? (?:dial tcp [^\s]{1,60}: )?(?<err2>connect: (?:connection refused|no route to host|network is unreachable)|i\/o timeout|context deadline exceeded)|(?:Connect timeout on|Could not connect to the) endpoint URL: \\?"http:\/\/(?:169\.254\.170\.23|\[fd00:ec2::23\])/,
  },
  // The token is mounted but the container's user cannot read it (fsGroup on old EKS), not a missing injection
  {
    id: 'irsa_token_permission_denied',
    guard: ['permission denied', 'is denied'],
    re: /eks\.amazonaws\.com\/serviceaccount\/token(?::|'(?: is)?) (?:permission denied|denied)/,
  },
  // An AWS API denial to the node's instance role (ECR pulls: images.ts): a session named after an EC2 instance id, or a
  // role named as node roles are (`…-NodeInstanceRole-…` of eksctl and CloudFormation, `…-node-role`, `…-worker-node`,
  // `…-nodegroup-…`) whatever its session. A redacted account may take the colons with it (`sts:XXXXassumed-role/`).
  {
    id: 'aws_denied_node_role',
    guard: ['not authorized to perform:'],
    re: /User: (?<arn>arn:aws[\w-]*:sts:[^/\s]{0,60}assumed-role\/(?:(?<role>[^/\s]{1,64})\/i-[\w<>{}*.-]*|(?<role2>[^/\s]{0,64}(?:NodeInstanceRole|[Nn]ode[-_]?[Ii]nstance|[Nn]ode[-_]?[Rr]ole|[Ww]orker[-_]?[Nn]ode|[Nn]ode[-_]?[Gg]roup)[^/\s]{0,64})\/[^\s]{1,128})) is (?:is )?not authorized to perform:(?! ecr:)(?: (?<action>[\w-]+:[\w*]+))?/,
  },
  // The pod was given an IRSA role: the service account's annotation, or the variables the webhook injects.
  {
    id: 'irsa_role_expected',
    role: 'context',
    guard: ['eks.amazonaws.com/role-arn', 'AWS_ROLE_ARN'],
    re: /eks\.amazonaws\.com\/role-arn|\bAWS_ROLE_ARN\b/,
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
