import type { Signature } from './types.js';

/** Scheduler and volume signatures (signatures-k8s.md §B, §D.3). */
export const SCHEDULING_SIGNATURES: readonly Signature[] = [];
