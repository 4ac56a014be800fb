// End-to-end tests of `rbac-diagnose --follow`: the bundled CLI as a real child process, its standard input a pipe
// written in pieces (as `kubectl get -w` and `kubectl logs -f` write), its standard output read record by record.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

interface FollowRecord {
  time: string;
  change: 'new' | 'changed' | 'resolved' | 'error';
  namespace: string | null;
  diagnosis: {
    ruleId: string;
    rootCause: string;
    subject?: string;
    confidence?: number;
    evidence?: { line: number; text: string }[];
  };
  evictedEvidence?: number;
}

/** A --follow process: write to its input, wait for its records, end its input. */
function follow(args: string[] = []): {
  write: (s: string) => void;
  records: FollowRecord[];
  waitFor: (n: number) => Promise<void>;
  end: () => Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [bin, '--follow', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const records: FollowRecord[] = [];
  let out = '';
  let stderr = '';
  const waiting: { n: number; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
    for (let nl = out.indexOf('\n'); nl !== -1; nl = out.indexOf('\n')) {
      records.push(JSON.parse(out.slice(0, nl)) as FollowRecord);
      out = out.slice(nl + 1);
    }
    for (const w of waiting.filter((x) => records.length >= x.n)) w.resolve();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    write: (s) => child.stdin.write(s),
    records,
    waitFor: (n) =>
      records.length >= n
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiting.push({ n, resolve })),
            closed.then(() => {
              throw new Error(`the process ended with ${records.length} records, before ${n}: ${stderr}`);
            }),
          ]),
    end: async () => {
      child.stdin.end();
      const code = await closed;
      expect(out).toBe('');
      return { code, stderr };
    },
  };
}

/** The one-shot report of the same input, as `rbac-diagnose -o json` prints it. */
function oneShot(input: string): { ruleId: string; rootCause: string; subject?: string; confidence: number }[] {
  const r = spawnSync(process.execPath, [bin, '-o', 'json'], { input, encoding: 'utf8' });
  return (
    JSON.parse(r.stdout) as { diagnoses: { ruleId: string; rootCause: string; subject?: string; confidence: number }[] }
  ).diagnoses;
}

/** The diagnoses the records leave standing: each new or changed one as last printed, resolved ones gone. */
function standing(records: readonly FollowRecord[]): Map<string, number | undefined> {
  const now = new Map<string, number | undefined>();
  for (const r of records) {
    const key = JSON.stringify([r.diagnosis.ruleId, r.diagnosis.rootCause, r.diagnosis.subject ?? null]);
    if (r.change === 'resolved') now.delete(key);
    else now.set(key, r.diagnosis.confidence);
  }
  return now;
}

function expectSameAsOneShot(records: readonly FollowRecord[], input: string): void {
  const report = oneShot(input);
  expect(report.length).toBeGreaterThan(0);
  expect(standing(records)).toEqual(
    new Map(report.map((d) => [JSON.stringify([d.ruleId, d.rootCause, d.subject ?? null]), d.confidence])),
  );
}

/** `text` cut into pieces that end mid-line, as a pipe delivers them. */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
});

