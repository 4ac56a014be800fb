import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Facts } from '../facts/schema.js';
import type { Adjustment, Condition, Rule } from '../rules/schema.js';
import { CUSTOM_OPERATORS, resolvePath } from './operators.js';

/** A rule whose conditions held, with the confidence adjustments that held too. */
export interface Firing {
  rule: Rule;
  adjustments: Adjustment[];
}

/** One condition's outcome, for `--explain`. */
export interface ConditionTrace {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  result: boolean;
}

/** Why a rule did or did not fire. */
export interface RuleTrace {
  ruleId: string;
  fired: boolean;
  conditions: ConditionTrace[];
}

function topLevel(c: Condition): TopLevelCondition {
  return ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as unknown as TopLevelCondition;
}

/**
 * Runs every rule (and every confidence adjustment) in one json-rules-engine run over the facts.
 * A fresh Engine per call: overlapping runs on one Engine silently drop lower-priority rules.
 */
export async function runRules(rules: readonly Rule[], facts: Facts): Promise<{ fired: Firing[]; trace: RuleTrace[] }> {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    allowUndefinedConditions: false,
    pathResolver: resolvePath as (v: object, p: string) => unknown,
  });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  rules.forEach((rule, ri) => {
    const props: RuleProperties = {
      name: rule.id,
      conditions: topLevel(rule.conditions),
      event: { type: 'rule', params: { ri } },
    };
    engine.addRule(props);
    rule.adjustments?.forEach((adj, ai) => {
      engine.addRule({
        name: `${rule.id}#${ai}`,
        conditions: topLevel(adj.conditions),
        event: { type: 'adjust', params: { ri, ai } },
      });
    });
  });
  const result = await engine.run({ ...facts });
  const firedIdx = new Set<number>();
  const adjByRule = new Map<number, number[]>();
  for (const ev of result.events) {
    const ri = Number(ev.params?.['ri']);
    if (ev.type === 'rule') firedIdx.add(ri);
    else {
      const list = adjByRule.get(ri) ?? [];
      list.push(Number(ev.params?.['ai']));
      adjByRule.set(ri, list);
    }
  }
  const fired: Firing[] = [];
  rules.forEach((rule, ri) => {
    if (!firedIdx.has(ri)) return;
    const ais = (adjByRule.get(ri) ?? []).sort((a, b) => a - b);
    fired.push({
      rule,
      adjustments: ais.map((ai) => rule.adjustments?.[ai]).filter((a): a is Adjustment => a !== undefined),
    });
  });
  const trace: RuleTrace[] = [...result.results, ...result.failureResults]
    .filter((r) => !r.name.includes('#'))
    .map((r) => ({ ruleId: r.name, fired: Boolean(r.result), conditions: flatten(r.conditions as unknown) }))
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { fired, trace };
}

function flatten(c: unknown): ConditionTrace[] {
  if (typeof c !== 'object' || c === null) return [];
  const o = c as Record<string, unknown>;
  for (const k of ['all', 'any']) {
    if (Array.isArray(o[k])) return (o[k] as unknown[]).flatMap(flatten);
  }
  if (o['not'] !== undefined) return flatten(o['not']);
  if (typeof o['fact'] !== 'string') return [];
  return [
    {
      fact: o['fact'],
      ...(typeof o['path'] === 'string' ? { path: o['path'] } : {}),
      operator: String(o['operator']),
      value: o['value'],
      result: Boolean(o['result']),
    },
  ];
}
