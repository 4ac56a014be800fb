import type { Signature } from './types.js';

/** Container states, mounts and sandboxes. */
export const CONTAINER_SIGNATURES: readonly Signature[] = [
  // describe `Reason: OOMKilled`, yaml `reason: OOMKilled`, get-pods STATUS `OOMKilled`
  { id: 'container_oom_killed', guard: ['OOMKilled'], re: /\bOOMKilled\b/ },
  // CreateContainerConfigError and FailedMount (not the kubelet's `Unable to retrieve pull secret … due to secret "x"
  // not found`: an imagePullSecret, image_pull_secret_unavailable)
  {
    id: 'secret_not_found',
    guard: ['not found', "couldn't find key"],
    re: /(?:MountVolume\.SetUp failed for volume "(?<volume>[^"]+)" : )?(?<!due to )secrets? "(?<name>[^"]+)" not found|couldn't find key (?<key>\S+) in Secret (?<ref>[\w.-]+\/[\w.-]+)/,
  },
  // the same for ConfigMaps (aws-auth has its own rules: a missing aws-auth is not a pod problem)
  {
    id: 'configmap_not_found',
    guard: ['not found', "couldn't find key"],
    re: /(?:MountVolume\.SetUp failed for volume "(?<volume>[^"]+)" : )?configmaps? "(?!aws-auth")(?<name>[^"]+)" not found|couldn't find key (?<key>\S+) in ConfigMap (?<ref>[\w.-]+\/[\w.-]+)/,
  },
  // The kubelet refuses to start a container whose securityContext says runAsNonRoot when the image's user is root, is a
  // name it cannot check without reading /etc/passwd, or runAsUser is 0 (kuberuntime verifyRunAsNonRoot;
  // CreateContainerConfigError).
  {
    id: 'container_run_as_non_root',
    guard: ['container has runAsNonRoot and image', 'runAsUser breaks non-root policy'],
    re: /container has runAsNonRoot and image(?: (?:has non-numeric user(?: \((?<user>[^)\r\n]{1,64})\))?|will run as root))?|container's runAsUser breaks non-root policy/,
  },
  // aws-cni: ipamd has no free address to hand out
  {
    id: 'vpc_cni_no_ip',
    guard: [
      'failed to assign an IP address',
      'InsufficientFreeAddresses',
      'InsufficientCidrBlocks',
      'no available IP/Prefix',
      'no free IP available',
    ],
    re: /failed to assign an IP address(?: to container)?|InsufficientFreeAddresses|InsufficientCidrBlocks|DataStore has no available IP\/Prefix addresses|no free IP available/,
  },
];
