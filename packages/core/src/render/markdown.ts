import type { Diagnosis, Report } from '../report.js';

const SEVERITY_ICON = { error: '🔴', warning: '🟡', info: '🔵' } as const;
const SAFETY_TAG = {
  'read-only': '_(read-only)_',
  mutating: '_(mutating: review before applying)_',
  escalation: '_(escalation: grants more than it lists; review before granting)_',
} as const;

function fence(body: string, lang = ''): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${body.trimEnd()}\n${ticks}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Renders a report as GitHub-flavoured Markdown, for issues and pull requests. */
export function renderMarkdown(report: Report): string {
  const out: string[] = ['## rbac-diagnose report', ''];
  const below = report.belowMinConfidence;
  const hidden = below
    ? `${below.count} cause${below.count === 1 ? '' : 's'} below confidence ${below.minConfidence} not shown.`
    : null;
  if (report.diagnoses.length === 0) out.push(hidden ?? 'No known cause found.', '');
  else {
    out.push('| # | severity | root cause | confidence | rule |', '|---|---|---|---:|---|');
    report.diagnoses.forEach((d, i) =>
      out.push(
        `| ${i + 1} | ${SEVERITY_ICON[d.severity]} ${d.severity} | \`${d.rootCause}\` | ${d.confidence.toFixed(2)} | \`${d.ruleId}\` |`,
      ),
    );
    out.push('');
    if (hidden !== null) out.push(hidden, '');
  }
  report.diagnoses.forEach((d, i) => out.push(...diagnosisMarkdown(d, i)));
  if (report.issues.length > 0) {
    out.push('### Input notes', '');
    for (const i of report.issues)
      out.push(
        `- \`${i.code}\`${i.line > 0 ? ` (line ${i.source ? `${i.source}:` : ''}${i.line})` : ''}: ${i.message}`,
      );
    out.push('');
  }
  out.push(
    `<sub>Inputs read: ${report.inputs.map((i) => `${i.kind} ${i.source ? `${i.source}:` : ''}${i.startLine}–${i.endLine}`).join(', ') || 'none'}</sub>`,
    '',
  );
  return out.join('\n');
}

function diagnosisMarkdown(d: Diagnosis, i: number): string[] {
  const out: string[] = [
    `### ${i + 1}. ${SEVERITY_ICON[d.severity]} \`${d.rootCause}\` — ${d.title}`,
    '',
    `**Confidence ${d.confidence.toFixed(2)}** · rule \`${d.ruleId}\`${d.alsoMatched ? ` (also: ${d.alsoMatched.map((x) => `\`${x}\``).join(', ')})` : ''}`,
    '',
    d.summary,
    '',
  ];
  if (d.misleading) out.push(`> **Why the message misleads:** ${d.misleading}`, '');
  if (d.evidence.length > 0) {
    out.push('**Evidence**', '', '| line | input | why |', '|---:|---|---|');
    for (const e of d.evidence)
      out.push(
        `| ${e.source ? `${cell(e.source)}:` : ''}${e.line} | \`${cell(e.text).replace(/`/g, "'")}\` | ${cell(e.why)} |`,
      );
    out.push('');
  }
  out.push('<details><summary>Explanation</summary>', '', d.explanation, '', '</details>', '');
  if (d.nextSteps.length > 0) {
    out.push('**Confirm** (read-only)', '');
    for (const n of d.nextSteps) out.push(`- \`${n.command.replace(/`/g, "'")}\` — ${n.why}`);
    out.push('');
  }
  if (d.remediation.length > 0) {
    out.push('**Fix**', '');
    for (const r of d.remediation) {
      out.push(`- ${r.title} ${SAFETY_TAG[r.safety]}`);
      if (r.command) out.push('', fence(r.command, 'sh').replace(/^/gm, '  '), '');
      if (r.yaml) out.push('', fence(r.yaml, 'yaml').replace(/^/gm, '  '), '');
      if (r.text) out.push(`  ${r.text}`);
    }
    out.push('');
  }
  if (d.references.length > 0) out.push(`References: ${d.references.map((u) => `<${u}>`).join(' · ')}`, '');
  return out;
}
