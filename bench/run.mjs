// `pnpm bench`: start-up, import cost, scale, live-mode and library benchmarks of rbac-diagnose; prints tables and rewrites
// BENCHMARKS.md. Needs `pnpm build` first. Every timing is a fresh process, cases are interleaved, results are medians
// with min–max, and `node -e 0` is measured in the same batch.
//
//   node bench/run.mjs            full run (≈15 min here): sizes 10, 50, 100 MB, --follow over 1 GB
//   node bench/run.mjs --quick    small subset (≈2 min): 10 MB only, --follow over 100 MB, fewer runs; does not
//                                 rewrite BENCHMARKS.md
//   options: --sizes 10,50  --no-scale (start-up, imports, library and live only)  --follow-mb N  --no-follow
//            --no-write  --write
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTROLLER_ERROR, controllerChunks, KINDS, OUT, SEED, toolsFor } from './gen.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const SIZES = argv.includes('--no-scale')
  ? []
  : arg('--sizes', quick ? '10' : '10,50,100')
      .split(',')
      .map(Number);
const write = argv.includes('--write') || (!quick && !argv.includes('--no-write'));
const FOLLOW_MB = argv.includes('--no-follow') ? 0 : Number(arg('--follow-mb', quick ? '100' : '1000'));
const STARTUP_PAIRS = quick ? 6 : 15;
const IMPORT_RUNS = quick ? 3 : 10;
const PROFILE_RUNS = quick ? 2 : 5;
const LIB = quick ? [5, 15] : [20, 50];
const LIVE_RUNS = quick ? 4 : 11;
const SCALE_TIMEOUT_MS = 120000;
const CLI = join(root, 'packages/cli/dist/rbac-diagnose.js');
const DESCRIBE_POD = join(root, 'fixtures/describe-pod/1.31/not-ready-current.txt');

