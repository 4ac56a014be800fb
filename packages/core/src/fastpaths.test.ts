// Fast paths against the slow code they replace (kept here as the reference): for real input lines, and for lines
// mutated by fast-check (fragments of guards, prefixes, control characters, U+2028 …), both give the same result.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stripAnsi, toLines, type Line } from './input/lines.js';
import { matchPrompt } from './input/split.js';
import { matchField } from './parse/describe.js';
import { normaliseMessage, unquoteGo } from './parse/normalize.js';
import { SIGNATURES } from './parse/signatures.js';
import { corpusLines } from '../../../test-support/fixtures.js';

const SCALE = Number(process.env['FC_RUNS'] ?? '1');
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

const CORPUS = corpusLines();
const GUARDS = [...new Set(SIGNATURES.flatMap((s) => s.guard))];

/** A real line, a guard, or noise, spliced together: lines near the edges of what the fast paths decide on. */
const mutatedLine = fc
  .array(
    fc.oneof(
      fc.constantFrom(...CORPUS),
      fc.constantFrom(...GUARDS),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        ' ',
        '\t',
        '\u001b[31m',
        '\u0000',
        '\r',
        '\u2028',
        '"',
        '\\"',
        '$ ',
        '> ',
        '# ',
        'E0611 10:22:33.123456   12345 x.go:1] ',
        'Mar 01 10:00:00 host kubelet[1]: ',
      ),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .chain((parts) => fc.tuple(fc.constant(parts), fc.nat({ max: 8 })))
  .map(([parts, cut]) => {
    const s = parts.join('');
    // Sometimes cut a piece off either end, so guards and prefixes appear truncated.
    return cut % 3 === 0 ? s.slice(cut) : cut % 3 === 1 ? s.slice(0, Math.max(0, s.length - cut)) : s;
  });

/** toLines before the one-scan fast path: every line cleaned with three replaces. */
function toLinesSlow(text: string, source?: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let no = 1;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let raw = text.slice(start, end);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const clean = stripAnsi(raw)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\r/g, '')
      .replace(/[ \t]+$/, '');
    out.push({ no, text: clean, source });
    no++;
    start = end + 1;
    if (end === n) break;
  }
  if (out.length > 1 && out[out.length - 1]?.text === '' && text.endsWith('\n')) out.pop();
  return out;
}

describe('toLines (clean only lines with control characters) agrees with cleaning every line', () => {
  test('on mutated multi-line texts', () => {
    fc.assert(
      fc.property(
        fc.array(mutatedLine, { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\n\n'),
        fc.boolean(),
        (ls, eol, trailing) => {
          const text = ls.join(eol) + (trailing ? eol : '');
          expect(toLines(text, 'x')).toEqual(toLinesSlow(text, 'x'));
          expect(toLines(text)).toEqual(toLinesSlow(text));
        },
      ),
      { numRuns: runs(3000) },
    );
  });
  test('on edge cases', () => {
    for (const t of [
      '',
      '\n',
      '\r',
      '\r\n',
      'a\r',
      '\u001b[31mred\u001b[0m  \n  x \t',
      'a\u0000b\nc',
      'x\r\r\n\u007f',
      ' \t \n\u001b]8;;http://x\u0007l\u001b]8;;\u0007\n',
    ])
      expect(toLines(t)).toEqual(toLinesSlow(t));
  });
});

// normaliseMessage before the first-character test: every wrapper regex on every line.
const N_AUTH_PROMPT = /^Please enter (?:Username|Password): (?=[IWEF]\d{4} )/;
const N_JOURNALD = /^[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \S+ [\w.-]+\[\d+\]: /;
const N_KLOG = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [\w.-]+:\d+\] /;
const N_TERRAFORM_BOX = /^[│╷╵]\s?/;
const N_UNHANDLED = /^"Unhandled Error" err="((?:[^"\\]|\\.)*)"/;
const N_STRUCTURED_ERR = /^"[^"\\]*(?:\\.[^"\\]*)*" err="((?:[^"\\]|\\.)*)"/;
function normaliseMessageSlow(text: string): string {
  let s = text.replace(N_AUTH_PROMPT, '').replace(N_JOURNALD, '');
  s = s.replace(N_KLOG, '');
  s = s.replace(N_TERRAFORM_BOX, '');
  const un = N_UNHANDLED.exec(s);
  if (un?.[1] !== undefined) return unquoteGo(un[1]);
  const st = N_STRUCTURED_ERR.exec(s);
  if (st?.[1] !== undefined) return `${s.slice(0, s.indexOf(' err="'))}: ${unquoteGo(st[1])}`;
  return s;
}

// matchPrompt before the cheap pre-test: all seven prompt regexes on every line.
const P_KNOWN =
  /^(?:sudo\s+)?(?:kubectl|k|kc|kubecolor|oc|aws|eksctl|helm|terraform|tofu|cat|less|more|journalctl|curl|jq|yq|grep|egrep|export|echo|git|kubectl-[\w-]+|rbac-diagnose|docker|crictl|ctr|nerdctl|systemctl|tail|head|ssh|watch|aws-iam-authenticator|kubectx|kubens|k9s|stern|argocd|flux|kustomize|minikube|kind|vim|nano|env|printenv|source|\.|python3?|node|npm|pnpm|make)\b/;
