import type { Signature } from './types.js';

/**
 * Scheduler and volume signatures. The `0/N nodes are available` histogram itself is
 * parsed into the `scheduling` / `fitItems` facts (parse/scheduler.ts); these catch the texts that arrive without
 * that envelope (autoscaler logs, shortened quotes, PVC events, attach errors).
 */
export const SCHEDULING_SIGNATURES: readonly Signature[] = [
  // B.1 sched_unbound_immediate_pvc in every era (counted, PreFilter, "error while running VolumeBinding", pre-1.12).
  {
    id: 'sched_unbound_pvc',
    guard: ['unbound immediate PersistentVolumeClaims', 'unbound PersistentVolumeClaims'],
    re: /pod has unbound (?:immediate )?PersistentVolumeClaims/,
  },
  // persistentvolume-controller FailedBinding: the claim names no class and the cluster has no default.
  {
    id: 'pvc_no_storage_class',
    guard: ['no storage class is set'],
    re: /no persistent volumes available for this claim and no storage class is set/,
  },
  {
    id: 'storage_class_not_found',
    guard: ['storageclass'],
    re: /storageclass\.storage\.k8s\.io "(?<storageClass>[^"]+)" not found/,
  },
  // ExternalProvisioning: a CSI provisioner was asked but nothing answered.
  {
    id: 'pvc_waiting_external_provisioner',
    guard: ['waiting for a volume to be created'],
    re: /waiting for a volume to be created(?:,? either by (?:the )?external provisioner(?: \\?["'](?<provisioner>[^"'\\]+)\\?["'])?)?/,
  },
  {
    id: 'csi_driver_not_registered',
    guard: ['not found in the list of registered CSI drivers'],
    re: /driver name (?<driver>\S+) not found in the list of registered CSI drivers/,
  },
  // B.1 sched_volume_node_affinity / sched_volume_zone in any wrapper (autoscaler logs quote the reason alone).
  {
    id: 'sched_volume_node_affinity',
    guard: [
      'volume node affinity conflict',
      "didn't match PersistentVolume's node affinity",
      'no available volume zone',
    ],
    re: /volume node affinity conflict|didn't match PersistentVolume's node affinity|had no available volume zone/,
  },
  // B.1 sched_volume_limits; attach stuck because the node is at its EBS attachment limit.
  {
    id: 'sched_volume_limits',
    guard: [
      'exceed max volume count',
      'expected device to be attached but was attaching',
      'AttachmentLimitExceeded',
      'EBS volumes attached to node',
    ],
    // … | the in-tree AWS provider and early EBS CSI drivers when no device name is left on the instance
    re: /exceed max volume count|expected device to be attached but was attaching|AttachmentLimitExceeded|[Tt]oo many EBS volumes attached to node/,
  },
  // Security groups for pods: branch ENI resource.
  {
    id: 'sched_insufficient_pod_eni',
    guard: ['vpc.amazonaws.com/pod-eni'],
    re: /Insufficient vpc\.amazonaws\.com\/pod-eni/,
  },
  {
    id: 'vpc_resource_controller_unsupported',
    guard: ['not supported yet by the vpc resource controller', 'is not supported by the vpc resource controller'],
    re: /instance type (?<instanceType>\S+) is not supported (?:yet )?by the vpc resource controller/i,
  },
  // D.3 pod_mount_timeout: the kubelet gave up waiting for a volume; the specific failure is elsewhere (attach, driver).
  {
    id: 'pod_mount_timeout',
    guard: ['timed out waiting for the condition', 'context deadline exceeded', 'timeout expired waiting for volumes'],
    re: /Unable to (?:attach or mount|mount) volumes[^\n]*?unmounted volumes=\[(?<unmounted>[^\]]*)\][^\n]*?(?:timed out waiting for the condition|context deadline exceeded)|timeout expired waiting for volumes to attach or mount/,
  },
  {
    id: 'pod_mount_pvc_not_bound',
    guard: ['PVC is not bound'],
    re: /error processing PVC (?<pvc>\S+): PVC is not bound/,
  },
  // B.0 preemption dry run: resource-type failures where evicting lower-priority pods cannot make room.
  {
    id: 'sched_preempt_no_victims',
    guard: ['No preemption victims'],
    re: /No preemption victims(?: found for incoming pod)?/,
  },
  // `kubectl get storageclass` row with the in-tree EBS provisioner: on EKS ≥ 1.23 it needs the EBS CSI driver.
  {
    id: 'storageclass_intree_ebs',
    guard: ['kubernetes.io/aws-ebs'],
    re: /^(?<storageClass>[a-z0-9][a-z0-9.-]*)(?: \(default\))?\s+kubernetes\.io\/aws-ebs(?=\s|$)/,
  },
  // Placement reasons relative to other pods, quoted outside a histogram (an issue title, a shortened quote, an
  // autoscaler log): inter-pod affinity and anti-affinity in both eras' wordings, topology spread, host ports.
  {
    id: 'sched_placement_text',
    guard: [
      "didn't match pod affinity",
      "didn't match pod anti-affinity",
      "didn't satisfy existing pods anti-affinity",
      "didn't match pod topology spread",
      "didn't have free ports",
    ],
    re: /node\(s\) didn't (?:match pod (?:affinity(?: rules|\/anti-affinity)?|anti-affinity(?: rules)?|topology spread(?: constraints)?)|satisfy existing pods anti-affinity(?: rules)?|have free ports(?: for the requested pod ports)?)/,
  },
  // A taint the pod does not tolerate, named outside a histogram: a provisioner's reason on a line of its own
  // (Karpenter's "did not tolerate <taint>" printed under "incompatible with provisioner …"), or a person's words
  // ("it does not tolerate the taint `node-role.kubernetes.io/control-plane`").
  {
    id: 'sched_taint_text',
    guard: [
      'did not tolerate ',
      'not tolerate the taint',
      "n't tolerate the taint",
      'not tolerate taint',
      "n't tolerate taint",
    ],
    re: /^\s*did not tolerate(?: (?<taint>[^\s,;"\\]{1,253}))?|(?:\bnot|n't) tolerate (?:the )?taints?(?: `?(?<taint2>[\w./-]{1,253}(?:=[\w.-]{0,63})?(?::(?:NoSchedule|PreferNoSchedule|NoExecute))?))?/,
  },
  // B.1 fit reasons quoted outside a histogram (cluster-autoscaler predicate logs, shortened quotes).
  {
    id: 'sched_too_many_pods_text',
    guard: ['Too many pods', 'Insufficient pods'],
    re: /\bToo many pods\b|reason: Insufficient pods\b|(?<!\d)\d+ Insufficient pods\b/,
  },
];
