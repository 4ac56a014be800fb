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

/**
 * Every guard at once, as an Aho–Corasick automaton over UTF-16 code units (built once): one table step per character
 * finds every guard that occurs in a message, contained ones included. It replaced one regex of all ~200 guards,
 * whose scan cost ~10 ns per character (~100 ms of a 10 MB dump, the largest regex item in profiles); a step here is
 * a few array reads (amortised: failure links are followed at most as often as trie edges). Agrees with `includes` per guard (signatures.test.ts, fastpaths.test.ts).
 */
interface GuardIndex {
  /** Character class of each ASCII code unit (0: in no guard). */
  ascii: Uint8Array;
  /** Character class of other code units that occur in guards. */
  other: Map<number, number>;
  /** Number of classes, 0 included. */
  classes: number;
  /** Trie child for (state × classes + class), 0 if none. */
  next: Int32Array;
  /** Failure link of each state: its longest proper suffix that is a trie state. */
  fail: Int32Array;
  /** Per state: the signatures (indices into SIGNATURES) having a guard that ends at this state, or null. */
  sigsAt: (readonly number[] | null)[];
  /** Signatures with an empty guard: `includes('')` holds for every message. */
  always: readonly number[];
}

let guardIndex: GuardIndex | null = null;

function buildGuardIndex(): GuardIndex {
  const list = [...new Set(SIGNATURES.flatMap((s) => s.guard))]
    .filter((g) => g !== '')
    .sort((a, b) => b.length - a.length);
  const ascii = new Uint8Array(128);
  const other = new Map<number, number>();
  let classes = 1;
  const classOf = (c: number): number => (c < 128 ? (ascii[c] as number) : (other.get(c) ?? 0));
  for (const g of list) {
    for (let i = 0; i < g.length; i++) {
      const c = g.charCodeAt(i);
      if (classOf(c) !== 0) continue;
      if (c < 128) ascii[c] = classes++;
      else other.set(c, classes++);
    }
  }
  // The trie of the guards as a table (0: no child; no trie edge leads back to the root), the edges in order of
  // creation, and each state's guards (those ending there). Typed arrays and no full transition table: filling one
  // (~4k states × ~70 classes) cost ~15–50 ms of cold code at every start.
  let total = 1;
  for (const g of list) total += g.length;
  const next = new Int32Array(total * classes);
  const depth = new Int32Array(total);
  const edges: number[] = [];
  const ends: (number[] | null)[] = [null];
  let n = 1;
  list.forEach((g, gi) => {
    let st = 0;
    for (let i = 0; i < g.length; i++) {
      const at = st * classes + classOf(g.charCodeAt(i));
      if (next[at] === 0) {
        next[at] = n;
        depth[n] = (depth[st] as number) + 1;
        edges.push(at);
        ends.push(null);
        n++;
      }
      st = next[at] as number;
    }
    (ends[st] ??= []).push(gi);
  });
  // Failure links, shallow states first: a state's longest proper suffix that is a trie state, and its guards.
  const fail = new Int32Array(n);
  const byDepth = edges
    .slice()
    .sort((a, b) => (depth[next[a] as number] as number) - (depth[next[b] as number] as number) || a - b);
  for (const at of byDepth) {
    const parent = Math.floor(at / classes);
    const cls = at % classes;
    const child = next[at] as number;
    if (parent !== 0) fail[child] = step(next, fail, classes, fail[parent] as number, cls);
    const inherited = ends[fail[child] as number];
    if (inherited) for (const g of inherited) (ends[child] ??= []).push(g);
  }
  const sigsOfGuard = list.map((g) => {
    const sigs: number[] = [];
    SIGNATURES.forEach((s, i) => {
      if (s.guard.includes(g)) sigs.push(i);
    });
    return sigs;
  });
  const sigsAt = ends.map((gs) =>
    gs === null ? null : [...new Set(gs.flatMap((g) => sigsOfGuard[g] as number[]))].sort((a, b) => a - b),
  );
  const always: number[] = [];
  SIGNATURES.forEach((s, i) => {
    if (s.guard.includes('')) always.push(i);
  });
  return { ascii, other, classes, next, fail, sigsAt, always };
}

/** The automaton's move from state `st` on a character of class `cls`: its trie child, else its failure's move. */
function step(next: Int32Array, fail: Int32Array, classes: number, st: number, cls: number): number {
  for (;;) {
    const to = next[st * classes + cls] as number;
    if (to !== 0 || st === 0) return to;
    st = fail[st] as number;
  }
}

