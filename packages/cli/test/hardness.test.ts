// Hardness of the bundled CLI (packages/cli/dist/rbac-diagnose.js, built by `pnpm build`): hostile input gets a
// report, or a one-line input error with exit 2, within a few seconds — never a stack trace, a crash or a hang.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const MB = 1024 * 1024;

function run(
  args: string[],
  input?: string | Buffer,
): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], {
    input: input ?? '',
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30000,
    maxBuffer: 64 * MB,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/** Exit 0 with a JSON report, or exit 2 with exactly one line on stderr; nothing else. */
function expectReportOrInputError(r: ReturnType<typeof run>): void {
  expect(r.signal).toBeNull();
  if (r.code === 0) {
    const report = JSON.parse(r.stdout) as { schemaVersion: number };
    expect(report.schemaVersion).toBe(1);
  } else {
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^rbac-diagnose: /);
  }
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

let dir = '';
beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first (the Quick start does)`);
  dir = mkdtempSync(join(tmpdir(), 'rbac-diagnose-hardness-'));
});

describe('the CLI on hostile input: a report or a one-line input error (exit 2) within seconds', () => {
  test('a 5 MB single line on stdin', () => {
    const r = run(['-o', 'json'], `Error from server (Forbidden): ${'x'.repeat(5 * MB)}\n`);
    expectReportOrInputError(r);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(15000);
  });

  test('--max-line-size: a longer line is searched in its start, with an input note; a bad value is a usage error', () => {
    const r = run(
      ['-o', 'json', '--max-line-size', '1'],
      `Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "web"${' x'.repeat(4000)}\n`,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      issues: { code: string; line: number }[];
      diagnoses: { rootCause: string }[];
    };
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'line_too_long', line: 1 }));
    expect(report.diagnoses[0]?.rootCause).toBe('rbac_permission_missing');
    const bad = run(['--max-line-size', '0'], 'x\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rbac-diagnose: --max-line-size is in KiB and must be positive\n$/);
  });

  test('YAML with a collection as a key (in aws-auth mapRoles) gives a report and no Node warning on stderr', () => {
    const r = run(
      ['-o', 'json'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - ? [a]\n      : b\n',
    );
    expectReportOrInputError(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('a 5 MB single line in a file', () => {
    const f = join(dir, 'one-line.txt');
    writeFileSync(f, `${'User "a" cannot '.repeat((5 * MB) / 16)}\n`);
    const r = run(['-o', 'json', f]);
    expectReportOrInputError(r);
    expect(r.ms).toBeLessThan(15000);
  });

  test('binary input (NUL-heavy) on stdin is refused politely with exit 2', () => {
    const bytes = Buffer.alloc(200000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 3 === 0 ? 0 : (i * 31) % 256;
    const r = run(['-o', 'json'], bytes);
    expectReportOrInputError(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('binary');
    expect(r.ms).toBeLessThan(10000);
  });

  test('binary input in a file (a gzip-like header, random bytes) gets a report or exit 2', () => {
    const bytes = Buffer.alloc(1 * MB);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    bytes[0] = 0x1f;
    bytes[1] = 0x8b;
    const f = join(dir, 'random.bin');
    writeFileSync(f, bytes);
    const r = run(['-o', 'json', f]);
    expectReportOrInputError(r);
    expect(r.ms).toBeLessThan(15000);
  });

  test('invalid UTF-8 without NUL bytes is decoded with replacement characters and diagnosed', () => {
    const r = run(
      ['-o', 'json'],
      Buffer.concat([
        Buffer.from('error: You must be logged in to the server (Unauthorized)\n'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x28, 0xa1, 0x0a]),
      ]),
    );
    expectReportOrInputError(r);
    expect(r.code).toBe(0);
  });

  test('input over --max-size is refused with one line and exit 2', () => {
    const r = run(['-o', 'json', '--max-size', '1'], 'x'.repeat(2 * MB));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('deeply nested YAML (100k [) does not crash the process', () => {
    const r = run(
      ['-o', 'json'],
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  x: ${'['.repeat(100000)}\n`,
    );
    expectReportOrInputError(r);
    expect(r.code).toBe(0);
  });
});

// The CLI reads stdin and writes stdout with synchronous descriptor calls (io.ts) and falls back to the process.stdin /
// process.stdout streams when a descriptor is non-blocking (EAGAIN), as when a parent shares its own non-blocking pipe.
// A child spawned by Node gets blocking stdio (libuv resets it), so a small python3 wrapper sets O_NONBLOCK on the
// descriptor and then execs the CLI. Skipped where python3 is missing.
const hasPython = spawnSync('python3', ['-c', 'import fcntl, os'], { stdio: 'ignore' }).status === 0;
const NONBLOCK_EXEC =
  'import fcntl, os, sys\nfd = int(sys.argv[1])\nfcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)\nos.execv(sys.argv[2], sys.argv[2:])\n';

describe.runIf(process.platform === 'linux' && hasPython)(
  'non-blocking standard input and output (EAGAIN) take the stream fallback',
  () => {
    const wall2 = fileURLToPath(new URL('../../../fixtures/seed-walls/wall2-forbidden.txt', import.meta.url));
    const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
    const collect = (
      child: ReturnType<typeof spawn>,
    ): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        let stdout = '';
        let stderr = '';
        child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });

    test('stdin: a non-blocking pipe whose writer has not written yet (the first read is EAGAIN)', async () => {
      const child = spawn('python3', ['-c', NONBLOCK_EXEC, '0', process.execPath, bin, '-o', 'json'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const result = collect(child);
      await sleep(600);
      child.stdin?.end(readFileSync(wall2));
      const r = await result;
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { diagnoses: { rootCause: string }[] }).diagnoses[0]?.rootCause).toBe(
        'rbac_permission_missing',
      );
    });

    test('stdout: a non-blocking pipe that a slow reader lets fill up (a write is EAGAIN); the whole report arrives', async () => {
      // Thousands of small sections: a JSON report of several hundred KB, more than a pipe holds (64 KB).
      const input = Array.from(
        { length: 4000 },
        (_, i) => `Error from server (NotFound): pods "web-${i}" not found\n\n`,
      ).join('');
      const child = spawn('python3', ['-c', NONBLOCK_EXEC, '1', process.execPath, bin, '-o', 'json'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdout?.pause();
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdin?.end(input);
      // Read nothing until the child has had time to fill the pipe, then drain it.
      await sleep(2000);
      const chunks: Buffer[] = [];
      child.stdout?.on('data', (d: Buffer) => chunks.push(d));
      child.stdout?.resume();
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const out = Buffer.concat(chunks).toString('utf8');
      expect(out.length).toBeGreaterThan(65536);
      expect((JSON.parse(out) as { inputs: unknown[] }).inputs.length).toBeGreaterThan(3000);
    }, 30000);
  },
);
