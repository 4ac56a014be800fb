// Properties of split → parse → facts (fast-check): totality, linear work, spans that slice back to their text,
// noise that does not change the facts, and a test-only kubectl-style printer whose output parses back.
// FC_RUNS scales the run counts (CI sets it higher; the defaults keep the core suite within its time budget).
import * as yaml from 'yaml';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Issue } from '../report.js';
import { toLines } from '../input/lines.js';
import { splitSections } from '../input/split.js';
import { extractFacts } from './extract.js';
import { listCaptures } from '../../../../test-support/fixtures.js';
import { growsLinearly, scannedChars } from '../../../../test-support/work.js';
import type { Facts } from './schema.js';

const SCALE = Number(process.env['FC_RUNS'] ?? '1');
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

function factsOf(text: string): { facts: Facts; issues: Issue[] } {
  const issues: Issue[] = [];
  const facts = extractFacts(splitSections(toLines(text)), issues, { yaml });
  return { facts, issues };
}

const LINE_KEYS = new Set(['line', 'readyLine', 'endLine', 'authModeLine']);

/** Applies `map` to every line number in the facts (line, lines[], readyLine, …). */
function renumber(v: unknown, map: (n: number) => number): unknown {
  if (Array.isArray(v)) return v.map((x) => renumber(x, map));
  if (typeof v === 'object' && v !== null) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (LINE_KEYS.has(k) && typeof x === 'number') o[k] = map(x);
      else if (k === 'lines' && Array.isArray(x))
        o[k] = (x as unknown[]).map((n) => (typeof n === 'number' ? map(n) : n));
      else o[k] = renumber(x, map);
    }
    return o;
  }
  return v;
}

const captures = listCaptures();
const texts = captures.map((c) => ({
  id: `${c.kind}/${c.version}/${c.name}`,
  kind: c.kind,
  text: readFileSync(c.path, 'utf8'),
}));
const newest = texts.filter((t) => t.id.includes('/1.33/') || t.id.includes('/1.27/'));

// Pieces of real output, so random inputs reach deep into every parser.
const LINES = [...new Set(texts.flatMap((t) => t.text.split('\n').slice(0, 40)))].slice(0, 3000);
const NOISE = [
  '',
  ' ',
  '\t',
  '```',
  '$ kubectl get pods',
  '> ',
  '{',
  '}',
  '[',
  ']',
  '"',
  '\\',
  'err=<',
  ' >',
  '---',
  'Events:',
  'Name:  x',
  '...',
  '\r',
  '\u001b[31m',
  '\u2028',
  ':',
  '- ',
  '  ',
  'items:',
  '"items": [',
];
const pasteArb = fc
  .array(fc.oneof(fc.constantFrom(...LINES), fc.constantFrom(...NOISE), fc.string({ maxLength: 40 })), {
    maxLength: 60,
  })
  .map((xs) => xs.join('\n'));

describe('split → parse → facts is total', () => {
  test('no string throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), pasteArb),
        (s) => {
          factsOf(s);
        },
      ),
      { numRuns: runs(3000) },
    );
  });

  test('the characters scanned grow about linearly with the input', () => {
    const pumps: [string, (n: number) => string][] = [
      ['spaces', (n) => `Name:  x\nContainers:\n${' '.repeat(n)}x`],
      ['open JSON', (n) => '['.repeat(Math.min(n, 400)) + '{"a": '.repeat(n / 8)],
      ['JSON string', (n) => `{"message": "${'\\"'.repeat(n / 2)}`],
      [
        'klog block',
        (n) => `E1129 06:06:17.263914   28596 memcache.go:265] "Unhandled Error" err=<\n${'\tx\n'.repeat(n / 3)}`,
      ],
      ['quotes', (n) => '> > x\n'.repeat(n / 6)],
      ['table', (n) => `NAME   READY   STATUS   RESTARTS   AGE\n${'a   1/1   Running   0   1m\n'.repeat(n / 28)}`],
      [
        'events rows',
        (n) => `Events:\n  Type  Reason  Age  From  Message\n${'  Warning  X  1s  k  m\n'.repeat(n / 24)}`,
      ],
      ['yaml', (n) => `apiVersion: v1\nkind: List\nitems:\n${'- kind: Event\n  message: x\n'.repeat(n / 28)}`],
      ['conditions', (n) => `Name:  n\nTaints:  <none>\nConditions:\n  Ready  True ${' '.repeat(n)}\u2028`],
    ];
    for (const [name, pump] of pumps) {
      const { small, large, ok } = growsLinearly((n) => scannedChars(() => factsOf(pump(n))), 10_000);
      expect(ok, `${name}: ${small} → ${large} characters scanned for 4× the input`).toBe(true);
    }
  });
});

