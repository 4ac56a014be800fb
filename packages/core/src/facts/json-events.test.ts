import fc from 'fast-check';
import * as yaml from 'yaml';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { toLines } from '../input/lines.js';
import { splitSections } from '../input/split.js';
import type { Issue } from '../report.js';
import { extractFacts } from './extract.js';
import { beginInput, finishReading, newReading, readText, type ReadResult } from '../reading.js';

/** What a reading finds: a list's items read one by one from the first (`after` 1), or the list read whole. */
function readList(text: string, after?: number): Omit<ReadResult, 'bindings'> {
  const r = newReading({
    maxInputChars: Number.POSITIVE_INFINITY,
    ...(after === undefined ? {} : { listStreamAfter: after }),
  });
  beginInput(r);
  readText(r, text);
  const { bindings: _bindings, ...rest } = finishReading(r);
  return rest;
}
const readByItem = (text: string): Omit<ReadResult, 'bindings'> => readList(text, 1);
const readWhole = (text: string): Omit<ReadResult, 'bindings'> => readList(text);

function read(text: string): {
  facts: ReturnType<typeof extractFacts>;
  issues: Issue[];
  kinds: string[];
  lines: [number, number][];
} {
  const issues: Issue[] = [];
  const sections = splitSections(toLines(text));
  return {
    facts: extractFacts(sections, issues, { yaml }),
    issues,
    kinds: sections.map((s) => s.kind),
    lines: sections.map((s) => [s.lines[0]?.no ?? 0, s.lines.at(-1)?.no ?? 0]),
  };
}

