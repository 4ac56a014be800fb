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
import { patternProblemText } from './pattern-check.js';
import { say, type Text } from '../i18n/t.js';
import type { Signature, SignatureData } from './signatures/types.js';

export type { Signature, SignatureData } from './signatures/types.js';

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

/** How much of a message a custom signature's pattern reads: from this many characters before its guard… */
const WINDOW_BEFORE = 512;
/** …to this many after the guard's end, so its cost is bounded whatever the length of the line. */
const WINDOW_AFTER = 2048;

/** A data signature that cannot be used, and why (`message` in English, `text` to be said in the run's language). */
export interface SignatureProblem {
  id: string;
  message: string;
  text: Text;
}

/**
 * Compiles signatures given as data: each pattern must pass the linear-time check (parse/pattern-check.ts); one that
 * does not is left out with a problem. Ids are not checked here (the schema check does that for rule directories).
 */
export function compileSignatures(data: readonly SignatureData[]): {
  signatures: Signature[];
  problems: SignatureProblem[];
} {
  const signatures: Signature[] = [];
  const problems: SignatureProblem[] = [];
  for (const d of data) {
    const problem: Text | null =
      typeof d.pattern !== 'string'
        ? patternText({ key: 'pattern.notString' })
        : d.guard.length === 0 || d.guard.some((g) => typeof g !== 'string' || g.length === 0)
          ? { key: 'pattern.guardEmpty' }
          : patternText(patternProblemText(d.pattern));
    if (problem !== null) {
      const text: Text = { key: 'issue.signature_skipped', params: { id: d.id, problem } };
      problems.push({ id: d.id, message: say('en', text), text });
    } else
      signatures.push({
        id: d.id,
        guard: d.guard,
        re: new RegExp(d.pattern),
        ...(d.role === undefined || d.role === 'cause' ? {} : { role: d.role }),
      });
  }
  return { signatures, problems };
}

/** A pattern's problem, said as one. */
function patternText(problem: Text | null): Text | null {
  return problem === null ? null : { key: 'issue.signature_pattern', params: { problem } };
}

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
 * Every guard of every signature as one Aho–Corasick automaton over UTF-16 code units, its failure links resolved into
 * a full transition table: one scan of a message finds every guard in it, contained and overlapping ones included, at
 * one table lookup per character.
 */
export interface SignatureMatcher {
  /** The built-in signatures, then the run's custom ones. */
  readonly signatures: readonly Signature[];
  /** Index of the first custom signature: from it on, patterns read a window of the message around their guard. */
  readonly firstCustom: number;
  /** Character class of each ASCII code unit (0: in no guard). */
  readonly ascii: Uint8Array;
  /** Character class of the other code units that occur in guards. */
  readonly other: ReadonlyMap<number, number>;
  /** Number of classes, 0 included. */
  readonly classes: number;
  /** The state after (state × classes + class): the longest guard prefix the text read so far ends with. */
  readonly next: Int32Array;
  /** Per state: indices into `signatures` of the signatures with a guard ending there (suffixes included; repeats
   * possible), or null. */
  readonly found: readonly (readonly number[] | null)[];
  /** Per state: 1 when a guard ends there (found is not null), else 0; tested first, on every character. */
  readonly ends: Uint8Array;
}

/** Builds the matcher of SIGNATURES and the run's custom signatures (once per run, see facts/extract.ts). */
export function newSignatureMatcher(custom: readonly Signature[] = []): SignatureMatcher {
  const all = custom.length === 0 ? SIGNATURES : [...SIGNATURES, ...custom];
  const ascii = new Uint8Array(128);
  const other = new Map<number, number>();
  let classes = 1;
  let total = 1;
  for (const sig of all) {
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
  for (let si = 0; si < all.length; si++) {
    for (const g of (all[si] as Signature).guard) {
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
  // Failure links breadth first, so a state's failure (shallower) is complete before the state inherits its guards and
  // its moves: a state moves as its failure does, except along its own trie edges.
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let c = firstChild[0] as number; c !== 0; c = sibling[c] as number) queue[tail++] = c;
  for (let head = 0; head < tail; head++) {
    const st = queue[head] as number;
    const f = fail[st] as number;
    const inherited = found[f];
    if (inherited) found[st] = found[st] ? [...found[st], ...inherited] : inherited;
    for (let c = firstChild[st] as number; c !== 0; c = sibling[c] as number) {
      fail[c] = next[f * classes + (label[c] as number)] as number;
      queue[tail++] = c;
    }
    next.copyWithin(st * classes, f * classes, f * classes + classes);
    for (let c = firstChild[st] as number; c !== 0; c = sibling[c] as number)
      next[st * classes + (label[c] as number)] = c;
  }
  const ends = new Uint8Array(states);
  for (let st = 0; st < states; st++) if (found[st]) ends[st] = 1;
  return { signatures: all, firstCustom: SIGNATURES.length, ascii, other, classes, next, found, ends };
}

const NO_HITS: readonly SignatureHit[] = Object.freeze([]);

/** Every catalogued signature that matches the (normalised) message, in catalogue order. */
export function matchSignatures(matcher: SignatureMatcher, message: string): readonly SignatureHit[] {
  const { signatures, firstCustom, ascii, other, classes, next, found, ends } = matcher;
  let selected: number[] | null = null;
  // Where a custom signature's first guard ends, for the window its pattern reads.
  let guardEnds: Map<number, number> | null = null;
  let st = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message.charCodeAt(i);
    const cls = c < 128 ? (ascii[c] as number) : (other.get(c) ?? 0);
    // A character in no guard leads back to the root.
    st = cls === 0 ? 0 : (next[st * classes + cls] as number);
    if (ends[st] === 0) continue;
    for (const si of found[st] as readonly number[]) {
      (selected ??= []).push(si);
      if (si >= firstCustom && !(guardEnds ??= new Map()).has(si)) guardEnds.set(si, i);
    }
  }
  if (selected === null) return NO_HITS;
  const hits: SignatureHit[] = [];
  let last = -1;
  for (const si of selected.sort((a, b) => a - b)) {
    if (si === last) continue;
    last = si;
    const sig = signatures[si] as Signature;
    const end = si >= firstCustom ? (guardEnds?.get(si) ?? 0) : -1;
    const from = end < 0 ? 0 : Math.max(0, end - WINDOW_BEFORE);
    const m = sig.re.exec(end < 0 ? message : message.slice(from, end + 1 + WINDOW_AFTER));
    if (m) hits.push({ id: sig.id, groups: groupsOf(m), at: from + m.index, role: sig.role ?? 'cause' });
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
