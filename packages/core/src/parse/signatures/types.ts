/** A catalogued message signature. */
export interface Signature {
  /** Stable id, referenced by rules (`hasSignal`). */
  id: string;
  /** Substrings, one of which must occur before the regex runs (cheap pre-filter). */
  guard: readonly string[];
  /** Linear-time regex; named groups become the signal's `groups` (name2, name3… fold into name). */
  re: RegExp;
}
