import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { diagnoseDetailed } from './diagnose.js';
import type { Report } from './report.js';
import { DiagnosisStream, diagnoseStream, diffReport, type DiagnosisUpdate } from './stream.js';

const ROOT = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const OPTIONS = { ...builtinRuleSet, trustedRules: true } as const;

/** One capture of each kind (the first version), the seed walls, and real public pastes. */
function inputs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const add = (path: string): void => {
    out.push({ name: path.slice(ROOT.length), text: readFileSync(path, 'utf8') });
  };
  for (const kind of readdirSync(ROOT).sort()) {
    if (kind === 'harness' || kind.includes('.')) continue;
    const dir = join(ROOT, kind);
    const versions = readdirSync(dir).sort();
    const first = versions.find((v) => /^1\.\d+$/.test(v));
    const where = first === undefined ? dir : join(dir, first);
    for (const f of readdirSync(where).sort()) {
      if (/\.(?:txt|yaml)$/.test(f) && !/\.(?:stdout|stderr)\.txt$/.test(f)) add(join(where, f));
      else if (!f.includes('.') && kind === 'public')
        for (const p of readdirSync(join(where, f))
          .filter((x) => x.endsWith('.txt'))
          .slice(0, 2))
          add(join(where, f, p));
    }
  }
  return out;
}

/** A `kubectl get events -o json` list long enough to be read item by item. */
function longList(): string {
  const list = JSON.parse(readFileSync(join(ROOT, 'events-json/1.27/not-ready-json.txt'), 'utf8')) as {
    items: unknown[];
  };
  const items = Array.from({ length: 120 }, (_, i) => ({
    ...(list.items[i % list.items.length] as object),
    involvedObject: { kind: 'Pod', name: `web-${i}`, namespace: 'default' },
  }));
  return `${JSON.stringify({ ...list, items }, null, 4)}\n`;
}

const ALL = [...inputs(), { name: 'long list', text: longList() }];

/** The input cut at the given fractions of its length. */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

async function streamed(pieces: readonly (string | Uint8Array)[]): Promise<{ report: Report; facts: unknown }> {
  const s = new DiagnosisStream({ ...OPTIONS, limits: null });
  for (const p of pieces) s.write(p);
  const { report, facts } = await s.finish();
  return { report, facts };
}

describe('a stream read in any pieces gives what diagnose() gives for the whole text', () => {
  test('the inputs cover every kind of section, and a list read item by item', () => {
    expect(ALL.length).toBeGreaterThan(20);
    expect(longList().split('\n').length).toBeGreaterThan(2000);
  });

  test('property: text cut anywhere', async () => {
    const whole = new Map<string, { report: Report; facts: unknown }>();
    for (const i of ALL) {
      const { report, facts } = await diagnoseDetailed(i.text, OPTIONS);
      whole.set(i.name, { report, facts });
    }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ALL),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        async (input, at) => {
          expect(await streamed(cut(input.text, at))).toEqual(whole.get(input.name));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('property: UTF-8 bytes cut anywhere, inside characters too', async () => {
    const text = `${readFileSync(join(ROOT, 'seed-walls/wall2-forbidden.txt'), 'utf8')}\nエラー: “ügly” 🚀 quotes\n`;
    const whole = await diagnoseDetailed(text, OPTIONS);
    const bytes = new TextEncoder().encode(text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 20 }), async (at) => {
        const points = [...new Set(at)].sort((a, b) => a - b);
        const pieces = [...points, bytes.length].map((p, i) => bytes.slice(i === 0 ? 0 : points[i - 1], p));
        expect(await streamed(pieces)).toEqual({ report: whole.report, facts: whole.facts });
      }),
      { numRuns: 100 },
    );
  });

  test('several named inputs, as diagnose() names them', async () => {
    const docs = [
      { name: 'a.txt', text: readFileSync(join(ROOT, 'seed-walls/wall2-forbidden.txt'), 'utf8') },
      { name: 'b.txt', text: readFileSync(join(ROOT, 'seed-walls/aws-auth-as-published.txt'), 'utf8') },
    ];
    const s = new DiagnosisStream({ ...OPTIONS, limits: null });
    for (const d of docs) {
      s.beginInput(d.name);
      for (const p of cut(d.text, [0.3, 0.7])) s.write(p);
    }
    const { report } = await s.finish();
    expect(report).toEqual(await diagnoseDetailed(docs, OPTIONS).then((r) => r.report));
    expect(report.diagnoses[0]?.evidence[0]?.source).toBeDefined();
  });

  test('finish() and diagnose() after it give the one diagnosis of the whole input', async () => {
    const text = readFileSync(join(ROOT, 'seed-walls/wall3-pending-not-ready-disk.txt'), 'utf8');
    // (lines over 40 characters give an issue at the end: finishing twice would give it twice)
    const s = new DiagnosisStream({ ...OPTIONS, limits: null, maxLineChars: 40 });
    s.write(text);
    const first = await s.finish();
    expect(first.report.issues.filter((i) => i.code === 'line_too_long')).toHaveLength(1);
    s.write('error: You must be logged in to the server (Unauthorized)\n');
    expect(await s.finish()).toEqual(first);
    expect(await s.diagnose()).toEqual(first);
    expect(first.report).toEqual((await diagnoseDetailed(text, { ...OPTIONS, maxLineChars: 40 })).report);
  });

  test('nothing written is one empty input', async () => {
    const { report } = await new DiagnosisStream(OPTIONS).finish();
    expect(report.issues).toEqual([{ code: 'empty_input', line: 0, message: 'the input is empty' }]);
  });
});

