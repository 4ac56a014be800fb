// Format: single-line error signatures from kubectl, client-go exec plugins, the aws CLI, aws-iam-authenticator and
// the kubelet, e.g.
//   could not get token: NoCredentialProviders: no valid providers in chain. Deprecated.
//   Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 253
//   error: You must be logged in to the server (Unauthorized)
// Each signature has a stable id and named captures. A signature's regex runs only on a message that contains one of
// its guards; every regex has no nested quantifiers, so matching stays linear.

import { ADMISSION_SIGNATURES } from './signatures/admission.js';
import { AUTHN_SIGNATURES } from './signatures/authn.js';
import { CONTAINER_SIGNATURES } from './signatures/containers.js';
import { CREDENTIAL_SIGNATURES } from './signatures/credentials.js';
import { FAMILY_SIGNATURES } from './signatures/families.js';
import { IMAGE_SIGNATURES } from './signatures/images.js';
import { NODE_SIGNATURES } from './signatures/nodes.js';
import { POD_IDENTITY_SIGNATURES } from './signatures/pod-identity.js';
import { POLICY_SIGNATURES } from './signatures/policy.js';
import { SCHEDULING_SIGNATURES } from './signatures/scheduling.js';
import { TOOL_SIGNATURES } from './signatures/tools.js';
import type { Signature } from './signatures/types.js';

export type { Signature } from './signatures/types.js';

/** Every signature, one file per layer under signatures/. Ids are unique and guards non-empty (checked by a test). */
export const SIGNATURES: readonly Signature[] = [
  ...CREDENTIAL_SIGNATURES,
  ...AUTHN_SIGNATURES,
  ...ADMISSION_SIGNATURES,
  ...NODE_SIGNATURES,
  ...SCHEDULING_SIGNATURES,
  ...IMAGE_SIGNATURES,
  ...CONTAINER_SIGNATURES,
  ...POD_IDENTITY_SIGNATURES,
  ...FAMILY_SIGNATURES,
  ...POLICY_SIGNATURES,
  ...TOOL_SIGNATURES,
];

/** A catalogued signature found in one message. */
export interface SignatureHit {
  id: string;
  groups: Record<string, string>;
  /** Where the match starts in the message. */
  at: number;
  /** The signature's role (see Signature). */
  role: 'cause' | 'context' | 'family';
}

/**
 * Every guard of every signature as one Aho–Corasick automaton over UTF-16 code units: one scan of a message finds
 * every guard in it, contained and overlapping ones included, so most lines (which hold no guard) cost one table step
 * per character instead of an `includes` per guard.
 */
export interface SignatureMatcher {
  /** Character class of each ASCII code unit (0: in no guard). */
  readonly ascii: Uint8Array;
  /** Character class of the other code units that occur in guards. */
  readonly other: ReadonlyMap<number, number>;
  /** Number of classes, 0 included. */
  readonly classes: number;
  /** Trie child of (state × classes + class), 0 if none (no trie edge leads back to the root). */
  readonly next: Int32Array;
  /** Failure link of each state: its longest proper suffix that is a trie state. */
  readonly fail: Int32Array;
  /** Per state: indices into SIGNATURES of the signatures with a guard ending there (suffixes included; repeats
   * possible), or null. */
  readonly found: readonly (readonly number[] | null)[];
}

/** Builds the matcher of SIGNATURES (once per run, see facts/extract.ts). */
export function newSignatureMatcher(): SignatureMatcher {
  const ascii = new Uint8Array(128);
  const other = new Map<number, number>();
  let classes = 1;
  let total = 1;
  for (const sig of SIGNATURES) {
    for (const g of sig.guard) {
      total += g.length;
      for (let i = 0; i < g.length; i++) {
        const c = g.charCodeAt(i);
        if (c >= 128) {
          if (!other.has(c)) other.set(c, classes++);
        } else if (ascii[c] === 0) ascii[c] = classes++;
      }
    }
  }
  // The trie, with each state's children as a linked list (first child, next sibling) and the class it is reached on.
  const next = new Int32Array(total * classes);
  const firstChild = new Int32Array(total);
  const sibling = new Int32Array(total);
  const label = new Int32Array(total);
  const found: (number[] | null)[] = [null];
  let states = 1;
  for (let si = 0; si < SIGNATURES.length; si++) {
    for (const g of (SIGNATURES[si] as Signature).guard) {
      let st = 0;
      for (let i = 0; i < g.length; i++) {
        const c = g.charCodeAt(i);
        const cls = c < 128 ? (ascii[c] as number) : (other.get(c) as number);
        let to = next[st * classes + cls] as number;
        if (to === 0) {
          to = states++;
          next[st * classes + cls] = to;
          label[to] = cls;
          sibling[to] = firstChild[st] as number;
          firstChild[st] = to;
          found.push(null);
        }
        st = to;
      }
      (found[st] ??= []).push(si);
    }
  }
  // Failure links breadth first, so a state's failure (shallower) is complete before the state inherits its guards.
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let c = firstChild[0] as number; c !== 0; c = sibling[c] as number) queue[tail++] = c;
  for (let head = 0; head < tail; head++) {
    const parent = queue[head] as number;
    for (let c = firstChild[parent] as number; c !== 0; c = sibling[c] as number) {
      const f = parent === 0 ? 0 : step(next, fail, classes, fail[parent] as number, label[c] as number);
      fail[c] = f;
      const inherited = found[f];
      if (inherited) found[c] = found[c] ? [...(found[c] as number[]), ...inherited] : inherited;
      queue[tail++] = c;
    }
  }
  return { ascii, other, classes, next, fail, found };
}

/** The automaton's move from state `st` on a character of class `cls`: its trie child, else its failure's move. */
function step(next: Int32Array, fail: Int32Array, classes: number, st: number, cls: number): number {
  for (;;) {
    const to = next[st * classes + cls] as number;
    if (to !== 0 || st === 0) return to;
    st = fail[st] as number;
  }
}

const NO_HITS: readonly SignatureHit[] = Object.freeze([]);

/** Every catalogued signature that matches the (normalised) message, in catalogue order. */
export function matchSignatures(matcher: SignatureMatcher, message: string): readonly SignatureHit[] {
  const { ascii, other, classes, next, fail, found } = matcher;
  let selected: number[] | null = null;
  let st = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message.charCodeAt(i);
    const cls = c < 128 ? (ascii[c] as number) : (other.get(c) ?? 0);
    // A character in no guard leads back to the root (most characters of most lines).
    st = cls === 0 ? 0 : step(next, fail, classes, st, cls);
    const sigs = found[st];
    if (sigs) for (const si of sigs) (selected ??= []).push(si);
  }
  if (selected === null) return NO_HITS;
  const hits: SignatureHit[] = [];
  let last = -1;
  for (const si of selected.sort((a, b) => a - b)) {
    if (si === last) continue;
    last = si;
    const sig = SIGNATURES[si] as Signature;
    const m = sig.re.exec(message);
    if (m) hits.push({ id: sig.id, groups: groupsOf(m), at: m.index, role: sig.role ?? 'cause' });
  }
  return hits;
}

/** Named captures of a match; alternatives capture into name, name2, …, folded back into one name. */
function groupsOf(m: RegExpExecArray): Record<string, string> {
  const groups: Record<string, string> = {};
  for (const k in m.groups) {
    const v = m.groups[k];
    if (v !== undefined) groups[k.replace(/\d+$/, '')] = v;
  }
  return groups;
}
