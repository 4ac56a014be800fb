import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import type { Diagnosis, Report } from '../report.js';
import { markdownCode, markdownProse as prose } from './escape.js';

const SEVERITY_ICON = { error: '🔴', warning: '🟡', info: '🔵' } as const;
const SAFETY_TAG = { 'read-only': 'md.readOnly', mutating: 'md.mutating', escalation: 'md.escalation' } as const;

function fence(body: string, lang = ''): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${body.trimEnd()}\n${ticks}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Renders a report as GitHub-flavoured Markdown, for issues and pull requests, in the report's language. */
export function renderMarkdown(report: Report): string {
  const { lang } = report;
  const out: string[] = [`## ${t(lang, 'md.heading')}`, ''];
  const below = report.belowMinConfidence;
  const hidden = below ? t(lang, 'md.hidden', { count: below.count, minConfidence: below.minConfidence }) : null;
  if (report.diagnoses.length === 0) out.push(hidden ?? t(lang, 'md.none'), '');
  else {
    out.push(t(lang, 'md.table'), '|---|---|---|---:|---|');
    report.diagnoses.forEach((d, i) =>
      out.push(
        `| ${i + 1} | ${SEVERITY_ICON[d.severity]} ${d.severity} | \`${d.rootCause}\` | ${d.confidence.toFixed(2)} | \`${d.ruleId}\` |`,
      ),
    );
    out.push('');
    if (hidden !== null) out.push(hidden, '');
  }
  report.diagnoses.forEach((d, i) => out.push(...diagnosisMarkdown(d, i, lang)));
  if (report.issues.length > 0) {
    out.push(`### ${t(lang, 'md.inputNotes')}`, '');
    for (const i of report.issues)
      out.push(
        `- \`${i.code}\`${i.line > 0 ? ` (${t(lang, 'md.line', { line: `${i.source ? `${prose(i.source)}:` : ''}${i.line}` })})` : ''}: ${prose(i.message)}`,
      );
    out.push('');
  }
  const inputs = report.inputs
    .map((i) => `${i.kind} ${i.source ? `${prose(i.source)}:` : ''}${i.startLine}–${i.endLine}`)
    .join(t(lang, 'list'));
  out.push(`<sub>${t(lang, 'md.inputsRead', { inputs: inputs || t(lang, 'md.inputsNone') })}</sub>`, '');
  return out.join('\n');
}

function diagnosisMarkdown(d: Diagnosis, i: number, lang: Lang): string[] {
  const also = d.alsoMatched
    ? ` (${t(lang, 'md.also', { rules: d.alsoMatched.map((x) => `\`${x}\``).join(t(lang, 'list')) })})`
    : '';
  const out: string[] = [
    `### ${i + 1}. ${SEVERITY_ICON[d.severity]} \`${d.rootCause}\` — ${prose(d.title)}`,
    '',
    `**${t(lang, 'md.confidence', { confidence: d.confidence.toFixed(2) })}** · ${t(lang, 'md.rule', { rule: `\`${d.ruleId}\`` })}${also}`,
    '',
    prose(d.summary),
    '',
  ];
  if (d.misleading) out.push(`> **${t(lang, 'md.misleading')}** ${prose(d.misleading)}`, '');
  if (d.evidence.length > 0) {
    out.push(`**${t(lang, 'md.evidence')}**`, '', t(lang, 'md.evidenceTable'), '|---:|---|---|');
    for (const e of d.evidence)
      out.push(
        `| ${e.source ? `${cell(prose(e.source))}:` : ''}${e.line} | ${cell(markdownCode(e.text))} | ${cell(prose(e.why))} |`,
      );
    out.push('');
  }
  out.push(`<details><summary>${t(lang, 'md.explanation')}</summary>`, '', prose(d.explanation), '', '</details>', '');
  if (d.nextSteps.length > 0) {
    out.push(`**${t(lang, 'md.confirm')}** (${t(lang, 'md.readOnly')})`, '');
    for (const n of d.nextSteps) out.push(`- ${markdownCode(n.command)} — ${prose(n.why)}`);
    out.push('');
  }
  if (d.remediation.length > 0) {
    out.push(`**${t(lang, 'md.fix')}**`, '');
    for (const r of d.remediation) {
      out.push(`- ${prose(r.title)} _(${t(lang, SAFETY_TAG[r.safety])})_`);
      if (r.command) out.push('', fence(r.command, 'sh').replace(/^/gm, '  '), '');
      if (r.yaml) out.push('', fence(r.yaml, 'yaml').replace(/^/gm, '  '), '');
      if (r.text) out.push(`  ${prose(r.text)}`);
    }
    out.push('');
  }
  if (d.references.length > 0)
    out.push(`${t(lang, 'md.references')} ${d.references.map((u) => `<${u}>`).join(' · ')}`, '');
  return out;
}
