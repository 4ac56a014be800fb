import fc from 'fast-check';
import { expect, test } from 'vitest';
import { patternProblem } from './pattern-check.js';

test.each([
  String.raw`admission webhook \\?"(?<scope>clusterwide|namespaced)-(?<policy>[\w-]+)\s?\.kubewarden\.admission\\?" denied the request(?:: (?<reason>[^\r\n]+))?`,
  String.raw`[Ee]xceeded quota:(?: (?<quota>[^,\s"\\]+)(?:, requested: (?<requested>[^,\s]+))?)?`,
  String.raw`denied by (?<hook>[a-z0-9-]{1,63})\.example\.com: (?<reason>[^"\r\n]{1,300})`,
  String.raw`\bpolicy (?<policy>[\w.-]+) den(?:y|ied)\b`,
  String.raw`^x[^"]*"[^"]*"$`,
])('accepts %s', (pattern) => {
  expect(patternProblem(pattern)).toBeNull();
});

test.each([
  ['(a+)+$', 'a group may only be optional'],
  ['(?:a|b)*c', 'a group may only be optional'],
  ['x.*a.*b', 'can also match what follows'],
  [String.raw`x\w+\s*\w+:`, 'can also match what follows'],
  ['a?a?a?aaa', 'can also match what follows'],
  ['x(?:deny|denied)', 'start alike'],
  ['x(?:a?|b?)', 'start alike'],
  ['(?=x)y', 'lookarounds'],
  [String.raw`(x)\1`, 'backreferences'],
  [String.raw`(?<a>x)\k<a>`, 'backreferences'],
  ['xa{1,5000}', 'over 1000'],
  ['x*', 'empty string'],
  ['(?:x)?', 'empty string'],
  ['', 'empty'],
  ['(x', 'does not compile'],
  ['x'.repeat(401), 'longer than'],
])('refuses %s', (pattern, why) => {
  expect(patternProblem(pattern)).toContain(why);
});

test('overlapping repetitions (the polynomial shapes) are refused; one stopped by what it cannot match is accepted', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('.', String.raw`\w`, '[a-z]', '[^"]'),
      fc.constantFrom('*', '+', '{0,50}'),
      (atom, q) => {
        expect(patternProblem(`x${atom}${q}${atom}${q}y`)).not.toBeNull();
        expect(patternProblem(`x${atom}${q}"`) === null).toBe(atom !== '.');
      },
    ),
  );
});

test('any string is answered without a throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (s) => {
      const r = patternProblem(s);
      expect(r === null || typeof r === 'string').toBe(true);
    }),
  );
});