/** The first state reached on `message` from `from` (in state `st`) where a guard ends, or -1; see `scanAt`. */
function nextGuardEnd(ix: GuardIndex, message: string, from: number, st: number): number {
  const { ascii, other, classes, next, fail, sigsAt } = ix;
  for (let i = from; i < message.length; i++) {
    const c = message.charCodeAt(i);
    const cls = c < 128 ? (ascii[c] as number) : (other.get(c) ?? 0);
    // A character in no guard leads back to the root (most characters of most lines).
    st = cls === 0 ? 0 : step(next, fail, classes, st, cls);
    if (sigsAt[st] !== null) {
      scanAt = i + 1;
      return st;
    }
  }
  scanAt = message.length;
  return -1;
}

// Where nextGuardEnd stopped (a module variable: no result object per call).
let scanAt = 0;

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
  return nextGuardEnd(guardIndex, message, 0, 0) !== -1;
}

/**
 * Returns every catalogued signature that matches the (normalised) message. With a {@link guardScope} of text that
 * contains the message, only the signatures whose guards occur there are tried.
 */
export function matchSignatures(message: string, scope?: GuardScope): SignatureHit[] {
  if (scope !== undefined) {
    const hits: SignatureHit[] = [];
    for (const sig of scope.signatures)
      if (sig.guard.some((g) => message.includes(g))) execSignature(sig, message, hits);
    return hits;
  }
  if (message.length > CACHE_MAX_CHARS) return matchIndexed(message);
  // Event lists repeat messages (one per pod of a ReplicaSet, per retry): a repeat reuses the first result, copied,
  // so no caller shares a hit (measured: 3.4k distinct of 7.6k messages in a 10 MB `get events -o json`).
  const known = resultCache.get(message);
  if (known !== undefined)
    return known.length === 0 ? [] : known.map((h) => ({ id: h.id, groups: Object.assign({}, h.groups) }));
  const hits = matchIndexed(message);
  if (resultCache.size >= CACHE_MAX_ENTRIES) resultCache.clear();
  resultCache.set(
    message,
    hits.length === 0 ? NO_HITS : hits.map((h) => ({ id: h.id, groups: Object.assign({}, h.groups) })),
  );
  return hits;
}

/** Results of matchSignatures by message (the guard index path). Bounded: at most this many, of messages this long. */
const resultCache = new Map<string, readonly SignatureHit[]>();
const CACHE_MAX_ENTRIES = 4096;
const CACHE_MAX_CHARS = 2048;

/** matchSignatures through the guard index, without the cache (exported for the property test that the cache agrees). */
export function matchIndexed(message: string): SignatureHit[] {
  guardIndex ??= buildGuardIndex();
  const ix = guardIndex;
  const { always, sigsAt } = ix;
  if (stamps.length !== SIGNATURES.length) stamps = new Int32Array(SIGNATURES.length);
  if (++generation > 0x3fffffff) {
    stamps.fill(0);
    generation = 1;
  }
  const gen = generation;
  let selected = always.length;
  for (const i of always) stamps[i] = gen;
  // Every state where some guard ends, with all guards ending there (contained ones too): the signatures selected
  // are exactly those with `message.includes(guard)` for one of their guards, in one scan instead of ~200 `includes`.
  for (let st = nextGuardEnd(ix, message, 0, 0); st !== -1; st = nextGuardEnd(ix, message, scanAt, st)) {
    for (const i of sigsAt[st] as readonly number[]) {
      if (stamps[i] !== gen) {
        stamps[i] = gen;
        selected++;
      }
    }
  }
  if (selected === 0) return NO_HITS;
  const hits: SignatureHit[] = [];
  for (let i = 0; i < SIGNATURES.length; i++)
    if (stamps[i] === gen) execSignature(SIGNATURES[i] as Signature, message, hits);
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

/** The signatures (indices) whose guards the automaton finds in a message, selected or not by their regex. */
export function matchSignaturesSelectedForTesting(message: string): number[] {
  guardIndex ??= buildGuardIndex();
  const out = new Set<number>(guardIndex.always);
  for (let st = nextGuardEnd(guardIndex, message, 0, 0); st !== -1; st = nextGuardEnd(guardIndex, message, scanAt, st))
    for (const i of guardIndex.sigsAt[st] as readonly number[]) out.add(i);
  return [...out].sort((a, b) => a - b);
}

let anyGuardRe: RegExp | null = null;

/** Ways of testing for any guard (includes per guard, one regex alternation, the automaton), for the property test that they agree. */
export const guardTestsForTesting = {
  includes: (m: string): boolean => guards().some((g) => m.includes(g)),
  // Built here, not in the guard index: only this test uses it.
  regex: (m: string): boolean => {
    anyGuardRe ??= new RegExp(
      guards()
        .map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
    );
    return anyGuardRe.test(m);
  },
  automaton: (m: string): boolean => hasAnyGuard(m),
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
