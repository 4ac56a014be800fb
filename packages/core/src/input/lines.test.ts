import fc from 'fast-check';
import { expect, test } from 'vitest';
import { stripAnsi, toLines } from './lines.js';

test('CRLF, ANSI colour, trailing spaces and a final newline', () => {
  expect(toLines('a \r\n\u001b[33;1mWarning:\u001b[0m b\t\nc\n')).toEqual([
    { no: 1, text: 'a', source: undefined },
    { no: 2, text: 'Warning: b', source: undefined },
    { no: 3, text: 'c', source: undefined },
  ]);
});

test('empty input is one empty line', () => {
  expect(toLines('')).toEqual([{ no: 1, text: '', source: undefined }]);
});

test('property: one Line per physical line, numbered in order, text = the line without colour and trailing blanks', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
        { minLength: 1, maxLength: 30 },
      ),
      (raw) => {
        const lines = toLines(raw.join('\n'));
        expect(lines).toHaveLength(raw.length === 1 || raw.at(-1) !== '' ? raw.length : raw.length - 1);
        lines.forEach((l, i) => {
          expect(l.no).toBe(i + 1);
          expect(l.text).toBe(
            stripAnsi(raw[i] ?? '')
              .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
              .replace(/[ \t]+$/, ''),
          );
        });
      },
    ),
    { numRuns: 2000 },
  );
});
