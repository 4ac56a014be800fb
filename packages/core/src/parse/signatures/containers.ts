import type { Signature } from './types.js';

/** Container states, mounts and sandboxes (signatures-k8s.md §D). */
export const CONTAINER_SIGNATURES: readonly Signature[] = [];
