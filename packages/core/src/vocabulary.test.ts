import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareDiagnoses, WEAK_ERROR_BELOW } from './vocabulary.js';

const diagnosis = fc.record({
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  confidence: fc.integer({ min: 1, max: 99 }).map((n) => n / 100),
  ruleId: fc.constantFrom('a-rule', 'b-rule', 'c-rule'),
});

const order = (ds: { severity: 'error' | 'warning' | 'info'; confidence: number; ruleId: string }[]): string[] =>
  [...ds].sort(compareDiagnoses).map((d) => `${d.severity}@${d.confidence}`);

describe('compareDiagnoses', () => {
  test('a strong warning precedes speculative errors; a claimed error precedes every warning', () => {
    expect(
      order([
        { severity: 'error', confidence: 0.2, ruleId: 'a-rule' },
        { severity: 'error', confidence: 0.2, ruleId: 'b-rule' },
        { severity: 'warning', confidence: 0.75, ruleId: 'c-rule' },
        { severity: 'error', confidence: WEAK_ERROR_BELOW, ruleId: 'd-rule' },
        { severity: 'info', confidence: 0.9, ruleId: 'e-rule' },
      ]),
    ).toEqual(['error@0.5', 'warning@0.75', 'error@0.2', 'error@0.2', 'info@0.9']);
  });

  test('on equal confidence a weak error precedes the warning', () => {
    expect(
      order([
        { severity: 'warning', confidence: 0.3, ruleId: 'a-rule' },
        { severity: 'error', confidence: 0.3, ruleId: 'b-rule' },
      ]),
    ).toEqual(['error@0.3', 'warning@0.3']);
  });

  test('is a total order: antisymmetric and transitive', () => {
    fc.assert(
      fc.property(diagnosis, diagnosis, diagnosis, (a, b, c) => {
        expect(Math.sign(compareDiagnoses(a, b))).toBe(-Math.sign(compareDiagnoses(b, a)) || 0);
        if (compareDiagnoses(a, b) <= 0 && compareDiagnoses(b, c) <= 0)
          expect(compareDiagnoses(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  test('errors at or above the threshold come before everything else; infos last', () => {
    fc.assert(
      fc.property(fc.array(diagnosis, { maxLength: 12 }), (ds) => {
        const sorted = [...ds].sort(compareDiagnoses);
        const claimed = (d: (typeof ds)[number]): boolean => d.severity === 'error' && d.confidence >= WEAK_ERROR_BELOW;
        const firstOther = sorted.findIndex((d) => !claimed(d));
        if (firstOther >= 0) expect(sorted.slice(firstOther).some(claimed)).toBe(false);
        const firstInfo = sorted.findIndex((d) => d.severity === 'info');
        if (firstInfo >= 0) expect(sorted.slice(firstInfo).every((d) => d.severity === 'info')).toBe(true);
      }),
    );
  });
});