describe('diagnosing what was read so far', () => {
  test('diagnose() finishes a copy: a line still waiting counts, and the stream goes on unchanged', async () => {
    const lines = readFileSync(join(ROOT, 'seed-walls/wall2-forbidden.txt'), 'utf8').split('\n');
    const s = new DiagnosisStream(OPTIONS);
    s.write(`${lines.join('\n')}\n`);
    const early = await s.diagnose();
    expect(early.report).toEqual((await diagnoseDetailed(`${lines.join('\n')}\n`, OPTIONS)).report);
    s.write('error: You must be logged in to the server (Unauthorized)\n');
    const later = await s.finish();
    expect(later.report.diagnoses.map((d) => d.rootCause)).toContain('iam_identity_not_mapped');
    expect(s.lines).toBe(lines.length + 1);
  });
});

const denial = (i: number): string =>
  `Error from server (Forbidden): pods is forbidden: User "user-${i}" cannot list resource "pods" in API group "" in the namespace "ns-${i}"`;

/** A controller's AWS denial at a moment of a log: the same message every time but its timestamp and request id. */
const accessDenied = (i: number): string =>
  `{"level":"error","ts":"2026-11-29T05:31:${String(i % 60).padStart(2, '0')}Z","msg":"Reconciler error","reconcileID":"id-${i}","error":"AccessDenied: User: arn:aws:sts::123456789012:assumed-role/AmazonEKSLoadBalancerControllerRole/1700000000 is not authorized to perform: elasticloadbalancing:AddTags on resource: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/k8s-shop-shop-0a1b2c3d4e/* because no identity-based policy allows the elasticloadbalancing:AddTags action"}`;
/** An ordinary line of the same log. */
const info = (i: number): string =>
  `{"level":"info","ts":"2026-11-29T05:31:${String(i % 60).padStart(2, '0')}Z","msg":"successfully deployed model","ingressGroup":"shop/app-${i}"}`;