/** The same, with JSON.parse failing: the JSON reader falls back to the recovering reader. */
function readWithoutNativeJson(text: string): ReturnType<typeof read> {
  const spy = vi.spyOn(JSON, 'parse').mockImplementation(() => {
    throw new SyntaxError('forced fallback');
  });
  try {
    return read(text);
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

const SIGNATURE_MESSAGES = [
  'Failed to pull image "123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v1": rpc error: code = Unknown desc = failed to pull and unpack image "123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v1": failed to resolve reference: pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
  'Error creating: pods "web-1" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false)',
  'Error creating: pods "web-1" is forbidden: error looking up service account prod/web-sa: serviceaccount "web-sa" not found',
  'Error creating: pods "web-1" is forbidden: User "system:serviceaccount:prod:deployer" cannot create resource "pods" in API group "" in the namespace "prod"',
  '0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  'MountVolume.SetUp failed for volume "config" : secret "web-config" not found',
  'Back-off restarting failed container web in pod web-1_prod(5f0c)',
  'Readiness probe failed: Get "http://10.0.1.2:8080/healthz": dial tcp 10.0.1.2:8080: connect: connection refused',
];
// Quotes, backslashes, control characters, non-ASCII and line separators, as JSON escapes them (or not).
const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('"quoted"', 'back\\slash', 'new\nline', 'tab\there', 'é💥', '\u2028', '\\"'),
);
const message = fc.oneof(
  fc.constantFrom(...SIGNATURE_MESSAGES),
  tricky,
  fc.tuple(fc.constantFrom(...SIGNATURE_MESSAGES), tricky).map(([a, b]) => `${a} ${b}`),
  fc.constant(''),
);
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const coreEvent = fc.record({
  apiVersion: fc.constant('v1'),
  count: fc.integer({ min: 1, max: 500 }),
  involvedObject: fc.record({ kind: fc.constantFrom('Pod', 'ReplicaSet', 'Node'), name, namespace: name }),
  kind: fc.constant('Event'),
  message,
  metadata: fc.record({ name, namespace: name, uid: fc.uuid() }),
  reason: fc.constantFrom('FailedScheduling', 'Failed', 'BackOff', 'FailedCreate', 'FailedMount', 'Unhealthy', ''),
  source: fc.record({ component: fc.constantFrom('kubelet', 'default-scheduler', 'replicaset-controller') }),
  type: fc.constantFrom('Normal', 'Warning'),
});
// events.k8s.io/v1: `note` and `regarding` instead of `message` and `involvedObject`.
const newEvent = fc.record({
  apiVersion: fc.constant('events.k8s.io/v1'),
  kind: fc.constant('Event'),
  note: message,
  reason: fc.constantFrom('Failed', 'BackOff'),
  regarding: fc.record({ kind: fc.constant('Pod'), name }),
  type: fc.constant('Warning'),
});
const eventList = fc.array(fc.oneof({ weight: 4, arbitrary: coreEvent }, { weight: 1, arbitrary: newEvent }), {
  maxLength: 8,
});

describe('JSON event lists: the native and the recovering reader give the same facts', () => {
  test('property: kubectl-style lists (4 and 2 spaces, compact), with and without a prompt', () => {
    fc.assert(
      fc.property(eventList, fc.constantFrom(4, 2, 0), fc.boolean(), (items, indent, prompt) => {
        const json = JSON.stringify(
          { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } },
          null,
          indent,
        );
        const text = prompt ? `$ kubectl get events -A -o json\n${json}\n` : json;
        const fast = read(text);
        const slow = readWithoutNativeJson(text);
        expect(fast.kinds).toEqual(slow.kinds);
        expect(fast.lines).toEqual(slow.lines);
        expect(fast.issues).toEqual(slow.issues);
        expect(fast.facts).toEqual(slow.facts);
        // Read item by item (as a long list is), the same again.
        expect(readByItem(text)).toEqual(readWhole(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a JSON list read item by item gives what it gives read whole', () => {
  test('property: a kubectl list cut off anywhere (a paste that stops early)', () => {
    fc.assert(
      fc.property(eventList, fc.double({ min: 0, max: 1, noNaN: true }), (items, at) => {
        const json = JSON.stringify(
          { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } },
          null,
          4,
        );
        const text = json.slice(0, Math.floor(at * json.length));
        expect(readByItem(text)).toEqual(readWhole(text));
      }),
      { numRuns: 500 },
    );
  });

  const json = JSON.stringify(
    {
      apiVersion: 'v1',
      items: [{ kind: 'Event', message: 'Back-off pulling image "x"', reason: 'BackOff', type: 'Warning' }],
      kind: 'List',
    },
    null,
    4,
  );
  test.each([
    ['alone', json],
    ['after a prompt, with blank lines around', `\n$ kubectl get events -o json\n\n${json}\n\n\n`],
    ['followed by more output', `${json}\nerror: You must be logged in to the server (Unauthorized)\n`],
    ['two documents', `${json}\n${json}\n`],
    ['CRLF line ends', json.replace(/\n/g, '\r\n')],
    ['indented as a whole (dedented)', json.replace(/^/gm, '  ')],
    ['trailing spaces', json.replace(/,$/gm, ',  ')],
    ['cut off', json.slice(0, -40)],
    ['in a fence', `\`\`\`json\n${json}\n\`\`\`\n`],
  ])('%s', (_, text) => {
    expect(readByItem(text)).toEqual(readWhole(text));
  });
});

describe('messages of events in JSON are searched whole, at the line of their key', () => {
  const list = (messages: string[]): string =>
    JSON.stringify(
      {
        apiVersion: 'v1',
        items: messages.map((m, i) => ({
          apiVersion: 'v1',
          involvedObject: { kind: 'Pod', name: `web-${i}`, namespace: 'prod' },
          kind: 'Event',
          message: m,
          metadata: {
            annotations: { note: 'error: You must be logged in to the server (Unauthorized)' },
            name: `web-${i}.1`,
          },
          reason: 'FailedCreate',
          type: 'Warning',
        })),
        kind: 'List',
      },
      null,
      4,
    );

  test('captures are unescaped (no `\\"`, no trailing `",`) and the signal points at the message line', () => {
    const text = list([SIGNATURE_MESSAGES[1] as string]);
    const { facts, issues } = read(text);
    expect(issues).toEqual([]);
    const messageLine = text.split('\n').findIndex((l) => l.includes('"message":')) + 1;
    expect(facts.signals.map((s) => [s.id, s.line])).toEqual([['admission_podsecurity_violation', messageLine]]);
    expect(facts.signals[0]?.groups['details']).toBe(
      'allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false)',
    );
  });

  test('a denial in an event message is a forbidden fact at its line', () => {
    const text = list([SIGNATURE_MESSAGES[3] as string]);
    const { facts } = read(text);
    const messageLine = text.split('\n').findIndex((l) => l.includes('"message":')) + 1;
    expect(facts.forbidden).toMatchObject([
      {
        line: messageLine,
        username: 'system:serviceaccount:prod:deployer',
        verb: 'create',
        resource: 'pods',
        namespace: 'prod',
      },
    ]);
  });

  test('other lines inside an event (names, ids, annotations) are not searched as text', () => {
    const { facts } = read(list(['Started container web']));
    expect(facts.signals).toEqual([]);
  });

  test('a list cut off inside an event: complete events are read, the rest is searched line by line, and the cut is an issue', () => {
    const whole = list([SIGNATURE_MESSAGES[1] as string, 'Started container web', SIGNATURE_MESSAGES[2] as string]);
    const cut = whole.slice(0, whole.lastIndexOf('"metadata"'));
    const { facts, issues } = read(cut);
    expect(issues.map((i) => i.code)).toEqual(['json_truncated']);
    // The cut-off event keeps what came before the cut (its message, not its reason).
    expect(facts.events.map((e) => e.reason)).toEqual(['FailedCreate', 'FailedCreate', '']);
    expect(new Set(facts.signals.map((s) => s.id))).toEqual(
      new Set(['admission_podsecurity_violation', 'admission_sa_missing']),
    );
  });
});