/** The text a fact points at: something of the fact must be on its line. */
function keyOf(kind: string, f: Record<string, unknown>): string[] {
  const s = (k: string): string[] => (typeof f[k] === 'string' && f[k] !== '' ? [f[k]] : []);
  switch (kind) {
    case 'pods':
    case 'nodes':
    case 'containers':
      return s('name');
    case 'conditions':
      return [...s('type'), ...s('message').map((m) => m.slice(0, 20))];
    case 'events':
      return [...s('reason'), ...s('message').map((m) => m.slice(0, 20))];
    case 'authChecks':
      return [f['allowed'] === true ? 'yes' : 'no'];
    case 'whoami':
      return s('username');
    case 'accessEntries':
      return [...s('principalArn')];
    default:
      return [];
  }
}

function checkSpans(text: string, id: string): void {
  const lines = toLines(text);
  const { facts } = factsOf(text);
  for (const [kind, v] of Object.entries(facts)) {
    if (typeof v === 'boolean') continue;
    for (const f of (Array.isArray(v) ? v : v === null ? [] : [v]) as Record<string, unknown>[]) {
      const no = f['line'];
      expect(typeof no, `${id} ${kind}`).toBe('number');
      const line = lines[(no as number) - 1];
      expect(line, `${id} ${kind} line ${String(no)}`).toBeDefined();
      expect(line?.text.trim(), `${id} ${kind} line ${String(no)} is blank`).not.toBe('');
      const keys = keyOf(kind, f);
      if (keys.length > 0)
        expect(
          keys.some((k) => line?.text.includes(k) ?? false),
          `${id} ${kind} line ${String(no)}: ${line?.text} ∌ ${keys.join(' | ')}`,
        ).toBe(true);
      for (const n of (Array.isArray(f['lines']) ? f['lines'] : []) as number[])
        expect(lines[n - 1]?.text.trim(), `${id} ${kind} lines`).not.toBe('');
    }
  }
}

describe('every fact points at a line that holds its text', () => {
  test.each(newest.map((t) => [t.id, t] as const))('%s', (_, t) => {
    checkSpans(t.text, t.id);
  });
});

interface Noise {
  name: string;
  apply: (text: string) => { text: string; map: (n: number) => number };
  kinds?: string[];
}

const body = (text: string): string[] => {
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
};
const same = (text: string): { text: string; map: (n: number) => number } => ({ text, map: (n) => n });
const NOISES: Noise[] = [
  { name: 'CRLF', apply: (t) => same(t.replace(/\n/g, '\r\n')) },
  {
    name: 'trailing spaces',
    apply: (t) =>
      same(
        body(t)
          .map((l) => `${l}   `)
          .join('\n'),
      ),
  },
  {
    name: 'ANSI colour',
    apply: (t) =>
      same(
        t.replace(/\b(Warning|Normal|True|False|Running|Pending|Ready|NotReady|error)\b/g, '\u001b[1;31m$1\u001b[0m'),
      ),
  },
  {
    name: 'fence and prompt',
    apply: (t) => ({
      text: [
        'Here is what I get:',
        '',
        '```console',
        '$ kubectl get something',
        ...body(t),
        '```',
        '',
        'Any idea?',
      ].join('\n'),
      map: (n) => n + 4,
    }),
  },
  {
    name: 'user@host prompt, k alias',
    apply: (t) => ({ text: ['ec2-user@ip-10-0-0-1:~$ k describe it', ...body(t)].join('\n'), map: (n) => n + 1 }),
  },
  {
    name: 'PowerShell prompt, unclosed fence',
    apply: (t) => ({ text: ['```', 'PS C:\\Users\\me> kubectl get it', ...body(t)].join('\n'), map: (n) => n + 2 }),
  },
  {
    name: 'kube-ps1 context prompt',
    apply: (t) => ({
      text: ['(⎈|prod:default)alice@mbp ~ % kubectl describe it', ...body(t)].join('\n'),
      map: (n) => n + 1,
    }),
  },
  {
    name: 'zsh arrow prompt',
    apply: (t) => ({ text: ['~/src » kubectl get it', ...body(t)].join('\n'), map: (n) => n + 1 }),
  },
  {
    name: 'indented 4 spaces',
    apply: (t) =>
      same(
        body(t)
          .map((l) => (l === '' ? '' : `    ${l}`))
          .join('\n'),
      ),
  },
  {
    name: '> quoted',
    apply: (t) =>
      same(
        body(t)
          .map((l) => `> ${l}`)
          .join('\n'),
      ),
  },
  {
    name: 'squashed spaces',
    apply: (t) => same(t.replace(/ {2,}/g, ' ')),
    kinds: ['kubectl-error', 'kubectl-auth'],
  },
];

