// Hardness: every exported parser scans its input a bounded number of times, and diagnose() turns hostile input into
// a report (or a clear issue), never a throw or a hang. Work is counted, not timed (test-support/work.ts): characters
// scanned by regexes and string searches, the same on any machine. Backtracking inside one regex is what the count
// cannot see; bench/regex-pump.mjs (timed) and bench/redos-audit.mjs (static) check every regex for it.
import * as yaml from 'yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { scannedChars } from '../../../test-support/work.js';
import { canonicalArn, parseArn } from './aws/arn.js';
import { diagnose } from './diagnose.js';
import { extractFacts } from './facts/extract.js';
import { say } from './i18n/t.js';
import { toLines, type Line } from './input/lines.js';
import { matchPrompt, splitSections } from './input/split.js';
import { parseAwsAuth } from './sync-yaml.js';
import { parseDescribe, parseEventRow } from './parse/describe.js';
import { classifySubject, parseForbidden } from './parse/forbidden.js';
import { normaliseMessage, unquoteGo } from './parse/normalize.js';
import { parseFitError } from './parse/scheduler.js';
import { matchSignatures, newSignatureMatcher, SIGNATURES } from './parse/signatures.js';
import { parseTable } from './parse/table.js';
import { readYaml, readYamlValue } from './parse/yaml.js';
import type { Issue } from './report.js';
import { slug } from './remediation/rbac.js';

const MB = 1024 * 1024;
/** Characters scanned per input character that a linear pass stays under (regexes and searches per line add up). */
const PASSES = 64;
const line = (text: string, no = 1): Line => ({ no, text });
const linesOf = (text: string): Line[] => toLines(text);

test('the count tells a linear pass from a quadratic one', () => {
  const text = (n: number): string => 'some line of text\n'.repeat(n);
  const linear = (t: string): number => t.split('\n').filter((l) => /error/.test(l)).length;
  // Searches everything before each line again: what a parser must never do.
  const quadratic = (t: string): number => {
    let n = 0;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) if (t.slice(0, i).includes('error')) n++;
    return n;
  };
  for (const [fn, linearly] of [
    [linear, true],
    [quadratic, false],
  ] as const) {
    const small = scannedChars(() => fn(text(1000)));
    const large = scannedChars(() => fn(text(4000)));
    expect(large <= 5 * small, `${fn.name}: ${small} → ${large}`).toBe(linearly);
  }
});