if (!existsSync(CLI)) {
  console.error('bench: packages/cli/dist/rbac-diagnose.js is missing; run `pnpm build` first');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const mmm = (xs, f = f0) =>
  xs.length === 0 ? '–' : xs.length === 1 ? f(xs[0]) : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const log = (s) => process.stderr.write(`${s}\n`);

/** Runs a command under /usr/bin/time; wall ms (our clock), peak RSS MB (the child's), exit code, timed out? */
function timedRun(cmd, args, { input, stdoutFile, timeout = SCALE_TIMEOUT_MS, env } = {}) {
  const useTime = existsSync('/usr/bin/time');
  const argv2 = useTime ? ['-f', '__BENCH__ %M', cmd, ...args] : [cmd, ...args];
  const t0 = performance.now();
  const r = spawnSync(useTime ? '/usr/bin/time' : cmd, argv2, {
    input,
    timeout,
    maxBuffer: 1 << 30,
    stdio: ['pipe', stdoutFile ? 'ignore' : 'pipe', 'pipe'],
    ...(env ? { env } : {}),
  });
  const ms = performance.now() - t0;
  const err = r.stderr?.toString() ?? '';
  const m = /__BENCH__ (\d+)/.exec(err);
  return {
    ms,
    rssMB: m ? Number(m[1]) / 1024 : NaN,
    code: r.status,
    timedOut: r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM',
    stdout: r.stdout?.toString() ?? '',
    stderr: err.replace(/__BENCH__ \d+\n?/, ''),
  };
}

// ── machine ──────────────────────────────────────────────────────────────────────────────────────────────
function machine() {
  const sh = (c, a) => spawnSync(c, a, { encoding: 'utf8' }).stdout?.trim() ?? '';
  const cpuModel = (
    /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ??
    cpus()[0]?.model ??
    '?'
  ).trim();
  return {
    nproc: sh('nproc', []) || String(cpus().length),
    free: sh('free', ['-h']) || `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    cpu: cpuModel,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: sh('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
    dirty: sh('git', ['-C', root, 'status', '--porcelain', '--', '.', ':!BENCHMARKS.md']).length > 0,
  };
}

// ── start-up ─────────────────────────────────────────────────────────────────────────────────────────────
function startup() {
  const input = readFileSync(DESCRIBE_POD);
  const cases = {
    'node -e 0': () => timedRun(process.execPath, ['-e', '0']),
    'rbac-diagnose -o json < describe-pod': () => timedRun(process.execPath, [CLI, '-o', 'json'], { input }),
    'rbac-diagnose < describe-pod (text report)': () => timedRun(process.execPath, [CLI], { input }),
    'rbac-diagnose --version': () => timedRun(process.execPath, [CLI, '--version']),
  };
  const names = Object.keys(cases);
  for (const n of names) cases[n](); // warm the page cache
  const res = Object.fromEntries(names.map((n) => [n, { ms: [], rss: [] }]));
  const ratios = [];
  for (let i = 0; i < STARTUP_PAIRS; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    const got = {};
    for (const n of order) {
      const r = cases[n]();
      if (r.code !== 0) throw new Error(`${n} exited ${r.code}: ${r.stderr}`);
      res[n].ms.push(r.ms);
      res[n].rss.push(r.rssMB);
      got[n] = r.ms;
    }
    ratios.push(got[names[1]] / got[names[0]]);
  }
  return { res, ratios, base: names[0], cli: names[1] };
}

// ── import cost ──────────────────────────────────────────────────────────────────────────────────────────
/** The bin and every chunk it imports statically: the code a piped run loads before it reads its input. */
function staticBundle() {
  const files = new Map();
  const visit = (file) => {
    if (files.has(file)) return;
    files.set(file, readFileSync(file, 'utf8'));
    for (const m of files.get(file).matchAll(/^import (?:[^;]*? from )?"(\.{1,2}\/[^"]+)";$/gm))
      visit(join(dirname(file), m[1]));
  };
  visit(CLI);
  return files;
}

function importCosts() {
  const reqCore = createRequire(join(root, 'packages/core/package.json'));
  const reqCli = createRequire(join(root, 'packages/cli/package.json'));
  const resolve = (req, id) => {
    try {
      return pathToFileURL(req.resolve(id)).href;
    } catch {
      return null;
    }
  };
  const bundled = [...staticBundle().values()].join('\n');
  const when = (pkg) => (bundled.includes(`/node_modules/${pkg}/`) ? 'static import' : 'import() when used');
  const targets = {
    'empty ESM': null,
    [`zod (${when('zod')})`]: resolve(reqCore, 'zod'),
    [`yaml (${when('yaml')})`]: resolve(reqCore, 'yaml'),
    [`json-rules-engine (${when('json-rules-engine')})`]: resolve(reqCore, 'json-rules-engine'),
    [`pino (${when('pino')})`]: resolve(reqCli, 'pino'),
    [`@kubernetes/client-node (${when('@kubernetes/client-node')})`]: resolve(reqCli, '@kubernetes/client-node'),
  };
  const names = Object.keys(targets).filter((n) => n === 'empty ESM' || targets[n]);
  const res = Object.fromEntries(names.map((n) => [n, { wall: [], imp: [], rss: [] }]));
  const base = { wall: [] };
  for (let i = 0; i < IMPORT_RUNS; i++) {
    base.wall.push(timedRun(process.execPath, ['-e', '0']).ms);
    for (const n of i % 2 ? [...names].reverse() : names) {
      const url = targets[n];
      const code = url
        ? `const t=performance.now();await import(${JSON.stringify(url)});console.log(performance.now()-t)`
        : 'console.log(0)';
      const r = timedRun(process.execPath, ['--input-type=module', '-e', code]);
      if (r.code !== 0) throw new Error(`import cost of ${n}: exit ${r.code} ${r.stderr}`);
      res[n].wall.push(r.ms);
      res[n].imp.push(Number(r.stdout.trim()));
      res[n].rss.push(r.rssMB);
    }
  }
  const bytes = [...staticBundle().values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  return { res, base, bytes };
}

/** CPU profile of the CLI on the describe-pod paste; self time per package, from the bundle's `// path` comments. */
function profile(
  name = 'startup',
  args = ['-o', 'json'],
  input = readFileSync(DESCRIBE_POD),
  n = PROFILE_RUNS,
  interval = 250,
) {
  const dir = join(OUT, `prof-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++)
    spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-interval', String(interval), `--cpu-prof-dir=${dir}`, CLI, ...args],
      { input, stdio: ['pipe', 'ignore', 'ignore'], timeout: SCALE_TIMEOUT_MS },
    );
  const maps = new Map(); // url → sorted [line, package]
  const pkgOf = (url, line) => {
    if (!url.startsWith('file://')) return url === '' ? '(node internals / GC / idle)' : 'node:internal';
    const file = fileURLToPath(url);
    if (!file.startsWith(join(root, 'packages/cli/dist')))
      return file.includes('node_modules') ? 'node_modules (unbundled)' : file;
    if (!maps.has(url)) {
      const marks = [];
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((l, i) => {
          const m = /^\/\/ (\S+\.(?:js|cjs|mjs|json|ts))$/.exec(l);
          if (!m) return;
          const p = m[1];
          const pn = /\.pnpm\/(@[^+/]+\+[^@/]+|[^@/]+)@/.exec(p);
          marks.push([
            i,
            pn
              ? pn[1].replace('+', '/')
              : p.includes('core/')
                ? `@rbac-diagnose/core ${p.replace(/.*core\/(?:dist|src)\//, '')}`
                : p.includes('rules/')
                  ? '@rbac-diagnose/rules (rule data)'
                  : 'cli',
          ]);
        });
      maps.set(url, marks);
    }
    const marks = maps.get(url);
    let pkg = 'bundle glue';
    for (const [l, p] of marks) {
      if (l > line) break;
      pkg = p;
    }
    return pkg;
  };
  const self = new Map();
  const fns = new Map();
  let total = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of files) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((s, i) => {
      const n = byId.get(s);
      const dt = (p.timeDeltas[i] ?? 0) / 1000;
      const fn = n.callFrame.functionName;
      const k =
        fn === '(garbage collector)'
          ? '(garbage collector)'
          : fn === '(idle)'
            ? '(idle)'
            : fn === '(program)'
              ? '(program: parse/compile, native)'
              : pkgOf(n.callFrame.url, n.callFrame.lineNumber);
      const pk = k.startsWith('@rbac-diagnose/core ') ? '@rbac-diagnose/core' : k;
      self.set(pk, (self.get(pk) ?? 0) + dt);
      const fk = `${fn || '(anonymous)'} [${k}:${n.callFrame.lineNumber + 1}]`;
      fns.set(fk, (fns.get(fk) ?? 0) + dt);
      total += dt;
    });
  }
  const runs = files.length || 1;
  const sorted = (m) => [...m].map(([k, v]) => [k, v / runs]).sort((a, b) => b[1] - a[1]);
  return { runs: files.length, totalMs: total / runs, rows: sorted(self), fns: sorted(fns) };
}

