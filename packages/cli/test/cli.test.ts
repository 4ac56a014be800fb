// End-to-end tests of the bundled CLI (packages/cli/dist/rbac-diagnose.js, built by `pnpm build`), run as a real
// process: arguments, stdin, files, output forms and exit codes of contract C3.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { evidenceProblems, reportSchemaErrors } from '../../../test-support/schema.js';
import { ruleVariantDir } from './rules-dir.js';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const wallsDir = fileURLToPath(new URL('../../../fixtures/seed-walls/', import.meta.url));
const wall = (f: string): string => readFileSync(join(wallsDir, f), 'utf8');

function run(
  args: string[],
  input?: string | Buffer,
  env: Record<string, string> = {},
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input: input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first (the Quick start does)`);
});

describe('contract C1/C2: reads stdin and files, prints reports', () => {
  test.each([
    ['wall0-no-aws-credentials.txt', 'aws_credentials_missing'],
    ['wall1-unauthorized.txt', 'iam_identity_not_mapped'],
    ['wall2-forbidden.txt', 'rbac_permission_missing'],
    ['wall3-pending-not-ready-disk.txt', 'node_role_not_mapped'],
  ])('%s on stdin → %s first (json)', (file, cause) => {
    const input = wall(file);
    const r = run(['-o', 'json'], input);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      schemaVersion: number;
      diagnoses: { rootCause: string; evidence: { line: number; text: string }[] }[];
    };
    expect(report.schemaVersion).toBe(1);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(evidenceProblems(report, input)).toEqual([]);
    expect(report.diagnoses[0]?.rootCause).toBe(cause);
  });

  test('several files are diagnosed together; evidence names its file', () => {
    const r = run([
      '-o',
      'json',
      join(wallsDir, 'wall3-pending-not-ready-disk.txt'),
      join(wallsDir, 'aws-auth-users-only.yaml'),
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      diagnoses: {
        rootCause: string;
        confidence: number;
        evidence: { source?: string; line: number; text: string }[];
      }[];
    };
    expect(report.diagnoses[0]?.rootCause).toBe('node_role_not_mapped');
    expect(report.diagnoses[0]?.confidence).toBeGreaterThanOrEqual(0.8);
    expect(new Set(report.diagnoses[0]?.evidence.map((e) => e.source))).toEqual(
      new Set(['wall3-pending-not-ready-disk.txt', 'aws-auth-users-only.yaml']),
    );
    expect(
      evidenceProblems(report, {
        'wall3-pending-not-ready-disk.txt': wall('wall3-pending-not-ready-disk.txt'),
        'aws-auth-users-only.yaml': wall('aws-auth-users-only.yaml'),
      }),
    ).toEqual([]);
  });

  test('"-" reads stdin among files', () => {
    const r = run(['-o', 'json', '-'], wall('wall2-forbidden.txt'));
    expect((JSON.parse(r.stdout) as { diagnoses: { rootCause: string }[] }).diagnoses[0]?.rootCause).toBe(
      'rbac_permission_missing',
    );
  });

  test('text output: cause, confidence, numbered evidence, why it misleads, confirm command, fix', () => {
    const r = run([], wall('wall3-pending-not-ready-disk.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('error node_role_not_mapped  confidence 0.60');
    expect(r.stdout).toMatch(/17 │ Warning FailedScheduling 10s \(x7 over 41s\)/);
    expect(r.stdout).toContain('Why the message misleads:');
    expect(r.stdout).toContain('$ kubectl get nodes -o wide');
    expect(r.stdout).toContain('eksctl create iamidentitymapping');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  test('short report by default; -v, --verbose and --all print the full one', () => {
    const input = wall('wall3-pending-not-ready-disk.txt');
    const short = run([], input).stdout;
    expect(short).toContain('Other possible causes');
    expect(short).not.toContain('$ kubectl describe node <node>');
    expect(short.trimEnd().split('\n').pop()).toBe('-v shows every cause in full, with all its checks and fixes.');
    const full = run(['-v'], input).stdout;
    expect(full).toContain('$ kubectl describe node <node>');
    expect(full).toMatch(/^2\. error cni_not_ready {2}confidence 0\.25 · #2 · rule pending-pod-nodes-not-ready-cni$/m);
    expect(full).not.toContain('-v shows');
    expect(run(['--verbose'], input).stdout).toBe(full);
    expect(run(['--all'], input).stdout).toBe(full);
  });

  test('--min-confidence says how many causes it hid, in the text and as a count in the JSON', () => {
    const input = wall('wall3-pending-not-ready-disk.txt');
    const text = run(['--min-confidence', '0.95'], input).stdout;
    expect(text).toMatch(/^rbac-diagnose: 3 causes below confidence 0\.95 not shown {2}\(read: describe-pod 2–17\)$/m);
    expect(text).not.toContain('no known cause found');
    const json = JSON.parse(run(['--min-confidence', '0.95', '-o', 'json'], input).stdout) as Record<string, unknown>;
    expect(reportSchemaErrors(json)).toEqual([]);
    expect([json['diagnoses'], json['belowMinConfidence']]).toEqual([[], { count: 3, minConfidence: 0.95 }]);
    expect(run(['--min-confidence', '0.95', '-o', 'markdown'], input).stdout).toContain(
      '3 causes below confidence 0.95 not shown.',
    );
  });

  test('rules list fits 100 columns and shows titles without templates', () => {
    const r = run(['rules', 'list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    expect(r.stdout).not.toMatch(/\{\{(?!EC2PrivateDNSName|SessionName)/);
    // Columns aligned: the rule, its root cause and its severity start at the same column on every row.
    expect(r.stdout).toMatch(/^ {2}forbidden-rbac-permission-missing +rbac_permission_missing +error$/m);
    const rows = lines.filter((l) => /^ {2}\S+ +[a-z_-]+ +(?:error|warning|info)$/.test(l));
    expect(rows.length).toBeGreaterThan(50);
    const columns = rows.map((l) => {
      const [, rule = '', cause = ''] = /^( {2}\S+ +)([a-z_-]+ +)/.exec(l) ?? [];
      return `${rule.length},${rule.length + cause.length}`;
    });
    expect(new Set(columns).size).toBe(1);
    expect(r.stdout).toContain('      No RBAC rule lets <username> <verb> <target>\n');
  });

  test('colour only when asked (or on a terminal), never with NO_COLOR', () => {
    expect(run(['--color'], wall('wall2-forbidden.txt')).stdout).toMatch(/\u001b\[/);
    expect(run([], wall('wall2-forbidden.txt'), { NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
  });

  test('--demo diagnoses the bundled example', () => {
    const r = run(['--demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Example input');
    expect(r.stdout).toMatch(/1\. error node_role_not_mapped {2}confidence 0\.9/);
  });

  test('--log-level debug: pino JSON records on stderr, the report alone on stdout', () => {
    const r = run(['-o', 'json', '--log-level', 'debug'], wall('wall2-forbidden.txt'));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { schemaVersion: number }).schemaVersion).toBe(1);
    const records = r.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: number; msg: string; name: string });
    expect(records.map((x) => [x.level, x.msg, x.name])).toEqual([
      [20, 'read inputs', 'rbac-diagnose'],
      [20, 'diagnosed', 'rbac-diagnose'],
    ]);
  });

  test('--help and --version', () => {
    expect(run(['--help']).stdout).toContain('kubectl describe pod my-pod | rbac-diagnose');
    expect(run(['--version']).stdout).toMatch(/^rbac-diagnose \d+\.\d+\.\d+\n$/);
  });
});

describe('contract C3: exit codes', () => {
  test('0 when it ran, even with nothing found', () => {
    const r = run([], 'NAME   READY   STATUS    RESTARTS   AGE\nweb-1  1/1     Running   0          5m\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no known cause found');
  });

  test('1 only with --fail-on when diagnoses at that level exist', () => {
    expect(run(['--fail-on', 'error'], wall('wall2-forbidden.txt')).code).toBe(1);
    expect(run(['--fail-on', 'error'], wall('aws-auth-users-only.yaml')).code).toBe(0);
    expect(run(['--fail-on', 'warning'], wall('aws-auth-users-only.yaml')).code).toBe(1);
  });

  test.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-o', 'xml'], '--output must be one of'],
    [['/no/such/file.txt'], 'cannot read /no/such/file.txt: no such file'],
    [['--min-confidence', '2'], '--min-confidence must be a number from 0 to 1'],
    [['-o'], '-o needs a value'],
    [['--output', '--json'], '--output needs a value'],
    [['--verbose=yes'], '--verbose takes no value'],
    [['rules', 'lists'], 'usage: rbac-diagnose rules list'],
    [['explain'], 'usage: rbac-diagnose explain'],
    [['live'], 'usage: rbac-diagnose live pod NAME'],
    [['live', 'pod'], 'live pod needs a pod name'],
    [['live', 'pod', 'a', 'b'], 'unexpected argument "b"'],
    [['watch', '-n'], '-n needs a value'],
    [['watch', '--max-events', '0'], '--max-events must be a positive integer'],
    [['watch', '--timeout', 'soon'], '--timeout must be a duration'],
    [['-n', 'default'], 'unknown option -n'],
  ])('2 with a one-line reason for %j', (args, msg) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('2 for binary input', () => {
    const r = run([], Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 0, 0]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('looks binary');
  });

  test('2 for a NUL byte anywhere in the first 8 KiB, not only at the start', () => {
    const text = Buffer.from(wall('wall2-forbidden.txt').padEnd(6000, '\n'));
    const r = run([], Buffer.concat([text, Buffer.from([0, 1, 2])]));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'rbac-diagnose: standard input looks binary (a NUL character at offset 6000), not text output; pass kubectl or AWS CLI text, JSON or YAML\n',
    );
    // Past the first 8 KiB a stray NUL is kept as text.
    const late = run(
      ['-o', 'json'],
      Buffer.concat([Buffer.from(wall('wall2-forbidden.txt').padEnd(9000, '\n')), Buffer.from([0])]),
    );
    expect(late.code).toBe(0);
  });

  test.each([
    ['UTF-16 LE', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['UTF-16 BE', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
    ['UTF-8 with BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
  ])('a %s file is decoded (Windows PowerShell `>` writes UTF-16 LE): the same report as UTF-8', (_, encode) => {
    const dir = mkdtempSync(join(tmpdir(), 'rbac-enc-'));
    // CRLF too, as Windows writes it; the file name is the same so the reports compare whole.
    const text = wall('wall2-forbidden.txt').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'wall.txt'), encode(text));
    const decoded = run(['-o', 'json', join(dir, 'wall.txt')]);
    expect(decoded.stderr).toBe('');
    expect(decoded.code).toBe(0);
    writeFileSync(join(dir, 'wall.txt'), text);
    expect(decoded.stdout).toBe(run(['-o', 'json', join(dir, 'wall.txt')]).stdout);
    expect(decoded.stdout).toContain('"rootCause": "rbac_permission_missing"');
  });

  test('with nothing piped in and no file, a terminal gets one line saying how to give input (exit 2)', () => {
    const r = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)}`, '/dev/null'], {
      input: '',
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(r.status).toBe(2);
    expect(r.stdout.trim()).toBe(
      'rbac-diagnose: nothing to read: pipe kubectl output in (`kubectl describe pod my-pod | rbac-diagnose`), name files, or run `rbac-diagnose -` and paste (see --help)',
    );
  });

  test('`rbac-diagnose -` on a terminal asks for the paste on stderr, then reads it to Ctrl-D', () => {
    // util-linux `script` runs the CLI on a pseudo-terminal and turns the end of its own stdin into Ctrl-D.
    const r = spawnSync(
      'script',
      ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} - --no-color`, '/dev/null'],
      {
        input: wall('wall2-forbidden.txt'),
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 20000,
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'rbac-diagnose: paste the output, then press Ctrl-D on an empty line (Ctrl-Z, Enter on Windows)',
    );
    expect(r.stdout).toContain('error rbac_permission_missing');
  });

  test('2 for input over --max-size', () => {
    const r = run(['--max-size', '0.001'], 'x'.repeat(5000));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('larger than');
  });

  test('--rules DIR: a bad rule is a usage error naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rbac-rules-'));
    mkdirSync(join(dir, 'my-rule'));
    writeFileSync(
      join(dir, 'my-rule', 'rule.json'),
      JSON.stringify({ id: 'my-rule', title: 't', rootCause: 'not_a_cause' }),
    );
    const r = run(['--rules', dir], wall('wall2-forbidden.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'my-rule', 'rule.json'));
    expect(r.stderr).toContain('rootCause');
  });

  test.each([
    ['a missing directory', '/no/such/rules', 'rbac-diagnose: --rules /no/such/rules: no such directory\n'],
    [
      'a file',
      fileURLToPath(import.meta.url),
      `rbac-diagnose: --rules ${fileURLToPath(import.meta.url)}: not a directory\n`,
    ],
  ])('--rules with %s: one sentence, exit 2', (_, dir, message) => {
    const r = run(['--rules', dir], wall('wall2-forbidden.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  test('--rules DIR: a valid custom rule fires and replaces a built-in of the same id', () => {
    const dir = ruleVariantDir('forbidden-rbac-permission-missing', {
      id: 'forbidden-rbac-permission-missing',
      confidence: 0.42,
      title: 'custom title',
    });
    const r = run(['-o', 'json', '--rules', dir], wall('wall2-forbidden.txt'));
    expect(r.code).toBe(0);
    const d = (JSON.parse(r.stdout) as { diagnoses: { title: string; confidence: number }[] }).diagnoses[0];
    expect(d).toMatchObject({ title: 'custom title', confidence: 0.42 });
  });
});

describe('the bundle (scripts/bundle.mjs)', () => {
  /** A file and every chunk it imports statically (from the bin: what a piped run loads before it reads a byte). */
  function staticClosure(start = bin): Map<string, string> {
    const files = new Map<string, string>();
    const visit = (file: string): void => {
      if (files.has(file)) return;
      const text = readFileSync(file, 'utf8');
      files.set(file, text);
      for (const m of text.matchAll(/^import (?:[^;]*? from )?"(\.{1,2}\/[^"]+)";$/gm))
        visit(join(dirname(file), m[1] as string));
    };
    visit(start);
    return files;
  }

  test('a piped run loads neither @kubernetes/client-node, pino, the MCP SDK, zod nor yaml; the runs that need them import their chunks', () => {
    const closure = staticClosure();
    const loaded = [...closure.values()].join('\n');
    expect(loaded).toMatch(/@rbac-diagnose|\/core\/dist\//);
    expect(loaded).not.toMatch(/node_modules\/@kubernetes\/client-node\//);
    expect(loaded).not.toMatch(/node_modules\/pino\//);
    expect(loaded).not.toMatch(/node_modules\/@modelcontextprotocol\/sdk\//);
    expect(loaded).not.toMatch(/node_modules\/zod\//);
    expect(loaded).not.toMatch(/node_modules\/yaml\//);
    // What each import() of the piped run's code loads, the chunks it imports statically included.
    const lazy = [...closure].flatMap(([file, text]) =>
      [...text.matchAll(/\bimport\("(\.{1,2}\/[^"]+)"\)/g)].map((m) =>
        [...staticClosure(join(dirname(file), m[1] as string)).values()].join('\n'),
      ),
    );
    expect(lazy.some((t) => t.includes('@kubernetes/client-node'))).toBe(true);
    expect(lazy.some((t) => /node_modules\/pino\//.test(t))).toBe(true);
    expect(lazy.some((t) => /node_modules\/@modelcontextprotocol\/sdk\//.test(t))).toBe(true);
    expect(lazy.some((t) => /node_modules\/yaml\//.test(t))).toBe(true);
  });

  test('the built-in rules it lists are those of @rbac-diagnose/rules, in order', async () => {
    const { builtinRules } = await import('@rbac-diagnose/rules');
    const listed = JSON.parse(run(['rules', 'list', '-o', 'json']).stdout) as { id: string; title: string }[];
    expect(listed.map((r) => [r.id, r.title])).toEqual([...builtinRules].map((r) => [r.id, r.title]));
  });

  test('what only some runs load works without warnings: -o yaml, --explain, pino (debug log), --rules', () => {
    const input = wall('wall2-forbidden.txt');
    expect(run(['-o', 'yaml'], input).stderr).toBe('');
    const explained = run(['--explain', '-o', 'json'], input);
    expect(explained.code).toBe(0);
    expect(explained.stderr).toMatch(/^Rule trace: \d+ of \d+ rules fired/);
    expect(explained.stderr).not.toMatch(/Warning/);
    expect(run(['--log-level', 'debug', '-o', 'json'], input).stderr).toMatch(/"msg":"diagnosed"/);
    const rulesDir = fileURLToPath(new URL('../../rules/rules/', import.meta.url));
    const custom = run(['--rules', rulesDir, '-o', 'json'], input);
    expect(custom.stderr).toBe('');
    expect(custom.stdout).toBe(run(['-o', 'json'], input).stdout);
  });
});

describe('rbac-diagnose web', () => {
  /** Starts `rbac-diagnose web …args` from `cli`, resolving with the URL it prints and the running child. */
  function startWeb(args: string[], cli = bin) {
    const child = spawn(process.execPath, [cli, 'web', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('\n')) resolve(stdout.trim());
      });
      child.on('close', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    return { child, url, exit, stderr: () => stderr };
  }

  test.each(['SIGINT', 'SIGTERM'] as const)(
    'serves the built page on 127.0.0.1 at a free port, prints the URL, and closes cleanly on %s',
    async (signal) => {
      const web = startWeb([]);
      const url = await web.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toBe(readFileSync(new URL('../../web/dist/index.html', import.meta.url), 'utf8'));
      // Read-only: there is nothing to send data to.
      expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(405);
      web.child.kill(signal);
      expect(await web.exit).toBe(0);
      expect(web.stderr()).toContain('Ctrl-C stops it');
      await expect(fetch(url)).rejects.toThrow();
    },
  );

  test('--port picks the port; a port in use is one line, exit 2', async () => {
    const first = startWeb([]);
    const port = new URL(await first.url).port;
    const second = spawnSync(process.execPath, [bin, 'web', '--port', port], { encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(`rbac-diagnose: port ${port} is in use; pick another --port, or leave it out\n`);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    const again = startWeb(['--port', port]);
    expect(await again.url).toBe(`http://127.0.0.1:${port}/`);
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
  });

  test('without a built page: one line saying how to build it, exit 2', () => {
    // A copy of the bundle with no page beside it or in a workspace above it.
    const dist = join(mkdtempSync(join(tmpdir(), 'rbac-web-')), 'cli', 'dist');
    cpSync(dirname(bin), dist, { recursive: true });
    const r = spawnSync(process.execPath, [join(dist, 'rbac-diagnose.js'), 'web'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'rbac-diagnose: the web page is not built: run `pnpm build` in the checkout (it writes packages/web/dist/index.html)\n',
    );
  });

  test.each([
    [['web', 'extra'], 'unexpected argument "extra" (usage: rbac-diagnose web [--port N])'],
    [['web', '--port', 'http'], '--port must be a number from 0 (a free port, the default) to 65535 (got "http")'],
    [['--port', '80'], '--port is an option of `rbac-diagnose web`'],
    [['mcp', 'x'], 'unexpected argument "x" (usage: rbac-diagnose mcp [--rules DIR])'],
  ])('usage errors of web and mcp: %j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`rbac-diagnose: ${message}\n`);
  });
});
