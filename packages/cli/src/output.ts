// Printing a report: the output forms, --fix, and the exit code of contract C3.
import {
  renderMarkdown,
  renderSarif,
  renderText,
  renderTrace,
  terminalLayout,
  type Facts,
  type Lang,
  type Report,
  type RuleTrace,
} from '@rbac-diagnose/core';
import type { CliArgs } from './args.js';
import type { RuleSet } from './commands.js';
import { DEMO_INPUT } from './demo.js';
import { msg } from './i18n/t.js';
import { stdoutIsTerminal } from './io.js';
import { renderYaml } from './yaml-output.js';

declare const __RBAC_DIAGNOSE_VERSION__: string;
/** The package version (set by the bundler; a run from the sources says 0.0.0-dev). */
export const VERSION = typeof __RBAC_DIAGNOSE_VERSION__ === 'string' ? __RBAC_DIAGNOSE_VERSION__ : '0.0.0-dev';

/** Where bugs are reported. */
export const ISSUES_URL = 'https://github.com/rbac-diagnose/rbac-diagnose/issues';

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

function useColor(args: CliArgs): boolean {
  if (args.color !== null) return args.color;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stdoutIsTerminal() && process.env['TERM'] !== 'dumb';
}

/** Characters of JSON gathered before a piece is given (see jsonPieces). */
const JSON_PIECE = 1 << 20;

/**
 * `JSON.stringify(value, null, 2)` and a newline, given in pieces of about a mebibyte: the items of the object's
 * array fields are written one at a time, so a large report (a section per line of a log) is never one string.
 */
export function* jsonPieces(value: Readonly<Record<string, unknown>>): Generator<string> {
  // JSON.stringify escapes line breaks inside strings: every line break it writes is between tokens.
  const nested = (v: unknown, indent: string): string =>
    (JSON.stringify(v, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
  let out = '{';
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    // Fields JSON.stringify leaves out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out += `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (!Array.isArray(v) || v.length === 0) {
      out += nested(v, '  ');
      continue;
    }
    const items: readonly unknown[] = v;
    out += '[';
    for (let i = 0; i < items.length; i++) {
      out += `${i === 0 ? '' : ','}\n    ${nested(items[i], '    ')}`;
      if (out.length >= JSON_PIECE) {
        yield out;
        out = '';
      }
    }
    out += '\n  ]';
  }
  yield `${out}${first ? '}' : '\n}'}\n`;
}

/**
 * The report in the form --output asks for, in the report's language, in pieces (a JSON report may be large); the
 * --explain trace goes to stderr except in text and markdown.
 */
export async function render(
  report: Report,
  args: CliArgs,
  set: RuleSet,
  inputs: readonly { name: string; path?: string }[],
  trace: readonly RuleTrace[],
  facts: Facts,
): Promise<Iterable<string>> {
  const { lang } = report;
  if (args.fix) return [renderFix(report, args.includeEscalation)];
  if (args.output === 'json') {
    const explain = args.explain ? explainTrace(trace, set, facts, args.explainAll, lang) : '';
    if (explain) process.stderr.write(explain);
    return jsonPieces(report);
  }
  return [await renderOne(report, args.output, args, set, inputs, trace, facts)];
}

