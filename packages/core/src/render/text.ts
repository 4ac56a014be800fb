import type { Lang } from '../i18n/lang.js';
import type { MessageKey } from '../i18n/en.js';
import { t, type MessageParams } from '../i18n/t.js';
import type { Diagnosis, Report } from '../report.js';
import { chainLinks } from './chain.js';
import { wrapCommand, wrapLine, wrapParts, wrapText, type Layout } from './wrap.js';
import { printable } from './escape.js';

/** Options of {@link renderText}. */
export interface TextOptions {
  color?: boolean;
  /** Show every diagnosis in full (default: the most likely one in full, the others one entry each). */
  verbose?: boolean;
  /** The terminal to wrap for (`terminalLayout(columns)`); no wrapping when absent (pipes, files). */
  layout?: Layout;
  /** The command-line flag that shows the full report, named under a short one (the CLI passes `-v`). */
  verboseFlag?: string;
}

type Paint = (s: string) => string;
type Palette = Record<'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'green' | 'cyan', Paint>;

function palette(color: boolean): Palette {
  const wrap = (a: string, b: string): Paint => (color ? (s) => `\u001b[${a}m${s}\u001b[${b}m` : (s) => s);
  return {
    bold: wrap('1', '22'),
    dim: wrap('2', '22'),
    red: wrap('31', '39'),
    yellow: wrap('33', '39'),
    blue: wrap('34', '39'),
    green: wrap('32', '39'),
    cyan: wrap('36', '39'),
  };
}

/** The renderer's words in the report's language (`text.*` of the core's catalogs). */
type Words = (key: TextKey, params?: MessageParams) => string;
type TextKey = Extract<MessageKey, `text.${string}` | 'list'>;

function words(lang: Lang): Words {
  return (key, params) => t(lang, key, params);
}

/** What every part of one rendering needs. */
interface Ctx {
  p: Palette;
  w: Words;
  layout: Layout | undefined;
}