describe('exported parsers scan their input a bounded number of times', () => {
  const cases: [string, () => unknown, number][] = [
    ['toLines: 5 MB single line', () => toLines('x'.repeat(5 * MB)), 5 * MB],
    ['toLines: 1 MB of ANSI escape starts', () => toLines('\u001b['.repeat(MB / 2) + 'm'), MB],
    ['toLines: 1 MB of unterminated OSC', () => toLines('\u001b]'.repeat(MB / 2)), MB],
    ['matchPrompt: 1 MB of spaces after $', () => matchPrompt(`$${' '.repeat(MB)}x\u2028`), MB],
    ['matchPrompt: user@host with 1 MB of dots', () => matchPrompt(`a@${'.'.repeat(MB)}`), MB],
    ['matchPrompt: 1 MB of (', () => matchPrompt('('.repeat(MB)), MB],
    ['matchPrompt: ➜ and 1 MB of spaces', () => matchPrompt(`➜ ${' '.repeat(MB)}`), MB],
    [
      'splitSections: 50k prompt-like lines',
      () =>
        splitSections(
          linesOf(Array.from({ length: 50000 }, (_, i) => `user@host:~$ kubectl get pods ${i}`).join('\n')),
        ),
      1.6 * MB,
    ],
    ['parseForbidden: User " + 1 MB', () => parseForbidden(`User "${'a'.repeat(MB)} cannot `), MB],
    ['parseForbidden: repeated a" 1 MB', () => parseForbidden(`User "${'a"'.repeat(MB / 2)} cannot get`), MB],
    ['parseForbidden: repeated escapes 1 MB', () => parseForbidden(`User \\"${'\\\\'.repeat(MB / 2)} cannot get`), MB],
    [
      'parseForbidden: long prefix before is forbidden',
      () =>
        parseForbidden(
          `${'a.'.repeat(MB / 2)} "x" is forbidden: User "u" cannot get resource "pods" in API group "" in the namespace "${'n'.repeat(MB / 4)}`,
        ),
      MB,
    ],
    ['parseForbidden: 100k denials on one line', () => parseForbidden('User "u" cannot get '.repeat(50000)), MB],
    [
      'classifySubject: 1 MB service account',
      () => classifySubject(`system:serviceaccount:${'a-'.repeat(MB / 2)}`),
      MB,
    ],
    [
      'parseFitError: 200k histogram items',
      () => parseFitError(`0/3 nodes are available: ${'1 node(s) had taint, '.repeat(50000)}`),
      MB,
    ],
    ['parseFitError: 1 MB of commas', () => parseFitError(`0/3 nodes are available: 1${', '.repeat(MB / 2)}`), MB],
    [
      'parseFitError: legacy, 1 MB',
      () =>
        parseFitError(
          `No nodes are available that match all of the following predicates:: ${'Insufficient cpu (1), '.repeat(40000)}`,
        ),
      MB,
    ],
    [
      'normaliseMessage: unclosed klog err=" + 1 MB of \\"',
      () => normaliseMessage(`"Unhandled Error" err="${'\\"'.repeat(MB / 2)}`),
      MB,
    ],
    [
      'normaliseMessage: structured with 1 MB of quotes',
      () => normaliseMessage(`"${'a\\"'.repeat(MB / 3)} err="x`),
      MB,
    ],
    ['unquoteGo: 1 MB of escapes', () => unquoteGo('\\"'.repeat(MB / 2)), MB],
    [
      'matchSignatures: each guard followed by 20 kB of spaces',
      () => {
        const matcher = newSignatureMatcher();
        return SIGNATURES.flatMap((s) =>
          s.guard.map((g) => matchSignatures(matcher, `${g}${' '.repeat(20000)}\u2028`)),
        );
      },
      SIGNATURES.reduce((n, s) => n + s.guard.length, 0) * 20000,
    ],
    [
      'parseTable: a row with 2 MB of spaces',
      () => parseTable(linesOf(`NAME   READY   STATUS\nweb${' '.repeat(2 * MB)}0/1   Pending`)),
      2 * MB,
    ],
    [
      'parseTable: squashed header, 1 MB row',
      () => parseTable(linesOf(`NAME READY STATUS\n${'a '.repeat(MB / 2)}`)),
      MB,
    ],
    [
      'parseDescribe: a field with 2 MB of spaces and a line separator',
      () => parseDescribe([line(`Name: ${' '.repeat(2 * MB)}\u2028x`)]),
      2 * MB,
    ],
    [
      'parseDescribe: 50k-line events table',
      () =>
        parseDescribe(
          linesOf(
            `Events:\n  Type  Reason  Age  From  Message\n${'  Warning  BackOff  1s (x2 over 3s)  kubelet  Back-off\n'.repeat(50000)}`,
          ),
        ),
      2.7 * MB,
    ],
    [
      'parseEventRow: 1 MB of tokens',
      () => parseEventRow(`Warning ${'x '.repeat(MB / 2)}`, { from: 30, message: 40 }),
      MB,
    ],
    [
      'parseAwsAuth: 1 MB mapRoles value',
      () =>
        parseAwsAuth(
          linesOf(
            `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\ndata:\n  mapRoles: |\n    - rolearn: ${'arn:'.repeat(MB / 4)}\n`,
          ),
        ),
      MB,
    ],
    [
      'parseAwsAuth: describe form, 1 MB of ====',
      () =>
        parseAwsAuth(
          linesOf(`Name: aws-auth\nNamespace: kube-system\nData\n${'='.repeat(MB)}\nmapRoles:\n----\n- rolearn: x`),
        ),
      MB,
    ],
    [
      'readYaml: alias bomb (billion laughs)',
      () =>
        readYaml(
          yaml,
          `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n`,
        ),
      1000,
    ],
    [
      'readYaml: custom tags are not constructed',
      () =>
        readYaml(
          yaml,
          'a: !!js/function "function(){ throw new Error(1) }"\nb: !Ref Foo\nc: !!python/object:os.system [ls]\n',
        ),
      100,
    ],
    ['readYaml: 100k nested [ (refused before parsing: see below)', () => readYaml(yaml, '['.repeat(100000)), 100000],
    ['readYaml: 100k nested - (block sequences on one line)', () => readYaml(yaml, `${'- '.repeat(100000)}x`), 200000],
    [
      'readYaml: 2,000 levels of block indentation',
      () => readYaml(yaml, Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')),
      2000 * 1000,
    ],
    ['readYamlValue: 1 MB of unclosed quotes', () => readYamlValue(yaml, `"${'a'.repeat(MB)}`), MB],
    ['slug: 1 MB of dots and dashes', () => slug(`${'.-'.repeat(MB / 2)}x`), MB],
    [
      'parseArn / canonicalArn: 1 MB ARN',
      () => [
        parseArn(`arn:aws:sts::123456789012:assumed-role/${'a/'.repeat(MB / 2)}`),
        canonicalArn(`arn:aws:iam::123456789012:role/${'p/'.repeat(MB / 2)}x`),
      ],
      MB,
    ],
  ];

  // A few passes per character; a quadratic parser scans about chars² / 2 at 1 MB (~5·10¹¹).
  test.each(cases)('%s', (_name, fn, chars) => {
    expect(scannedChars(fn)).toBeLessThan(PASSES * chars + 100_000);
  });

  test('readYaml: deep nesting is refused with an error instead of overflowing the stack', () => {
    // Before the depth guard, 25k then 50k `[` in one process aborted Node itself: the stack overflow hit V8 while it
    // compiled a regex ("FATAL ERROR: RegExpCompiler Allocation failed - process out of memory"), which no catch stops.
    for (const n of [25000, 50000, 100000]) {
      const r = readYaml(yaml, '['.repeat(n));
      expect(r.errors.map((e) => say('en', e.message))).toEqual([
        'YAML nested more than 200 levels deep was not parsed',
      ]);
    }
    expect(readYamlValue(yaml, `${'{a: '.repeat(50000)}`).errors[0]?.message.key).toBe('parser.yamlTooDeep');
    // Ordinary nesting still parses.
    expect(readYaml(yaml, 'a:\n  b:\n    - c: [1, [2, {d: e}]]\n').values).toEqual([
      { a: { b: [{ c: [1, [2, { d: 'e' }]] }] } },
    ]);
    expect(readYaml(yaml, 'msg: a[0] and a{1} and x[[[[[[[[[[\n').errors).toEqual([]);
  });

  test('readYaml: custom tags stay data and the alias bomb is refused as an error', () => {
    const tags = readYaml(yaml, 'a: !!js/function "function(){ return 1 }"\nb: !Ref Foo\n');
    expect(typeof (tags.values[0] as Record<string, unknown>)['a']).toBe('string');
    const bomb = readYaml(
      yaml,
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    );
    expect(bomb.errors.length).toBeGreaterThan(0);
  });
});

describe('diagnose() turns hostile input into a report, reading it a bounded number of times', () => {
  const describePod = readFileSync(
    new URL('../../../fixtures/describe-pod/1.31/not-ready-current.txt', import.meta.url),
    'utf8',
  );
  const wall = (f: string): string =>
    readFileSync(new URL(`../../../fixtures/seed-walls/${f}`, import.meta.url), 'utf8');
  const eventsJson = readFileSync(
    new URL('../../../fixtures/events-json/1.28/not-ready-json.txt', import.meta.url),
    'utf8',
  );
  const invalidUtf8 = Buffer.concat([
    Buffer.from('Error from server (Forbidden): pods is forbidden: User "a\u0000b'),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc]),
    Buffer.from('" cannot list resource "pods" in API group "" in the namespace "x"\n'),
  ]);
  const interleaved = [
    '$ kubectl describe pod web',
    describePod,
    '$ kubectl get events -o json',
    eventsJson,
    '```yaml',
    wall('aws-auth-as-published.txt'),
    '```',
    'user@host:~$ kubectl get pods',
    'NAME   READY   STATUS    RESTARTS   AGE',
    'web-1  0/1     Pending   0          5m',
    wall('wall0-no-aws-credentials.txt'),
    wall('wall1-unauthorized.txt'),
    wall('wall2-forbidden.txt'),
    '{"Account": "123456789012", "UserId": "AROAX:me", "Arn": "arn:aws:sts::123456789012:assumed-role/dev/me"}',
    'E1129 05:00:00.000000    1234 reflector.go:158] "Unhandled Error" err="pods is forbidden: User \\"system:serviceaccount:a:b\\" cannot list resource \\"pods\\" in API group \\"\\" at the cluster scope"',
  ].join('\n');

  const cases: [string, () => string][] = [
    [
      'megabytes of spaces inside a table row',
      () => `NAME   READY   STATUS    RESTARTS   AGE\nweb-1${' '.repeat(2 * MB)}0/1     Pending   0          5m\n`,
    ],
    [
      'megabytes of spaces inside a describe field, then a line separator',
      () => `Name:         web\nNamespace:    prod\nStatus:${' '.repeat(2 * MB)}\u2028Pending\n`,
    ],
    [
      'megabytes of spaces inside a describe events row',
      () =>
        `${describePod}  Warning  FailedScheduling  1s  default-scheduler${' '.repeat(2 * MB)}0/2 nodes are available: 2 node(s) were not ready.\n`,
    ],
    ['a 5 MB single line', () => `Error from server (Forbidden): ${'x'.repeat(5 * MB)}`],
    ['a 5 MB single line of User "', () => 'User "'.repeat(Math.floor((5 * MB) / 6))],
    ['a 5 MB single line of spaces and quotes', () => ' a"'.repeat(Math.floor((5 * MB) / 3))],
    ['deeply nested JSON (100k [), unclosed', () => '['.repeat(100000)],
    ['deeply nested JSON (100k [), closed', () => `${'['.repeat(100000)}${']'.repeat(100000)}`],
    ['deeply nested JSON objects', () => `${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}`],
    [
      'deeply nested YAML flow collections (100k [)',
      () => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  x: ${'['.repeat(100000)}\n`,
    ],
    [
      'deeply nested YAML in an aws-auth mapRoles',
      () =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    ${'- '.repeat(50000)}x\n`,
    ],
    ['100k blank lines inside a YAML section', () => `apiVersion: v1\n${' \n'.repeat(100000)}kind: ConfigMap\n`],
    [
      'a YAML section line of 1 MB of line separators',
      () => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${' \u2028'.repeat(MB / 2)}x\n`,
    ],
    [
      'an aws-auth line with 1 MB of blanks before a comment-like #',
      () =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::123456789012:role/x${' '.repeat(MB)}x # y\n`,
    ],
    [
      'a scheduler message ending in 1 MB of dots',
      () =>
        `Warning  FailedScheduling  1s  default-scheduler  0/3 nodes are available: 3 node(s) were not ready${'.'.repeat(MB)}x\n`,
    ],
    [
      'a YAML alias bomb',
      () =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n  mapRoles: |\n    - rolearn: *f\n`,
    ],
    [
      'an aws-auth whose mapRoles is an alias bomb',
      () =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - a: &a [x, x, x, x, x, x, x, x, x]\n    - b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n    - c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n    - d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n    - e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n    - rolearn: arn:aws:iam::123456789012:role/x\n      groups: *e\n`,
    ],
    [
      'YAML custom tags (!!js/function, !Ref)',
      () =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: !!js/function "function () { process.exit(3) }"\n  mapUsers: !Ref SomeParameter\n  other: !!python/object/apply:os.system ["id"]\n`,
    ],
    [
      'NUL bytes',
      () =>
        `Error from server (Forbidden): pods is forbidden: User "a\u0000b" cannot list resource "pods" in API group "" in the namespace "x"\n${'\u0000'.repeat(100000)}`,
    ],
    ['invalid UTF-8 decoded with replacement characters', () => invalidUtf8.toString('utf8').repeat(1000)],
    [
      'mixed CRLF, CR and LF',
      () =>
        wall('wall3-pending-not-ready-disk.txt')
          .split('\n')
          .map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r'))
          .join(''),
    ],
    [
      '50k-line describe output',
      () => {
        const body = describePod.trimEnd().split('\n');
        const out: string[] = [];
        while (out.length < 50000) out.push(...body, '');
        return out.join('\n');
      },
    ],
    ['interleaved sections of every kind (×50)', () => Array.from({ length: 50 }, () => interleaved).join('\n')],
    ['1 MB of ANSI colour codes and control characters', () => '\u001b[31m\u0007\u001b]8;;x\u0007'.repeat(MB / 16)],
    ['100k lines of unknown prose', () => 'the weather is nice today, nothing to see here\n'.repeat(100000)],
  ];

  test.each(cases)('%s', async (_name, make) => {
    const input = make();
    const report = await diagnose(input, { ...builtinRuleSet, trustedRules: true });
    expect(report.schemaVersion).toBe(1);
    expect(Array.isArray(report.diagnoses)).toBe(true);
    // Lines, sections and facts: the part of the run whose work grows with the input.
    const work = scannedChars(() => extractFacts(splitSections(toLines(input)), [] as Issue[], { yaml }));
    expect(work).toBeLessThan(PASSES * input.length + 100_000);
  });

  test('deep YAML twice in one process (the sequence that aborted Node before the depth guard) gives reports', async () => {
    for (const n of [25000, 50000, 100000]) {
      for (const body of [
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  x: ${'['.repeat(n)}\n`,
        `apiVersion: v1\nkind: List\nitems:\n${'- '.repeat(n)}x\n`,
      ]) {
        const r = await diagnose(body, { ...builtinRuleSet, trustedRules: true });
        expect(r.schemaVersion).toBe(1);
      }
    }
  });

  test('a 5 MB single line is read whole (no throw), and so is an input over the limit (clear issue)', async () => {
    const big = 'x'.repeat(2000);
    const r = await diagnose(big, { ...builtinRuleSet, trustedRules: true, maxInputChars: 1000 });
    expect(r.issues.map((i) => i.code)).toContain('input_too_large');
  });

  test('a line over the line limit is searched in its start, with one issue naming it; JSON on it is read whole', async () => {
    const denial =
      'Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "web"';
    const text = `ok\n${denial}${' padding'.repeat(200)}\n${'x'.repeat(3000)}Error: You must be logged in to the server (Unauthorized)\n`;
    const r = await diagnose(text, { ...builtinRuleSet, trustedRules: true, maxLineChars: 1000 });
    const long = r.issues.filter((i) => i.code === 'line_too_long');
    expect(long).toHaveLength(1);
    expect(long[0]?.line).toBe(2);
    expect(long[0]?.message).toMatch(
      /^line 2 has \d+ characters, more than the limit of 1000 .* \(and so for 1 more line\)/,
    );
    // The denial at the start of line 2 is found; the Unauthorized after 3,000 characters on line 3 is not searched.
    expect(r.diagnoses.map((d) => d.rootCause)).toContain('rbac_permission_missing');
    expect(r.diagnoses.map((d) => d.rootCause)).not.toContain('iam_identity_not_mapped');
    // The default limit (1 MiB) leaves ordinary input alone.
    expect((await diagnose(text, { ...builtinRuleSet, trustedRules: true })).issues.map((i) => i.code)).not.toContain(
      'line_too_long',
    );
    // A minified event list on one long line is still parsed as JSON (its messages are searched from the objects).
    const events = {
      apiVersion: 'v1',
      kind: 'List',
      items: Array.from({ length: 30 }, (_, i) => ({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `web-${i}.1`, namespace: 'web' },
        involvedObject: { kind: 'Pod', name: `web-${i}`, namespace: 'web' },
        reason: 'FailedScheduling',
        type: 'Warning',
        message: '0/2 nodes are available: 2 node(s) were not ready.',
        count: 1,
      })),
    };
    const minified = await diagnose(`${JSON.stringify(events)}\n`, {
      ...builtinRuleSet,
      trustedRules: true,
      maxLineChars: 500,
    });
    expect(minified.inputs[0]?.kind).toBe('events-json');
    expect(minified.issues.map((i) => i.code)).toContain('line_too_long');
    expect(minified.diagnoses.length).toBeGreaterThan(0);
  });
});

test('a paste with 200k sections does not overflow the call stack (no push(...spread) of large arrays)', async () => {
  const { diagnose: run } = await import('./diagnose.js');
  const { builtinRuleSet: ruleSet } = await import('@rbac-diagnose/rules');
  const text = Array.from(
    { length: 200_000 },
    (_, i) => `line ${i}\n\nError from server (NotFound): pods "x${i}" not found\n`,
  ).join('');
  const r = await run(text, { ...ruleSet, trustedRules: true });
  expect(r.inputs.length).toBeGreaterThan(150_000);
}, 120_000);
