// The hostile-input corpus (test/hostile/<class>.<case>.txt): pastes written to turn a fix against its user —
// injection through escaped newlines, quotes, $( ), backticks and `;`, wildcards, escalation verbs, impersonation of
// privileged groups, malformed and duplicate aws-auth, colliding names, ARNs with paths, whole-policy replacements,
// Pod Security, pull secrets, redaction leaks, links and controls in what reports show, and paste values in a custom
// rule's templates (custom-rule.* cases run with --rules hostile/rules). Each runs through the built CLI (--fix, --fix
// --include-escalation, -o json, -o markdown, text, and --redact where it carries secrets); a real kubectl reads every
// --fix stream back against the fixture API server, so kubectl itself names the objects it would create.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import MarkdownIt from 'markdown-it';
import { parse, parseAllDocuments } from 'yaml';
import type { Report } from '@rbac-diagnose/core';
import { startApiServer } from '../../../fixtures/harness/server.mjs';
import { commandShape, TEMPLATE_SHAPES } from '../../../test-support/commands.js';
import { escalating } from '../../../test-support/escalation.js';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const dir = fileURLToPath(new URL('./hostile/', import.meta.url));
const CASES = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
  objects: Record<string, string[]>;
  redacted: Record<string, string[]>;
};

/** Runs the CLI (asynchronously: the API server lives in this process, and cases run two at a time). */
function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [bin, ...args]);
    let out = '';
    let err = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`rbac-diagnose ${args.join(' ')}: ${err}`))));
  });
}

interface Obj {
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Record<string, string>;
  rules?: {
    verbs?: string[];
    resources?: string[];
    apiGroups?: string[];
    nonResourceURLs?: string[];
    resourceNames?: string[];
  }[];
}

function objects(stream: string): Obj[] {
  const docs = parseAllDocuments(stream, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) expect(d.errors).toEqual([]);
  return list.map((d) => d.toJS() as Obj | null).filter((o): o is Obj => o !== null);
}

const ESCALATING = (verb: string, resource: string): boolean =>
  escalating(verb, resource) || (resource === 'secrets' && ['get', 'list', 'watch'].includes(verb));

/** Problems of one set of generated objects: wildcards, unpinned escalation, more than one aws-auth. */
function problems(objs: readonly Obj[], allowEscalation: boolean): string[] {
  const out: string[] = [];
  for (const o of objs)
    for (const r of o.rules ?? []) {
      const all = [...(r.verbs ?? []), ...(r.resources ?? []), ...(r.apiGroups ?? []), ...(r.nonResourceURLs ?? [])];
      if (all.some((x) => x.includes('*')) || (r.resourceNames ?? []).some((x) => x.includes('*')))
        out.push(`wildcard in ${o.kind}/${o.metadata.name}`);
      for (const v of r.verbs ?? [])
        for (const res of r.resources ?? []) {
          if (!ESCALATING(v, res)) continue;
          if (!allowEscalation) out.push(`escalation ${v} ${res} in the default stream`);
          // Only cluster-wide secret reads cannot be pinned (list and watch name no object).
          else if (!(r.resourceNames?.length ?? 0) && !(res === 'secrets' && v !== 'get'))
            out.push(`unpinned ${v} ${res}`);
        }
    }
  if (objs.filter((o) => o.kind === 'ConfigMap' && o.metadata.name === 'aws-auth').length > 1)
    out.push('more than one aws-auth');
  // The authenticator reads mapRoles and mapUsers as YAML 1.1, one list each; one that does not read maps no one.
  for (const o of objs)
    for (const key of ['mapRoles', 'mapUsers'])
      if (o.kind === 'ConfigMap' && o.data?.[key] !== undefined) {
        const docs = parseAllDocuments(o.data[key], { version: '1.1', uniqueKeys: true });
        const list = Array.isArray(docs) ? docs : [docs];
        const value: unknown = list[0]?.toJS();
        if (list.length !== 1 || (list[0]?.errors.length ?? 0) > 0 || !(value === null || Array.isArray(value)))
          out.push(`aws-auth ${key} does not read as one list`);
      }
  return out;
}

// Characters a terminal obeys or hides instead of showing: controls (ESC included), bidi and zero-width formats, line
// and paragraph separators.
const UNSHOWN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const md = new MarkdownIt({ html: true, linkify: false });
const OWN_HTML = /<\/?(?:details|summary|sub)>/g;

/** What a Markdown viewer would obey in the report beyond the renderer's own: HTML, links, images. */
function markdownProblems(source: string, report: Report): string[] {
  const out: string[] = [];
  const references = new Set(report.diagnoses.flatMap((d) => d.references));
  const tokens = md.parse(source, {}).flatMap((t) => [t, ...(t.children ?? [])]);
  for (const t of tokens) {
    if ((t.type === 'html_inline' || t.type === 'html_block') && t.content.replace(OWN_HTML, '').includes('<'))
      out.push(`markdown HTML ${JSON.stringify(t.content.slice(0, 60))}`);
    if (t.type === 'image') out.push('markdown image');
    const href = String(t.attrGet('href') ?? '');
    if (t.type === 'link_open' && !references.has(href)) out.push(`markdown link ${href}`);
  }
  if (UNSHOWN.test(source.replace(/[\t\n]/g, ''))) out.push('a control or format character in markdown');
  return out;
}

const key = (o: Obj): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const GROUPS: Record<string, string> = {
  ConfigMap: 'configmap',
  Role: 'role.rbac.authorization.k8s.io',
  RoleBinding: 'rolebinding.rbac.authorization.k8s.io',
  ClusterRole: 'clusterrole.rbac.authorization.k8s.io',
  ClusterRoleBinding: 'clusterrolebinding.rbac.authorization.k8s.io',
};

