import type { Signature } from './types.js';

// A status code or a timeout alone is everywhere; these only count on a line that talks about an image or a registry.
const REGISTRY_WORDS = String.raw`[Pp]ull|\/v2\/|dkr\.ecr|manifests|blobs|registry|[Ii]mage`;
const REGISTRY_CONTEXT = String.raw`^(?=.*?(?:${REGISTRY_WORDS}))`;
// the ECR API (token) and the S3 layer bucket are part of a pull too
const PULL_NETWORK_CONTEXT = String.raw`^(?=.*?(?:${REGISTRY_WORDS}|api\.ecr|starport-layer-bucket))`;

/** Image pulls. */
export const IMAGE_SIGNATURES: readonly Signature[] = [
  // the kubelet / runtime frame around every pull error
  {
    id: 'image_pull_failed',
    role: 'context',
    guard: [
      'ailed to pull image',
      'ailed pulling image',
      'Pull image',
      'Back-off pulling image',
      'pull and unpack image',
      'CannotPullContainerError',
    ],
    re: /(?:[Ff]ailed to pull image|[Ff]ailed pulling image|Pull image|Back-off pulling image|failed to pull and unpack image)(?: \\?"(?<image>[^"\\]+)\\?")?|CannotPullContainerError/,
  },
  {
    id: 'image_pull_status',
    role: 'context',
    guard: ['ErrImagePull', 'ImagePullBackOff'],
    re: /\b(?<status>ErrImagePull|ImagePullBackOff)\b/,
  },
  // the registry answered and the tag, digest or repository does not exist
  {
    id: 'image_not_found',
    guard: [
      'not found',
      'manifest unknown',
      'NotFound desc = failed to pull',
      'does not exist in the registry',
      'with pull policy of Never',
    ],
    // … | ErrImageNeverPull: imagePullPolicy Never and the image is not on the node
    re: /is not present with pull policy of Never|manifest for (?<image>\S+) not found|manifest unknown|code = NotFound desc = failed to pull|failed to resolve reference "(?<ref>[^"]+)": [^"\s]+: not found|The repository with name '(?<repo>[^']+)' does not exist in the registry/,
  },
  // The image has no variant for the node's OS and architecture: dockerd `no matching manifest for linux/arm64/v8 in the
  // manifest list entries`, containerd `no match for platform in manifest`, CRI-O / containers/image `no image found in
  // manifest list for architecture arm64`; or a single-architecture image ran anyway and the kernel refused its binary:
  // runc ≤ 1.0 `standard_init_linux.go:228: exec user process caused: exec format error` (older: `caused "exec format
  // error"`), runc ≥ 1.1 `exec /usr/local/bin/app: exec format error` as the container's only log line (quoted, in
  // inline code or told in a sentence when pasted; a credential plugin's `fork/exec …: exec format error` is not a
  // container's).
  {
    id: 'image_platform_mismatch',
    guard: [
      'no matching manifest for',
      'no match for platform in manifest',
      'no image found in manifest list for architecture',
      'exec format error',
    ],
    re: /no matching manifest for(?: (?<platform>[\w/.-]{1,40})(?= in the manifest list entries| ?$))?|no match for platform in manifest|no image found in manifest list for architecture(?: (?<platform2>[\w/.-]{1,40}))?|exec user process caused:? \\?"?exec format error|(?:^|[\s>`*"'(=])exec (?<path>\/[^\s:]{1,1000}): exec format error/,
  },
  {
    id: 'image_invalid_reference',
    guard: ['invalid reference format', 'InvalidImageName'],
    re: /couldn't parse image reference "(?<image>[^"]+)": invalid reference format|\bInvalidImageName\b/,
  },
  // ambiguous: Docker Hub says this for a missing repository and for a private one alike
  {
    id: 'image_pull_access_denied',
    guard: ['pull access denied', 'requested access to the resource is denied'],
    re: /pull access denied(?: for (?<repo>[^,\s]+))?(?:, repository does not exist or may require)?|denied: requested access to the resource is denied/,
  },
  // The kubelet could not read a Secret the pod names in imagePullSecrets (missing, or in another namespace): it pulls
  // without it. ≥ 1.19 event FailedToRetrieveImagePullSecret `Unable to retrieve some image pull secrets (regcred);
  // attempting to pull the image may not succeed.`; before, a kubelet log line `Unable to retrieve pull secret
  // default/regcred for default/web-0 due to secret "regcred" not found.  The image pull may not succeed.`
  {
    id: 'image_pull_secret_unavailable',
    guard: [
      'Unable to retrieve some image pull secrets',
      'Unable to retrieve pull secret',
      'FailedToRetrieveImagePullSecret',
    ],
    re: /Unable to retrieve some image pull secrets(?: \((?<secrets>[^)\r\n]{0,500})\))?|Unable to retrieve pull secret (?<namespace>[\w.-]{1,253})\/(?<secrets2>[\w.-]{1,253})|\bFailedToRetrieveImagePullSecret\b/,
  },
  // no or invalid registry token
  {
    id: 'image_pull_unauthorized',
    // … | Quay and Harbor (`unauthorized: access to the requested resource is not authorized`, `unauthorized: unauthorized
    // to access repository: …`) | a registry's token endpoint refusing (`failed to fetch oauth token: unexpected status:
    // 401 Unauthorized`, covered by the status)
    guard: [
      'no basic auth credentials',
      'authentication required',
      '401 Unauthorized',
      ': unauthorized',
      'unauthorized: access to the requested resource',
      'unauthorized: unauthorized to access repository',
    ],
    re: new RegExp(
      String.raw`no basic auth credentials|unauthorized: authentication required|unauthorized: access to the requested resource is not authorized|unauthorized: unauthorized to access repository|\/v2\/\S+: unauthorized\b|${REGISTRY_CONTEXT}.*?\b401 Unauthorized`,
    ),
  },
  // authenticated, not allowed (repository policy, node role, S3 layer bucket)
  {
    id: 'image_pull_forbidden',
    guard: ['403 Forbidden', 'not authorized to perform: ecr:', 'HTTP 403 response body'],
    re: new RegExp(
      String.raw`assumed-role\/(?<role>[^/\s]+)\/\S* is (?:is )?not authorized to perform: (?<action>ecr:\w*)|not authorized to perform: (?<action2>ecr:\w*)|error parsing HTTP 403 response body|${REGISTRY_CONTEXT}.*?\b403 Forbidden`,
    ),
  },
  // Context: an ECR 401 for an image of EKS's own, under eks/ in its regional ECR accounts (the pause sandbox image,
  // kube-proxy, CoreDNS), which only EKS-optimised nodes pull and whose node role is normally able to read ECR.
  {
    id: 'ecr_eks_system_image',
    role: 'context',
    guard: ['no basic auth credentials', '401 Unauthorized', 'authentication required'],
    re: /^(?=.*?\d{12}\.dkr\.ecr\.[a-z0-9-]{1,32}\.amazonaws\.com(?:\.cn)?\/(?:v2\/)?eks\/).*?(?:no basic auth credentials|\b401 Unauthorized|unauthorized: authentication required)/,
  },
  // the same, on a line that names a private ECR registry: the node's IAM role is what pulls
  {
    id: 'ecr_pull_unauthorized',
    guard: ['no basic auth credentials', '401 Unauthorized', 'authentication required'],
    re: /^(?=.*?\.dkr\.ecr[\w-]*\.[a-z0-9-]+\.amazonaws\.com).*?(?:no basic auth credentials|\b401 Unauthorized|unauthorized: authentication required)/,
  },
  {
    id: 'ecr_pull_forbidden',
    guard: ['403 Forbidden', 'not authorized to perform: ecr:'],
    re: /^(?=.*?\.dkr\.ecr[\w-]*\.[a-z0-9-]+\.amazonaws\.com).*?\b403 Forbidden|not authorized to perform: (?<action>ecr:\w*)/,
  },
  // the kubelet could not get an ECR token at all (credential provider plugin, or the old in-tree provider)
  {
    id: 'ecr_token_failed',
    guard: ['credential provider plugin', 'ECR authorization token'],
    re: /Error running credential provider plugin|error execing credential provider plugin (?<plugin>\S+)|while requesting ECR authorization token/,
  },
  // rate limit
  {
    id: 'registry_rate_limited',
    guard: ['toomanyrequests', '429 Too Many Requests'],
    re: new RegExp(String.raw`toomanyrequests|${REGISTRY_CONTEXT}.*?\b429 Too Many Requests`),
  },
  {
    id: 'registry_server_error',
    guard: [
      'Internal Server Error',
      'Bad Gateway',
      'Service Unavailable',
      'Gateway Timeout',
      'unexpected HTTP status: 5',
    ],
    re: new RegExp(
      String.raw`received unexpected HTTP status: (?<status>5\d\d)|${REGISTRY_CONTEXT}.*?\b(?<status2>50[0234]) (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)`,
    ),
  },
  // network: the registry, the ECR API or the S3 layer bucket cannot be reached from the node
  {
    id: 'image_pull_network',
    guard: [
      'i/o timeout',
      'no such host',
      'Client.Timeout exceeded',
      'waiting for connection',
      'connection timed out',
      'network is unreachable',
    ],
    re: new RegExp(
      String.raw`${PULL_NETWORK_CONTEXT}.*?(?:i\/o timeout|no such host|Client\.Timeout exceeded|request canceled while waiting for connection|connect: connection timed out|connect: network is unreachable)`,
    ),
  },
];
