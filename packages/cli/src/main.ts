// The CLI: arguments → inputs → diagnose (pure core) → render → exit code. IO lives here, not in the core.
import {
  diagnoseDetailed,
  InternalError,
  renderMarkdown,
  renderSarif,
  renderYaml,
  renderText,
  renderTrace,
  type Report,
  type Rule,
  type RuleTrace,
} from '@rbac-diagnose/core';
import { builtinRules, mergeRules } from '@rbac-diagnose/rules';
import { HELP, parseArgs, UsageError, type CliArgs } from './args.js';
import { explainId, rulesList } from './commands.js';
import { DEMO_INPUT } from './demo.js';
import {
  InputError,
  readInputs,
  readStdin,
  decodeText,
  stdinIsTerminal,
  stdoutIsTerminal,
  writeOut,
  type NamedText,
} from './io.js';
import { createLogger, type Logger } from './log.js';

declare const __RBAC_DIAGNOSE_VERSION__: string;
const VERSION = typeof __RBAC_DIAGNOSE_VERSION__ === 'string' ? __RBAC_DIAGNOSE_VERSION__ : '0.0.0-dev';
const ISSUES_URL = 'https://github.com/rbac-diagnose/rbac-diagnose/issues';

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let log: Logger = createLogger('warn');
  try {
    // Live mode (reads a cluster): its own chunk, so @kubernetes/client-node is never loaded for piped input.
    if ((argv[0] === 'live' || argv[0] === 'watch') && !argv.includes('--help') && !argv.includes('-h')) {
      const { runLive } = await import('./live/run.js');
      // Live and watch write through the process.stdout stream: a closed pipe (`| head`) ends them quietly.
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      });
      return await runLive(argv, { parseArgs, UsageError, loadRules, render, renderFix, exitCode, createLogger });
    }
    const args = parseArgs(argv);
    log = createLogger(args.logLevel);
    if (args.help) {
      writeOut(HELP);
      return 0;
    }
    if (args.version) {
      writeOut(`rbac-diagnose ${VERSION}\n`);
      return 0;
    }
    const rules = await loadRules(args, log);
    if (args.command?.name === 'rules-list') {
      write(rulesList(rules, args.output === 'json'));
      return 0;
    }
    if (args.command?.name === 'explain') {
      const text = explainId(rules, args.command.id);
      if (text === null)
        throw new UsageError(`no rule or root cause named "${args.command.id}" (see \`rbac-diagnose rules list\`)`);
      write(text);
      return 0;
    }
    const inputs = await gatherInputs(args);
    if (inputs === null) {
      process.stderr.write(
        'rbac-diagnose: nothing to read: pipe kubectl output in, e.g. `kubectl describe pod my-pod | rbac-diagnose`, or name files (see --help)\n',
      );
      return 2;
    }
    log.debug({ inputs: inputs.map((i) => ({ name: i.name, chars: i.text.length })) }, 'read inputs');
    const { report, trace } = await diagnoseDetailed(
      inputs.length === 1 ? (inputs[0]?.text ?? '') : inputs.map((i) => ({ name: i.name, text: i.text })),
      {
        rules,
        trustedRules: true,
        minConfidence: args.minConfidence,
        redact: args.redact,
        validate: false,
        maxInputChars: Math.floor(args.maxSizeMiB * 1048576),
        maxLineChars: Math.floor(args.maxLineKiB * 1024),
      },
    );
    log.debug({ diagnoses: report.diagnoses.length, issues: report.issues.length }, 'diagnosed');
    write(args.fix ? renderFix(report) : await render(report, args, rules, inputs, trace));
    await log.flush();
    return exitCode(report, args);
  } catch (e) {
    await log.flush().catch(() => undefined);
    if (e instanceof UsageError || e instanceof InputError) {
      process.stderr.write(`rbac-diagnose: ${e.message}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(
      `rbac-diagnose: internal error${e instanceof InternalError ? '' : ` (${e instanceof Error ? e.name : typeof e})`}: ${msg}\nThis is a bug in rbac-diagnose ${VERSION}. Please report it at ${ISSUES_URL} with the command and, if you can, the input.\n`,
    );
    if (process.env['RBAC_DIAGNOSE_DEBUG'] && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 70;
  }
}

async function loadRules(args: CliArgs, log: Logger): Promise<readonly Rule[]> {
  if (args.rulesDirs.length === 0) return builtinRules;
  const { loadRulesDir } = await import('@rbac-diagnose/rules/load');
  const sets: Rule[][] = [];
  for (const dir of args.rulesDirs) {
    const { rules, errors } = loadRulesDir(dir);
    const first = errors[0];
    if (first) {
      throw new UsageError(
        `bad rule in ${first.file}: ${first.field}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''}`,
      );
    }
    log.info({ dir, rules: rules.length }, 'loaded custom rules');
    sets.push(rules);
  }
  return mergeRules(builtinRules, ...sets);
}

async function gatherInputs(args: CliArgs): Promise<NamedText[] | null> {
  const max = Math.floor(args.maxSizeMiB * 1048576);
  if (args.demo) return [{ name: 'demo', text: DEMO_INPUT }];
  if (args.files.length > 0) return readInputs(args.files, max);
  if (stdinIsTerminal()) return null;
  return [{ name: 'stdin', text: decodeText(await readStdin(max), 'standard input') }];
}

function useColor(args: CliArgs): boolean {
  if (args.color !== null) return args.color;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stdoutIsTerminal() && process.env['TERM'] !== 'dumb';
}

async function render(
  report: Report,
  args: CliArgs,
  rules: readonly Rule[],
  inputs: readonly NamedText[],
  trace: readonly RuleTrace[],
): Promise<string> {
  const explain = args.explain ? renderTrace(trace, { all: args.explainAll }) : '';
  switch (args.output) {
    case 'json':
      if (explain) process.stderr.write(explain);
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'yaml': {
      if (explain) process.stderr.write(explain);
      return renderYaml(report);
    }
    case 'markdown':
      return `${renderMarkdown(report)}${explain ? `\n<details><summary>Rule trace</summary>\n\n\`\`\`\n${explain}\`\`\`\n</details>\n` : ''}`;
    case 'sarif': {
      if (explain) process.stderr.write(explain);
      const uris = Object.fromEntries(inputs.map((i) => [i.name, i.path ?? i.name]));
      return `${JSON.stringify(renderSarif(report, { toolVersion: VERSION, rules, uris: inputs.length === 1 ? { '': inputs[0]?.path ?? 'stdin' } : uris }), null, 2)}\n`;
    }
    case 'text': {
      const width =
        stdoutIsTerminal() && process.stdout.columns > 40 ? Math.min(process.stdout.columns, 160) : undefined;
      const text = renderText(report, {
        color: useColor(args),
        verbose: args.verbose,
        ...(width === undefined ? {} : { width }),
      });
      const body = args.demo ? `Example input (rbac-diagnose --demo):\n\n${indent(DEMO_INPUT)}\n${text}` : text;
      return explain ? `${body}\n${explain}` : body;
    }
  }
}

/** `--fix`: only the manifests, as one multi-document stream for `kubectl apply -f -` after review. */
function renderFix(report: Report): string {
  const docs: string[] = [];
  for (const d of report.diagnoses) {
    for (const r of d.remediation) {
      if (r.kind !== 'manifest' || r.yaml === undefined) continue;
      const edit = /<[a-z][\w-]*>/.test(r.yaml) ? '# EDIT FIRST: replace every <placeholder> below.\n' : '';
      docs.push(
        `# ${d.rootCause} (${d.ruleId}, confidence ${d.confidence.toFixed(2)}): ${r.title}\n${edit}${r.yaml.trimEnd()}\n`,
      );
    }
  }
  if (docs.length === 0)
    return '# rbac-diagnose: no manifest to apply for this input (see the text report for commands).\n';
  return docs.join('---\n');
}

function indent(s: string): string {
  return s
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

function exitCode(report: Report, args: CliArgs): number {
  if (args.failOn === null) return 0;
  const limit = SEVERITY[args.failOn];
  return report.diagnoses.some((d) => SEVERITY[d.severity] <= limit) ? 1 : 0;
}

function write(s: string): void {
  writeOut(s);
}
