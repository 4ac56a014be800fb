import { spawnSync } from 'node:child_process';
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
