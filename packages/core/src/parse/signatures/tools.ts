import type { Signature } from './types.js';

// Messages of the tools around kubectl: eksctl, Karpenter, cluster-autoscaler, the VPC CNI's ipamd, nodeadm and the
// kubelet's start-up, AWS controllers running with an IAM role (EBS/EFS CSI, Load Balancer Controller), client
// libraries that print the API's Status. Every regex starts with a literal or is bounded, so matching stays linear.

/** Messages of eksctl, Karpenter, cluster-autoscaler, ipamd, nodeadm, AWS controllers and client libraries. */
export const TOOL_SIGNATURES: readonly Signature[] = [
  // A tool's error chain that ends in the API server's 401: eksctl (`Error: getting nodegroup's kubernetes version:
  // failed to list nodes: Unauthorized`), Helm, the Python client (`ApiException: (401)`), a Go client's StatusError.
  {
    id: 'tool_unauthorized',
    guard: [': Unauthorized', 'ApiException: (401)', 'Reason:"Unauthorized"'],
    re: /^\s{0,8}(?:Error|error|ERROR): (?<context>[^\r\n]{1,400}): Unauthorized\s*$|ApiException: \(401\)|Reason:"Unauthorized", Details:/,
  },
  // aws-iam-authenticator's server log (the EKS control plane's `authenticator` log stream): it verified the token and
  // found no mapping for the caller's canonical ARN (pkg/server/server.go: `access denied`; the error is
  // `ARN is not mapped` before v0.6.x and `identity is not mapped` since). logrus sorts `arn` before `error`.
  {
    id: 'authenticator_not_mapped',
    guard: ['ARN is not mapped', 'identity is not mapped'],
    re: /arn=\\?"(?<arn>arn:aws[\w-]*:(?:iam|sts)::[^"\\\s]{1,300})\\?"[^\r\n]{0,300}?(?:ARN|identity) is not mapped|(?:ARN|identity) is not mapped/,
  },
  // An aws-auth mapping (mapRoles or mapUsers, YAML or JSON, whole ConfigMap or a pasted snippet) written with the STS
  // assumed-role ARN that get-caller-identity prints: the authenticator looks mappings up by the canonical role ARN.
  {
    id: 'aws_auth_assumed_role_mapping',
    guard: [':assumed-role/'],
    re: /\b(?<key>rolearn|userarn|roleARN|userARN)\\?["']?: ?\\?["']?(?<arn>arn:aws[\w-]*:sts::[\w*<>{}-]{0,40}:assumed-role\/[^\s"'\\,]{0,200})/,
  },
  // An aws-auth role mapping written with the role's IAM path (`role/<path>/<name>`), in any form a snippet of it is
  // pasted (YAML, JSON, Terraform's `map_roles` with `rolearn = "…"`, eksctl's `instanceRoleARN`, which eksctl copies
  // into aws-auth): the authenticator compares ARNs without the path.
  {
    id: 'aws_auth_role_path_mapping',
    guard: ['rolearn', 'roleARN', 'instanceRoleARN'],
    re: /\b(?<key>rolearn|roleARN|instanceRoleARN)\\?["']?\s?[:=]\s?\\?["']?(?<arn>(?<prefix>arn:aws[\w-]*:iam::[\w*<>{}-]{0,40}:role\/)(?<path>[^\s"'\\,/]{1,64}\/(?:[^\s"'\\,/]{1,64}\/){0,8})(?<name>[^\s"'\\,/]{1,64}))/,
  },
  // Any IAM role ARN with a path, and words that name aws-auth: together, a role-path mapping described in prose.
  {
    id: 'iam_role_arn_with_path',
    role: 'context',
    guard: [':role/'],
    re: /(?<arn>arn:aws[\w-]*:iam::[\w*<>{}-]{0,40}:role\/(?<path>[^\s"'\\,/`]{1,64}\/(?:[^\s"'\\,/`]{1,64}\/){0,8})(?<name>[^\s"'\\,/`]{1,64}))/,
  },
  {
    id: 'aws_auth_named',
    role: 'context',
    guard: ['mapRoles', 'aws-auth', 'onfigMap'],
    re: /mapRoles|aws-auth|[Cc]onfigMap/,
  },
  // A Terraform plan of the aws-auth ConfigMap (`~ "mapRoles" = <<~EOT`, `kubernetes_config_map.aws_auth[0] will be
  // updated`; the resource's address alone counts too) whose diff removes (`-   - system:nodes`) or adds (`+   - system:nodes`) a group of a node mapping.
  {
    id: 'tf_aws_auth_plan',
    role: 'context',
    guard: ['"mapRoles"', '.aws_auth'],
    re: /~\s{1,8}"mapRoles"|kubernetes_config_map(?:_v1)?(?:_data)?\.aws_auth/,
  },
  {
    id: 'tf_diff_removes_node_group',
    guard: ['system:nodes', 'system:bootstrappers'],
    re: /^\s*-\s{1,8}-\s{1,8}"?system:(?:nodes|bootstrappers)"?,?\s*$/,
  },
  {
    id: 'tf_diff_adds_node_group',
    role: 'context',
    guard: ['system:nodes', 'system:bootstrappers'],
    re: /^\s*\+\s{1,8}-\s{1,8}"?system:(?:nodes|bootstrappers)"?,?\s*$/,
  },
  // eksctl finds no cluster stack of that name in the region it uses (wrong region, wrong name, or not eksctl's).
  {
    id: 'eksctl_no_stacks',
    guard: ['no eksctl-managed CloudFormation stacks found for'],
    // also at the end of an error chain (`Error: getting nodegroup stack summaries: getting nodegroup stacks: no …`)
    re: /(?:\[✖\]|Error:)\s+(?:[\w '-]{1,80}: ){0,4}no eksctl-managed CloudFormation stacks found for(?: "(?:(?<cluster>[^"\s]{1,100})")?)?/,
  },
  // The EKS API has no cluster of that name in the region (and account) asked: `ResourceNotFoundException … No cluster
  // found for name: x.`, eksctl's `Error: cluster "x" does not exist`, Terraform's aws provider reading the cluster
  // (data source or resource): `Error: reading EKS Cluster (x): couldn't find resource` (before v5: `error reading`).
  {
    id: 'eks_cluster_not_found',
    guard: ['No cluster found for name', '" does not exist', "couldn't find resource"],
    re: /No cluster found for name: (?<cluster>[\w-]{1,100})|^Error: cluster "(?<cluster2>[\w-]{1,100})" does not exist|reading EKS Cluster \((?<cluster3>[\w-]{1,100})\): couldn't find resource/,
  },
  // Karpenter could not fit the pod into a NodePool (v1beta1+) or Provisioner (alpha). Three different reasons, three
  // different fixes: requirements or a label no pool offers, requests no allowed instance type holds, a pool taint.
  {
    id: 'karpenter_incompatible_requirements',
    guard: ['incompatible requirements'],
    re: /incompatible with (?:nodepool|provisioner) \\?"(?<nodepool>[\w.-]{1,253})\\?"[^;\r\n]{0,600}?incompatible requirements, (?<requirements>(?:[^\r\n"\\,]|\\"|, (?!daemonset))*)/,
  },
  {
    id: 'karpenter_no_instance_type',
    guard: ['no instance type satisfied resources'],
    re: /incompatible with (?:nodepool|provisioner) \\?"(?<nodepool>[\w.-]{1,253})\\?"[^;\r\n]{0,600}?no instance type satisfied resources (?<requests>\{[^}\r\n]{0,300}\})/,
  },
  {
    id: 'karpenter_taint_not_tolerated',
    guard: ['did not tolerate'],
    re: /incompatible with (?:nodepool|provisioner) \\?"(?<nodepool>[\w.-]{1,253})\\?"[^;\r\n]{0,600}?did not tolerate (?<taint>[^\s,;"\\]{1,253})/,
  },
  // eksctl's info line naming the region it works in: evidence for a cluster looked up in the wrong region.
  {
    id: 'eksctl_using_region',
    guard: ['using region '],
    re: /\[ℹ\]\s+using region (?<region>[a-z]{2}(?:-gov)?-[a-z]{2,12}-\d)/,
  },
  // eksctl's own check of the caller's AWS identity: the credential error after it is eksctl's, a CLI run by a person
  // or a CI job, not a process in a pod.
  {
    id: 'eksctl_sts_check',
    role: 'context',
    guard: ['checking AWS STS access'],
    re: /checking AWS STS access/,
  },
  // cluster-autoscaler would not add a node: the node groups that fit are at their maximum size (or the cluster-wide
  // --max-nodes-total / resource limits are reached: `max limit reached`).
  {
    id: 'ca_max_size_reached',
    guard: ['max node group size reached', 'max limit reached', 'max size reached'],
    re: /(?:pod didn't trigger scale-up|NotTriggerScaleUp)[^\r\n]{0,1000}?\b(?<count>\d+) max (?<limit>node group size|limit) reached|Skipping node group (?<group>\S{1,255}) - max size reached/,
  },
  // ipamd has handed out every address of the node's ENIs (`IP pool stats: total = 10, used = 10`; 1.12+: `IP stats
  // for Network Card 0 - total IPs: 28, assigned IPs: 28`).
  {
    id: 'ipamd_pool_exhausted',
    guard: ['IP pool stats: total = ', 'IP Address Pool stats: total: ', 'total IPs: '],
    re: /IP pool stats: total = (?<total>\d{1,5}), used = \k<total>\b|IP Address Pool stats: total: (?<total2>\d{1,5}), assigned: \k<total2>\b|total IPs: (?<total3>\d{1,5}), assigned IPs: \k<total3>\b/,
  },
  // aws-node's entrypoint started ipamd and waited for it in vain (ipamd could not reach EC2 or the API server, or
  // crashed): the CNI config is never written and the node stays NotReady. JSON (≤1.10), logfmt (1.11+), shell (≤1.6) lines.
  {
    id: 'ipamd_not_started',
    guard: ['Retrying waiting for IPAM-D', 'Timed out waiting for IPAM daemon', 'Failed to wait for IPAM daemon'],
    re: /Retrying waiting for IPAM-D|Timed out waiting for IPAM daemon(?: to start)?|Failed to wait for IPAM daemon(?: to complete)?/,
  },
  // ipamd gave up while starting (aws-k8s-agent logs `Initialization failure: <why>`); aws-node never becomes ready.
  // Context: the reason may be anything (a subnet out of addresses too); a rule pairs it with what failed.
  {
    id: 'ipamd_init_failed',
    role: 'context',
    guard: ['Initialization failure: '],
    re: /Initialization failure: (?<reason>[^"\\\r\n]{1,300})?/,
  },
  // ipamd could not read the node's network from EC2 while starting: no instance role (no credentials), or a role
  // without the VPC CNI's EC2 permissions (`ipamd init: failed to retrieve attached ENIs info`; 1.22+ subnet discovery:
  // `AllocENI: unable to describe subnets`, `discoverCustomSecurityGroups: unable to describe security groups`).
  {
    id: 'ipamd_no_aws_access',
    guard: ['failed to retrieve attached ENIs', 'AllocENI: unable to describe', 'discoverCustomSecurityGroups: unable'],
    re: /ipamd init: failed to retrieve attached ENIs(?: info)?|AllocENI: unable to describe(?: (?<what>subnets|security groups))?|discoverCustomSecurityGroups: unable(?: to describe security groups)?/,
  },
  // aws-node's entrypoint is waiting for ipamd; `ipamd_started` follows when ipamd answers.
  {
    id: 'ipamd_waiting',
    role: 'context',
    guard: ['Checking for IPAM connectivity'],
    re: /Checking for IPAM connectivity/,
  },
  {
    id: 'ipamd_started',
    role: 'context',
    guard: ['Copying config file', 'Successfully copied CNI plugin binary'],
    re: /Copying config file|Successfully copied CNI plugin binary/,
  },
  // eksctl cannot read a data key of the live aws-auth ConfigMap (YAML or type errors in mapRoles, mapUsers or
  // mapAccounts): the authenticator cannot either.
  {
    id: 'aws_auth_unparsable',
    guard: [
      'unmarshalling "mapRoles"',
      'unmarshalling "mapUsers"',
      'unmarshalling "mapAccounts"',
      'unmarshalling \\"mapRoles\\"',
      'unmarshalling \\"mapUsers\\"',
      'unmarshalling \\"mapAccounts\\"',
    ],
    re: /unmarshalling \\?"(?<key>map(?:Roles|Users|Accounts))\\?"(?:: (?<detail>[^\r\n]{1,300}))?/,
  },
  // With prefix delegation: ipamd needs /28 prefixes and has none free (the subnet may be too fragmented to carve one).
  {
    id: 'ipamd_prefix_short',
    guard: ['free 0 prefixes'],
    re: /short of (?<short>\d{1,5}) prefixes, free 0 prefixes/,
  },
  // AL2023's nodeadm did not run or failed: the node is never configured and never joins. systemd's console status lines
  // shorten long unit names (`nodeadm-co….service`, pasted without the ellipsis); AL2023 AMIs keep a bootstrap.sh stub
  // that only says it was removed (user data written for AL2 still calls it instead of giving a NodeConfig).
  {
    id: 'nodeadm_failed',
    guard: ['nodeadm', 'bootstrap.sh has been removed'],
    re: /Failed to start nodeadm(?:-(?<unit>config|run|co|ru)(?:…)?\.service)?|Dependency failed for node(?:adm-)?(?<unit3>run|ru)(?:…)?\.service|(?<detail2>bootstrap\.sh has been removed(?: from AL2023-based EKS AMIs)?)|nodeadm-(?<unit2>config|run)\.service: (?<detail>Failed to locate executable[^\r\n]{0,300}|Failed at step \w+[^\r\n]{0,300}|Main process exited, code=exited, status=[^\r\n]{1,40})|nodeadm[^\r\n]{0,80}"msg":"Command failed","error":"(?<error>[^"\r\n]{1,500})"/,
  },
  // The kubelet refuses its own start-up arguments or the host: an unknown flag passed by bootstrap arguments or an old
  // AMI's unit file, usage printed instead of running, or kernel settings ProtectKernelDefaults rejects.
  {
    id: 'kubelet_start_failed',
    guard: ['failed to parse kubelet flag', 'invalid kernel flag', 'kubelet [flags]'],
    re: /failed to parse kubelet flag(?:: (?<detail>unknown flag(?:: (?<flag>--[\w-]{1,100}))?|[^\r\n"\\]{1,300}))?|(?<detail2>invalid kernel flag(?:: [\w/.-]{1,100}(?:, expected value: [^\s,\]]{1,40}(?:, actual value: [^\s,\]"\\]{1,40})?)?)?)|^(?<detail3>kubelet \[flags\])\s*$/,
  },
  // An EKS access entry of type STANDARD cannot carry system: groups: someone tried to give a node role the
  // system:nodes / system:bootstrappers groups through a STANDARD entry instead of type EC2_LINUX.
  {
    id: 'access_entry_system_group_rejected',
    guard: ['cannot start with system:'],
    re: /kubernetes group name (?<group>system:[\w:.-]{1,100}) is invalid, it cannot start with system:/,
  },
  // An AWS controller's own role (IRSA / Pod Identity session, not an instance) lacks an action: the Load Balancer
  // Controller (elasticloadbalancing:AddTags …), EBS/EFS CSI (ec2:CreateVolume, elasticfilesystem:CreateAccessPoint),
  // external-dns, Karpenter. EC2 answers UnauthorizedOperation without naming the action. A principal the reporter
  // redacted (`[REDACTED]`, `<role>`, `***`) is still a denial of the action.
  {
    id: 'aws_action_denied',
    guard: ['is not authorized to perform: ', 'UnauthorizedOperation: You are not authorized'],
    re: /User: (?<arn>arn:aws[\w-]*:sts::[^:\s]{1,40}:assumed-role\/(?<role>[^/\s]{1,64})(?:\/(?!i-)\S{1,128})?) is (?:is )?not authorized to perform: (?!sts:AssumeRole)(?!ecr:)(?!eks:)(?<action>[\w-]{1,40}:\w{1,80})?|AccessDenied: +is not authorized to perform: (?!sts:AssumeRole)(?!ecr:)(?!eks:)(?<action2>[\w-]{1,40}:\w{1,80})?|AccessDenied: User: (?:\[REDACTED\]|<[\w -]{1,40}>|\*{3,40}|X{4,40}) is not authorized to perform: (?!sts:AssumeRole)(?!ecr:)(?!eks:)(?<action3>[\w-]{1,40}:\w{1,80})?|(?:operation error (?<service>\w{1,40}): (?<op>\w{1,80}), https response error StatusCode: 403, RequestID: [\w-]{1,64}, api error )?UnauthorizedOperation: You are not authorized(?: to perform this operation)?/,
  },
  // A `kubectl get pods` row (with or without its header, -o wide or not) of an Evicted pod; -o wide names its node.
  {
    id: 'pod_evicted_row',
    guard: ['Evicted'],
    re: /^(?:[a-z0-9][-a-z0-9.]{0,62}\s+)?[a-z0-9][-a-z0-9.]{0,252}\s+\d{1,3}\/\d{1,3}\s+Evicted\s+\d{1,9}(?: \(\S{1,20} ago\))?\s+\S{1,20}(?:\s+\S{1,45}\s+(?<node>[a-z0-9][-a-z0-9.]{0,252}))?/,
  },
  // The kubelet evicted a pod for memory: memory pressure, not disk.
  {
    id: 'node_eviction_memory',
    guard: ['low on resource: memory'],
    re: /The node was low on resource: memory/,
  },
  // EKS access entries on a cluster whose authentication mode is CONFIG_MAP: every access-entry call is refused.
  {
    id: 'eks_auth_mode_config_map',
    guard: ['authentication mode must be set to one of'],
    re: /(?:when calling the (?<op>\w{1,60}) operation: )?The cluster's authentication mode must be set to one of/,
  },
  // A mode change EKS does not allow (one way only: CONFIG_MAP → API_AND_CONFIG_MAP → API).
  {
    id: 'eks_auth_mode_update_rejected',
    guard: ['Unsupported authentication mode update'],
    re: /Unsupported authentication mode update from (?<from>CONFIG_MAP|API_AND_CONFIG_MAP|API) to (?<to>CONFIG_MAP|API_AND_CONFIG_MAP|API)/,
  },
  // Context: a Kubernetes client run with plain sudo (no -E, no --preserve-env): sudo resets the environment, so KUBECONFIG
  // (and on Linux HOME) is root's, and the client reads another kubeconfig than the shell before it did.
  {
    id: 'sudo_kube_client',
    role: 'context',
    guard: [
      'sudo kubectl',
      'sudo kubefwd',
      'sudo helm',
      'sudo k9s',
      'sudo stern',
      'sudo telepresence',
      'sudo skaffold',
      'sudo k8s kubectl',
      'sudo k3s kubectl',
      'sudo k0s kubectl',
    ],
    re: /(?:^|[$#%>] |\b[A-Z_]{1,40}=[^\s;&|]{1,400} )sudo (?:k8s |k3s |k0s )?(?<client>kubectl|kubefwd|helm|k9s|stern|telepresence|skaffold)\b/,
  },
  // Context: the shell sets KUBECONFIG by hand, exported or for one command (`KUBECONFIG=./x sudo …`): what sudo
  // without -E drops, and what another terminal lacks.
  {
    id: 'kubeconfig_env_exported',
    role: 'context',
    guard: ['export KUBECONFIG=', 'set -x KUBECONFIG ', '$env:KUBECONFIG', 'KUBECONFIG='],
    re: /(?:^|[$#%>] )(?:export KUBECONFIG=|set -x KUBECONFIG |\$env:KUBECONFIG|KUBECONFIG=[^\s;&|]{1,400} sudo\b)/,
  },
  // A client with no cluster configured falls back to http://localhost (kubectl: :8080; the Go client of Terraform's
  // kubernetes provider, Helm or an operator: :80), printed by older clients without quotes around the URL.
  {
    id: 'client_default_localhost',
    guard: ['http://localhost', 'http://127.0.0.1', '127.0.0.1:80: connect', '[::1]:80: connect'],
    re: /(?:Get|Post|Put|Patch|Delete|Head) \\?"?http:\/\/(?:localhost|127\.0\.0\.1)(?::(?:80|8080))?\/[^\s"\\]{0,300}\\?"?: dial tcp (?:\[::1\]|127\.0\.0\.1):(?<port>80|8080): connect: connection refused|^\s*dial tcp (?:\[::1\]|127\.0\.0\.1):(?<port2>80): connect: connection refused\s*$/,
  },
  // Writes to an EKS endpoint that never answer (the read form, `Get`, is api_endpoint_no_response): a private
  // endpoint reached from outside the VPC, security groups, a proxy.
  {
    id: 'api_endpoint_write_no_response',
    // Guarded by the failure, the end of what it needs (the host name comes before it).
    guard: ['i/o timeout', 'connection timed out', 'no route to host', 'network is unreachable'],
    re: /(?:Post|Put|Patch|Delete) \\?"https:\/\/[0-9A-Za-z*]{8,40}\.(?:[a-z0-9]{3}\.)?[a-z]{2}(?:-gov)?-[a-z]+-\d\.eks\.amazonaws\.com(?:\.cn)?(?:\/[^"\\\s]{0,200})?\\?": dial tcp (?<addr>[^:\s][^:]{0,80}:\d+): (?<err>i\/o timeout|connect: (?:connection timed out|no route to host|network is unreachable))/,
  },
  // The cluster authenticates only through access entries (API mode), read even where the JSON around it is not.
  {
    id: 'eks_auth_mode_api_only',
    guard: ['authenticationMode'],
    re: /\\?"authenticationMode\\?": ?\\?"API\\?"/,
  },
  // Terraform (or another tool) and EKS both create the aws-auth ConfigMap: whoever comes second fails.
  {
    id: 'aws_auth_ownership_conflict',
    guard: [
      '"aws-auth" already exists',
      '"aws-auth" does not exist',
      'aws-auth\\" already exists',
      'aws-auth\\" does not exist',
    ],
    re: /configmaps? \\?"aws-auth\\?" (?<state>already exists)|[Tt]he configmap \\?"aws-auth\\?" (?<state2>does not exist)/,
  },
  // A person's or a tool's own AWS identity may not call an EKS API (`aws eks update-kubeconfig` needs
  // eks:DescribeCluster, eksctl and Terraform more), or an IAM user may not call any API. Controllers' assumed roles
  // denied other actions are aws_action_denied; a node's instance role is aws_denied_node_role.
  {
    id: 'aws_caller_action_denied',
    guard: ['is not authorized to perform: '],
    re: /User: (?<arn>arn:aws[\w-]*:(?:iam|sts)::[^:\s]{1,40}:(?:user\/[^\s]{1,128}|root|assumed-role\/[^/\s]{1,64}\/(?!i-)[^\s]{1,128}|federated-user\/[^\s]{1,128})) is (?:is )?not authorized to perform:(?: (?:(?<action>eks:\w{1,80})(?: on resource: (?<resource>arn:[^\s"\\]{1,300}))?|e(?:ks?:?)?$)| ?$)|User: (?<arn2>arn:aws[\w-]*:iam::[^:\s]{1,40}:user\/[^\s]{1,128}) is (?:is )?not authorized to perform:(?: (?!sts:AssumeRole)(?!ecr:)(?:(?<action2>[\w-]{1,40}:\w{1,80})(?: on resource: (?<resource2>arn:[^\s"\\]{1,300}))?|[\w-]{1,40}:?$)| ?$)/,
  },
  // EKS Fargate will not start pods of a profile whose pod execution role the cluster does not authenticate (no
  // aws-auth mapping or access entry of type FARGATE_LINUX) or that lacks the role's policy.
  {
    id: 'fargate_profile_misconfigured',
    guard: ['Misconfigured Fargate Profile', 'Pod execution role is not found in auth config'],
    re: /Misconfigured Fargate Profile(?:: fargate profile (?<profile>[\w.-]{1,100}) blocked for new launches)?|Pod execution role is not found in auth config/,
  },
  // Karpenter found instance types for the pod but the NodePool (Provisioner before v1beta1) has used its
  // spec.limits: no node is launched until the limit is raised or capacity freed.
  {
    id: 'karpenter_nodepool_limit',
    guard: ['exceed limits for nodepool', 'exceed limits for provisioner'],
    re: /all available instance types exceed limits for (?:nodepool|provisioner)(?::? \\?"(?<nodepool>[\w.-]{1,253})\\?")?/,
  },
  // The VPC CNI plugin could not reach ipamd on the node (127.0.0.1:50051): aws-node is not running or not ready, so
  // no pod on the node gets an address.
  {
    id: 'ipamd_unreachable',
    guard: ['Error received from AddNetwork gRPC call', '50051: connect: connection refused'],
    re: /Error received from (?:AddNetwork|DelNetwork) gRPC call(?:: rpc error: code = Unavailable)?|dial tcp (?:127\.0\.0\.1|\[::1\]|localhost):50051: connect: connection refused/,
  },
];
