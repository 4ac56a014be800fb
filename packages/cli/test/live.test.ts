// Live mode end to end: the bundled CLI (packages/cli/dist/rbac-diagnose.js) as a real process, talking real HTTPS to
// the fixture API server of fixtures/harness on 127.0.0.1 (no module mocks). Identities: admin-token (system:masters),
// dev-token (no RBAC grants → 403), unknown tokens (→ 401); exec plugins are shell scripts on disk.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApiServer } from '../../../fixtures/harness/server.mjs';
import { selfSignedCert } from '../../../fixtures/harness/lib/tls.mjs';
import { evidenceProblems, reportSchemaErrors } from '../../../test-support/schema.js';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const POD = 'samplepod-9876543210-vwxyz';
const NODE = 'ip-192-168-12-34.us-west-2.compute.internal';

interface Srv {
  url: string;
  ca: string;
  requests: { method: string; path: string; query: Record<string, string>; status?: number }[];
  addObject: (o: unknown) => void;
  close: () => Promise<void>;
}
interface Report {
  schemaVersion: number;
  inputs: { kind: string; source?: string }[];
  diagnoses: {
    rootCause: string;
    ruleId: string;
    confidence: number;
    evidence: { line: number; text: string; source?: string; why: string }[];
    nextSteps: { command: string }[];
  }[];
  issues: { code: string; message: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'rbac-live-'));
let seed: Srv; // nodes-not-ready: the seed's NotReady nodes
let slow: Srv; // 3 s per request

/** A closed loopback port: listen, note the port, close. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function script(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}`);
  chmodSync(p, 0o755);
  return p;
}

const execUser = (command: string, apiVersion = 'client.authentication.k8s.io/v1beta1'): string => `
    exec:
      apiVersion: ${apiVersion}
      command: ${command}
      args: [--region, us-west-2, eks, get-token, --cluster-name, sample-cluster, --output, json]
      env: [{name: AWS_PROFILE, value: team-dev}]`;

/** A kubeconfig with one context per credential profile, all on `server`. */
function kubeconfig(name: string, server: Srv | string, ns = 'sample-namespace'): string {
  const url = typeof server === 'string' ? server : server.url;
  const ca =
    typeof server === 'string' ? '' : `\n    certificate-authority-data: ${Buffer.from(server.ca).toString('base64')}`;
  const unmapped = script(
    'aws-unmapped',
    `cat <<'JSON'\n{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","spec":{},"status":{"expirationTimestamp":"2099-01-01T00:00:00Z","token":"k8s-aws-v1.aHR0cHM6Ly9zdHMudXMtd2VzdC0yLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1HZXRDYWxsZXJJZGVudGl0eQ"}}\nJSON\n`,
  );
  const nocreds = script(
    'aws-nocreds',
    `printf '%s\\n' 'aws: [ERROR]: Unable to locate credentials. You can configure credentials by running "aws login".' >&2\nexit 253\n`,
  );
  const users: Record<string, string> = {
    admin: '\n    token: admin-token',
    dev: '\n    token: dev-token',
    unknown: '\n    token: not-a-token-the-server-knows',
    'exec-unmapped': execUser(unmapped),
    'exec-nocreds': execUser(nocreds),
    'exec-missing': execUser(join(dir, 'aws-does-not-exist')),
    'exec-v1alpha1': execUser(unmapped, 'client.authentication.k8s.io/v1alpha1'),
  };
  const text = `apiVersion: v1
kind: Config
clusters:
- name: sample-cluster
  cluster:
    server: ${url}${ca}
contexts:
${Object.keys(users)
  .map((u) => `- name: ${u}\n  context:\n    cluster: sample-cluster\n    user: ${u}\n    namespace: ${ns}`)
  .join('\n')}
current-context: admin
users:
${Object.entries(users)
  .map(([u, body]) => `- name: ${u}\n  user:${body}`)
  .join('\n')}
`;
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Runs the CLI asynchronously (the API server lives in this process, so spawnSync would deadlock it). */
function run(
  args: string[],
  kc: string,
  opts: { timeoutMs?: number; onStdout?: (chunk: string, child: ReturnType<typeof spawn>) => void } = {},
): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, KUBECONFIG: kc, NO_COLOR: '1', HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      opts.onStdout?.(stdout, child);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

const json = (s: string): Report => JSON.parse(s) as Report;
const causes = (r: Report): string[] => r.diagnoses.map((d) => d.rootCause);
const readDir = (d: string): Record<string, string> =>
  Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(join(d, f), 'utf8')]));