const P_USER_HOST =
  /^(?:\([^()\n]{0,80}\)\s*)?(?:\[[^\]\n]{0,120}\]\s*)?[\w.-]{1,64}@[\w.-]{1,64}(?::[^\s$#%>]{0,200}|\s[~/][^\s$#%>]{0,200})?\s*[$#%>]\s+(\S.*)$/;
const P_BRACKET = /^\[[\w.-]{1,64}@[\w.-]{1,64}[^\]\n]{0,120}\][$#%]\s*(\S.*)$/;
const P_CONTEXT = /^\([^()\n]{0,80}\)\s*(?:[\w.:~/-]{0,120}\s*)?[$#%>❯]\s+(\S.*)$/;
const P_SIMPLE = /^\s{0,4}(?:[$%>❯λ]|PS [^>\n]{0,200}>)\s+(\S.*)$/;
const P_HASH = /^#\s+(\S.*)$/;
const P_ARROW = /^[~/.\w-][^\s]{0,200}\s+[»❯]\s+(\S.*)$/;
const P_ZSH = /^➜\s+\S{1,120}\s+(?:git:\([^)\n]{0,80}\)\s+)?(?:✗\s+)?(\S.*)$/;
function matchPromptSlow(text: string): string | null {
  let m = P_USER_HOST.exec(text) ?? P_BRACKET.exec(text) ?? P_CONTEXT.exec(text) ?? P_ZSH.exec(text);
  if (m?.[1]) return m[1].trim();
  m = P_SIMPLE.exec(text);
  if (m?.[1]) {
    const cmd = m[1].trim();
    if (text.trimStart().startsWith('$') || P_KNOWN.test(cmd)) return cmd;
    return null;
  }
  m = P_HASH.exec(text) ?? P_ARROW.exec(text);
  if (m?.[1] && P_KNOWN.test(m[1])) return m[1].trim();
  return null;
}

// describe's FIELD regex, which matchField replaces.
const FIELD = /^( *)([A-Za-z][\w .()/-]{0,60}?):(?:[ \t]+([^]*))?$/;
const LINE: Line = { no: 1, text: '', source: undefined };
function matchFieldSlow(t: string): { key: string; value: string; indent: number; line: Line } | null {
  const f = FIELD.exec(t);
  if (f?.[2] === undefined) return null;
  return { key: f[2].trim(), value: (f[3] ?? '').trim(), indent: f[1]?.length ?? 0, line: LINE };
}

/** Describe-like keys and prompt-like starts, to reach the branches a random string rarely does. */
const shapedLine = fc.oneof(
  mutatedLine,
  fc
    .tuple(
      fc.constantFrom(
        '',
        ' ',
        '  ',
        '    ',
        '\t',
        '$ ',
        '> ',
        '% ',
        '# ',
        '❯ ',
        'λ ',
        'PS C:\\> ',
        'user@host:~$ ',
        '[ec2-user@ip-10 ~]$ ',
        '(venv) ~/src $ ',
        '➜  repo git:(main) ✗ ',
        '~/bin » ',
        '│ ',
        '"Unhandled Error" err="',
        '"msg" err="',
        'Please enter Username: ',
        'E0611 10:22:33.123456   12345 x.go:1] ',
        'Mar 01 10:00:00 host kubelet[1]: ',
      ),
      fc.constantFrom(
        'Name',
        'Restart Count',
        'a'.repeat(61),
        'a'.repeat(62),
        'Key (x)/y.z-w_1',
        'kubectl get pods',
        'k describe po x',
        'Conditions',
        '9x',
        '',
      ),
      fc.constantFrom(':', ': ', ':\t', ':  v  ', ':x', '::', ': \u2028', '', ' :', ':\u00a0v\u00a0'),
      fc.string({ maxLength: 10 }),
    )
    .map(([a, b, c, d]) => a + b + c + d),
);

describe('first-character fast paths agree with the regexes they skip', () => {
  test('normaliseMessage', () => {
    for (const l of CORPUS) expect(normaliseMessage(l), l).toBe(normaliseMessageSlow(l));
    fc.assert(
      fc.property(shapedLine, (s) => {
        expect(normaliseMessage(s)).toBe(normaliseMessageSlow(s));
      }),
      { numRuns: runs(3000) },
    );
  });
  test('matchPrompt', () => {
    for (const l of CORPUS) expect(matchPrompt(l), l).toBe(matchPromptSlow(l));
    fc.assert(
      fc.property(shapedLine, (s) => {
        expect(matchPrompt(s)).toBe(matchPromptSlow(s));
      }),
      { numRuns: runs(3000) },
    );
  });
  test('matchField (describe fields by hand) agrees with FIELD', () => {
    for (const l of CORPUS) expect(matchField(l, LINE), l).toEqual(matchFieldSlow(l));
    fc.assert(
      fc.property(shapedLine, (s) => {
        expect(matchField(s, LINE)).toEqual(matchFieldSlow(s));
      }),
      { numRuns: runs(3000) },
    );
  });
});