// ── scale ────────────────────────────────────────────────────────────────────────────────────────────────
const BASELINE_JSON = `const fs=require('fs');const t=performance.now();const v=JSON.parse(fs.readFileSync(process.argv[1],'utf8'));if(!v)process.exit(3);`;
const BASELINE_TEXT = `const fs=require('fs');const s=fs.readFileSync(process.argv[1],'utf8');const re=/is forbidden|cannot (?:get|list|watch|create)|FailedScheduling|BackOff|Failed|Unauthorized/;let n=0;for(const l of s.split('\\n'))if(re.test(l))n++;if(n<0)process.exit(3);`;

function scale() {
  const rows = [];
  for (const kind of Object.keys(KINDS)) {
    let stop = false;
    for (const mb of SIZES) {
      if (stop) {
        rows.push({
          kind,
          mb,
          skipped: true,
          note: rows
            .filter((r) => r.kind === kind)
            .map((r) => r.note)
            .find(Boolean),
        });
        continue;
      }
      log(`  generating ${kind} ${mb} MB…`);
      const file = join(OUT, `${kind}-${mb}MB.${KINDS[kind].ext}`);
      const gen = generateSync(kind, mb);
      const bytes = statSync(gen).size;
      const runs = quick ? 1 : mb <= 10 ? 3 : 2;
      const cli = [];
      const base = [];
      let timedOut = false;
      let outcome = '';
      for (let i = 0; i < runs && !timedOut; i++) {
        const b = timedRun(process.execPath, ['-e', KINDS[kind].ext === 'json' ? BASELINE_JSON : BASELINE_TEXT, file]);
        base.push(b);
        log(`  ${kind} ${mb} MB run ${i + 1}/${runs}: baseline ${f0(b.ms)} ms…`);
        const c = timedRun(process.execPath, [CLI, '--max-size', '200', file, '-o', 'json']);
        if (c.timedOut) {
          timedOut = true;
          outcome = `timed out after ${SCALE_TIMEOUT_MS / 1000} s`;
        } else if (c.code !== 0) outcome = `exit ${c.code}: ${c.stderr.split('\n')[0]}`;
        else {
          const rep = JSON.parse(c.stdout);
          outcome = `${rep.diagnoses.length} diagnoses, ${rep.issues.length} issues${rep.issues.some((x) => x.code === 'input_too_large') ? ' (input_too_large: only part was read)' : ''}`;
        }
        cli.push(c);
        log(`    CLI ${timedOut ? 'timed out' : `${f0(c.ms)} ms, ${f0(c.rssMB)} MB RSS`} (${outcome})`);
      }
      rows.push({ kind, mb, bytes, runs: cli.length, cli: cli.filter((c) => !c.timedOut), base, timedOut, outcome });
      if (timedOut) stop = true;
      // Linear extrapolation: when the next size would exceed the time limit, say so instead of waiting for it.
      const next = SIZES[SIZES.indexOf(mb) + 1];
      const worst = Math.max(...cli.map((c) => c.ms));
      if (!stop && next !== undefined && (worst * next) / mb > SCALE_TIMEOUT_MS) {
        stop = true;
        rows[rows.length - 1].note =
          `${next} MB skipped: ${f0(worst / 1000)} s at ${mb} MB extrapolates past the ${SCALE_TIMEOUT_MS / 1000} s limit`;
      }
    }
  }
  return rows;
}