let seedKc: string;

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
  seed = await startApiServer({ scenario: 'nodes-not-ready' });
  slow = await startApiServer({ scenario: 'nodes-not-ready', latencyMs: 3000 });
  seedKc = kubeconfig('seed.kubeconfig', seed);
});
afterAll(async () => {
  await seed?.close();
  await slow?.close();
});

describe('live pod on the seed scenario (NotReady nodes)', () => {
  test('names node_role_not_mapped with evidence from the collected pod, nodes and aws-auth; --save round-trips', async () => {
    const save = join(dir, 'save-seed');
    const before = seed.requests.length;
    const r = await run(['live', 'pod', POD, '-o', 'json', '--save', save], seedKc);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(reportSchemaErrors(report)).toEqual([]);
    const top = report.diagnoses[0];
    expect(top?.rootCause).toBe('node_role_not_mapped');
    expect(top?.confidence).toBeGreaterThanOrEqual(0.9);
    const sources = new Set(top?.evidence.map((e) => e.source));
    expect(sources).toContain('pod.describe.txt');
    expect(sources).toContain('nodes.describe.txt');
    expect(sources).toContain('aws-auth.json');
    expect(top?.evidence.some((e) => /Ready\s+Unknown/.test(e.text))).toBe(true);
    // what was collected is reported
    const collected = report.issues
      .filter((i) => i.code === 'live_collected')
      .map((i) => i.message)
      .join('\n');
    expect(collected).toMatch(/pod sample-namespace\/samplepod-9876543210-vwxyz/);
    expect(collected).toMatch(/2 nodes/);
    expect(collected).toMatch(/aws-auth ConfigMap/);
    expect(collected).toMatch(/events of ReplicaSet\/samplepod-9876543210/);
    expect(collected).toMatch(/identity: kubernetes-admin/);
    // the kinds the core recognised
    expect(new Set(report.inputs.map((i) => i.kind))).toEqual(
      new Set(['describe-pod', 'describe-node', 'events-json', 'aws-auth', 'whoami', 'can-i']),
    );
    // --save wrote what was collected; evidence points at real lines of those files
    const files = readDir(save);
    expect(Object.keys(files).sort()).toEqual([
      'aws-auth.json',
      'can-i-list.txt',
      'events.owner.json',
      'nodes.describe.txt',
      'pod.describe.txt',
      'whoami.txt',
    ]);
    expect(evidenceProblems(report, files)).toEqual([]);
    // offline mode reads the files back to the same diagnoses
    const off = await run(['-o', 'json', ...Object.keys(files).map((f) => join(save, f))], seedKc);
    expect(off.code).toBe(0);
    const strip = (x: Report): unknown => ({ ...x, issues: x.issues.filter((i) => !i.code.startsWith('live_')) });
    expect(strip(json(off.stdout))).toEqual(strip(report));
    // read-only: only GETs, and POSTs to the self-review APIs
    const mine = seed.requests.slice(before);
    expect(mine.length).toBeGreaterThan(5);
    for (const q of mine) {
      if (q.method !== 'GET') expect(q.path).toMatch(/\/selfsubject(?:access|rules)?reviews$/);
    }
  });

  test('text output starts with what was collected', async () => {
    const r = await run(['live', 'pod', POD], seedKc);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^rbac-diagnose live: context admin, server https:\/\/127\.0\.0\.1:\d+\n {2}collected: identity: kubernetes-admin; /,
    );
    expect(r.stdout).toMatch(/error node_role_not_mapped {2}confidence 0\.9/);
  });

  test('--redact: saved files and report mask names and account ids; read back they still diagnose the cause', async () => {
    const save = join(dir, 'save-redacted');
    const r = await run(['live', 'pod', POD, '-o', 'json', '--redact', '--save', save], seedKc);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('123456789012');
    expect(r.stdout).not.toContain(POD);
    const files = readDir(save);
    const all = Object.values(files).join('\n');
    expect(all).not.toContain('123456789012');
    expect(all).not.toContain(NODE);
    expect(all).not.toContain(POD);
    const off = await run(['-o', 'json', ...Object.keys(files).map((f) => join(save, f))], seedKc);
    expect(json(off.stdout).diagnoses[0]?.rootCause).toBe('node_role_not_mapped');
  });

  test('--kubeconfig and -n override KUBECONFIG and the context namespace', async () => {
    const r = await run(
      ['live', 'pod', POD, '-n', 'sample-namespace', '--kubeconfig', seedKc, '-o', 'json'],
      join(dir, 'does-not-exist'),
    );
    expect(r.code).toBe(0);
    expect(json(r.stdout).diagnoses[0]?.rootCause).toBe('node_role_not_mapped');
    const other = await run(
      ['live', 'pod', POD, '-n', 'kube-system', '--kubeconfig', seedKc, '-o', 'json'],
      join(dir, 'does-not-exist'),
    );
    expect(
      json(other.stdout).issues.some(
        (i) => i.code === 'live_not_collected' && i.message.includes(`pod kube-system/${POD}: pods "${POD}" not found`),
      ),
    ).toBe(true);
  });

  test('the pod is looked up in the context namespace when -n is not given; a missing pod is reported, not thrown', async () => {
    const r = await run(['live', 'pod', 'no-such-pod', '-o', 'json'], seedKc);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = json(r.stdout);
    expect(
      report.issues.some(
        (i) =>
          i.code === 'live_not_collected' &&
          /pod sample-namespace\/no-such-pod: pods "no-such-pod" not found/.test(i.message),
      ),
    ).toBe(true);
  });
});

