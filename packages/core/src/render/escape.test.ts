import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { expect, test } from 'vitest';
import { markdownCode, markdownProse, printable } from './escape.js';

// GitHub's flavour as far as it matters here: raw HTML allowed, bare URLs not turned into links.
const md = new MarkdownIt({ html: true, linkify: false });

/** The inline tokens a Markdown viewer makes of one paragraph. */
function inline(source: string): { type: string; content: string }[] {
  const tokens = md.parse(source, {});
  return tokens.flatMap((t) => (t.type === 'inline' ? (t.children ?? []) : [])).map((t) => t);
}

const HOSTILE = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(
        '[x](https://evil.example)',
        '![t](https://evil.example/p.png)',
        '<img src=x onerror=alert(1)>',
        '<!--',
        '-->',
        '<https://evil.example>',
        '&lt;',
        '&#60;',
        '`',
        '``',
        '\\',
        '|',
        '\u202e',
        '\u200b',
        '\u2028',
        '\u0085',
        '\u001b]8;;https://evil.example\u001b\\',
        'alice',
        ' ',
      ),
      { maxLength: 8 },
    )
    .map((a) => a.join('')),
);

test('printable: no control, format or line-separator character survives, and a second pass changes nothing', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      const p = printable(s);
      expect(p.replace(/\t/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u);
      expect(printable(p)).toBe(p);
    }),
    { numRuns: 500 },
  );
});

test('property: a value in prose renders as text and code only: no link, image, HTML, comment or entity of its own', () => {
  fc.assert(
    fc.property(HOSTILE, (v) => {
      const source = markdownProse(`No RBAC rule lets ${v} list \`pods --as=${v}\` in dev`);
      for (const t of inline(source)) expect(['text', 'code_inline', 'softbreak']).toContain(t.type);
    }),
    { numRuns: 1000 },
  );
});

test('property: text outside code spans reads back as the value itself (printable)', () => {
  fc.assert(
    fc.property(
      // Line breaks in prose come from the templates (a value's are escaped before it reaches prose).
      HOSTILE.filter((v) => !v.includes('`') && !v.includes('\n')),
      (v) => {
        const shown = inline(markdownProse(`user ${v} was denied`))
          .map((t) => (t.type === 'softbreak' ? '\n' : t.content))
          .join('');
        expect(shown).toBe(`user ${printable(v)} was denied`.trim());
      },
    ),
    { numRuns: 500 },
  );
});

test('property: a code span holds exactly the text, whatever backticks it contains', () => {
  fc.assert(
    fc.property(
      HOSTILE.filter((v) => v.trim() !== ''),
      (v) => {
        const tokens = inline(markdownCode(v));
        expect(tokens.map((t) => t.type)).toEqual(['code_inline']);
        // The padding a fence needs (one space at each end) is dropped by CommonMark: the content is the text exactly.
        const content = tokens[0]?.content ?? '';
        expect(content).toBe(printable(v.replace(/\n/g, ' ')));
      },
    ),
    { numRuns: 500 },
  );
});

test('the rule texts keep their code spans; markdown syntax of a value is shown, not obeyed', () => {
  expect(markdownProse('Run `kubectl auth can-i <verb>` as [x](https://e)')).toBe(
    'Run `kubectl auth can-i <verb>` as \\[x\\](https://e)',
  );
  expect(markdownProse('a <!-- b')).toBe('a &lt;!-- b');
  expect(markdownCode('a`b')).toBe('`` a`b ``');
});