/** Facts that may differ under noise that changes line text: none. Issues are compared too (same codes). */
function comparable(text: string, map: (n: number) => number, cleanLines: number): unknown {
  const { facts, issues } = factsOf(text);
  // Issues about the added prose (outside the clean text) are expected; the others must be the same.
  const inside = issues.filter((i) => map(i.line) >= 1 && map(i.line) <= cleanLines);
  // `command` records the prompt line that named the command: the prompt noise adds one.
  const noCommand = facts.authChecks.map((c) => ({ ...c, command: null }));
  return {
    facts: renumber({ ...facts, authChecks: noCommand }, map),
    issues: inside.map((i) => `${i.code}@${map(i.line)}`),
  };
}

describe('noise gives the same facts as the clean capture', () => {
  for (const noise of NOISES) {
    const subject = newest.filter((t) => !noise.kinds || noise.kinds.includes(t.kind));
    test(`${noise.name} (${subject.length} captures)`, () => {
      for (const t of subject) {
        const n = toLines(t.text).length;
        const clean = comparable(t.text, (k) => k, n);
        const noisy = noise.apply(t.text);
        // Line numbers of the noisy text are mapped back onto the clean one before comparing.
        const inverse = (n: number): number => {
          for (let k = Math.max(0, n - 10); k <= n + 10; k++) if (noisy.map(k) === n) return k;
          return -n;
        };
        expect(comparable(noisy.text, inverse, n), `${noise.name}: ${t.id}`).toEqual(clean);
      }
    });
  }
});

// ---- test-only printer: a pod and its events, as `kubectl describe pod` and `kubectl get events -o json` print them.

interface GenContainer {
  name: string;
  image: string;
  state: 'Running' | 'Waiting' | 'Terminated';
  reason: string | null;
  exitCode: number | null;
  restarts: number;
}
interface GenEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  from: string;
  message: string;
  count: number;
}
interface GenPod {
  name: string;
  namespace: string;
  phase: 'Pending' | 'Running' | 'Failed';
  node: string | null;
  containers: GenContainer[];
  events: GenEvent[];
}

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/);
const word = fc.stringMatching(/^[A-Za-z0-9/:.,"'(){}_-]{1,12}$/);
const containerArb: fc.Arbitrary<GenContainer> = fc.record({
  name: label,
  image: fc.stringMatching(/^[a-z0-9.-]{1,20}(?:\/[a-z0-9-]{1,12})?:[a-z0-9.]{1,8}$/),
  state: fc.constantFrom('Running' as const, 'Waiting' as const, 'Terminated' as const),
  reason: fc.option(
    fc.constantFrom(
      'CrashLoopBackOff',
      'ImagePullBackOff',
      'ErrImagePull',
      'OOMKilled',
      'Error',
      'Completed',
      'CreateContainerConfigError',
    ),
  ),
  exitCode: fc.option(fc.integer({ min: 0, max: 255 })),
  restarts: fc.integer({ min: 0, max: 500 }),
});
const eventArb: fc.Arbitrary<GenEvent> = fc.record({
  type: fc.constantFrom('Normal' as const, 'Warning' as const),
  reason: fc.stringMatching(/^[A-Z][A-Za-z]{2,20}$/),
  from: fc.constantFrom('kubelet', 'default-scheduler', 'replicaset-controller', 'taint-eviction-controller'),
  message: fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' ')),
  count: fc.integer({ min: 1, max: 99 }),
});
const podArb: fc.Arbitrary<GenPod> = fc.record({
  name: label,
  namespace: label,
  phase: fc.constantFrom('Pending' as const, 'Running' as const, 'Failed' as const),
  node: fc.option(fc.stringMatching(/^ip-10-0-[0-9]{1,3}-[0-9]{1,3}\.ec2\.internal$/)),
  containers: fc.uniqueArray(containerArb, { minLength: 1, maxLength: 3, selector: (c) => c.name }),
  events: fc.uniqueArray(eventArb, { maxLength: 6, selector: (e) => `${e.type}/${e.reason}/${e.message}` }),
});

/** Pads cells like text/tabwriter with padding 2 (one aligned block). */
function tabulate(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    (indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 2))).join('')).trimEnd(),
  );
}

