import type { ConditionTrace, RuleTrace } from '../engine/run.js';

/**
 * Renders the rule trace of `--explain`: which facts matched which conditions, and which confidence adjustments
 * applied and why, for every rule that fired; `all` adds the rules and adjustments that did not.
 */
export function renderTrace(
  trace: readonly RuleTrace[],
  options: {
    all?: boolean;
    /** A note the caller puts after a rule's id (e.g. where a custom rule came from), by rule id. */
    notes?: Readonly<Record<string, string>>;
  } = {},
): string {
  const out: string[] = [];
  const fired = trace.filter((t) => t.fired);
  out.push(
    `Rule trace: ${fired.length} of ${trace.length} rules fired${options.all ? '' : ' (shown); pass --explain-all for every rule'}`,
  );
  for (const t of options.all ? trace : fired) {
    const by = t.subject === undefined ? [] : (JSON.parse(t.subject) as unknown[]);
    out.push(
      `  ${t.fired ? '✔' : '·'} ${t.ruleId}${options.notes?.[t.ruleId] ? ` [${options.notes[t.ruleId]}]` : ''}${by.length > 0 ? ` (${by.join(' ')})` : ''}  base confidence ${t.confidence.toFixed(2)}`,
    );
    for (const c of t.conditions) out.push(`      ${condition(c)}`);
    const adjustments = t.adjustments.filter((a) => options.all || (t.fired && a.fired));
    for (const a of adjustments) {
      const delta = `${a.delta > 0 ? '+' : '−'}${Math.abs(a.delta).toFixed(2)}`;
      out.push(
        `    ${a.fired ? (a.delta > 0 ? '↑' : '↓') : '·'} ${delta} ${a.fired ? 'applied' : 'not applied'}: ${unfilled(a.why)}`,
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