/** The report in one of the other output forms. */
async function renderOne(
  report: Report,
  output: Exclude<CliArgs['output'], 'json'>,
  args: CliArgs,
  set: RuleSet,
  inputs: readonly { name: string; path?: string }[],
  trace: readonly RuleTrace[],
  facts: Facts,
): Promise<string> {
  const { lang } = report;
  const rules = set.rules;
  const explain = args.explain ? explainTrace(trace, set, facts, args.explainAll, lang) : '';
  switch (output) {
    case 'yaml':
      if (explain) process.stderr.write(explain);
      return await renderYaml(report);
    case 'markdown':
      return `${renderMarkdown(report)}${explain ? `\n<details><summary>${msg(lang, 'traceSummary')}</summary>\n\n\`\`\`\n${explain}\`\`\`\n</details>\n` : ''}`;
    case 'sarif': {
      if (explain) process.stderr.write(explain);
      const uris = Object.fromEntries(inputs.map((i) => [i.name, i.path ?? i.name]));
      return `${JSON.stringify(renderSarif(report, { toolVersion: VERSION, rules, uris: inputs.length === 1 ? { '': inputs[0]?.path ?? 'stdin' } : uris }), null, 2)}\n`;
    }
    case 'text': {
      // Wrapped for a terminal only: files and pipes get whole lines (and never load the width tables).
      const layout =
        stdoutIsTerminal() && process.stdout.columns > 40
          ? await terminalLayout(Math.min(process.stdout.columns, 160))
          : undefined;
      const text = renderText(report, {
        color: useColor(args),
        verbose: args.verbose,
        verboseFlag: '-v',
        ...(layout === undefined ? {} : { layout }),
      });
      const body = args.demo ? `${msg(lang, 'demoInput')}\n\n${indent(DEMO_INPUT)}\n${text}` : text;
      return explain ? `${body}\n${explain}` : body;
    }
  }
}

/** The --explain trace, with custom rules marked and the lines each custom signature matched. */
function explainTrace(trace: readonly RuleTrace[], set: RuleSet, facts: Facts, all: boolean, lang: Lang): string {
  const notes = Object.fromEntries([...set.custom].map((id) => [id, 'custom rule from --rules']));
  const out = [renderTrace(trace, { all, notes, lang })];
  if (set.signatures.length > 0) {
    out.push(`Custom signatures (from --rules): ${set.signatures.length}\n`);
    for (const s of set.signatures) {
      const hits = facts.signals.filter((x) => x.id === s.id);
      const where = hits.map((h) => (h.source === undefined ? `${h.line}` : `${h.source}:${h.line}`));
      out.push(
        `  ${hits.length > 0 ? '✔' : '·'} ${s.id} (${s.role ?? 'cause'}): ${hits.length > 0 ? `matched line ${where.slice(0, 8).join(', ')}${where.length > 8 ? ', …' : ''}` : 'no match'}\n`,
      );
    }
  }
  return out.join('');
}

/**
 * `--fix`: only the manifests, as one multi-document stream for `kubectl apply -f -` after review. Comments hold no
 * input text (rule ids, the confidence, counts only): a value from the paste could otherwise end a comment line.
 * Grants labelled `escalation` are left out unless `--include-escalation`, and the stream says how many were.
 */
export function renderFix(report: Report, includeEscalation = false): string {
  const { lang } = report;
  const docs: string[] = [];
  let held = 0;
  for (const d of report.diagnoses) {
    for (const r of d.remediation) {
      if (r.kind !== 'manifest' || r.yaml === undefined) continue;
      if (r.safety === 'escalation' && !includeEscalation) {
        held++;
        continue;
      }
      const edit = /<[a-z][\w-]*>/.test(r.yaml) ? `${msg(lang, 'fixEditFirst')}\n` : '';
      const warn = r.safety === 'escalation' ? `${msg(lang, 'fixEscalation')}\n` : '';
      const head = msg(lang, 'fixHead', {
        rootCause: d.rootCause,
        ruleId: d.ruleId,
        confidence: d.confidence.toFixed(2),
      });
      docs.push(`${head}\n${warn}${edit}${r.yaml.trimEnd()}\n`);
    }
  }
  const note = held > 0 ? `${msg(lang, 'fixHeld', { count: held })}\n` : '';
  if (docs.length === 0) return `${note}${msg(lang, 'fixNone')}\n`;
  return note + docs.join('---\n');
}

function indent(s: string): string {
  return s
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** 1 when --fail-on names a severity that some diagnosis reaches, else 0. */
export function exitCode(report: Report, args: CliArgs): number {
  if (args.failOn === null) return 0;
  const limit = SEVERITY[args.failOn];
  return report.diagnoses.some((d) => SEVERITY[d.severity] <= limit) ? 1 : 0;
}