/**
 * Renders a report for a person in a terminal, like compiler diagnostics. By default the most likely cause is shown in
 * full (why the message misleads, evidence, one confirming command, the fix) and the others one entry each with the
 * check that would confirm them; `verbose` shows everything.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const ctx: Ctx = { p: palette(options.color ?? false), w: words(report.lang), layout: options.layout };
  const { p, w, layout } = ctx;
  const verbose = options.verbose === true;
  const out: string[] = [];
  const kinds = report.inputs
    .map((i) => `${i.kind} ${i.source ? `${i.source}:` : ''}${i.startLine}–${i.endLine}`)
    .join(w('list'));
  const errors = report.diagnoses.filter((d) => d.severity === 'error').length;
  const below = report.belowMinConfidence;
  const hidden =
    below && below.count > 0 ? w('text.hidden', { count: below.count, minConfidence: below.minConfidence }) : null;
  const head =
    report.diagnoses.length > 0
      ? w('text.counts', { errors, others: report.diagnoses.length - errors })
      : (hidden ?? w('text.noCause'));
  // What was read goes on a line of its own rather than be cut.
  const read = kinds ? p.dim(w('text.read', { kinds })) : '';
  const first = `${p.bold('rbac-diagnose')}: ${head}`;
  if (read === '' || layout === undefined || layout.measure(`${first}  ${read}`) <= layout.columns)
    out.push(read ? `${first}  ${read}` : first);
  else out.push(...wrapLine(head, layout, `${p.bold('rbac-diagnose')}: `, '  '), ...wrapLine(read, layout, '  ', '  '));
  if (hidden !== null && report.diagnoses.length > 0) out.push(...wrapLine(hidden, layout, '  ', '  '));

  const [top, ...others] = report.diagnoses;
  if (top) out.push('', ...(verbose ? fullDiagnosis(top, 0, ctx) : shortDiagnosis(top, ctx)));
  if (verbose) others.forEach((d, i) => out.push('', ...fullDiagnosis(d, i + 1, ctx)));
  else {
    const entries = others.map((d, i) => ({ d, n: i + 2 }));
    const alternatives = entries.filter((e) => e.d.severity === 'error');
    const findings = entries.filter((e) => e.d.severity !== 'error');
    for (const [heading, list] of [
      [w('text.alternatives'), alternatives],
      [w('text.otherFindings'), findings],
    ] as const) {
      if (list.length === 0) continue;
      out.push('', p.bold(heading));
      for (const { d, n } of list) out.push(...oneEntry(d, n, ctx));
    }
  }
  if (report.issues.length > 0) {
    out.push('', p.bold(w('text.inputNotes')));
    // The same note on several lines is said once, with its lines.
    const notes = new Map<string, { issue: Report['issues'][number]; at: string[] }>();
    for (const issue of report.issues) {
      const key = JSON.stringify([issue.code, issue.message, issue.source ?? '']);
      const at = issue.line > 0 ? [`${issue.source ? `${issue.source}:` : ''}${issue.line}`] : [];
      const seen = notes.get(key);
      if (seen) seen.at.push(...at);
      else notes.set(key, { issue, at });
    }
    for (const { issue, at } of notes.values()) {
      const where = at.length > 0 ? `${w('text.line', { at: at.join(w('list')), count: at.length })}: ` : '';
      out.push(
        ...wrapLine(
          `${where}${printable(issue.message)} ${p.dim(`[${issue.code}]`)}`,
          layout,
          `  ${p.yellow('!')} `,
          '    ',
        ),
      );
    }
  }
  const shortened = !verbose && report.diagnoses.length > 0;
  if (shortened && options.verboseFlag !== undefined)
    out.push('', ...wrapLine(p.dim(w('text.full', { flag: options.verboseFlag })), layout, '', ''));
  return `${out.join('\n')}\n`;
}

/** The first line of a diagnosis: number, severity, root cause, confidence, rank and rule. */
function heading(d: Diagnosis, i: number, ctx: Ctx): string[] {
  const { p, w } = ctx;
  const sev =
    d.severity === 'error'
      ? p.red(w('text.error'))
      : d.severity === 'warning'
        ? p.yellow(w('text.warning'))
        : p.blue(w('text.info'));
  const rank = i === 0 ? w('text.mostLikely') : `#${i + 1}`;
  // Broken between its parts only, so that the rule id stays whole.
  const parts = [
    `${sev} ${p.bold(d.rootCause)}  ${p.dim(w('text.confidence', { confidence: d.confidence.toFixed(2) }))}`,
    p.dim(rank),
    p.dim(w('text.rule', { rule: d.ruleId })),
  ];
  return [
    ...wrapParts(parts, p.dim(' · '), ctx.layout, `${p.bold(`${i + 1}.`)} `, '   '),
    ...wrapLine(p.bold(d.title), ctx.layout, '   ', '   '),
  ];
}

function chain(d: Diagnosis, ctx: Ctx): string[] {
  const { p, w } = ctx;
  if (d.severity !== 'error' || !d.chain) return [];
  const label = `   ${p.dim(w('text.chain'))} `;
  const links = chainLinks(d.chain, { ok: p.green('✔'), broken: p.red('✘'), skipped: p.dim('·') });
  return wrapParts(links, ' → ', ctx.layout, label, ' '.repeat(4 + (ctx.layout?.measure(w('text.chain')) ?? 0)));
}

function evidence(d: Diagnosis, ctx: Ctx): string[] {
  const { p, w } = ctx;
  if (d.evidence.length === 0) return [];
  const out = ['', `   ${p.bold(w('text.evidence'))}`];
  const locWidth = Math.max(...d.evidence.map((e) => `${e.source ? `${e.source}:` : ''}${e.line}`.length));
  const bar = `   ${' '.repeat(locWidth)} ${p.dim('│')} `;
  for (const e of d.evidence) {
    const loc = `${e.source ? `${e.source}:` : ''}${e.line}`.padStart(locWidth);
    // The whole line, wrapped with a hanging indent: a log line's error is at its end.
    out.push(...wrapLine(e.text, ctx.layout, `   ${p.dim(`${loc} │`)} `, `${bar}  `));
    out.push(...wrapLine(e.why, ctx.layout, `${bar}${p.green('↳')} `, `${bar}  `));
  }
  return out;
}

function confirm(steps: Diagnosis['nextSteps'], ctx: Ctx): string[] {
  const { p, w } = ctx;
  if (steps.length === 0) return [];
  const out = ['', `   ${p.bold(w('text.confirm'))} ${p.dim(w('text.readOnly'))}`];
  for (const n of steps) {
    out.push(...wrapCommand(n.command, ctx.layout, '     $ ', '       '));
    out.push(...wrapLine(p.dim(n.why), ctx.layout, '       ', '       '));
  }
  return out;
}

