import type { ConditionTrace, RuleTrace } from '../engine/run.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';

/**
 * Renders the rule trace of `--explain`: which facts matched which conditions, and which confidence adjustments
 * applied and why, for every rule that fired; `all` adds the rules and adjustments that did not. The trace's texts are
 * in the language it was diagnosed in; `lang` is that of the words around them.
 */
export function renderTrace(
  trace: readonly RuleTrace[],
  options: {
    all?: boolean;
    lang?: Lang;
    /** A note the caller puts after a rule's id (e.g. where a custom rule came from), by rule id. */
    notes?: Readonly<Record<string, string>>;
  } = {},
): string {
  const lang = options.lang ?? 'en';
  const out: string[] = [];
  const fired = trace.filter((tr) => tr.fired);
  out.push(
    `${t(lang, 'trace.head', { fired: fired.length, total: trace.length })}${options.all ? '' : t(lang, 'trace.shown')}`,
  );
  for (const tr of options.all ? trace : fired) {
    const by = tr.subject === undefined ? [] : (JSON.parse(tr.subject) as unknown[]);
    out.push(
      `  ${tr.fired ? '✔' : '·'} ${tr.ruleId}${options.notes?.[tr.ruleId] ? ` [${options.notes[tr.ruleId]}]` : ''}${by.length > 0 ? ` (${by.join(' ')})` : ''}  ${t(lang, 'trace.base', { confidence: tr.confidence.toFixed(2) })}`,
    );
    for (const c of tr.conditions) out.push(`      ${condition(c)}`);
    const adjustments = tr.adjustments.filter((a) => options.all || (tr.fired && a.fired));
    for (const a of adjustments) {
      const delta = `${a.delta > 0 ? '+' : '−'}${Math.abs(a.delta).toFixed(2)}`;
      out.push(
        `    ${a.fired ? (a.delta > 0 ? '↑' : '↓') : '·'} ${delta} ${t(lang, a.fired ? 'trace.applied' : 'trace.notApplied')}: ${unfilled(a.why)}`,
      );
      for (const c of a.conditions) out.push(`        ${condition(c)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function condition(c: ConditionTrace): string {
  const value = JSON.stringify(c.value);
  return `${c.result ? '✔' : '✘'} ${c.fact}${c.path ? c.path.slice(1) : ''} ${c.operator} ${value.length > 80 ? `${value.slice(0, 77)}...` : value}`;
}

/** A rule text's placeholders as `<name>`: the trace shows the rule as written, the diagnosis the filled text. */
function unfilled(text: string): string {
  return text.replace(/\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g, '<$1>');
}
