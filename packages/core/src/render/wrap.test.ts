import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { terminalLayout, wrapCommand, wrapLine, wrapParts, type Layout } from './wrap.js';

const terminal = await terminalLayout(80);
const displayWidth = terminal.measure;
/** The test terminal at another width. */
const at = (columns: number): Layout => ({ ...terminal, columns });

const SGR_ALL = /\u001b\[[0-9;]*m/g;
const graphemes = (s: string): string[] =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s.replace(SGR_ALL, ''))]
    .map((g) => g.segment)
    .filter((g) => !/^[ \t]+$/.test(g));

// Words a terminal shows in very different widths: ASCII, CJK, kana with prolonged and small marks, Japanese
// punctuation, emoji (ZWJ family, flag, skin tone, keycap), combining accents, a character outside the BMP (a
// surrogate pair), and colour sequences in the middle of words.
const TOKENS = [
  'kubectl',
  'node(s)',
  'arn:aws:iam::123456789012:role/sample-rolename',
  'ノード',
  'IAM',
  'ロールがマッピングされていない可能性があります。',
  '「aws-auth」',
  'アクセスエントリ、',
  'ユーザー',
  'ちょっと',
  '👨‍👩‍👧',
  '🇯🇵',
  '👍🏽',
  '1️⃣',
  'e\u0301te\u0301',
  '𠮷野家',
  '\u001b[1m太字\u001b[22m',
  'a\u001b[31mred\u001b[39m',
  '(読み取りのみ)',
  'x',
];

const text = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('', ' ', ' ', '  ', '\t')), {
    minLength: 1,
    maxLength: 40,
  })
  .map((parts) =>
    parts
      .map(([t, s]) => t + s)
      .join('')
      .trim(),
  )
  .filter((s) => s !== '');

describe('wrapLine', () => {
  test('property: every line fits the width unless it holds one unbreakable piece; nothing is lost, split or reordered', () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 8, max: 60 }),
        fc.constantFrom('', '   ', '  17 │ ', '確認: '),
        (s, room, pad) => {
          const width = displayWidth(pad) + room;
          const lines = wrapLine(s, at(width), pad, pad);
          const contents = lines.map((l) => {
            expect(l.startsWith(pad)).toBe(true);
            return l.slice(pad.length);
          });
          for (const c of contents) {
            expect(c).not.toMatch(/^[ \t]|[ \t]$/);
            if (displayWidth(pad + c) > width) {
              // An overflowing line is a single piece: no blank in it, and no break the wrapper could have used.
              expect(c).not.toMatch(/[ \t]/);
              expect(wrapLine(c, at(displayWidth(pad) + 1), pad, pad)).toEqual([pad + c]);
            }
          }
          // The graphemes of each line, in order, are those of the text: no cluster (surrogate pair, combining mark,
          // ZWJ sequence, flag) is cut across two lines, nothing is added or dropped.
          expect(contents.flatMap(graphemes)).toEqual(graphemes(s));
          // Colour sequences are never cut.
          expect(contents.flatMap((c) => c.match(SGR_ALL) ?? [])).toEqual(s.match(SGR_ALL) ?? []);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('property: text without wide characters breaks only at blanks and gives back its words', () => {
    const word = fc.stringMatching(/^[!-~]{1,20}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 10, max: 80 }), (ws, width) => {
        const lines = wrapLine(ws.join(' '), at(width), '  ', '    ');
        expect(lines.flatMap((l) => l.trim().split(' '))).toEqual(ws);
        for (const l of lines) if (l.length > width) expect(l.trim()).not.toContain(' ');
      }),
    );
  });

  test('Japanese wraps at the edge between characters, keeping kinsoku: no line starts with 。、」 or ends with 「', () => {
    const ja =
      'Pod が Pending のままなのは、すべてのノード (2 台中 2 台) が Ready でないためです。EKS で全ノードが同時にこうなる最も多い原因は、ノードインスタンスロールが aws-auth に無い (または EC2_LINUX のアクセスエントリが無い) ことです。「kubectl describe node」で Ready=Unknown を確認してください。';
    for (const width of [20, 33, 47, 60, 80, 100]) {
      const lines = wrapLine(ja, at(width), '   ', '   ');
      for (const l of lines) {
        expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(l.slice(3)).not.toMatch(/^[。、」）]/);
        expect(l).not.toMatch(/[「（]$/);
      }
      // Lines are filled: what starts the next line would not have fitted at the end of this one.
      lines.slice(0, -1).forEach((l, i) => {
        const next = (lines[i + 1] ?? '').slice(3);
        const unit = /^[「（]*[!-~]*(?:[^ !-~][。、」）)ーっゃゅょ]*)?/u.exec(next)?.[0] ?? '';
        expect(displayWidth(l) + 1 + displayWidth(unit)).toBeGreaterThan(width);
      });
      expect(
        lines
          .map((l) => l.slice(3))
          .join('')
          .replace(/ /g, ''),
      ).toBe(ja.replace(/ /g, ''));
    }
  });

  test('a word longer than a line stays whole on a line of its own', () => {
    const arn = 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef';
    expect(wrapLine(`mapped as ${arn} here`, at(40), '', '  ')).toEqual(['mapped as', `  ${arn}`, '  here']);
  });

  test('no layout (pipes, files): the line as it is', () => {
    const long = 'x '.repeat(200).trim();
    expect(wrapLine(long, undefined, '> ', '  ')).toEqual([`> ${long}`]);
  });
});

