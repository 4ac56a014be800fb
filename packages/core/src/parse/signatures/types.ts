/** A catalogued message signature. */
export interface Signature {
  /** Stable id, referenced by rules (`hasSignal`). */
  id: string;
  /** Substrings, one of which must occur before the regex runs (cheap pre-filter). */
  guard: readonly string[];
  /** Linear-time regex; named groups become the signal's `groups` (name2, name3… fold into name). */
  re: RegExp;
  /**
   * What a match says (default `cause`): `context` names where a failure happened, not what it is (an informer, a
   * reconciler, the frame of an image pull); `family` only that the message belongs to a family of errors (a 401, a
   * 403), and counts only on a message that no `cause` signature, denial or fit error explains.
   */
  role?: 'context' | 'family';
}

/**
 * A message signature given as data (a rule directory's signatures file, or a library caller's): the id a rule names
 * (`x-…`), the guard phrases, the pattern as regex source (checked by parse/pattern-check.ts) and the role.
 */
export interface SignatureData {
  id: string;
  /** What the message is, in a few words (for `rules list` and `explain`). */
  description?: string;
  /** Phrases of which the message must hold one before the pattern runs. */
  guard: readonly string[];
  /** JavaScript regex source, no flags; named groups become the signal's `groups`. */
  pattern: string;
  /** `cause` (default), `context` or `family`, as for the built-in signatures. */
  role?: 'cause' | 'context' | 'family';
}
