// Hardness of the bundled CLI (packages/cli/dist/rbac-diagnose.js, built by `pnpm build`): hostile input gets a
// report, or a one-line input error with exit 2, within a few seconds — never a stack trace, a crash or a hang.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const MB = 1024 * 1024;

function run(args: string[], input?: string | Buffer): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { input: input ?? '', env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 30000, maxBuffer: 64 * MB });
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
    const r = run(['-o', 'json', '--max-line-size', '1'], `Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "web"${' x'.repeat(4000)}\n`);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { issues: { code: string; line: number }[]; diagnoses: { rootCause: string }[] };
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'line_too_long', line: 1 }));
    expect(report.diagnoses[0]?.rootCause).toBe('rbac_permission_missing');
    const bad = run(['--max-line-size', '0'], 'x\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rbac-diagnose: --max-line-size is in KiB and must be positive\n$/);
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
    const r = run(['-o', 'json'], Buffer.concat([Buffer.from('error: You must be logged in to the server (Unauthorized)\n'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x28, 0xa1, 0x0a])]));
    expectReportOrInputError(r);
    expect(r.code).toBe(0);
  });

  test('input over --max-size is refused with one line and exit 2', () => {
    const r = run(['-o', 'json', '--max-size', '1'], 'x'.repeat(2 * MB));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('deeply nested YAML (100k [) does not crash the process', () => {
    const r = run(['-o', 'json'], `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  x: ${'['.repeat(100000)}\n`);
    expectReportOrInputError(r);
    expect(r.code).toBe(0);
  });
});