describe('wrapParts', () => {
  test('breaks between parts only, the line ending with the joiner mark', () => {
    const parts = [
      'node IAM role ✔',
      'aws-auth / access entry ✘',
      'kubelet joins ·',
      'node Ready (CNI) ·',
      'pod scheduled ·',
    ];
    const lines = wrapParts(parts, ' → ', at(62), 'chain: ', '       ');
    expect(lines).toEqual([
      'chain: node IAM role ✔ → aws-auth / access entry ✘ →',
      '       kubelet joins · → node Ready (CNI) · → pod scheduled ·',
    ]);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(62);
  });

  test('measures display width: Japanese links take two columns a character', () => {
    const parts = ['ノード IAM ロール ✔', 'aws-auth / アクセスエントリ ✘', 'kubelet の参加 ·'];
    const lines = wrapParts(parts, ' → ', at(60), '経路: ', '      ');
    expect(lines).toEqual(['経路: ノード IAM ロール ✔ → aws-auth / アクセスエントリ ✘ →', '      kubelet の参加 ·']);
  });
});

/**
 * What bash makes of each command: the arguments printf receives, one per line, from one bash process for all of them:
 * a process per command made the property's time depend on how loaded the machine is.
 */
function shellArgs(commands: readonly string[]): string[] {
  const script = commands.map((c, i) => `printf '@@%d@@\\n' ${i}\n${c}\n`).join('') + `printf '@@end@@\\n'\n`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const parts = r.stdout.split(/^@@(?:\d+|end)@@\n/m);
  expect(parts.length).toBe(commands.length + 2);
  return parts.slice(1, -1);
}

describe('wrapCommand', () => {
  const arg = fc.oneof(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/),
    fc.stringMatching(/^--[a-z]{1,10}$/),
    fc.stringMatching(/^--[a-z]{1,8}=[a-z0-9:/]{1,30}$/),
    fc.stringMatching(/^[a-z :|{}.[\]-]{1,30}$/).map((s) => `'${s}'`),
    fc.stringMatching(/^[a-z '|{}-]{1,20}$/).map((s) => `"${s}\\"x"`),
    fc.stringMatching(/^[a-z]{1,6} [a-z]{1,6}$/).map((s) => `"$(echo ${s})"`),
    fc.stringMatching(/^[a-z]{1,8}$/).map((s) => `a\\ ${s}`),
  );

  test('property: the shell reads the wrapped command as the same arguments; lines fit unless one argument is too long', () => {
    const samples = fc.sample(
      fc.tuple(
        fc.array(arg, { minLength: 1, maxLength: 12 }),
        fc.option(fc.stringMatching(/^[a-z ]{1,20}$/)),
        fc.integer({ min: 16, max: 70 }),
      ),
      60,
    );
    const cases = samples.map(([args, comment, width]) => {
      const command = `printf '<%s>\\n' ${args.join(' ')}${comment === null ? '' : `   # ${comment}`}`;
      return { command, width, lines: wrapCommand(command, at(width), '', '') };
    });
    const read = shellArgs(cases.flatMap((c) => [c.command, c.lines.join('\n')]));
    for (const [n, { command, width, lines }] of cases.entries()) {
      expect(read[2 * n + 1], `${command} wrapped at ${width}`).toBe(read[2 * n]);
      for (const [i, l] of lines.entries()) {
        const more = i < lines.length - 1;
        if (more) expect(l).toMatch(/ \\$/);
        // A line too long holds one argument (or an option with its value): nothing left to break.
        const content = (more ? l.slice(0, -2) : l).trim();
        if (displayWidth(l) > width) expect(wrapCommand(content, at(1), '', '')).toEqual([content]);
      }
    }
  });

  test('an option stays with its value; a continued line keeps its place', () => {
    const command =
      "eksctl create iamidentitymapping --cluster <cluster-name> --region <region> \\\n  --arn arn:aws:iam::<ACCOUNT_ID>:role/<node-instance-role> --username 'system:node:{{EC2PrivateDNSName}}' \\\n  --group system:bootstrappers --group system:nodes --no-duplicate-arns";
    expect(wrapCommand(command, at(90), '       $ ', '         ')).toEqual([
      '       $ eksctl create iamidentitymapping --cluster <cluster-name> --region <region> \\',
      '           --arn arn:aws:iam::<ACCOUNT_ID>:role/<node-instance-role> \\',
      "           --username 'system:node:{{EC2PrivateDNSName}}' \\",
      '           --group system:bootstrappers --group system:nodes --no-duplicate-arns',
    ]);
  });

  test('here-documents and the lines after them are kept as they are', () => {
    const command = `cat > trust.json <<'JSON'\n{ "Statement": [{ "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {} }] }\nJSON\naws iam update-assume-role-policy --role-name some-role --policy-document file://trust.json`;
    expect(wrapCommand(command, at(40), '', '')).toEqual(command.split('\n'));
  });

  test('a comment is never cut: it moves to a line of its own', () => {
    const command =
      'ROLE_ARN=$(aws iam get-role --role-name x --query Role.Arn --output text)   # the ARN with its path';
    expect(wrapCommand(command, at(80), '$ ', '  ')).toEqual([
      '$ ROLE_ARN=$(aws iam get-role --role-name x --query Role.Arn --output text) \\',
      '    # the ARN with its path',
    ]);
  });
});