describe('live node and live namespace', () => {
  test('live node: the node-level cause from the node description and aws-auth', async () => {
    const r = await run(['live', 'node', NODE, '-o', 'json'], seedKc);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(causes(report)).toContain('node_role_not_mapped');
    expect(report.inputs.map((i) => i.kind)).toContain('describe-node');
  });

  test('live namespace: non-running pods and warning events (FailedCreate on the ReplicaSet)', async () => {
    const srv = (await startApiServer({ scenario: 'deployment-failedcreate' })) as Srv;
    try {
      const kc = kubeconfig('failedcreate.kubeconfig', srv, 'payments');
      const r = await run(['live', 'namespace', 'payments', '-o', 'json', '--save', join(dir, 'save-ns')], kc);
      expect(r.code).toBe(0);
      const report = json(r.stdout);
      expect(causes(report)).toEqual(expect.arrayContaining(['pod_security_violation', 'resource_quota_exceeded']));
      expect(report.diagnoses.find((d) => d.rootCause === 'pod_security_violation')?.evidence[0]?.source).toBe(
        'events.warnings.json',
      );
    } finally {
      await srv.close();
    }
  });
});

describe('its own failures are diagnoses', () => {
  test('403 (dev-token, no grants): the Forbidden lines are diagnosed as missing RBAC, the rest is still collected', async () => {
    const r = await run(['live', 'pod', POD, '--context', 'dev', '-o', 'json'], seedKc);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = json(r.stdout);
    const top = report.diagnoses[0];
    expect(top?.rootCause).toBe('rbac_permission_missing');
    expect(top?.evidence[0]?.text).toBe(
      `Error from server (Forbidden): pods "${POD}" is forbidden: User "sample-username" cannot get resource "pods" in API group "" in the namespace "sample-namespace"`,
    );
    expect(report.issues.some((i) => i.code === 'live_collected' && /identity: sample-username/.test(i.message))).toBe(
      true,
    );
    expect(
      report.issues.some((i) => i.code === 'live_not_collected' && /aws-auth ConfigMap: not readable/.test(i.message)),
    ).toBe(true);
  });

  test('401 through an exec plugin: the auth-chain diagnosis cites the kubeconfig exec entry and fills cluster and region', async () => {
    const save = join(dir, 'save-401');
    const r = await run(['live', 'pod', POD, '--context', 'exec-unmapped', '-o', 'json', '--save', save], seedKc);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    const top = report.diagnoses[0];
    expect(top?.rootCause).toBe('iam_identity_not_mapped');
    const kcEv = top?.evidence.filter((e) => e.source === 'kubeconfig.yaml').map((e) => e.text.trim()) ?? [];
    expect(kcEv).toEqual(
      expect.arrayContaining([
        'apiVersion: client.authentication.k8s.io/v1beta1',
        `command: ${join(dir, 'aws-unmapped')}`,
        '- sample-cluster',
        '- us-west-2',
        'value: team-dev',
      ]),
    );
    expect(top?.nextSteps.map((n) => n.command).join('\n')).toContain(
      'aws eks describe-cluster --name sample-cluster --region us-west-2',
    );
    expect(evidenceProblems(report, readDir(save))).toEqual([]);
  });

  test('401 with an unknown static token', async () => {
    const r = await run(['live', 'pod', POD, '--context', 'unknown', '-o', 'json'], seedKc);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.diagnoses[0]?.rootCause).toBe('iam_identity_not_mapped');
    expect(report.diagnoses[0]?.evidence[0]?.text).toBe('error: You must be logged in to the server (Unauthorized)');
  });

  test.each([
    ['exec-nocreds', 'aws_credentials_missing', /exec credential plugin ".*aws-nocreds" failed with exit code 253/],
    ['exec-missing', 'exec_plugin_not_found', /exec credential plugin ".*aws-does-not-exist" was not found on PATH/],
    ['exec-v1alpha1', 'exec_plugin_api_version', /apiVersion "client\.authentication\.k8s\.io\/v1alpha1"/],
  ])('exec plugin failure %s → %s, named, no stack trace', async (context, cause, named) => {
    const r = await run(['live', 'pod', POD, '--context', context, '-o', 'json'], seedKc);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = json(r.stdout);
    expect(causes(report)[0]).toBe(cause);
    expect(report.issues.some((i) => i.code === 'live_not_collected' && named.test(i.message))).toBe(true);
    expect(r.stdout).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  test('connection refused is named and diagnosed', async () => {
    const refusedPort = await freePort();
    const kc = kubeconfig('refused.kubeconfig', `https://127.0.0.1:${refusedPort}`);
    const r = await run(['live', 'pod', POD, '-o', 'json'], kc);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = json(r.stdout);
    expect(
      report.issues.some(
        (i) => i.code === 'live_not_collected' && i.message.includes(`connection to 127.0.0.1:${refusedPort} refused`),
      ),
    ).toBe(true);
    expect(report.diagnoses[0]?.evidence[0]?.text).toBe(
      `The connection to the server 127.0.0.1:${refusedPort} was refused - did you specify the right host or port?`,
    );
    expect(report.diagnoses[0]?.rootCause).toBe('api_endpoint_unreachable');
  });

  test('a slow server: --request-timeout is honoured and the timeout is named', async () => {
    const kc = kubeconfig('slow.kubeconfig', slow);
    const r = await run(['live', 'pod', POD, '--request-timeout', '1s', '-o', 'json'], kc);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.ms).toBeLessThan(2900 + 2000); // gave up on the 3 s answer (plus process start and client-node import)
    const report = json(r.stdout);
    expect(
      report.issues.some(
        (i) => i.code === 'live_not_collected' && /no answer from 127\.0\.0\.1:\d+ within 1s/.test(i.message),
      ),
    ).toBe(true);
    expect(report.diagnoses[0]?.evidence[0]?.text).toBe('Unable to connect to the server: context deadline exceeded');
  });

  test('usage errors exit 2 with one line', async () => {
    const r = await run(['live', 'deployment', 'x'], seedKc);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rbac-diagnose: live: unknown target "deployment"/);
  });
});

