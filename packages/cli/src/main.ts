// The CLI: arguments → inputs → diagnose (pure core) → render → exit code. IO lives here, not in the core.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InternalError, type Lang } from '@rbac-diagnose/core';
import { HELP, parseArgs, UsageError, type CliArgs } from './args.js';
import { explainId, loadRules, rulesList } from './commands.js';
import { DEMO_INPUT } from './demo.js';
import { diagnoseInputs } from './diagnosis.js';
import { msg } from './i18n/t.js';
import {
  fileInputs,
  InputError,
  stdinInput,
  stdinIsTerminal,
  textInput,
  writeOut,
  writeOutPieces,
  type Input,
} from './io.js';
import { langFromArgv, langFromEnv } from './lang.js';
import { createProgressLog } from './log.js';
import { exitCode, ISSUES_URL, render, VERSION } from './output.js';

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // The language of every text: --lang, else the environment. A mistake on the command line is already told in it.
  let lang: Lang = langFromArgv(argv) ?? langFromEnv(process.env);
  try {
    const args = parseArgs(argv);
    lang = args.lang ?? lang;
    if (args.help) {
      // The Japanese help is a chunk of its own: only `--help` in Japanese loads it.
      writeOut(lang === 'ja' ? (await import('./i18n/help-ja.js')).HELP_JA : HELP);
      return 0;
    }
    if (args.version) {
      writeOut(`rbac-diagnose ${VERSION}\n`);
      return 0;
    }
    if (args.live) {
      // Live mode's chunk imports @kubernetes/client-node: piped input never loads it.
      const { runLive } = await import('./live/run.js');
      return await runLive(args, args.live, lang);
    }
    // The MCP server and the page's server sit in chunks of their own: other runs never load them.
    if (args.command?.name === 'mcp') {
      const { runMcp } = await import('./mcp/server.js');
      return await runMcp(args, lang);
    }
    if (args.command?.name === 'web') {
      const { runWeb } = await import('./web/run.js');
      return await runWeb(dirname(fileURLToPath(import.meta.url)), args.command.port, lang);
    }
    const log = await createProgressLog(args.logLevel);
    const ruleSet = await loadRules(args, log, lang);
    if (args.command?.name === 'rules-list') {
      writeOut(await rulesList(ruleSet, args.output === 'json', lang));
      return 0;
    }
    if (args.command?.name === 'explain') {
      const text = await explainId(ruleSet, args.command.id, lang);
      if (text === null) throw new UsageError('unknownId', { id: args.command.id });
      writeOut(text);
      return 0;
    }
    if (args.follow) {
      if (stdinIsTerminal()) throw new UsageError('followTerminal');
      // The follow machinery is a chunk of its own: other runs never load it.
      const { runFollow } = await import('./follow.js');
      return await runFollow(args, ruleSet, log, lang);
    }
    const inputs = gatherInputs(args, lang);
    if (inputs === null) {
      process.stderr.write(`rbac-diagnose: ${msg(lang, 'nothingToRead')}\n`);
      return 2;
    }
    log.debug({ inputs: inputs.map((i) => i.name) }, 'read inputs');
    const { report, trace, facts } = await diagnoseInputs(inputs, ruleSet, { ...args, lang });
    log.debug({ diagnoses: report.diagnoses.length, issues: report.issues.length }, 'diagnosed');
    await writeOutPieces(await render(report, args, ruleSet, inputs, trace, facts));
    return exitCode(report, args);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      process.stderr.write(`rbac-diagnose: ${e.in(lang)}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    const kind = e instanceof InternalError ? '' : ` (${e instanceof Error ? e.name : typeof e})`;
    process.stderr.write(
      `rbac-diagnose: ${msg(lang, 'internalError', { kind, message })}\n${msg(lang, 'reportBug', { version: VERSION, url: ISSUES_URL })}\n`,
    );
    if (process.env['RBAC_DIAGNOSE_DEBUG'] && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 70;
  }
}

function gatherInputs(args: CliArgs, lang: Lang): Input[] | null {
  const max = Math.floor(args.maxSizeMiB * 1048576);
  if (args.demo) return [textInput({ name: 'demo', text: DEMO_INPUT })];
  if (args.files.length > 0) return fileInputs(args.files, max, lang);
  if (stdinIsTerminal()) return null;
  return [stdinInput(max)];
}
