import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  guardScope,
  guardTestsForTesting,
  matchIndexed,
  matchSignatures,
  matchSignaturesSelectedForTesting,
  SIGNATURES,
} from './signatures.js';

const GUARDS = [...new Set(SIGNATURES.flatMap((s) => s.guard))];

// A line that may hold a guard, a guard cut short, or a guard with one character changed, inside arbitrary text.
const fragment = fc.oneof(
  fc.constantFrom(...GUARDS),
  fc.constantFrom(...GUARDS).chain((g) => fc.nat({ max: Math.max(0, g.length - 1) }).map((n) => g.slice(0, n))),
  fc
    .constantFrom(...GUARDS)
    .chain((g) =>
      fc
        .tuple(fc.nat({ max: g.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }))
        .map(([i, c]) => g.slice(0, i) + c + g.slice(i + 1)),
    ),
  fc.string({ maxLength: 20 }),
);
const line = fc.array(fragment, { maxLength: 4 }).map((xs) => xs.join(' '));

describe('guard prefilter', () => {
  it('testing each guard with includes and the combined guard regex agree', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(guardTestsForTesting.includes(l)).toBe(guardTestsForTesting.regex(l));
        expect(guardTestsForTesting.automaton(l)).toBe(guardTestsForTesting.regex(l));
      }),
      { numRuns: 3000 },
    );
  });

  it('every guard is found by both, with regex metacharacters taken literally', () => {
    for (const g of GUARDS) {
      expect(guardTestsForTesting.includes(`x ${g} y`)).toBe(true);
      expect(guardTestsForTesting.regex(`x ${g} y`)).toBe(true);
      expect(guardTestsForTesting.automaton(`x ${g} y`)).toBe(true);
      // Each guard alone selects at least every signature it guards (and those of the guards it contains).
      const ids = new Set(matchSignaturesSelectedForTesting(g));
      for (const [i, sig] of SIGNATURES.entries())
        if (sig.guard.some((h) => h !== '' && g.includes(h))) expect(ids.has(i), `${g} → ${sig.id}`).toBe(true);
    }
  });

  it('a guard scope gives the signatures the guard index gives', () => {
    const samples = GUARDS.map((g) => `error: ${g} (something)`);
    const scope = guardScope(samples.join('\n'));
    expect(samples.map((s) => matchSignatures(s, scope))).toEqual(samples.map((s) => matchSignatures(s)));
    // A scope of text without any guard tries no signature.
    expect(guardScope('Name: web\nStatus: Running').signatures).toEqual([]);
  });
});

describe('result cache', () => {
  it('a repeated message gives the same hits as the uncached index, as fresh objects', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (msgs, order) => {
          for (const k of [...msgs.keys(), ...order.map((o) => o % msgs.length)]) {
            const m = msgs[k] as string;
            const a = matchSignatures(m);
            expect(a).toEqual(matchIndexed(m));
            const b = matchSignatures(m);
            for (let i = 0; i < a.length; i++) expect(b[i]?.groups).not.toBe(a[i]?.groups);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hits of a real message repeat exactly', () => {
    const m =
      'pods is forbidden: User "system:serviceaccount:batch:api-sa" cannot list resource "pods" in API group "" in the namespace "batch"';
    expect(matchSignatures(m)).toEqual(matchIndexed(m));
    expect(matchSignatures(m)).toEqual(matchIndexed(m));
  });
});
