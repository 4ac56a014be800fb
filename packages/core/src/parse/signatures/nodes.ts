import type { Signature } from './types.js';

// Where a phrase may repeat on one line, `^(?=([^\n]*?PHRASE))\1` tries only its first occurrence (a lookahead
// capture matched again by backreference behaves like an atomic group), which keeps the match linear.

/** Node identity, readiness, bootstrap and disk pressure. */
export const NODE_SIGNATURES: readonly Signature[] = [
  // nodes
  {
    id: 'kubelet_unauthorized',
    guard: ['Unauthorized'],
    re: /^(?=([^\n]*?(?:Unable to register node|Failed to ensure lease exists)))\1(?=[^\n]*Unauthorized)|Failed to (?:list|watch) \*v1(?:beta1)?\.\w+: (?:failed to list \*v1(?:beta1)?\.\w+: )?Unauthorized|Failed to contact API server when waiting for CSINode publishing: Unauthorized|error getting node "[^"]+": Unauthorized|cannot create certificate signing request: Unauthorized/,
  },
  // The API server's call to a kubelet (logs, exec, port-forward) was refused by the kubelet's webhook authorizer, which
  // asks the API server with the node's own credentials: it fails when those are rejected (or RBAC lacks the binding).
  {
    id: 'kubelet_authz_failed',
    guard: ['user=kube-apiserver-kubelet-client'],
    re: /user=kube-apiserver-kubelet-client(?:, verb=(?<verb>\w{1,20}))?/,
  },
  {
    id: 'cni_not_initialized',
    guard: [
      'NetworkPluginNotReady',
      'cni plugin not initialized',
      'cni config uninitialized',
      'No CNI configuration file',
    ],
    re: /NetworkPluginNotReady|cni plugin not initialized|cni config uninitialized|No CNI configuration file/,
  },
  {
    id: 'kubelet_stopped_posting',
    guard: ['Kubelet stopped posting node status', 'Kubelet never posted node status'],
    re: /Kubelet (?:stopped|never) posting node status|Kubelet never posted node status/,
  },
  // kubectl's empty-list notice (stderr); with `kubectl get nodes` it means no node is registered (the nodeListEmpty fact).
  {
    id: 'no_resources_found',
    role: 'context',
    guard: ['No resources found'],
    re: /^\s*No resources found(?: in (?<namespace>\S+) namespace)?/,
  },
  // C.3: the kubelet cannot find its own Node object — a consequence of a failed registration, never the cause.
  {
    id: 'kubelet_node_not_found',
    guard: ['not found'],
    // … | the structured log of kubelets ≥ 1.22: `"Error getting node" err="node \"ip-…\" not found"`
    re: /(?:^|Error getting node"?:? |kubelet\.go:\d+\] )node "(?<node>[^"]+)" not found\s*$|"Error getting node" err="node \\"(?<node2>[^"\\]{1,253})\\" not found"/,
  },
  // C.3: registration failing on the network path (timeouts), not on identity.
  {
    id: 'kubelet_api_unreachable',
    guard: ['i/o timeout', 'TLS handshake timeout', 'context deadline exceeded', 'no route to host'],
    re: /^(?=([^\n]*?(?:Unable to register node|Failed to ensure lease exists|Error getting node|Error updating node status|Failed to (?:list|watch) \*v1\.\w+|Failed to contact API server)))\1[^\n]*?(?:dial tcp (?<addr>\S+): (?:i\/o timeout|connect: no route to host)|net\/http: TLS handshake timeout|context deadline exceeded)/,
  },
  // Managed node group health issues.
  {
    id: 'nodegroup_creation_failure',
    guard: ['NodeCreationFailure', 'Instances failed to join the kubernetes cluster', 'nodes to join the cluster'],
    // … | eksctl waiting for a node group's nodes in vain (`timed out waiting for at least 1 nodes to join the cluster
    // and become ready in "ng-1"`)
    re: /NodeCreationFailure|Instances failed to join the kubernetes cluster|timed out waiting for at least \d{1,5} nodes? to join the cluster/,
  },
  {
    id: 'nodegroup_access_denied',
    guard: ['do not have access to the cluster', 'failing to authenticate or authorize with your Kubernetes cluster'],
    re: /Your worker nodes do not have access to the cluster|failing to authenticate or authorize with your Kubernetes cluster API server/,
  },
  // VPC CNI (ipamd) missing EC2 permissions; with aws-sdk-go-v2 (VPC CNI 1.16+) ipamd names its ENI operation:
  // `Failed to CreateNetworkInterface operation error EC2: CreateNetworkInterface, https response error StatusCode: 403, … UnauthorizedOperation`.
  {
    id: 'cni_missing_iam_permissions',
    guard: ['due to missing permissions', 'MissingIAMPermissions', 'UnauthorizedOperation'],
    re: /Unauthorized operation: failed to call (?<api>ec2:\w+) due to missing permissions|^(?=([^\n]*?Failed to call (?<api2>ec2:\w+)))\2[^\n]*?UnauthorizedOperation|Failed to (?<api3>(?:Create|Attach|Detach|Delete|Describe)NetworkInterfaces?|(?:Assign|Unassign)PrivateIpAddresses|AssignIpv6Addresses) operation error EC2: \w{1,60}, https response error StatusCode: 403[^\r\n]{0,300}?UnauthorizedOperation/,
  },
  // aws-node (VPC CNI) cannot reach the API server through the kubernetes Service: it never writes the CNI config.
  {
    id: 'cni_apiserver_unreachable',
    guard: ['Failed to communicate with K8S Server'],
    re: /Failed to communicate with K8S Server/,
  },
  // Bootstrap: cloud-init / user data / bootstrap script / CSR / token (node_bootstrap_failed).
  {
    id: 'node_bootstrap_error',
    guard: [
      'execution error',
      'Failed to run module scripts-user',
      'scripts-user.py[WARNING]: Failed to run',
      'bootstrap.sh',
      'nodeadm',
      'is invalid for this cluster or it has expired',
    ],
    re: /Boothooks script \S+ execution error|Failed to run module scripts-user|scripts-user\.py\[WARNING\]: Failed to run|\/etc\/eks\/bootstrap\.sh[^\n]*?(?:No such file or directory|command not found|[Ff]ailed|error)|nodeadm[^\n]*?(?:level=error|"level":"error"|\bFATAL\b)|token id "\S+" is invalid for this cluster or it has expired/,
  },
  {
    id: 'node_user_data_missing',
    guard: ['user_data.py[WARNING]', 'user-data'],
    re: /user_data\.py\[WARNING\](?:: (?<detail>[^\n]*))?|Unhandled non-multipart \(text\/x-not-multipart\) userdata/,
  },
  {
    id: 'csr_pending',
    guard: ['Pending'],
    re: /^\s*(?:node-)?csr-\S+\s+\S+\s+(?:kubernetes\.io\/kube-apiserver-client-kubelet\s+)?system:(?:bootstrap:\w+|node:\S+)\s+(?:<none>\s+)?Pending\s*$/,
  },
  // C.2 node_pressure_disk; D.6 Evicted for ephemeral storage (kubelets before 1.9 name the condition: `The node was low
  // on resource: [DiskPressure].`). Tolerations (`op=Exists`) are not pressure.
  {
    id: 'node_disk_pressure',
    guard: ['DiskPressure', 'disk-pressure', 'kubelet has disk pressure'],
    re: /^\s*DiskPressure\s+True\b|KubeletHasDiskPressure|kubelet has disk pressure|\bNodeHasDiskPressure\b|node\.kubernetes\.io\/disk-pressure(?::NoSchedule)?(?![^\n]*op=Exists)|The node (?:had condition|was low on resource): \[DiskPressure/,
  },
  // Memory pressure: the condition (`MemoryPressure True … KubeletHasInsufficientMemory`), its event and taint, and the
  // kubelet reclaiming memory (before 1.9 an eviction said `The node had condition: [MemoryPressure].`; later ones, `The
  // node was low on resource: memory.`, are node_eviction_memory). Tolerations (`op=Exists`) and YAML keys are not.
  {
    id: 'node_memory_pressure',
    guard: ['MemoryPressure', 'memory-pressure:NoSchedule', 'insufficient memory available', 'reclaim memory'],
    re: /^\s*MemoryPressure\s+True\b|KubeletHasInsufficientMemory|kubelet has insufficient memory available|\bNodeHasInsufficientMemory\b|node\.kubernetes\.io\/memory-pressure:NoSchedule(?![^\n]*op=Exists)|The node (?:had condition|was low on resource): \[MemoryPressure|Attempting to reclaim memory/,
  },
  {
    id: 'node_eviction_ephemeral_storage',
    guard: ['ephemeral-storage', 'nodefs', 'imagefs'],
    re: /The node was low on resource: (?<resource>ephemeral-storage|nodefs|imagefs)|Attempting to reclaim (?<resource2>ephemeral-storage|nodefs|imagefs)/,
  },
  {
    id: 'node_image_gc_failed',
    guard: ['FreeDiskSpaceFailed', 'failed to garbage collect required amount of images'],
    re: /failed to garbage collect required amount of images|FreeDiskSpaceFailed/,
  },
];