function generateSync(kind, mb) {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { generate } from ${JSON.stringify(pathToFileURL(join(root, 'bench/gen.mjs')).href)}; console.log(await generate(${JSON.stringify(kind)}, ${mb}, ${SEED}));`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

// ── library ──────────────────────────────────────────────────────────────────────────────────────────────
// ── live ─────────────────────────────────────────────────────────────────────────────────────────────────
/** `live pod` against the loopback fixture API server (fixtures/harness), client-node's import included. */
async function live() {
  const { startApiServer } = await import(pathToFileURL(join(root, 'fixtures/harness/server.mjs')).href);
  const srv = await startApiServer({ scenario: 'nodes-not-ready' });
  const dir = mkdtempSync(join(tmpdir(), 'rbac-bench-live-'));
  const kc = join(dir, 'kubeconfig');
  writeFileSync(
    kc,
    `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: ${srv.url}, certificate-authority-data: ${Buffer.from(srv.ca).toString('base64')}}}]\ncontexts: [{name: x, context: {cluster: c, user: u, namespace: sample-namespace}}]\ncurrent-context: x\nusers: [{name: u, user: {token: admin-token}}]\n`,
  );
  // Asynchronous spawns: the API server answers from this process's event loop.
  const run = (args) =>
    new Promise((resolve, reject) => {
      const t = performance.now();
      const c = spawn('/usr/bin/time', ['-f', '__BENCH__ %M', process.execPath, ...args], {
        env: { ...process.env, KUBECONFIG: kc },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      c.stderr.on('data', (d) => (err += d));
      c.on('close', (code) =>
        code === 0
          ? resolve({ ms: performance.now() - t, rssMB: Number(/__BENCH__ (\d+)/.exec(err)?.[1] ?? NaN) / 1024 })
          : reject(new Error(`${args.join(' ')} exited ${code}: ${err}`)),
      );
    });
  const cases = {
    'node -e 0': ['-e', '0'],
    'rbac-diagnose live pod samplepod-9876543210-vwxyz -o json': [
      CLI,
      'live',
      'pod',
      'samplepod-9876543210-vwxyz',
      '-o',
      'json',
    ],
  };
  const res = Object.fromEntries(Object.keys(cases).map((k) => [k, { ms: [], rss: [] }]));
  try {
    for (let i = 0; i < LIVE_RUNS; i++) {
      for (const k of i % 2 ? Object.keys(cases).reverse() : Object.keys(cases)) {
        const r = await run(cases[k]);
        res[k].ms.push(r.ms);
        res[k].rss.push(r.rssMB);
      }
    }
  } finally {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return res;
}

function library() {
  const r = spawnSync(process.execPath, [join(root, 'bench/lib.mjs'), String(LIB[0]), String(LIB[1])], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

// ── --follow ─────────────────────────────────────────────────────────────────────────────────────────────
/** A kubelet line that first appears deep in the stream: its diagnosis (node_role_not_mapped) is new there. */
const LATE_LINE =
  'E1129 05:40:00.000000    2345 kubelet_node_status.go:95] "Unable to register node with API server" err="Unauthorized" node="ip-10-0-7-13.us-west-2.compute.internal"';

/**
 * `rbac-diagnose --follow` over a controller log generated on the fly into its standard input (never a file): one
 * error in 10 000 lines (the first at line 5000) and a kubelet error first at 90 % of the stream. Measures the child's
 * peak RSS and, for both, the time from writing the piece that holds the line to reading its first record.
 */
async function follow(mb) {
  const bytes = mb * 1e6;
  const t = toolsFor('controller');
  // About 175 bytes a line.
  const lateAt = Math.floor((bytes / 175) * 0.9);
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '__BENCH__ %M', process.execPath, CLI, '--follow'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const seen = new Map();
  let records = 0;
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => {
    out += d;
    for (let nl = out.indexOf('\n'); nl !== -1; nl = out.indexOf('\n')) {
      const rec = JSON.parse(out.slice(0, nl));
      out = out.slice(nl + 1);
      records++;
      if (rec.change === 'new' && !seen.has(rec.diagnosis.rootCause))
        seen.set(rec.diagnosis.rootCause, performance.now());
    }
  });
  child.stderr.on('data', (d) => (err += d));
  const closed = new Promise((resolve) => child.on('close', resolve));
  let written = 0;
  let line = 0;
  let firstWrite = NaN;
  let lateWrite = NaN;
  for (const piece of controllerChunks(t, bytes, lateAt, LATE_LINE)) {
    const now = performance.now();
    // Each piece holds 500 lines.
    if (line <= 4999 && 4999 < line + 500) firstWrite = now;
    if (line <= lateAt && lateAt < line + 500) lateWrite = now;
    line += 500;
    written += Buffer.byteLength(piece);
    if (!child.stdin.write(piece)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  const code = await closed;
  const wall = performance.now() - started;
  const rss = Number(/__BENCH__ (\d+)/.exec(err)?.[1] ?? NaN) / 1024;
  if (code !== 0) throw new Error(`--follow exited ${code}: ${err.replace(/__BENCH__ \d+\n?/, '')}`);
  return {
    mb: written / 1e6,
    lines: line,
    wall,
    rss,
    records,
    first: (seen.get('controller_iam_permission_missing') ?? NaN) - firstWrite,
    late: (seen.get('node_role_not_mapped') ?? NaN) - lateWrite,
    lateAt,
  };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────────────
const t0 = performance.now();
const m = machine();
log(`bench: ${quick ? 'quick' : 'full'} run, sizes ${SIZES.join('/')} MB`);
log('start-up…');
const st = startup();
log('import costs…');
const imp = importCosts();
log('profile…');
const prof = profile();
log('library…');
const lib = library();
log('live…');
const lv = await live();
log('scale…');
const sc = scale();
let fol = null;
if (FOLLOW_MB > 0) {
  log(`--follow over ${FOLLOW_MB} MB generated into a pipe…`);
  fol = await follow(FOLLOW_MB);
  log(
    `  ${f1(fol.wall / 1000)} s, peak RSS ${f0(fol.rss)} MB, first diagnosis ${f0(fol.first)} ms, late ${f0(fol.late)} ms`,
  );
}
const load = spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout?.trim() ?? '?';
log('scale profiles…');
let scaleProf = [];
if (SIZES.length > 0)
  try {
    scaleProf = Object.keys(KINDS).map((kind) => [
      kind,
      profile(
        `scale-${kind}`,
        ['--max-size', '200', join(OUT, `${kind}-${SIZES[0]}MB.${KINDS[kind].ext}`), '-o', 'json'],
        '',
        1,
        1000,
      ),
    ]);
  } catch (e) {
    log(`scale profiles failed: ${e.message}`);
  }
const elapsed = (performance.now() - t0) / 1000;

const md = [];
const p = (s = '') => md.push(s);
p('# Benchmarks');
p();
p(
  `Written by \`pnpm bench\` (bench/run.mjs ${argv.join(' ')}) on ${m.date}, commit ${m.commit}${m.dirty ? ' + uncommitted changes' : ''}; scale sizes ${SIZES.length ? `${SIZES.join(', ')} MB` : 'none'}; the whole run took ${f0(elapsed)} s.`,
);
p(
  'Regenerate with `pnpm build && pnpm bench` (a few minutes; `--quick` for a smaller subset that prints but does not rewrite this file).',
);
p();
p('## Machine');
p();
p(`- CPU: ${m.cpu}, \`nproc\` = ${m.nproc}`);
p(`- Node ${m.node}`);
p('- `free -h`:');
p();
p('```');
p(m.free);
p('```');
p();
p('## Method');
p();
p(
  '- Every timing is a fresh `node` process (page cache warm), spawned by bench/run.mjs; wall time is measured around the',
);
p(
  "  spawn, peak RSS is the child's max RSS from `/usr/bin/time -f %M`. The CLI is the esbuild bundle `pnpm build` writes.",
);
p(
  '- Cases are interleaved (alternating order) so that the noise of this 2-core VM falls on all of them; `node -e 0` is measured in',
);
p('  the same batch. Numbers are medians with (min–max); on this VM, start-up differences under ~30 ms are noise.');
p(
  `- Scale inputs are generated deterministically (seed ${SEED}, bench/gen.mjs) into the gitignored bench/out/: \`kubectl get events -A -o json\``,
);
p(
  '  (4-space indent, realistic FailedScheduling, BackOff, Failed pull, FailedCreate/Forbidden and Normal events), `kubectl describe pods -A`',
);
p(
  '  mixed logs (klog, journald/kubelet, controller JSON, kubectl and aws CLI errors), an events dump where every event is a',
);
p(
  '  distinct Pending pod (pending), and a load balancer controller log with one error in 10 000 lines (controller). The CLI runs as',
);
p(
  '  `node packages/cli/dist/rbac-diagnose.js --max-size 200 FILE -o json > /dev/null`; baselines are a bare `JSON.parse` of the same file (JSON)',
);
p("  or read + `split('\\n')` + one regex per line (text), each in its own process, so both include Node start-up.");
p(
  `- A size whose CLI run exceeds ${SCALE_TIMEOUT_MS / 1000} s is recorded as timed out and larger sizes of that kind are skipped.`,
);
p(
  '- `--follow` reads a controller log generated on the fly into its standard input (bench/gen.mjs controllerChunks, never a file);',
);
p('  the bench process writes with back-pressure and times each record as it reads it.');
p(
  `- Load average (\`/proc/loadavg\`) at the end of the run: ${load}. The machine is shared: ratios measured side by side are the`,
);
p('  numbers to compare; absolute times move with the load.');
p();
// ── summary against the budgets ──
const STARTUP_BUDGET = 1.8;
// Scale budget: at most 1.3× the CLI-to-baseline ratios measured before the rework to one implementation per stage
// (BENCHMARKS.md of commit 4d46030), per input kind and size.
const SCALE_BUDGET = 1.3;
const RATIOS_BEFORE = {
  events: { 10: 2.51, 50: 2.36, 100: 2.7 },
  describe: { 10: 2.63, 50: 2.67, 100: 2.94 },
  mixed: { 10: 3.26, 50: 3.61, 100: 3.92 },
};
const LIVE_BUDGET_MS = 1500;
// Streaming budgets (issue 17): at 100 MB, time ≤ 2× the bare parse of the same input and peak RSS ≤ 2× the input;
// --follow over 1 GB under 200 MB of RSS, each first diagnosis within 1 s of its line.
const STREAM_TIME = 2;
const STREAM_RSS = 2;
const FOLLOW_RSS_MB = 200;
const FOLLOW_LATENCY_MS = 1000;
const startupRatio = median(st.res[st.cli].ms) / median(st.res[st.base].ms);
const scaleRows = sc.filter((r) => !r.skipped && r.cli.length > 0);
const ratioOf = (r) => median(r.cli.map((c) => c.ms)) / median(r.base.map((b) => b.ms));
const msPerMB = (r) => median(r.cli.map((c) => c.ms)) / (r.bytes / 1e6);
const liveMs = median(lv[Object.keys(lv)[1]].ms);
const verdict = (ok) => (ok ? 'met' : '**not met**');
p('## Summary against the budgets');
p();
p('| budget | measured here | |');
p('|---|---|---|');
p(
  `| start-up ≤ ${STARTUP_BUDGET}× \`node -e 0\` (describe pod paste, median) | ${f2(startupRatio)}× | ${verdict(startupRatio <= STARTUP_BUDGET)} |`,
);
for (const kind of Object.keys(KINDS)) {
  const rows = scaleRows.filter((r) => r.kind === kind && RATIOS_BEFORE[kind]?.[r.mb] !== undefined);
  if (rows.length === 0) continue;
  const over = (r) => ratioOf(r) / RATIOS_BEFORE[kind][r.mb];
  const worst = Math.max(...rows.map(over));
  p(
    `| ${kind}: × baseline ≤ ${SCALE_BUDGET}× the ratio before, at every size | ${rows
      .map((r) => `${r.mb} MB ${f2(ratioOf(r))}× (before ${f2(RATIOS_BEFORE[kind][r.mb])}×)`)
      .join(', ')} | ${verdict(worst <= SCALE_BUDGET)} |`,
  );
}
for (const kind of Object.keys(KINDS)) {
  const rows = scaleRows.filter((r) => r.kind === kind);
  if (rows.length < 2) continue;
  const [small, big] = [rows[0], rows[rows.length - 1]];
  const growth = msPerMB(big) / msPerMB(small);
  p(
    `| ${kind}: linear (time per MB at ${big.mb} MB ≤ 1.1× that at ${small.mb} MB) | ${f0(msPerMB(small))} → ${f0(msPerMB(big))} ms/MB | ${verdict(growth <= 1.1)} |`,
  );
}
for (const kind of Object.keys(KINDS)) {
  const big = scaleRows.filter((r) => r.kind === kind && r.mb >= 100).at(-1);
  if (!big) continue;
  const rss = median(big.cli.map((c) => c.rssMB)) / (big.bytes / 1e6);
  p(
    `| ${kind} ${big.mb} MB: time ≤ ${STREAM_TIME}× the bare parse, peak RSS ≤ ${STREAM_RSS}× the input | ${f2(ratioOf(big))}×, RSS ${f2(rss)}× | ${verdict(ratioOf(big) <= STREAM_TIME)}, ${verdict(rss <= STREAM_RSS)} |`,
  );
}
if (fol) {
  p(
    `| \`--follow\` over ${f0(fol.mb)} MB: peak RSS < ${FOLLOW_RSS_MB} MB | ${f0(fol.rss)} MB | ${verdict(fol.rss < FOLLOW_RSS_MB)} |`,
  );
  p(
    `| \`--follow\`: first diagnosis ≤ ${FOLLOW_LATENCY_MS / 1000} s after its line (at line 5000; at ${f0(fol.lateAt)}) | ${f2(fol.first / 1000)} s; ${f2(fol.late / 1000)} s | ${verdict(fol.first <= FOLLOW_LATENCY_MS)}; ${verdict(fol.late <= FOLLOW_LATENCY_MS)} |`,
  );
}
p(
  `| \`live pod\` ≤ ${LIVE_BUDGET_MS / 1000} s against the loopback API server | ${f2(liveMs / 1000)} s | ${verdict(liveMs <= LIVE_BUDGET_MS)} |`,
);
p();
const notes = join(root, 'bench/LIMITS.md');
if (existsSync(notes)) {
  p(readFileSync(notes, 'utf8').trimEnd());
  p();
}
p(`## Start-up: CLI on a \`describe pod\` paste vs \`node -e 0\` (budget ≤ ${STARTUP_BUDGET}×)`);
p();
p(`${STARTUP_PAIRS} interleaved rounds; input fixtures/describe-pod/1.31/not-ready-current.txt on stdin.`);
p();
p('| case | wall ms median (min–max) | × `node -e 0` | peak RSS MB |');
p('|---|---:|---:|---:|');
const baseMed = median(st.res[st.base].ms);
for (const [n, r] of Object.entries(st.res))
  p(`| \`${n}\` | ${mmm(r.ms)} | ${f2(median(r.ms) / baseMed)} | ${f0(median(r.rss))} |`);
