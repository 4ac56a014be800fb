// The CLI: arguments → inputs → diagnose (pure core) → render → exit code. IO lives here, not in the core.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InternalError } from '@rbac-diagnose/core';
import { HELP, parseArgs, UsageError, type CliArgs } from './args.js';
import { explainId, loadRules, rulesList } from './commands.js';
import { DEMO_INPUT } from './demo.js';
import { diagnoseInputs } from './diagnosis.js';
import { decodeText, InputError, readInputs, readStdin, stdinIsTerminal, writeOut, type NamedText } from './io.js';
import { createProgressLog } from './log.js';
import { exitCode, ISSUES_URL, render, VERSION } from './output.js';

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      writeOut(HELP);
      return 0;
    }
    if (args.version) {
      writeOut(`rbac-diagnose ${VERSION}\n`);
      return 0;
    }
    if (args.live) {
      // Live mode's chunk imports @kubernetes/client-node: piped input never loads it.
      const { runLive } = await import('./live/run.js');
      return await runLive(args, args.live);
    }
    // The MCP server and the page's server sit in chunks of their own: other runs never load them.
    if (args.command?.name === 'mcp') {
      const { runMcp } = await import('./mcp/server.js');
      return await runMcp(args);
    }
    if (args.command?.name === 'web') {
      const { runWeb } = await import('./web/run.js');
      return await runWeb(dirname(fileURLToPath(import.meta.url)), args.command.port);
    }
    const log = await createProgressLog(args.logLevel);
    const ruleSet = await loadRules(args, log);
    if (args.command?.name === 'rules-list') {
      writeOut(await rulesList(ruleSet, args.output === 'json'));
      return 0;
    }
    if (args.command?.name === 'explain') {
      const text = await explainId(ruleSet, args.command.id);
      if (text === null)
        throw new UsageError(`no rule or root cause named "${args.command.id}" (see \`rbac-diagnose rules list\`)`);
      writeOut(text);
      return 0;
    }
    const inputs = await gatherInputs(args);
    if (inputs === null) {
      process.stderr.write(
        'rbac-diagnose: nothing to read: pipe kubectl output in (`kubectl describe pod my-pod | rbac-diagnose`), name files, or run `rbac-diagnose -` and paste (see --help)\n',
      );
      return 2;
    }
    log.debug({ inputs: inputs.map((i) => ({ name: i.name, chars: i.text.length })) }, 'read inputs');
    const { report, trace, facts } = await diagnoseInputs(inputs, ruleSet, args);
    log.debug({ diagnoses: report.diagnoses.length, issues: report.issues.length }, 'diagnosed');
    writeOut(await render(report, args, ruleSet, inputs, trace, facts));
    return exitCode(report, args);
  } catch (e) {
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

async function gatherInputs(args: CliArgs): Promise<NamedText[] | null> {
  const max = Math.floor(args.maxSizeMiB * 1048576);
  if (args.demo) return [{ name: 'demo', text: DEMO_INPUT }];
  if (args.files.length > 0) return readInputs(args.files, max);
  if (stdinIsTerminal()) return null;
  return [{ name: 'stdin', text: decodeText(await readStdin(max), 'standard input') }];
}