describe('a stream folds the repeats of a message into one fact', () => {
  test('property: one signal per message, with its count, first and last line and first lines as examples; the same diagnoses as unbounded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        async (denied, at) => {
          const lines = denied.map((d, i) => (d ? accessDenied(i) : info(i)));
          const text = `${lines.join('\n')}\n`;
          const s = new DiagnosisStream(OPTIONS);
          for (const piece of cut(text, at)) s.write(piece);
          const { facts, report } = await s.finish();
          const at1 = denied.flatMap((d, i) => (d ? [i + 1] : []));
          const signals = facts.signals.filter((x) => x.groups['action'] === 'elasticloadbalancing:AddTags');
          if (at1.length === 0) {
            expect(signals).toEqual([]);
            return;
          }
          expect(signals).toHaveLength(1);
          const [one] = signals;
          expect(one?.line).toBe(at1[0]);
          expect(one?.count ?? 1).toBe(at1.length);
          if (at1.length > 1) {
            expect(one?.lastLine).toBe(at1.at(-1));
            expect(one?.lines).toEqual(at1.slice(0, 3));
          }
          const unbounded = await streamed([text]);
          const ids = (r: Report): string[] => r.diagnoses.map((d) => `${d.ruleId} ${d.subject ?? ''}`);
          expect(ids(report)).toEqual(ids(unbounded.report));
          const evidence = report.diagnoses.flatMap((d) => d.evidence);
          expect(evidence.map((e) => e.line).filter((n) => at1.includes(n))).toEqual(at1.slice(0, 3));
          const said = evidence.filter((e) => e.why.includes('this message came'));
          expect(
            said.map((e) =>
              e.why.endsWith(`came ${at1.length} times in the stream, from line ${at1[0]} to line ${at1.at(-1)})`),
            ),
          ).toEqual(at1.length > 1 ? [true] : []);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('a message repeated 100 000 times is one fact and three lines of evidence; in Japanese too', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const s = new DiagnosisStream({ ...OPTIONS, lang });
      for (let i = 0; i < 100_000; i += 1000)
        s.write(
          `${Array.from({ length: 1000 }, (_, k) => ((i + k) % 10 === 3 ? accessDenied(i + k) : info(i + k))).join('\n')}\n`,
        );
      const { facts, report } = await s.finish();
      // The message matches two signatures: each is one fact.
      expect(facts.signals.map((x) => [x.id, x.line, x.count, x.lastLine, x.lines])).toEqual(
        ['controller_reconcile_error', 'aws_action_denied'].map((id) => [id, 4, 10_000, 99_994, [4, 14, 24]]),
      );
      expect(s.evicted.facts).toBe(0);
      const [first, ...rest] = report.diagnoses[0]?.evidence ?? [];
      expect([first?.line, ...rest.map((e) => e.line)]).toEqual([4, 14, 24]);
      expect(first?.why).toMatch(
        lang === 'en'
          ? / \(this message came 10000 times in the stream, from line 4 to line 99994\)$/
          : / \(このメッセージはストリームに 10000 回現れました。4 行目から 99994 行目まで\)$/,
      );
    }
  });

  test('the count growing is a change of the diagnosis', async () => {
    const s = new DiagnosisStream(OPTIONS);
    s.write(`${accessDenied(0)}\n${accessDenied(1)}\n`);
    const first = diffReport(new Map(), (await s.diagnose()).report);
    expect(first.updates.map((u) => u.change)).toEqual(['new']);
    s.write(`${accessDenied(2)}\n`);
    const next = diffReport(first.seen, (await s.diagnose()).report);
    expect(next.updates.map((u) => u.change)).toEqual(['changed']);
    expect(diffReport(next.seen, (await s.finish()).report).updates).toEqual([]);
  });
});

describe('a stream stays within its limits', () => {
  test('facts past the limit go, oldest first; so do their diagnoses', async () => {
    const s = new DiagnosisStream({ ...OPTIONS, limits: { facts: 40 } });
    for (let i = 0; i < 1000; i++) s.write(`${denial(i)}\n`);
    const { facts, report } = await s.finish();
    expect(s.evicted.facts).toBeGreaterThan(900);
    expect(facts.forbidden.length).toBeGreaterThan(0);
    expect(facts.forbidden.length).toBeLessThanOrEqual(50);
    expect(facts.forbidden.at(-1)?.username).toBe('user-999');
    const users = report.diagnoses.flatMap((d) => (d.subject === undefined ? [] : [d.subject]));
    expect(users.some((u) => u.includes('user-999'))).toBe(true);
    expect(users.some((u) => u.includes('user-0"') || u.endsWith('user-0'))).toBe(false);
  });

  test('evidence lines past the limit keep their number and lose their text, and the update counts them', async () => {
    const s = new DiagnosisStream({ ...OPTIONS, limits: { lines: 50 } });
    s.write('error: You must be logged in to the server (Unauthorized)\n');
    for (let i = 0; i < 300; i++) s.write(`${denial(i)}\n`);
    const { report } = await s.finish();
    const unauthorized = report.diagnoses.find((d) => d.evidence.some((e) => e.line === 1));
    expect(unauthorized?.evidence.find((e) => e.line === 1)?.text).toBe('');
    const { updates } = diffReport(new Map(), report);
    const update = updates.find((u) => u.diagnosis.ruleId === unauthorized?.ruleId);
    expect(update?.change).toBe('new');
    expect(update && update.change !== 'resolved' ? update.evictedEvidence : 0).toBeGreaterThan(0);
    // The latest lines are still shown.
    const last = report.diagnoses.flatMap((d) => d.evidence).find((e) => e.line === 301);
    expect(last?.text).toBe(denial(299));
  });

  test('events past the limit go, least recently seen first', async () => {
    const s = new DiagnosisStream({ ...OPTIONS, limits: { events: 10 } });
    s.write('LAST SEEN   TYPE      REASON             OBJECT        MESSAGE\n');
    for (let i = 0; i < 100; i++)
      s.write(
        `5m          Warning   FailedScheduling   pod/web-${i}   0/3 nodes are available: 3 node(s) were not ready.\n`,
      );
    // Seen again: it moves to the end.
    s.write(
      '5m          Warning   FailedScheduling   pod/web-0   0/3 nodes are available: 3 node(s) were not ready.\n',
    );
    const { facts } = await s.finish();
    expect(facts.events.length).toBeLessThanOrEqual(13);
    expect(facts.events.map((e) => e.object).slice(-2)).toEqual(['pod/web-99', 'pod/web-0']);
    expect(facts.events.at(-1)?.count).toBe(1);
  });

  test('a watch of YAML objects is read document by document, past the lines a section read whole may hold', async () => {
    const event = (i: number): string =>
      [
        '---',
        'apiVersion: v1',
        'kind: Event',
        'metadata:',
        `  name: web-${i}.17f3`,
        '  namespace: shop',
        'involvedObject:',
        '  kind: Pod',
        `  name: web-${i}`,
        '  namespace: shop',
        'reason: FailedScheduling',
        'type: Warning',
        "message: '0/3 nodes are available: 3 node(s) had untolerated taint {team: gpu}.'",
        '',
      ].join('\n');
    const s = new DiagnosisStream({ ...OPTIONS, limits: { sectionLines: 100 } });
    for (let i = 0; i < 50; i++) s.write(event(i));
    const { facts } = await s.finish();
    // 50 documents of 13 lines: a section held whole would be cut after 100 lines and the rest read as text.
    expect(facts.events.map((e) => e.object)).toEqual(Array.from({ length: 50 }, (_, i) => `Pod/web-${i}`));
  });

  test('a line whose newline does not come is held only up to its limit', async () => {
    const s = new DiagnosisStream({ ...OPTIONS, limits: { lineChars: 100 } });
    s.write('error: You must be logged in to the server (Unauthorized)');
    for (let i = 0; i < 50; i++) s.write(' x'.repeat(100));
    const { report } = await s.finish();
    const e = report.diagnoses.flatMap((d) => d.evidence).find((x) => x.line === 1);
    expect(e?.text.startsWith('error: You must be logged in')).toBe(true);
    expect(e?.text.length).toBeLessThanOrEqual(100);
  });
});

