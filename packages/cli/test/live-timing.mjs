// Measures `rbac-diagnose live pod` wall time against the loopback fixture API server (client-node import included),
// side by side with `node -e 0` and piped mode, interleaved round-robin; prints medians. Run after `pnpm build`:
//   node packages/cli/test/live-timing.mjs [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiServer } from '../../../fixtures/harness/server.mjs';

const runs = Number(process.argv[2] ?? 15);
const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const wall3 = fileURLToPath(new URL('../../../fixtures/seed-walls/wall3-pending-not-ready-disk.txt', import.meta.url));
const srv = await startApiServer({ scenario: 'nodes-not-ready' });
const dir = mkdtempSync(join(tmpdir(), 'rbac-live-timing-'));
const kc = join(dir, 'kubeconfig');
writeFileSync(kc, `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: ${srv.url}, certificate-authority-data: ${Buffer.from(srv.ca).toString('base64')}}}]
contexts: [{name: x, context: {cluster: c, user: u, namespace: sample-namespace}}]
current-context: x
users: [{name: u, user: {token: admin-token}}]
`);
const input = readFileSync(wall3);
function time(args, stdin) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const c = spawn(process.execPath, args, { env: { ...process.env, KUBECONFIG: kc }, stdio: ['pipe', 'ignore', 'ignore'] });
    c.stdin.end(stdin ?? '');
    c.on('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}
const cases = {
  'node -e 0': () => time(['-e', '0']),
  'piped: rbac-diagnose < wall3': () => time([bin], input),
  'live pod (json)': () => time([bin, 'live', 'pod', 'samplepod-9876543210-vwxyz', '-o', 'json']),
};
const results = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [k, f] of Object.entries(cases)) results[k].push(await f());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, xs] of Object.entries(results)) console.log(`${k.padEnd(32)} median ${median(xs).toFixed(0).padStart(5)} ms   min ${Math.min(...xs).toFixed(0)}  max ${Math.max(...xs).toFixed(0)}  (n=${xs.length})`);
await srv.close();
