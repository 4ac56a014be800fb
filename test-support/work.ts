// An operation count for "linear in the input" tests, instead of wall-clock time: while `fn` runs, every regex
// execution (test, match, replace, split … all go through RegExp.prototype.exec once it is wrapped) and every string
// search (indexOf, includes, startsWith …) adds the characters it scanned. The same input always gives the same count,
// on any machine. What the count cannot see is backtracking inside one regex: bench/regex-pump.mjs checks that.

/** Characters scanned by regexes and string searches while `fn` runs. */
export function scannedChars(fn: () => unknown): number {
  let chars = 0;
  // The originals are called with their receiver (exec.call, original.apply) and restored when fn returns.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const exec = RegExp.prototype.exec;
  const searches = ['indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith'] as const;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const originals = searches.map((k) => String.prototype[k]);
  RegExp.prototype.exec = function (this: RegExp, s: string): RegExpExecArray | null {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, s);
    // A failed sticky attempt looks at one position; a failed search looks at the rest of the string.
    chars += m ? m.index + m[0].length - from + 1 : this.sticky ? 1 : s.length - from + 1;
    return m;
  };
  searches.forEach((k, i) => {
    const original = originals[i] as (this: string, ...args: unknown[]) => unknown;
    (String.prototype as unknown as Record<string, unknown>)[k] = function (this: string, ...args: unknown[]): unknown {
      const r = original.apply(this, args);
      const needle = String(args[0]);
      const from = Math.min(Math.max(0, Number(args[1] ?? 0) || 0), this.length);
      if (k === 'startsWith' || k === 'endsWith') chars += needle.length + 1;
      else if (k === 'indexOf') chars += (typeof r === 'number' && r >= 0 ? r + needle.length : this.length) - from + 1;
      else if (k === 'lastIndexOf') chars += this.length - (typeof r === 'number' && r >= 0 ? r : 0) + 1;
      else chars += this.length - from + 1;
      return r;
    };
  });
  try {
    fn();
  } finally {
    RegExp.prototype.exec = exec;
    searches.forEach((k, i) => {
      (String.prototype as unknown as Record<string, unknown>)[k] = originals[i];
    });
  }
  return chars;
}

/** Whether `work` (a count for an input of size n) grows at most linearly: 4× the input, at most 5× the count. */
export function growsLinearly(work: (n: number) => number, n: number): { small: number; large: number; ok: boolean } {
  const small = work(n);
  const large = work(4 * n);
  return { small, large, ok: large <= 5 * small + 1000 };
}
