import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readJsonFast } from './json-fast.js';
import { readJsonLocated, type Located } from './located.js';

/** Every container's line, end line and key lines, in a walk of the values (the positions facts can ask for). */
function positionsOf(loc: Located): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== 'object' || v === null) return;
    const p = loc.positions.get(v);
    const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    out.push([path, p?.line, p?.end, keys.map((k) => [k, p?.keys.get(k)])]);
    for (const k of keys) walk((v as Record<string | number, unknown>)[k], `${path}/${k}`);
  };
  for (const v of loc.values) walk(v, '');
  return out;
}

function expectSame(text: string): void {
  const slow = readJsonLocated(text);
  const fast = readJsonFast(text);
  expect(slow.errors).toEqual([]);
  expect(fast).not.toBeNull();
  if (!fast) return;
  expect(fast.errors).toEqual([]);
  expect(fast.values).toEqual(slow.values);
  expect(positionsOf(fast)).toEqual(positionsOf(slow));
}

// Strings with what JSON escapes (quotes, backslashes, control characters, non-ASCII, surrogate pairs).
const tricky = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'a"b',
    'c\\d',
    'e\nf',
    '\t',
    'é',
    '💥',
    '\u2028',
    '"',
    '\\',
    '\\"',
    '0',
    '12',
    '__proto__',
    'constructor',
    '',
  ),
);
const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    tricky,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('readJsonFast gives the values and positions of readJsonLocated', () => {
  test('property: any JSON value, printed compact, indented or with blank lines and CRLF', () => {
    fc.assert(
      fc.property(jsonValue, fc.constantFrom(0, 2, 4, '\t'), fc.constantFrom('', '\n\n', '\r\n'), (v, indent, sep) => {
        const text = JSON.stringify(v, null, indent).replace(/\n/g, `${sep === '' ? '' : sep}\n`);
        expectSame(text);
      }),
      { numRuns: 1500 },
    );
  });

  test('duplicate keys: the last one wins (value and line), as in JSON.parse', () => {
    expectSame('{"a": {"x": {"p": 1}},\n "b": 2,\n "a": {"y": 2}}');
    expectSame('{"a": [1,\n2], "a": [3]}');
    expectSame('{"a": 1,\n"a": 2,\n"b": {\n"c": 3}}');
  });

  test('integer-like keys (enumerated first by JS), escaped keys and whitespace around colons', () => {
    expectSame('{"b": 1,\n"10": {"x": 1},\n"2": [true]}');
    expectSame('{"k\\"ey" \n : \n {"\\u0041": 1}, "plain": "v\\\\"}');
    expectSame(
      '[\n  {\n    "message": "pods \\"x\\" is forbidden: User \\"a\\" cannot get resource \\"pods\\"",\n    "é": "💥"\n  }\n]',
    );
  });

  test('an event list as kubectl prints it: item, key and end lines', () => {
    const text = JSON.stringify(
      {
        apiVersion: 'v1',
        items: [
          { kind: 'Event', message: 'a', involvedObject: { name: 'p' } },
          { kind: 'Event', reason: 'r' },
        ],
        kind: 'List',
      },
      null,
      4,
    );
    expectSame(text);
    const loc = readJsonFast(text);
    const items = (loc?.values[0] as { items: object[] }).items;
    const first = items[0] as object;
    expect(loc?.positions.get(first)).toMatchObject({ line: 4, end: 10 });
    expect(loc?.positions.get(first)?.keys.get('message')).toBe(6);
  });

  test('not one valid JSON value, or nested past the positional reader: null (the caller falls back)', () => {
    for (const t of ['', '  ', '{', '{"a": 1} {"b": 2}', '{"a": 1}\n]', '[1,]', "{'a': 1}", '{"a": "line\nbreak"}'])
      expect(readJsonFast(t)).toBeNull();
    expect(readJsonFast(`${'['.repeat(600)}${']'.repeat(600)}`)).toBeNull();
    expect(readJsonFast(`${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}`)).toBeNull();
    expect(readJsonFast(`${'['.repeat(100)}${']'.repeat(100)}`)).not.toBeNull();
  });
});
