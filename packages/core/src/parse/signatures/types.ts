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
