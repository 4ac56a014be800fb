import type { Diagnosis, Report } from '../report.js';
import { chainLine } from './chain.js';

/** Options of {@link renderText}. */
export interface TextOptions {
  color?: boolean;
  /** Show every diagnosis in full (default: the first in full, the others in short). */
  verbose?: boolean;
  /** Wrap prose at this many columns (a terminal's width); no wrapping when absent (pipes, files). */
  width?: number;
}

type Paint = (s: string) => string;

function palette(color: boolean): Record<'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'green' | 'cyan', Paint> {
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

function indent(text: string, pad: string, width?: number): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : wrap(pad + l, width, pad)))
    .join('\n');
}

/** Word-wraps one line at `width` columns, continuing with `pad` (ANSI sequences count as zero width). */
function wrap(line: string, width: number | undefined, pad: string): string {
  if (width === undefined || visible(line) <= width) return line;
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(/(?<=\S) (?=\S)/)) {
    if (cur !== '' && visible(cur) + 1 + visible(word) > width) {
      out.push(cur);
      cur = pad + word.trimStart();
    } else cur = cur === '' ? word : `${cur} ${word}`;
  }
  out.push(cur);
  return out.join('\n');
}

function visible(s: string): number {
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Renders a report for a person in a terminal, like compiler diagnostics. */
export function renderText(report: Report, options: TextOptions = {}): string {
  const p = palette(options.color ?? false);
  const out: string[] = [];
  const kinds = report.inputs
    .map((i) => `${i.kind} ${i.source ? `${i.source}:` : ''}${i.startLine}–${i.endLine}`)
    .join(', ');
  const errors = report.diagnoses.filter((d) => d.severity === 'error');
  const head =
    report.diagnoses.length === 0
      ? 'no known cause found'
      : `${errors.length} likely cause${errors.length === 1 ? '' : 's'} of failure, ${report.diagnoses.length - errors.length} other finding${report.diagnoses.length - errors.length === 1 ? '' : 's'}`;
  out.push(`${p.bold('rbac-diagnose')}: ${head}${kinds ? p.dim(`  (read: ${kinds})`) : ''}`);
  report.diagnoses.forEach((d, i) => {
    out.push('');
    out.push(...renderDiagnosis(d, i, p, options.verbose === true || i === 0 || d.severity !== 'error', options.width));
  });
  if (report.issues.length > 0) {
    out.push('');
    out.push(p.bold('Input notes:'));
    for (const issue of report.issues)
      out.push(
        `  ${p.yellow('!')} ${issue.line > 0 ? `line ${issue.source ? `${issue.source}:` : ''}${issue.line}: ` : ''}${issue.message} ${p.dim(`[${issue.code}]`)}`,
      );
  }
  return `${out.join('\n')}\n`;
}

function renderDiagnosis(
  d: Diagnosis,
  i: number,
  p: ReturnType<typeof palette>,
  full: boolean,
  width?: number,
): string[] {
  const out: string[] = [];
  const sev = d.severity === 'error' ? p.red('error') : d.severity === 'warning' ? p.yellow('warning') : p.blue('info');
  const rank = i === 0 ? 'most likely' : `#${i + 1}`;
  out.push(
    `${p.bold(`${i + 1}.`)} ${sev} ${p.bold(d.rootCause)}  ${p.dim(`confidence ${d.confidence.toFixed(2)} · ${rank} · rule ${d.ruleId}`)}`,
  );
  out.push(`   ${p.bold(d.title)}`);
  if (full && d.severity === 'error' && d.chain)
    out.push(
      `   ${p.dim('chain:')} ${chainLine(d.chain, { ok: p.green('✔'), broken: p.red('✘'), skipped: p.dim('·') })}`,
    );
  out.push(indent(d.summary, '   ', width));
  if (d.misleading) {
    out.push('');
    out.push(wrap(`   ${p.cyan('Why the message misleads:')} ${d.misleading}`, width, '   '));
  }
  if (d.evidence.length > 0) {
    out.push('');
    out.push(`   ${p.bold('Evidence')}`);
    const locWidth = Math.max(...d.evidence.map((e) => `${e.source ? `${e.source}:` : ''}${e.line}`.length));
    for (const e of d.evidence) {
      const loc = `${e.source ? `${e.source}:` : ''}${e.line}`.padStart(locWidth);
      const room = Math.max(40, (width ?? 160) - locWidth - 6);
      const text = e.text.length > room ? `${e.text.slice(0, room - 3)}...` : e.text;
      out.push(`   ${p.dim(`${loc} │`)} ${text}`);
      out.push(
        wrap(
          `   ${' '.repeat(locWidth)} ${p.dim('│')} ${p.green('↳')} ${e.why}`,
          width,
          `   ${' '.repeat(locWidth)} ${p.dim('│')}   `,
        ),
      );
    }
  }
  if (!full) {
    if (d.nextSteps[0]) out.push(`   ${p.bold('Confirm:')} ${d.nextSteps[0].command}`);
    return out;
  }
  out.push('');
  out.push(indent(d.explanation, '   ', width));
  if (d.nextSteps.length > 0) {
    out.push('');
    out.push(`   ${p.bold('Confirm')} ${p.dim('(read-only)')}`);
    for (const n of d.nextSteps) {
      out.push(`     $ ${n.command}`);
      out.push(wrap(`       ${p.dim(n.why)}`, width, '       '));
    }
  }
  if (d.remediation.length > 0) {
    out.push('');
    out.push(`   ${p.bold('Fix')}`);
    for (const r of d.remediation) {
      const tag =
        r.safety === 'escalation'
          ? p.yellow('[escalation: grants more than it lists; --fix leaves it out]')
          : r.safety === 'mutating'
            ? p.yellow('[mutating: review before applying]')
            : p.dim('[read-only]');
      out.push(wrap(`   • ${r.title} ${tag}`, width, '     '));
      if (r.command)
        out.push(
          indent(
            r.command
              .split('\n')
              .map((l, k) => (k === 0 ? `$ ${l}` : `  ${l}`))
              .join('\n'),
            '       ',
          ),
        );
      if (r.yaml) out.push(indent(r.yaml.trimEnd(), '       '));
      if (r.text) out.push(indent(r.text, '       ', width));
    }
  }
  if (d.references.length > 0) {
    out.push('');
    out.push(`   ${p.dim(`See: ${d.references.join('  ')}`)}`);
  }
  return out;
}