describe('updates', () => {
  const report = (confidence: number, extra = 0): Report => ({
    schemaVersion: 1,
    lang: 'en',
    inputs: [],
    issues: [],
    diagnoses: [
      {
        rootCause: 'rbac_permission_missing',
        ruleId: 'forbidden-rbac-permission-missing',
        subject: 'User ci',
        title: 't',
        severity: 'error',
        confidence,
        summary: 's',
        explanation: 'e',
        evidence: Array.from({ length: 1 + extra }, (_, i) => ({ line: i + 1, text: `l${i}`, why: 'w' })),
        nextSteps: [],
        remediation: [],
        references: [],
      },
    ],
  });

  test('new, then changed (confidence or evidence), then resolved; the same report again says nothing', () => {
    const first = diffReport(new Map(), report(0.5));
    expect(first.updates.map((u) => u.change)).toEqual(['new']);
    expect(diffReport(first.seen, report(0.5)).updates).toEqual([]);
    const changed = diffReport(first.seen, report(0.7, 1));
    expect(changed.updates.map((u) => u.change)).toEqual(['changed']);
    const gone = diffReport(changed.seen, { ...report(0.7), diagnoses: [] });
    expect(gone.updates).toEqual([
      {
        change: 'resolved',
        diagnosis: {
          ruleId: 'forbidden-rbac-permission-missing',
          rootCause: 'rbac_permission_missing',
          subject: 'User ci',
        },
      },
    ]);
  });

  test('diagnoseStream yields the updates of a stream as it arrives, and the last ones at its end', async () => {
    async function* source(): AsyncGenerator<string> {
      yield 'error: You must be logged in to the server (Unauthorized)\n';
      for (let i = 0; i < 3; i++) yield await Promise.resolve(`${denial(i)}\n`);
    }
    const updates: DiagnosisUpdate[] = [];
    for await (const u of diagnoseStream(source(), { ...OPTIONS, diagnoseEvery: 1 })) updates.push(u);
    expect(updates[0]?.change).toBe('new');
    const rootCauses = updates.filter((u) => u.change === 'new').map((u) => u.diagnosis.rootCause);
    expect(rootCauses).toContain('rbac_permission_missing');
    expect(new Set(rootCauses).size).toBeGreaterThan(1);
  });
});
