// Format: single-line error signatures from kubectl, client-go exec plugins, the aws CLI, aws-iam-authenticator and
// the kubelet, e.g.
//   could not get token: NoCredentialProviders: no valid providers in chain. Deprecated.
//   Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 253
//   error: You must be logged in to the server (Unauthorized)
// Each signature has a stable id (signatures-eks.md / signatures-k8s.md) and named captures.
// Every regex is tested only after a cheap `includes` guard and has no nested quantifiers, so matching stays linear.

import { ADMISSION_SIGNATURES } from './signatures/admission.js';
import { AUTHN_SIGNATURES } from './signatures/authn.js';
import { CONTAINER_SIGNATURES } from './signatures/containers.js';
import { CREDENTIAL_SIGNATURES } from './signatures/credentials.js';
import { IMAGE_SIGNATURES } from './signatures/images.js';
import { NODE_SIGNATURES } from './signatures/nodes.js';
import { POD_IDENTITY_SIGNATURES } from './signatures/pod-identity.js';
import { SCHEDULING_SIGNATURES } from './signatures/scheduling.js';
import type { Signature } from './signatures/types.js';

export type { Signature } from './signatures/types.js';

/** Every signature, one file per layer under signatures/. Ids are unique (checked by a test). */
export const SIGNATURES: readonly Signature[] = [
  ...CREDENTIAL_SIGNATURES,
  ...AUTHN_SIGNATURES,
  ...ADMISSION_SIGNATURES,
  ...NODE_SIGNATURES,
  ...SCHEDULING_SIGNATURES,
  ...IMAGE_SIGNATURES,
  ...CONTAINER_SIGNATURES,
  ...POD_IDENTITY_SIGNATURES,
];

let guardList: readonly string[] | null = null;

/** Every distinct guard of every signature (built once). */
function guards(): readonly string[] {
  guardList ??= [...new Set(SIGNATURES.flatMap((s) => s.guard))].sort((a, b) => b.length - a.length);
  return guardList;
}

/**
 * The guards present in a small body of text (a paste's section): each of its lines is then tested only against
 * those, with `includes`. Compiling the ~200-alternative guard regex costs V8 ~5–10 ms, and testing every guard on
 * every line in cold code ~4 ms, while one `includes` per guard over the whole text costs ~0.1 ms (measured on a
 * describe pod paste). Large inputs use the regex and its index, which pay off there (13× faster per line on 100 MB).
 */
export interface GuardScope {
  /** Signatures with at least one guard present in the text. */
  readonly signatures: readonly Signature[];
}

/**
 * Builds the scope of `text`. Every message later matched with this scope must occur in `text` (pass the messages
 * joined with newlines), so that a guard in a message is a guard in the text; extra guards only cost an `includes`.
 */
export function guardScope(text: string): GuardScope {
  const present = new Set(guards().filter((g) => text.includes(g)));
  return { signatures: present.size === 0 ? [] : SIGNATURES.filter((sig) => sig.guard.some((g) => present.has(g))) };
}

/** Which signatures each guard stands for, and one regex that finds every guard (built once). */
interface GuardIndex {
  /** Every guard as one alternation, longest first, global: it finds the longest guard at each position. */
  any: RegExp;
  /** For each guard: the signatures (indices into SIGNATURES) whose guards occur in it, itself included. */
  sigsOf: Map<string, readonly number[]>;
  /** Signatures with an empty guard: `includes('')` holds for every message. */
  always: readonly number[];
}

let guardIndex: GuardIndex | null = null;

