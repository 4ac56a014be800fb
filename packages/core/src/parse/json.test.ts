import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { say } from '../i18n/t.js';
import { readJson } from './json.js';
import type { Located } from './located.js';

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

/** Positions of the first value only (the recovering reader also returns what it read after it). */
const firstOf = (loc: Located): Located => ({ ...loc, values: loc.values.slice(0, 1) });

/**
 * Valid text is read natively; the same text followed by a stray `]` on a line of its own is refused by JSON.parse
 * and read by the recovering reader, which must give the same first value with the same positions.
 */
function expectSame(text: string): void {
  const native = readJson(text);
  const recovered = readJson(`${text}\n]`);
  expect(native.errors).toEqual([]);
  expect(recovered.errors.map((e) => e.code)).toEqual(['json_unparsed']);
  expect(native.values).toEqual(recovered.values);
  expect(positionsOf(native)).toEqual(positionsOf(firstOf(recovered)));
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

describe('readJson: the native and the recovering path give the same values and positions', () => {
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
    const loc = readJson(text);
    const items = (loc.values[0] as { items: object[] }).items;
    const first = items[0] as object;
    expect(loc.positions.get(first)).toMatchObject({ line: 4, end: 10 });
    expect(loc.positions.get(first)?.keys.get('message')).toBe(6);
  });

  test('text JSON.parse refuses: what came before the error is kept, the error is data', () => {
    expect(readJson('').values).toEqual([]);
    expect(readJson('{"a": 1} {"b": 2}')).toMatchObject({ values: [{ a: 1 }, { b: 2 }], errors: [] });
    expect(readJson('[1,\n2,\n').errors).toEqual([
      { code: 'json_truncated', message: { key: 'parser.jsonEndsBeforeValue' }, line: 3 },
    ]);
    expect(readJson("{'a': 1}").errors.map((e) => e.code)).toEqual(['json_unparsed']);
    expect(readJson('{"a": "line\nbreak"}').errors.map((e) => [e.code, e.line])).toEqual([['json_unparsed', 1]]);
    // Deeper than 512 levels: an error, even where JSON.parse would take it.
    expect(readJson(`${'['.repeat(600)}${']'.repeat(600)}`).errors.map((e) => say('en', e.message))).toEqual([
      'JSON nested too deeply',
    ]);
    expect(readJson(`${'['.repeat(100)}${']'.repeat(100)}`).errors).toEqual([]);
  });
});
