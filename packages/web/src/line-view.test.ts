import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineView } from './line-view.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ no: i + 1, text: `line ${i + 1}` }));

describe('lineView', () => {
  it('shows a short input whole, its evidence lines marked', () => {
    expect(lineView(lines(3), new Set([2]), { maxWhole: 10, context: 1 })).toEqual([
      { kind: 'line', no: 1, text: 'line 1', marked: false },
      { kind: 'line', no: 2, text: 'line 2', marked: true },
      { kind: 'line', no: 3, text: 'line 3', marked: false },
    ]);
  });

  it('shows a long input around its evidence, counting what it skips', () => {
    const rows = lineView(lines(20), new Set([5, 6, 18]), { maxWhole: 10, context: 1 });
    expect(rows.map((r) => (r.kind === 'gap' ? `…${r.count}` : `${r.no}${r.marked ? '*' : ''}`))).toEqual([
      '…3',
      '4',
      '5*',
      '6*',
      '7',
      '…9',
      '17',
      '18*',
      '19',
      '…1',
    ]);
  });

  it('accounts for every line once, shown or skipped (property)', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.uniqueArray(fc.integer({ min: 1, max: 300 })), fc.nat(5), (n, marks, context) => {
        const rows = lineView(lines(n), new Set(marks), { maxWhole: 50, context });
        const total = rows.reduce((sum, r) => sum + (r.kind === 'gap' ? r.count : 1), 0);
        expect(total).toBe(n);
        for (const r of rows) if (r.kind === 'line') expect(r.marked).toBe(marks.includes(r.no));
        for (const m of marks) if (m <= n) expect(rows.some((r) => r.kind === 'line' && r.no === m)).toBe(true);
      }),
    );
  });
});