function printDescribePod(p: GenPod): string {
  const out = tabulate(
    [
      ['Name:', p.name],
      ['Namespace:', p.namespace],
      ['Priority:', '0'],
      ['Service Account:', 'default'],
      ['Node:', p.node === null ? '<none>' : `${p.node}/10.0.1.2`],
      ['Status:', p.phase],
    ],
    '',
  );
  out.push('Containers:');
  for (const c of p.containers) {
    out.push(`  ${c.name}:`);
    const rows = [
      ['Image:', c.image],
      ['State:', c.state],
    ];
    out.push(...tabulate(rows, '    '));
    const detail: string[][] = [];
    if (c.state !== 'Running' && c.reason !== null) detail.push(['Reason:', c.reason]);
    if (c.state === 'Terminated' && c.exitCode !== null) detail.push(['Exit Code:', String(c.exitCode)]);
    if (detail.length > 0) out.push(...tabulate(detail, '      '));
    out.push(
      ...tabulate(
        [
          ['Ready:', c.state === 'Running' ? 'True' : 'False'],
          ['Restart Count:', String(c.restarts)],
        ],
        '    ',
      ),
    );
  }
  out.push(...tabulate([['QoS Class:', 'BestEffort']], ''));
  if (p.events.length === 0) out.push('Events:  <none>');
  else {
    out.push('Events:');
    const rows = [
      ['Type', 'Reason', 'Age', 'From', 'Message'],
      ['----', '------', '----', '----', '-------'],
    ];
    for (const e of p.events)
      rows.push([e.type, e.reason, e.count > 1 ? `2m (x${e.count} over 10m)` : '10s', e.from, e.message]);
    out.push(...tabulate(rows, '  '));
  }
  return `${out.join('\n')}\n`;
}

function printEventsJson(p: GenPod): string {
  const items = p.events.map((e, i) => ({
    apiVersion: 'v1',
    count: e.count,
    firstTimestamp: '2026-01-01T00:00:00Z',
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: p.name, namespace: p.namespace },
    kind: 'Event',
    lastTimestamp: '2026-01-01T00:10:00Z',
    message: e.message,
    metadata: { name: `${p.name}.${String(i).padStart(16, '0')}`, namespace: p.namespace },
    reason: e.reason,
    reportingComponent: '',
    reportingInstance: '',
    source: { component: e.from },
    type: e.type,
  }));
  return `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
}

describe('a kubectl-style printer round-trips through the parser', () => {
  test('describe pod', () => {
    fc.assert(
      fc.property(podArb, (p) => {
        const text = printDescribePod(p);
        const { facts, issues } = factsOf(text);
        expect(issues).toEqual([]);
        expect(facts.pods.map(({ name, namespace, phase, node }) => ({ name, namespace, phase, node }))).toEqual([
          { name: p.name, namespace: p.namespace, phase: p.phase, node: p.node },
        ]);
        expect(
          facts.containers.map(({ name, image, state, stateReason, exitCode, restartCount }) => ({
            name,
            image,
            state,
            stateReason,
            exitCode,
            restartCount,
          })),
        ).toEqual(
          p.containers.map((c) => ({
            name: c.name,
            image: c.image,
            state: c.state,
            stateReason: c.state !== 'Running' ? c.reason : null,
            exitCode: c.state === 'Terminated' ? c.exitCode : null,
            restartCount: c.restarts,
          })),
        );
        expect(
          facts.events.map(({ type, reason, from, message, count, object }) => ({
            type,
            reason,
            from,
            message,
            count,
            object,
          })),
        ).toEqual(
          p.events.map((e) => ({
            type: e.type,
            reason: e.reason,
            from: e.from,
            message: e.message,
            count: e.count,
            object: p.name,
          })),
        );
        checkSpans(text, 'printed describe pod');
      }),
      { numRuns: runs(600) },
    );
  });

  test('get events -o json', () => {
    fc.assert(
      fc.property(podArb, (p) => {
        const text = printEventsJson(p);
        const { facts, issues } = factsOf(text);
        expect(issues).toEqual([]);
        expect(
          facts.events.map(({ type, reason, from, message, count, object }) => ({
            type,
            reason,
            from,
            message,
            count,
            object,
          })),
        ).toEqual(
          p.events.map((e) => ({
            type: e.type,
            reason: e.reason,
            from: e.from,
            message: e.message,
            count: e.count,
            object: `Pod/${p.name}`,
          })),
        );
        const lines = text.split('\n');
        for (const e of facts.events) expect(lines[e.line - 1]).toContain(JSON.stringify(e.message));
      }),
      { numRuns: runs(600) },
    );
  });
});