function fix(d: Diagnosis, ctx: Ctx): string[] {
  const { p, w } = ctx;
  if (d.remediation.length === 0) return [];
  const out = ['', `   ${p.bold(w('text.fix'))}`];
  for (const r of d.remediation) {
    const tag =
      r.safety === 'escalation'
        ? p.yellow(w('text.escalationTag'))
        : r.safety === 'mutating'
          ? p.yellow(w('text.mutatingTag'))
          : p.dim(w('text.readOnlyTag'));
    out.push(...wrapLine(`${r.title} ${tag}`, ctx.layout, '   • ', '     '));
    if (r.command) out.push(...wrapCommand(r.command, ctx.layout, '       $ ', '         '));
    // Manifests are never wrapped: they are copied as they are.
    if (r.yaml)
      out.push(
        ...r.yaml
          .trimEnd()
          .split('\n')
          .map((l) => (l === '' ? '' : `       ${l}`)),
      );
    if (r.text) out.push(...wrapText(r.text, ctx.layout, '       ', '       '));
  }
  return out;
}

/** The first `n` sentences of a text (English sentences end in . ! ? before a capital or a quote; Japanese in 。). */
function firstSentences(text: string, n: number): string {
  const sentences = text.split(/(?<!\b(?:e\.g|i\.e|vs|etc|cf)\.)(?<=[.!?]["”’)]?)\s+(?=[A-Z"“'`(])|(?<=。)(?!\s*$)/);
  return sentences.slice(0, n).join(' ').replace(/。 /g, '。');
}

/** The most likely cause in full, without what a first reading does not need (the explanation, other checks). */
function shortDiagnosis(d: Diagnosis, ctx: Ctx): string[] {
  const { p, w } = ctx;
  const out = [...heading(d, 0, ctx), ...chain(d, ctx), ''];
  if (d.misleading)
    out.push(...wrapLine(`${p.cyan(w('text.misleads'))} ${firstSentences(d.misleading, 2)}`, ctx.layout, '   ', '   '));
  else out.push(...wrapLine(firstSentences(d.summary, 2), ctx.layout, '   ', '   '));
  out.push(...evidence(d, ctx), ...confirm(d.nextSteps.slice(0, 1), ctx), ...fix(d, ctx));
  return out;
}

/** One diagnosis as the full report shows it. */
function fullDiagnosis(d: Diagnosis, i: number, ctx: Ctx): string[] {
  const { p, w } = ctx;
  const out = [...heading(d, i, ctx), ...chain(d, ctx), ...wrapText(d.summary, ctx.layout, '   ', '   ')];
  if (d.misleading)
    out.push('', ...wrapLine(`${p.cyan(w('text.misleads'))} ${d.misleading}`, ctx.layout, '   ', '   '));
  out.push(...evidence(d, ctx), '', ...wrapText(d.explanation, ctx.layout, '   ', '   '));
  out.push(...confirm(d.nextSteps, ctx), ...fix(d, ctx));
  if (d.references.length > 0) {
    // Wrapped between the links, each link whole (a URL is copied as it is).
    const label = `   ${p.dim(w('text.see'))} `;
    const indent = ' '.repeat(ctx.layout?.measure(label) ?? 0);
    out.push('', ...wrapParts(d.references.map(p.dim), '  ', ctx.layout, label, indent));
  }
  return out;
}

/** Another cause, one entry: its confidence and title, and the check that would confirm it. */
function oneEntry(d: Diagnosis, n: number, ctx: Ctx): string[] {
  const { p, w } = ctx;
  const out = wrapLine(
    `${p.bold(d.rootCause)}  ${p.dim(w('text.confidence', { confidence: d.confidence.toFixed(2) }))}  ${d.title}`,
    ctx.layout,
    `  ${n}. `,
    '     ',
  );
  const step = d.nextSteps[0];
  const first = `     ${p.dim(w('text.check'))} $ `;
  if (step) out.push(...wrapCommand(step.command, ctx.layout, first, ' '.repeat(ctx.layout?.measure(first) ?? 0)));
  return out;
}