p();
p(
  `Ratio of medians: **${f2(median(st.res[st.cli].ms) / baseMed)}×**; median of the per-round ratios: ${f2(median(st.ratios))}× (${f2(Math.min(...st.ratios))}–${f2(Math.max(...st.ratios))}).`,
);
p();
p('### Import cost of what the CLI loads, or loads only when needed');
p();
p(
  `${IMPORT_RUNS} fresh processes per case, interleaved; "import()" is \`performance.now()\` around \`await import()\` inside the child.`,
);
p(
  `\`node -e 0\` in the same batch: ${mmm(imp.base.wall)} ms. A piped run loads ${f2(imp.bytes / 1e6)} MB of bundled code (dist/rbac-diagnose.js and the chunks it imports statically: "static import" below); the others are imported with import() by the code that uses them.`,
);
p();
p('| module | wall ms | import() ms | peak RSS MB |');
p('|---|---:|---:|---:|');
for (const [n, r] of Object.entries(imp.res)) p(`| ${n} | ${mmm(r.wall)} | ${mmm(r.imp, f1)} | ${f0(median(r.rss))} |`);
p();
p(
  `CPU profile of the CLI on the same paste (\`node --cpu-prof\`, ${prof.runs} runs, 250 µs sampling; self time per run, attributed to packages by the bundle's`,
);
p(`module comments; total sampled ${f0(prof.totalMs)} ms per run):`);
p();
p('| where | self ms per run | share |');
p('|---|---:|---:|');
for (const [k, v] of prof.rows.slice(0, 12)) p(`| ${k} | ${f1(v)} | ${f0((100 * v) / prof.totalMs)} % |`);
p();
p('## Scale');
p();
p(
  '| input | MB | runs | CLI s median (min–max) | CLI MB/s | baseline s | × baseline | CLI peak RSS MB | RSS ÷ input | baseline RSS MB | outcome |',
);
p('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of sc) {
  if (r.skipped) {
    p(`| ${r.kind} | ${r.mb} | – | skipped | | | | | | | ${r.note ?? 'a smaller size timed out'} |`);
    continue;
  }
  const cs = r.cli.map((c) => c.ms / 1000);
  const bs = r.base.map((b) => b.ms / 1000);
  const mbs = r.bytes / 1e6;
  const cm = median(cs);
  const bm = median(bs);
  const rss = median(r.cli.map((c) => c.rssMB));
  p(
    `| ${r.kind} | ${f1(mbs)} | ${r.runs} | ${r.timedOut && cs.length === 0 ? `> ${SCALE_TIMEOUT_MS / 1000}` : mmm(cs, f2)} | ${r.timedOut ? '–' : f1(mbs / cm)} | ${mmm(bs, f2)} | ${r.timedOut ? '–' : f2(cm / bm)} | ${f0(rss)} | ${f2(rss / mbs)} | ${f0(median(r.base.map((b) => b.rssMB)))} | ${r.outcome} |`,
  );
}
p();
if (scaleProf.length > 0) {
  p(
    `Where the time goes at ${SIZES[0]} MB (\`node --cpu-prof\`, 1 run per input, 1 ms sampling; top self-time functions with their package):`,
  );
  p();
}
for (const [kind, pr] of scaleProf) {
  p(
    `- **${kind}** (${f1(pr.totalMs / 1000)} s sampled): ${pr.fns
      .slice(0, 7)
      .map(([k, v]) => `${k} ${f0((100 * v) / pr.totalMs)} %`)
      .join('; ')}`,
  );
}
p();
const lin = [];
for (const kind of Object.keys(KINDS)) {
  const rs = sc.filter((r) => r.kind === kind && !r.skipped && !r.timedOut && r.cli.length > 0);
  if (rs.length >= 2) {
    const per = rs.map(
      (r) => `${r.mb} MB: ${f2((median(r.cli.map((c) => c.ms)) / 1000 / (r.bytes / 1e6)) * 1000)} ms/MB`,
    );
    lin.push(`- ${kind}: ${per.join(', ')}`);
  }
}
if (lin.length) {
  p('Linearity (CLI time per MB; equal numbers mean linear):');
  p();
  for (const l of lin) p(l);
  p();
}
if (fol) {
  p(
    `## \`--follow\` over a generated stream (budgets: peak RSS < ${FOLLOW_RSS_MB} MB, first diagnosis ≤ ${FOLLOW_LATENCY_MS / 1000} s)`,
  );
  p();
  p(
    'A load balancer controller log (JSON lines and klog) generated on the fly into `rbac-diagnose --follow`: one AccessDenied in 10 000',
  );
  p(
    `lines (the first at line 5000), and a kubelet Unauthorized first at line ${fol.lateAt} (its diagnosis, node_role_not_mapped, is new there).`,
  );
  p('Latency: from writing the piece (500 lines) that holds the line to reading the first record of its diagnosis.');
  p();
  p(
    '| MB | lines | wall s | MB/s | peak RSS MB | records | first AccessDenied → record | late kubelet line → record |',
  );
  p('|---:|---:|---:|---:|---:|---:|---:|---:|');
  p(
    `| ${f0(fol.mb)} | ${fol.lines} | ${f1(fol.wall / 1000)} | ${f1(fol.mb / (fol.wall / 1000))} | ${f0(fol.rss)} | ${fol.records} | ${f0(fol.first)} ms | ${f0(fol.late)} ms |`,
  );
  p();
}
p(`## Live mode: \`live pod\` against the loopback API server (budget ≤ ${LIVE_BUDGET_MS / 1000} s)`);
p();
p(
  `${LIVE_RUNS} interleaved rounds; the fixture API server (fixtures/harness/server.mjs, HTTPS on loopback, scenario nodes-not-ready) runs in the bench process;`,
);
p(
  'the wall time includes Node start-up, importing live mode with @kubernetes/client-node (its chunk in dist/chunks/) and every request.',
);
p();
p('| case | wall ms median (min–max) | peak RSS MB |');
p('|---|---:|---:|');
for (const [n, r] of Object.entries(lv)) p(`| \`${n}\` | ${mmm(r.ms)} | ${f0(median(r.rss))} |`);
p();
p('## Library: `diagnose()` warm, per call');
p();
p(
  `Built packages (packages/core/dist, ${lib.rules} built-in rules, \`trustedRules: true\`), one fresh process; ${LIB[0]} warm-up calls, then ${LIB[1]} timed. "engine" is`,
);
p('`runRules()` (one json-rules-engine run with every rule) on the same facts.');
p();
p(
  '| seed wall | bytes | first call ms | diagnose() ms median (min–max) | json-rules-engine run ms median (min–max) | jre ÷ diagnose() |',
);
p('|---|---:|---:|---:|---:|---:|');
for (const w of lib.walls)
  p(
    `| ${w.file} | ${w.bytes} | ${f1(w.first)} | ${f2(w.total.median)} (${f2(w.total.min)}–${f2(w.total.max)}) | ${f2(w.engine.median)} (${f2(w.engine.min)}–${f2(w.engine.max)}) | ${f0((100 * w.engine.median) / w.total.median)} % |`,
  );
p();
const text = `${md.join('\n')}\n`;
process.stdout.write(text);
if (write) {
  writeFileSync(join(root, 'BENCHMARKS.md'), text);
  log('wrote BENCHMARKS.md');
}
