import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonPieces } from './output.js';

const json = (v: Record<string, unknown>): string => `${JSON.stringify(v, null, 2)}\n`;

describe('a JSON report in pieces', () => {
  test('the pieces joined are JSON.stringify(value, null, 2) and a newline', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()))), (v) => {
        expect([...jsonPieces(v)].join('')).toBe(json(v));
      }),
      { numRuns: 300 },
    );
  });

  test('fields JSON.stringify leaves out, empty objects and arrays, line breaks inside strings', () => {
    for (const v of [
      {},
      { a: undefined, b: [] },
      { a: [], b: {}, c: [undefined, null, 'x\ny', { d: [1, { e: 'f\n' }] }] },
      { s: 'a\n  b', n: [1, 2, 3] },
    ])
      expect([...jsonPieces(v)].join('')).toBe(json(v));
  });

  test('a long array gives several pieces, each about a mebibyte, that join to the whole', () => {
    const v = {
      schemaVersion: 1,
      inputs: Array.from({ length: 5000 }, (_, i) => ({ line: i, text: 'x'.repeat(600) })),
    };
    const pieces = [...jsonPieces(v)];
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeLessThan(2 * 1024 * 1024);
    expect(pieces.join('')).toBe(json(v));
  });
});
