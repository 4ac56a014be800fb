import type { Signature } from './types.js';

/** Node identity and readiness (signatures-k8s.md §C). */
export const NODE_SIGNATURES: readonly Signature[] = [
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
