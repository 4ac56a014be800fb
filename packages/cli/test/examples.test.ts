import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('examples/events-to-ndjson.mjs turns real `kubectl get events -o json` output into NDJSON diagnoses', () => {
  const r = spawnSync(
    process.execPath,
    ['examples/events-to-ndjson.mjs', 'fixtures/events-json/1.27/not-ready-json.txt'],
    { cwd: root, encoding: 'utf8' },
  );
  expect(r.status).toBe(0);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { rootCause: string; evidence: { line: number }[] });
  expect(lines[0]?.rootCause).toBe('node_role_not_mapped');
  expect(lines[0]?.evidence.length).toBeGreaterThan(0);
});

test('examples/stream-to-ndjson.mjs follows a log shipper’s NDJSON stream and prints updates as NDJSON', () => {
  // Fluent Bit's json_lines: each record carries the original line in `log`; a plain line passes as it is.
  const log = readFileSync(new URL('../../../fixtures/seed-walls/wall2-forbidden.txt', import.meta.url), 'utf8');
  const input = log
    .trimEnd()
    .split('\n')
    .map((line, i) =>
      i % 2 === 1 ? JSON.stringify({ date: 1700000000 + i, log: `${line}\n`, stream: 'stderr' }) : line,
    )
    .join('\n');
  const r = spawnSync(process.execPath, ['examples/stream-to-ndjson.mjs'], { cwd: root, input, encoding: 'utf8' });
  expect(r.status).toBe(0);
  const updates = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { change: string; rootCause: string; evidence: { line: number; text: string }[] });
  const first = updates.find((u) => u.rootCause === 'rbac_permission_missing');
  expect(first?.change).toBe('new');
  // Evidence shows the line as the program printed it, not the shipper's record.
  expect(first?.evidence[0]?.text).toMatch(/^Error from server \(Forbidden\)/);
});