function buildGuardIndex(): GuardIndex {
  const guards = [...new Set(SIGNATURES.flatMap((s) => s.guard))].filter((g) => g !== '').sort((a, b) => b.length - a.length);
  const sigsOf = new Map<string, readonly number[]>();
  for (const g of guards) {
    // A guard implies every guard it contains: the scan below reports only the longest guard starting at a position.
    const sigs: number[] = [];
    SIGNATURES.forEach((s, i) => {
      if (s.guard.some((h) => h !== '' && g.includes(h))) sigs.push(i);
    });
    sigsOf.set(g, sigs);
  }
  const always: number[] = [];
  SIGNATURES.forEach((s, i) => {
    if (s.guard.includes('')) always.push(i);
  });
  return { any: new RegExp(guards.map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'), sigsOf, always };
}

// Generation stamps of the signatures a message's guards select (reused: no allocation per line).
let stamps = new Int32Array(0);
let generation = 0;

// The answer for the (vast) majority of lines, shared: frozen, so a caller that pushed to it would throw.
const NO_HITS: SignatureHit[] = Object.freeze([]) as unknown as SignatureHit[];

/** A signature found on one input line. */
export interface SignatureHit {
  id: string;
  groups: Record<string, string>;
}

/**
 * Whether the message contains any guard at all. Cheap pre-test: one pass with every guard at once rejects the
 * (vast) majority of lines (measured 13× faster than testing each signature's guards on a 100 MB describe dump).
 */
export function hasAnyGuard(message: string): boolean {
  guardIndex ??= buildGuardIndex();
  if (guardIndex.always.length > 0) return true;
  const re = guardIndex.any;
  re.lastIndex = 0;
  return re.test(message);
}

/**
 * Returns every catalogued signature that matches the (normalised) message. With a {@link guardScope} of text that
 * contains the message, only the signatures whose guards occur there are tried.
 */
export function matchSignatures(message: string, scope?: GuardScope): SignatureHit[] {
  if (scope !== undefined) {
    const hits: SignatureHit[] = [];
    for (const sig of scope.signatures) if (sig.guard.some((g) => message.includes(g))) execSignature(sig, message, hits);
    return hits;
  }
  guardIndex ??= buildGuardIndex();
  const { any, sigsOf, always } = guardIndex;
  if (stamps.length !== SIGNATURES.length) stamps = new Int32Array(SIGNATURES.length);
  if (++generation > 0x3fffffff) {
    stamps.fill(0);
    generation = 1;
  }
  const gen = generation;
  let selected = always.length;
  for (const i of always) stamps[i] = gen;
  // Every position where some guard starts, with the longest guard there; shorter guards at that position are
  // contained in it, hence in sigsOf. So the signatures selected are exactly those with `message.includes(guard)` for
  // one of their guards, found in one scan instead of ~200 `includes` per line.
  any.lastIndex = 0;
  for (let m = any.exec(message); m !== null; m = any.exec(message)) {
    for (const i of sigsOf.get(m[0]) ?? []) {
      if (stamps[i] !== gen) {
        stamps[i] = gen;
        selected++;
      }
    }
    any.lastIndex = m.index + 1;
  }
  if (selected === 0) return NO_HITS;
  const hits: SignatureHit[] = [];
  for (let i = 0; i < SIGNATURES.length; i++) if (stamps[i] === gen) execSignature(SIGNATURES[i] as Signature, message, hits);
  return hits;
}

/** Runs one signature's regex on the message and records a hit with its named captures. */
function execSignature(sig: Signature, message: string, hits: SignatureHit[]): void {
  const m = sig.re.exec(message);
  if (!m) return;
  const groups: Record<string, string> = {};
  if (m.groups) {
    for (const k in m.groups) {
      const v = m.groups[k];
      if (v === undefined) continue;
      // Alternatives capture into name, name2, …: fold them back into one name.
      groups[foldName(k)] = v;
    }
  }
  hits.push({ id: sig.id, groups });
}

/** Both ways of testing for any guard (includes per guard, the combined regex), for the property test that they agree. */
export const guardTestsForTesting = {
  includes: (m: string): boolean => guards().some((g) => m.includes(g)),
  regex: (m: string): boolean => {
    guardIndex ??= buildGuardIndex();
    guardIndex.any.lastIndex = 0;
    return guardIndex.always.length > 0 || guardIndex.any.test(m);
  },
};

const folded = new Map<string, string>();

function foldName(k: string): string {
  let f = folded.get(k);
  if (f === undefined) {
    f = k.replace(/\d+$/, '');
    folded.set(k, f);
  }
  return f;
}