/** Resolves once the server has received a watch request. */
async function watching(s: Srv): Promise<void> {
  while (!s.requests.some((q) => q.query['watch'] === 'true')) await new Promise((r) => setTimeout(r, 50));
}

/** A ReplicaSet FailedCreate event rejected by PodSecurity, as the replicaset-controller reports it. */
function failedCreateEvent(): object {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'privileged-app-5b8f9c7d6.1', namespace: 'payments' },
    involvedObject: {
      kind: 'ReplicaSet',
      namespace: 'payments',
      name: 'privileged-app-5b8f9c7d6',
      apiVersion: 'apps/v1',
    },
    reason: 'FailedCreate',
    message:
      'Error creating: pods "privileged-app-5b8f9c7d6-x7k2p" is forbidden: violates PodSecurity "restricted:latest": privileged (container "app" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)',
    source: { component: 'replicaset-controller' },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type: 'Warning',
  };
}

describe('watch', () => {
  test('emits an NDJSON diagnosis when a matching event arrives, and stops on --max-events', async () => {
    const srv = (await startApiServer({ scenario: 'healthy' })) as Srv;
    try {
      const kc = kubeconfig('watch.kubeconfig', srv, 'payments');
      let added = false;
      // the event arrives once the CLI's watch is open (so it comes through the watch, not the initial list)
      void watching(srv).then(() => {
        added = true;
        srv.addObject(failedCreateEvent());
      });
      const w = await run(['watch', '-n', 'payments', '--max-events', '1', '--timeout', '15s'], kc, {
        timeoutMs: 25000,
      });
      expect(added).toBe(true);
      expect(w.code).toBe(0);
      expect(w.stderr).toBe('');
      const records = w.stdout
        .trim()
        .split('\n')
        .map(
          (l) =>
            JSON.parse(l) as {
              change: string;
              namespace: string;
              diagnosis: { rootCause: string; evidence: { text: string }[] };
            },
        );
      const rec = records.find((x) => x.change === 'new' && x.diagnosis.rootCause === 'pod_security_violation');
      expect(rec?.namespace).toBe('payments');
      expect(rec?.diagnosis.evidence.length).toBeGreaterThan(0);
      expect(w.ms).toBeLessThan(12000); // stopped by --max-events, not by --timeout
      // the watch used list + watch only
      for (const q of srv.requests) if (q.method !== 'GET') expect(q.path).toMatch(/selfsubject/);
    } finally {
      await srv.close();
    }
  }, 60000);

  test('reconnects with back-off: connection refused is reported once, then events flow when the server comes up', async () => {
    const port = await freePort();
    const tls = selfSignedCert();
    const kc = kubeconfig(
      'reconnect.kubeconfig',
      { url: `https://127.0.0.1:${port}`, ca: tls.cert } as Srv,
      'payments',
    );
    let srv: Srv | null = null;
    // the server comes up once the CLI has reported the refused connection; the event arrives once it watches again
    const up = (out: string): void => {
      if (srv !== null || !out.includes('"change":"error"')) return;
      srv = {} as Srv;
      void (startApiServer({ scenario: 'healthy', port, tls }) as Promise<Srv>).then((s) => {
        srv = s;
        void watching(s).then(() => s.addObject(failedCreateEvent()));
      });
    };
    try {
      const w = await run(['watch', '-n', 'payments', '--max-events', '1', '--timeout', '20s'], kc, {
        timeoutMs: 30000,
        onStdout: up,
      });
      expect(w.code).toBe(0);
      const records = w.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { change: string; error?: string; diagnosis?: { rootCause: string } });
      expect(records[0]?.change).toBe('error');
      expect(records[0]?.error).toBe('refused');
      expect(records.filter((r) => r.change === 'error')).toHaveLength(1);
      expect(records.some((r) => r.change === 'new' && r.diagnosis?.rootCause === 'pod_security_violation')).toBe(true);
    } finally {
      await (srv as Srv | null)?.close?.();
    }
  }, 60000);

  test('watch -A: diagnoses from the events already there, then stops at --timeout', async () => {
    const w = await run(['watch', '-A', '--timeout', '4s'], seedKc, { timeoutMs: 20000 });
    expect(w.code).toBe(0);
    expect(w.stderr).toBe('');
    const records = w.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { change: string; namespace: string | null; diagnosis: { rootCause: string } });
    expect(records[0]?.namespace).toBeNull();
    expect(records.some((r) => r.change === 'new' && r.diagnosis.rootCause === 'node_role_not_mapped')).toBe(true);
  });

  test('--log-level debug: log records reach stderr while the watch runs, not when it ends', async () => {
    // Killed once a diagnosis is out: only what was written by then arrives.
    const w = await run(['watch', '-A', '--timeout', '15s', '--log-level', 'debug'], seedKc, {
      timeoutMs: 20000,
      onStdout: (_, child) => child.kill('SIGKILL'),
    });
    expect(w.code).toBe(-1);
    expect(w.stdout).toContain('"change":"new"');
    const records = w.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(records).toContainEqual(expect.objectContaining({ level: 20, msg: 'live: kubeconfig loaded' }));
  });

  test('watch as a forbidden user reports the 403 as a diagnosis and exits', async () => {
    const r = await run(['watch', '-n', 'sample-namespace', '--context', 'dev', '--timeout', '10s'], seedKc);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout.trim().split('\n')[0] ?? '{}') as {
      change: string;
      error: string;
      diagnoses: { rootCause: string }[];
    };
    expect(rec.change).toBe('error');
    expect(rec.error).toBe('forbidden');
    expect(rec.diagnoses[0]?.rootCause).toBe('rbac_permission_missing');
  });
});

describe('as a kubectl plugin', () => {
  test('`kubectl rbac-diagnose live pod …` with the context flag after the plugin name', async () => {
    const which = await new Promise<string>((resolve) => {
      const c = spawn('sh', ['-c', 'command -v kubectl'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      c.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      c.on('close', () => resolve(out.trim()));
    });
    expect(which, 'kubectl must be on PATH (it comes with this machine image)').not.toBe('');
    const plugins = mkdtempSync(join(tmpdir(), 'kubectl-plugins-'));
    symlinkSync(bin, join(plugins, 'kubectl-rbac_diagnose'));
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const c = spawn(which, ['rbac-diagnose', 'live', 'pod', POD, '--context', 'dev', '-o', 'json'], {
        env: {
          ...process.env,
          PATH: `${plugins}:${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
          KUBECONFIG: seedKc,
          HOME: dir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      c.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      c.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      c.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(json(r.stdout).diagnoses[0]?.rootCause).toBe('rbac_permission_missing');
  });
});