describe('rbac-diagnose --follow', () => {
  test('concatenated JSON objects (kubectl get events -w -o json): records as the objects arrive, watch’s format', async () => {
    const list = JSON.parse(readFileSync(join(fixtures, 'events-json/1.27/not-ready-json.txt'), 'utf8')) as {
      items: unknown[];
    };
    const objects = list.items.map((e) => `${JSON.stringify(e, null, 4)}\n`);
    const f = follow();
    // The first object, in pieces that end inside it; the stream stays open.
    for (const p of pieces(objects[0] ?? '', 700)) f.write(p);
    await f.waitFor(1);
    const first = f.records[0] as FollowRecord;
    expect(first.change).toBe('new');
    expect(first.namespace).toBeNull();
    expect(Number.isNaN(Date.parse(first.time))).toBe(false);
    expect(first.diagnosis.rootCause).toBe('node_role_not_mapped');
    const before = f.records.length;
    for (const p of pieces(objects.slice(1).join(''), 500)) f.write(p);
    const { code, stderr } = await f.end();
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // More evidence came: the diagnosis changed.
    expect(
      f.records.slice(before).some((r) => r.change === 'changed' && r.diagnosis.rootCause === 'node_role_not_mapped'),
    ).toBe(true);
    expectSameAsOneShot(f.records, objects.join(''));
  });

  test('a log repeating one message: one diagnosis whose evidence says how often it came (NDJSON golden, both languages)', async () => {
    // A load balancer controller's AccessDenied seven times among ordinary lines (timestamps and request ids differ).
    const input = readFileSync(new URL('golden/follow-repeated.log', import.meta.url), 'utf8');
    for (const [lang, golden] of [
      ['en', 'golden/follow-repeated.ndjson'],
      ['ja', 'golden/ja/follow-repeated.ndjson'],
    ] as const) {
      const r = spawnSync(process.execPath, [bin, '--follow', '--lang', lang], { input, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const records = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.stringify({ ...(JSON.parse(l) as FollowRecord), time: '<time>' }));
      await expect(`${records.join('\n')}\n`).toMatchFileSnapshot(golden);
    }
  });

  test('a get -w table: rows arriving one by one, the header first', async () => {
    const table = readFileSync(join(fixtures, 'get-events/1.27/failedcreate.txt'), 'utf8');
    const [header, ...rows] = table.trimEnd().split('\n');
    const f = follow();
    f.write(`${header}\n`);
    f.write((rows[0] ?? '').slice(0, 40));
    f.write(`${(rows[0] ?? '').slice(40)}\n`);
    await f.waitFor(1);
    expect(f.records[0]?.change).toBe('new');
    expect(f.records[0]?.diagnosis.rootCause).toBe('pod_security_violation');
    for (const r of rows.slice(1)) f.write(`${r}\n`);
    expect((await f.end()).code).toBe(0);
    expectSameAsOneShot(f.records, table);
  });

  test('a log stream (kubectl logs -f): one error among many ordinary lines, diagnosed while the stream pauses', async () => {
    const error = readFileSync(
      fileURLToPath(
        new URL(
          '../../rules/rules/controller-iam-action-denied/fire.alb-3372-addtags-on-create.input.txt',
          import.meta.url,
        ),
      ),
      'utf8',
    )
      .split('\n')
      .find((l) => l.includes('AccessDenied'))
      ?.replace(/^`/, '');
    expect(error).toBeDefined();
    const ordinary = (i: number): string =>
      `{"level":"info","ts":"2023-09-01T10:25:${String(i % 60).padStart(2, '0')}Z","msg":"Reconciling","controller":"ingress","reconcileID":"${i}"}\n`;
    const f = follow();
    let log = '';
    for (let i = 0; i < 2000; i++) log += ordinary(i);
    log += `${error ?? ''}\n`;
    f.write(log);
    // Nothing follows the error line yet: it is diagnosed when the input pauses.
    await f.waitFor(1);
    expect(f.records[0]?.diagnosis.rootCause).toBe('controller_iam_permission_missing');
    expect(f.records[0]?.diagnosis.evidence?.[0]?.line).toBe(2001);
    let more = '';
    for (let i = 2000; i < 4000; i++) more += ordinary(i);
    f.write(more);
    expect((await f.end()).code).toBe(0);
    expectSameAsOneShot(f.records, log + more);
  });

  test('bounded: old evidence lines are dropped and the record says how many', async () => {
    // An error, then 30 000 table rows (facts that cite their lines), then the error again: its first line's text is
    // gone by then (a stream keeps 5000 lines for evidence), its number stays.
    const f = follow();
    f.write('error: You must be logged in to the server (Unauthorized)\n\nNAME   READY   STATUS    RESTARTS   AGE\n');
    let rows = '';
    for (let i = 0; i < 30000; i++) rows += `web-${i}   1/1     Running   0          5m\n`;
    for (const p of pieces(rows, 65536)) f.write(p);
    f.write('\nerror: You must be logged in to the server (Unauthorized)\n');
    expect((await f.end()).code).toBe(0);
    const last = f.records.filter((r) => r.diagnosis.rootCause === 'iam_identity_not_mapped').at(-1);
    expect(last?.change).toBe('changed');
    expect(last?.evictedEvidence).toBe(1);
    expect(last?.diagnosis.evidence?.find((e) => e.line === 1)?.text).toBe('');
    expect(last?.diagnosis.evidence?.find((e) => e.line > 30000)?.text).toBe(
      'error: You must be logged in to the server (Unauthorized)',
    );
  });

  test('refused: binary input, files, and options that make a report', () => {
    const bin2 = spawnSync(process.execPath, [bin, '--follow'], { input: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]) });
    expect(bin2.status).toBe(2);
    expect(bin2.stderr.toString()).toMatch(/^rbac-diagnose: standard input looks binary/);
    for (const args of [
      ['--follow', 'x.txt'],
      ['--follow', '--fix'],
      ['--follow', '-o', 'yaml'],
      ['watch', '--follow'],
    ]) {
      const r = spawnSync(process.execPath, [bin, ...args], { input: '', encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^rbac-diagnose: .*follow/);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
  });
});
