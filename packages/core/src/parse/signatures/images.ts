import type { Signature } from './types.js';

/** Image pulls (signatures-k8s.md §D.2, signatures-eks.md §7). */
export const IMAGE_SIGNATURES: readonly Signature[] = [];
