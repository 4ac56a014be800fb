import fc from 'fast-check';
import { parse } from 'shell-quote';
import { expect, test } from 'vitest';
import { contextAt, quoteIn, shellQuote } from './shell.js';

test('property: any string quoted as a word reads back as exactly that one word', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 10 }), (value, other) => {
      const words = parse(`kubectl get ${shellQuote(value)} ${shellQuote(other)}`);
      expect(words).toEqual(['kubectl', 'get', value, other]);
    }),
    { numRuns: 3000 },
  );
});

test('property: a value inside single quotes stays inside its word', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
      const words = parse(`grep -F 'x${quoteIn('single', value) ?? ''}y' z`);
      expect(words).toEqual(['grep', '-F', `x${value}y`, 'z']);
    }),
    { numRuns: 2000 },
  );
});

test('names and ARNs stay bare; anything special is single-quoted', () => {
  expect(shellQuote('arn:aws:iam::111122223333:role/team/dev/Admin')).toBe(
    'arn:aws:iam::111122223333:role/team/dev/Admin',
  );
  expect(shellQuote('system:serviceaccount:apps:api')).toBe('system:serviceaccount:apps:api');
  expect(shellQuote('a$(id)')).toBe("'a$(id)'");
  expect(shellQuote("it's")).toBe("'it'\\''s'");
  expect(quoteIn('plain', '')).toBe("''");
  expect(quoteIn('double', 'a"$`\\b')).toBe('a\\"\\$\\`\\\\b');
  expect(quoteIn('heredoc', 'oidc.eks.eu-west-1.amazonaws.com/id/ABC')).toBe('oidc.eks.eu-west-1.amazonaws.com/id/ABC');
  expect(quoteIn('heredoc', 'a"b')).toBeNull();
  expect(quoteIn('heredoc', 'a\nJSON')).toBeNull();
});

test('the context of each position: quotes, $( ) inside double quotes, quoted here-documents', () => {
  const t = `a X 'b X' "c X $(d X) X" e\ncat > f <<'JSON'\n{"k": "X"}\nJSON\ng X`;
  const at = [...t.matchAll(/X/g)].map((m) => m.index);
  expect(contextAt(t, at)).toEqual(['plain', 'single', 'double', 'plain', 'double', 'heredoc', 'plain']);
  expect(contextAt("a \\' X", [5])).toEqual(['plain']);
});
