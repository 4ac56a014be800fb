import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { Facts } from '../facts/schema.js';
import type { Adjustment, Condition, Rule, Vocabulary } from '../rules/schema.js';
import { Matcher, resolvePath } from './operators.js';
import { subjectGroups, subjectView, type Item, type SubjectGroup } from './subject.js';

/** A rule whose conditions held for one subject, with the adjustments and `when` guards that held too. */
export interface Firing {
  rule: Rule;
  /** The subject it fired for; null for a rule about the input as a whole. */
  subject: SubjectGroup | null;
  adjustments: Adjustment[];
  /** `remediation.N` / `nextSteps.N` whose `when` held (entries without `when` always show). */
  shown: ReadonlySet<string>;
}

/** One condition's outcome, for `--explain`. */
export interface ConditionTrace {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  result: boolean;
}

/** One confidence adjustment of a rule, evaluated for one subject, for `--explain`. */
export interface AdjustmentTrace {
  delta: number;
  /** The rule's `why`, as written (placeholders unfilled). */
  why: string;
  fired: boolean;
  conditions: ConditionTrace[];
}

/** Why a rule did or did not fire (for one subject), and which of its confidence adjustments applied. */
export interface RuleTrace {
  ruleId: string;
  /** The subject's `by` values (JSON), when the rule has a subject. */
  subject?: string;
  fired: boolean;
  /** The rule's base confidence, before adjustments. */
  confidence: number;
  conditions: ConditionTrace[];
  /** Every adjustment of the rule, in rule order (empty for a rule without adjustments). */
  adjustments: AdjustmentTrace[];
}

function topLevel(c: Condition): TopLevelCondition {
  return ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as unknown as TopLevelCondition;
}

/** The condition with every `subject` fact bound to unit `u` (a dynamic fact parameter). */
function bindSubject(c: Condition, u: number): Condition {
  if ('all' in c) return { all: c.all.map((x) => bindSubject(x, u)) };
  if ('any' in c) return { any: c.any.map((x) => bindSubject(x, u)) };
  if ('not' in c) return { not: bindSubject(c.not, u) };
  if ('fact' in c && c.fact === 'subject') return { ...c, params: { u } } as Condition;
  return c;
}

type EventParams = { u: number; kind: 'rule' | 'adjust' | 'when'; at: number | string };

/** One (rule, subject) pair: a unit of evaluation. */
interface Unit {
  rule: Rule;
  subject: SubjectGroup | null;
  fired: boolean;
  adjustments: number[];
  shown: Set<string>;
}

/**
 * Runs every rule in one json-rules-engine run: one engine rule per (rule, subject), plus one per adjustment and per
 * `when` guard. Conditions read the subject through the dynamic fact `subject`. A fresh Engine per call: overlapping
 * runs on one Engine silently drop lower-priority rules.
 */
export async function runRules(
  rules: readonly Rule[],
  facts: Facts,
  vocabulary: Vocabulary,
  matcher: Matcher = new Matcher(),
): Promise<{ fired: Firing[]; trace: RuleTrace[] }> {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    allowUndefinedConditions: false,
    pathResolver: resolvePath,
  });
  for (const [name, fn] of Object.entries(matcher.operators())) engine.addOperator(name, fn);
  for (const [name, c] of Object.entries(vocabulary.conditions)) engine.setCondition(name, topLevel(c));
  const units: Unit[] = [];
  const views: (Item | null)[] = [];
  engine.addFact('subject', (params: Record<string, unknown>) => views[Number(params['u'])] ?? null);
  const trace: RuleTrace[] = [];
  for (const rule of rules) {
    const groups: (SubjectGroup | null)[] = rule.subject ? subjectGroups(facts, rule.subject, matcher) : [null];
    if (groups.length === 0)
      trace.push({
        ruleId: rule.id,
        fired: false,
        confidence: rule.confidence,
        conditions: [selection(rule, false)],
        adjustments: [],
      });
    for (const subject of groups) {
      const u = units.push({ rule, subject, fired: false, adjustments: [], shown: new Set() }) - 1;
      views.push(subject && subjectView(subject));
      const add = (kind: EventParams['kind'], at: EventParams['at'], c: Condition): void => {
        const params: EventParams = { u, kind, at };
        engine.addRule({ name: rule.id, conditions: topLevel(bindSubject(c, u)), event: { type: kind, params } });
      };
      add('rule', 0, rule.conditions ?? { all: [] });
      rule.adjustments?.forEach((a, i) => add('adjust', i, a.conditions));
      rule.remediation.forEach((r, i) => r.when && add('when', `remediation.${i}`, r.when));
      rule.nextSteps.forEach((n, i) => n.when && add('when', `nextSteps.${i}`, n.when));
    }
  }
  const result = await engine.run({ ...facts });
  for (const r of result.results) {
    const p = r.event?.params as EventParams;
    const unit = units[p.u] as Unit;
    if (p.kind === 'rule') unit.fired = true;
    else if (p.kind === 'adjust') unit.adjustments.push(Number(p.at));
    else unit.shown.add(String(p.at));
  }
  const outcomes = [...result.results, ...result.failureResults];
  // Each unit's adjustments by index, then the rule's own outcome with them.
  const adjusted = new Map<number, AdjustmentTrace[]>();
  for (const r of outcomes) {
    const p = r.event?.params as EventParams;
    if (p.kind !== 'adjust') continue;
    const a = units[p.u]?.rule.adjustments?.[Number(p.at)] as Adjustment;
    const list = adjusted.get(p.u) ?? [];
    list[Number(p.at)] = { delta: a.delta, why: a.why, fired: Boolean(r.result), conditions: flatten(r.conditions) };
    adjusted.set(p.u, list);
  }
  for (const r of outcomes) {
    const p = r.event?.params as EventParams;
    if (p.kind !== 'rule') continue;
    const { rule, subject } = units[p.u] as Unit;
    const conditions = flatten(r.conditions);
    trace.push({
      ruleId: rule.id,
      ...(subject ? { subject: subject.key } : {}),
      fired: Boolean(r.result),
      confidence: rule.confidence,
      conditions: rule.subject ? [selection(rule, true), ...conditions] : conditions,
      adjustments: adjusted.get(p.u) ?? [],
    });
  }
  trace.sort((a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.subject ?? '', b.subject ?? ''));
  // In rule order, each rule's subjects in input order, adjustments in rule order.
  const fired = units
    .filter((x) => x.fired)
    .map((x) => ({
      rule: x.rule,
      subject: x.subject,
      adjustments: x.adjustments.sort((a, b) => a - b).map((i) => x.rule.adjustments?.[i] as Adjustment),
      shown: x.shown,
    }));
  return { fired, trace };
}

/** A rule's subject selection, shown in the trace as the condition it amounts to. */
function selection(rule: Rule, result: boolean): ConditionTrace {
  return { fact: rule.subject?.from ?? '', operator: 'hasItem', value: rule.subject?.where ?? {}, result };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
