import type { RuleTrace } from '../engine/run.js';

/** Renders the rule trace of `--explain`: which facts matched which conditions, for every rule that fired. */
export function renderTrace(trace: readonly RuleTrace[], options: { all?: boolean } = {}): string {
  const out: string[] = [];
  const fired = trace.filter((t) => t.fired);
  out.push(
    `Rule trace: ${fired.length} of ${trace.length} rules fired${options.all ? '' : ' (shown); pass --explain-all for every rule'}`,
  );
  for (const t of options.all ? trace : fired) {
    const by = t.subject === undefined ? [] : (JSON.parse(t.subject) as unknown[]);
    out.push(`  ${t.fired ? '✔' : '·'} ${t.ruleId}${by.length > 0 ? ` (${by.join(' ')})` : ''}`);
    for (const c of t.conditions) {
      const value = JSON.stringify(c.value);
      out.push(
        `      ${c.result ? '✔' : '✘'} ${c.fact}${c.path ? c.path.slice(1) : ''} ${c.operator} ${value.length > 80 ? `${value.slice(0, 77)}...` : value}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
