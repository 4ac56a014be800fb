// Output forms on the seed walls, as golden files (packages/cli/test/golden/), plus the kubectl plugin mechanism
// with a real kubectl binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { reportSchemaErrors } from '../../../test-support/schema.js';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const walls = fileURLToPath(new URL('../../../fixtures/seed-walls/', import.meta.url));
const WALLS = [
  'wall0-no-aws-credentials.txt',
  'wall1-unauthorized.txt',
  'wall2-forbidden.txt',
  'wall3-pending-not-ready-disk.txt',
  'aws-auth-as-published.txt',
];

function run(args: string[], cwd = walls): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 20000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe.each(WALLS)('%s', (wall) => {
  const stem = wall.replace(/\.\w+$/, '');
  test.each(['text', 'json', 'yaml', 'markdown', 'sarif'])('-o %s matches its golden', async (form) => {
    const r = run(['-o', form, wall]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    if (form === 'json') expect(reportSchemaErrors(JSON.parse(r.stdout))).toEqual([]);
    if (form === 'yaml') expect(reportSchemaErrors(parseYaml(r.stdout))).toEqual([]);
    if (form === 'sarif') {
      const log = JSON.parse(r.stdout) as {
        version: string;
        runs: {
          results: {
            ruleId: string;
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
          }[];
        }[];
      };
      expect(log.version).toBe('2.1.0');
      for (const res of log.runs[0]?.results ?? []) {
        const loc = res.locations[0]?.physicalLocation;
        expect(loc?.artifactLocation.uri).toBe(wall);
        const line = readFileSync(join(walls, wall), 'utf8').split('\n')[(loc?.region.startLine ?? 0) - 1];
        expect(line).toBeDefined();
      }
    }
    const ext = { text: 'txt', json: 'json', yaml: 'yaml', markdown: 'md', sarif: 'sarif.json' }[form];
    await expect(r.stdout).toMatchFileSnapshot(`golden/${stem}.${ext}`);
  });
});

// The walls as the article's author would run them on a Japanese machine: every text in Japanese, machine fields as in
// English (checked for every rule case by packages/rules/src/ja.test.ts).
const JA_WALLS: [string, string[]][] = [
  ...WALLS.map((w): [string, string[]] => [w.replace(/\.\w+$/, ''), [w]]),
  ['wall3-with-aws-auth', ['wall3-pending-not-ready-disk.txt', 'aws-auth-users-only.yaml']],
];

describe.each(JA_WALLS)('%s in Japanese', (stem, files) => {
  test.each(['json', 'markdown', 'sarif', 'text', 'text -v'])('--lang ja -o %s matches its golden', async (form) => {
    const [output = '', ...flags] = form.split(' ');
    const r = run(['--lang', 'ja', '-o', output, ...flags, ...files]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    if (form === 'json') {
      const report = JSON.parse(r.stdout) as { lang: string };
      expect(reportSchemaErrors(report)).toEqual([]);
      expect(report.lang).toBe('ja');
    }
    const ext = { json: 'json', markdown: 'md', sarif: 'sarif.json', text: 'txt', 'text -v': 'full.txt' }[form];
    await expect(r.stdout).toMatchFileSnapshot(`golden/ja/${stem}.${ext}`);
  });
});

test('--redact masks account ids, ARN names and user names consistently in every form', () => {
  for (const form of ['text', 'json', 'yaml', 'markdown', 'sarif']) {
    const r = run(['-o', form, '--redact', 'wall3-pending-not-ready-disk.txt', 'aws-auth-users-only.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('123456789012');
    expect(r.stdout).not.toContain('sample-username');
    expect(r.stdout).toContain('<account-1>');
    expect(r.stdout).toContain('<user-1>');
  }
});

test('--fix prints only manifests, as one multi-document YAML stream', () => {
  const r = run(['--fix', 'wall2-forbidden.txt']);
  const docs = parseAllDocuments(r.stdout).map((d) => d.toJS() as { kind: string });
  expect(docs.map((d) => d.kind)).toEqual(['Role', 'RoleBinding']);
});

test('--fix leaves escalating grants out unless --include-escalation; comments carry no input text', () => {
  const input = join(mkdtempSync(join(tmpdir(), 'esc-')), 'esc.txt');
  writeFileSync(
    input,
    [
      'Error from server (Forbidden): groups "team-readers" is forbidden: User "bob" cannot impersonate resource "groups" in API group "" at the cluster scope',
      'Error from server (Forbidden): pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "dev"',
      'Error from server (Forbidden): groups "system:masters" is forbidden: User "eve" cannot impersonate resource "groups" in API group "" at the cluster scope',
    ].join('\n'),
  );
  const kinds = (out: string): string[] =>
    parseAllDocuments(out).map((d) => (d.toJS() as { kind: string; metadata: { name: string } }).kind);
  const plain = run(['--fix', input]);
  expect(kinds(plain.stdout)).toEqual(['Role', 'RoleBinding']);
  expect(plain.stdout).toContain('1 privilege-escalating grant left out');
  const all = run(['--fix', '--include-escalation', input]);
  expect(kinds(all.stdout)).toEqual(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);
  expect(all.stdout).toContain('# ESCALATION');
  expect(all.stdout).toContain('resourceNames:\n      - team-readers');
  // system:masters is refused in either case; no comment line names a user or group from the input.
  for (const out of [plain.stdout, all.stdout]) {
    expect(out).not.toContain('system:masters');
    expect(out.split('\n').filter((l) => l.startsWith('#') && /bob|eve|team-readers/.test(l))).toEqual([]);
  }
  expect(run(['--include-escalation', '--fix', '--no-include-escalation', input]).stdout).toBe(plain.stdout);
});

test('--explain prints the rule trace with the conditions that held', () => {
  const r = run(['--explain', 'wall2-forbidden.txt']);
  expect(r.stdout).toMatch(/Rule trace: \d+ of \d+ rules fired/);
  expect(r.stdout).toMatch(
    /✔ forbidden-rbac-permission-missing \(sample-username\) {2}base confidence 0\.85\n\s+✔ forbidden hasItem/,
  );
});

test('--explain shows each confidence adjustment that applied, why, and the conditions that made it apply', () => {
  const r = run(['--explain', '--demo']);
  const trace = r.stdout.slice(r.stdout.indexOf('Rule trace:'));
  expect(trace).toContain(
    [
      '  ✔ pending-pod-nodes-never-ready  base confidence 0.60',
      '      ✔ scheduling hasItem {"allNodesNotReady":true}',
      '      ✘ nodes notEmpty null',
      '      ✔ nodes lacksItem {"ready":[null,"True"]}',
      '      ✔ scheduling notEmpty null',
      '      ✔ pods hasItem {"phase":"Pending"}',
      '      ✔ events hasItem {"reason":"FailedScheduling"}',
      '      ✘ nodes hasItem {"ready":"False","readyReason":{"notIn":[null,"NodeStatusUnknown"]}}',
      '      ✔ signals lacksSignal ["kubelet_unauthorized","nodegroup_access_denied","kubelet_stopped_posting","...',
      '    ↑ +0.30 applied: the aws-auth in the input maps no role to system:nodes, so no EC2 node can authenticate through it',
      '        ✔ awsAuth notNull null',
    ].join('\n'),
  );
  // The diagnosis shows the result: base 0.60 plus 0.30.
  expect(r.stdout).toMatch(/error node_role_not_mapped {2}confidence 0\.90/);
  // Adjustments that did not apply are listed with --explain-all only.
  const all = run(['--explain-all', '--demo']).stdout;
  expect(trace).not.toContain('not applied');
  expect(all).toMatch(/ {4}· [+−]\d\.\d\d not applied: /);
});

test('rules list and explain', () => {
  const list = run(['rules', 'list', '-o', 'json']);
  const rules = JSON.parse(list.stdout) as { id: string; rootCause: string }[];
  expect(rules.map((r) => r.id)).toContain('pending-pod-nodes-never-ready');
  const ex = run(['explain', 'node_role_not_mapped']);
  expect(ex.code).toBe(0);
  expect(ex.stdout).toContain('Root cause node_role_not_mapped');
  expect(ex.stdout).toContain('How to confirm');
  expect(ex.stdout).not.toMatch(/\{\{(?!EC2PrivateDNSName|SessionName)/);
  const bad = run(['explain', 'nope']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('no rule or root cause named "nope"');
});

test('options may come before the command, as after it', () => {
  expect(run(['--lang', 'ja', 'explain', 'node_role_not_mapped']).stdout).toBe(
    run(['explain', 'node_role_not_mapped', '--lang', 'ja']).stdout,
  );
  expect(run(['-o', 'json', 'rules', 'list']).stdout).toBe(run(['rules', 'list', '-o', 'json']).stdout);
  // The first word that is not an option or its value decides: a file named like a command after a file is a file.
  const files = run(['--lang', 'en', join(walls, 'wall2-forbidden.txt'), 'explain']);
  expect(files.code).toBe(2);
  expect(files.stderr).toContain('explain');
  expect(files.stderr).not.toContain('usage');
});

test('kubectl plugin: `kubectl rbac-diagnose` runs the bundle through a real kubectl', () => {
  const which = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  expect(which, 'kubectl must be on PATH (it comes with this machine image)').not.toBe('');
  const dir = join(dirname(spawnSync('readlink', ['-f', which], { encoding: 'utf8' }).stdout.trim()));
  const kubectl = existsSync(join(dir, 'kubectl.1.33')) ? join(dir, 'kubectl.1.33') : which;
  const plugins = mkdtempSync(join(tmpdir(), 'kubectl-plugins-'));
  symlinkSync(bin, join(plugins, 'kubectl-rbac_diagnose'));
  const r = spawnSync(kubectl, ['rbac-diagnose', '-o', 'json'], {
    input: readFileSync(join(walls, 'wall2-forbidden.txt')),
    env: {
      ...process.env,
      PATH: `${plugins}:${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
      KUBECONFIG: '/dev/null',
    },
    encoding: 'utf8',
    timeout: 20000,
  });
  expect(r.stderr).toBe('');
  expect((JSON.parse(r.stdout) as { diagnoses: { rootCause: string }[] }).diagnoses[0]?.rootCause).toBe(
    'rbac_permission_missing',
  );
});