/** The shapes of the hostile rule directory's command templates, every value one word. */
const CUSTOM_SHAPES: ReadonlySet<string> = new Set(
  ((): string[] => {
    const rule = parse(readFileSync(join(dir, 'rules', 'x-grant', 'rule.yaml'), 'utf8')) as {
      nextSteps: { command: string }[];
      remediation: { command?: string }[];
    };
    return [...rule.nextSteps.map((n) => n.command), ...rule.remediation.flatMap((r) => r.command ?? [])].map((t) =>
      commandShape(t.replace(/\{\{\s*[\w.]+\s*\}\}/g, 'W')),
    );
  })(),
);

let srv: Awaited<ReturnType<typeof startApiServer>>;
let kubeconfig = '';
// kubectl 1.32 or later, as this machine ships it (versioned binaries beside the one on PATH).
const kubectl = ((): string => {
  const which = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  const d = dirname(realpathSync(which));
  return ['kubectl.1.33', 'kubectl.1.32'].map((b) => join(d, b)).find((b) => existsSync(b)) ?? which;
})();

beforeAll(async () => {
  srv = await startApiServer({ scenario: 'healthy' });
  kubeconfig = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'config');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
- name: harness
  cluster:
    server: ${srv.url}
    certificate-authority-data: ${Buffer.from(srv.ca).toString('base64')}
users:
- name: admin
  user:
    token: admin-token
contexts:
- name: harness
  context: {cluster: harness, user: admin}
current-context: harness
`,
  );
});
afterAll(async () => {
  await srv.close();
});

/** kubectl's own reading of a stream: the objects it would create (client-side dry run; the server serves discovery). */
function kubectlNames(stream: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Asynchronous: the API server lives in this process.
    const c = spawn(kubectl, ['create', '--dry-run=client', '--validate=false', '-o', 'name', '-f', '-'], {
      env: { ...process.env, KUBECONFIG: kubeconfig },
    });
    let out = '';
    let err = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(err))));
    c.stdin.end(stream);
  });
}

test(`hostile corpus: ${CASES.length} cases, no injected object, wildcard, unpinned escalation, second aws-auth or reshaped command`, async () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
  expect(Object.keys(expected.objects).sort()).toEqual(CASES);
  const version = spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }).stdout;
  const minor = Number(
    (JSON.parse(version) as { clientVersion: { minor: string } }).clientVersion.minor.replace(/\D/g, ''),
  );
  expect(minor).toBeGreaterThanOrEqual(32);
  const failures: string[] = [];
  const streams: string[] = [];
  const check = async (f: string): Promise<void> => {
    const file = join(dir, f);
    // custom-rule.* cases run with the rule directory hostile/rules, whose templates take paste values anywhere.
    const cli = (args: string[]): Promise<string> =>
      run(f.startsWith('custom-rule.') ? ['--rules', join(dir, 'rules'), ...args] : args);
    const fix = await cli(['--fix', file]);
    const objs = objects(fix);
    if (JSON.stringify(objs.map(key)) !== JSON.stringify(expected.objects[f]))
      failures.push(`${f}: objects ${JSON.stringify(objs.map(key))}`);
    failures.push(...problems(objs, false).map((p) => `${f}: ${p}`));
    // The stream with escalating grants, when the default one says it left some out.
    const withEscalation = fix.includes('privilege-escalating grant(s) left out')
      ? await cli(['--fix', '--include-escalation', file])
      : fix;
    failures.push(...problems(objects(withEscalation), true).map((p) => `${f} (--include-escalation): ${p}`));
    for (const stream of withEscalation === fix ? [fix] : [fix, withEscalation])
      if (objects(stream).length > 0) streams.push(stream);
    const report = JSON.parse(await cli(['-o', 'json', file])) as Report;
    const manifests = report.diagnoses
      .flatMap((d) => d.remediation)
      .flatMap((r) => (r.yaml === undefined ? [] : [r.yaml]));
    const inReport = manifests.flatMap((y) => {
      try {
        return objects(y);
      } catch {
        return [];
      }
    });
    if (inReport.filter((o) => o.kind === 'ConfigMap' && o.metadata.name === 'aws-auth').length > 1)
      failures.push(`${f}: more than one aws-auth in the report`);
    for (const d of report.diagnoses)
      for (const c of [...d.nextSteps.map((n) => n.command), ...d.remediation.flatMap((r) => r.command ?? [])])
        if (!TEMPLATE_SHAPES.has(commandShape(c)) && !CUSTOM_SHAPES.has(commandShape(c)))
          failures.push(`${f}: command reshaped: ${c}`);
    failures.push(...markdownProblems(await cli(['-o', 'markdown', '-v', file]), report).map((p) => `${f}: ${p}`));
    const text = await cli(['--no-color', '-v', file]);
    if (UNSHOWN.test(text.replace(/[\t\n]/g, '')))
      failures.push(`${f}: a control or format character reaches the terminal`);
    for (const secret of expected.redacted[f] ?? [])
      for (const form of ['json', 'text', 'markdown', 'yaml', 'sarif'])
        if ((await cli(['--redact', '-o', form, file])).includes(secret))
          failures.push(`${f}: "${secret}" leaks into ${form}`);
  };
  const queue = [...CASES];
  await Promise.all(
    [1, 2].map(async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) await check(f);
    }),
  );
  // kubectl reads every stream at once: the objects it would create, in order, are the ones the streams hold.
  streams.sort();
  const all = streams.join('---\n');
  const theirs = await kubectlNames(all);
  expect(theirs).toEqual(objects(all).map((o) => `${GROUPS[o.kind] ?? o.kind}/${o.metadata.name}`));
  expect(streams.length).toBeGreaterThan(10);
  expect(failures).toEqual([]);
}, 300000);
