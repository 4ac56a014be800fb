import type { Signature } from './types.js';

/** IRSA, Pod Identity and IMDS (signatures-eks.md §6). */
export const POD_IDENTITY_SIGNATURES: readonly Signature[] = [];
