import type { Signature } from './types.js';

/** Admission denials that look like RBAC (signatures-k8s.md §A.7). */
export const ADMISSION_SIGNATURES: readonly Signature[] = [];
