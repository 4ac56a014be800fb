import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { listCaptures, listPublicPastes } from '../../../test-support/fixtures.js';
import { beginInput, finishReading, newReading, readText, type ReadResult } from './reading.js';

function read(text: string, listStreamAfter?: number): Omit<ReadResult, 'bindings'> {
  const r = newReading({ maxInputChars: Number.POSITIVE_INFINITY, ...(listStreamAfter ? { listStreamAfter } : {}) });
  beginInput(r);
  readText(r, text);
  const { bindings: _bindings, ...rest } = finishReading(r);
  return rest;
}

// Every real JSON list (kubectl get -o json) read item by item from its first item on.
const lists = [...listCaptures(), ...listPublicPastes()]
  .map((c) => ({ name: c.path, text: readFileSync(c.path, 'utf8') }))
  .filter((c) => /^\s*"items": \[$/m.test(c.text));

test('the captures hold JSON lists', () => {
  expect(lists.length).toBeGreaterThan(5);
});

test.each(lists.map((l) => [l.name.replace(/.*fixtures\//, ''), l.text]))(
  '%s: a list read item by item gives the facts, issues, sections and cited lines of the list read whole',
  (_name, text) => {
    expect(read(text, 1)).toEqual(read(text));
  },
);
