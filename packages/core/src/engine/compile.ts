// A synchronous fast path for the same rule data: conditions compiled once into closures with json-rules-engine's
// exact operator semantics (validators included). json-rules-engine stays the reference: compile.test.ts checks
// that both fire the same rules and adjustments on real inputs and on generated facts.
import type { Facts } from '../facts/schema.js';
import type { Condition, Rule } from '../rules/schema.js';
import { CUSTOM_OPERATORS, resolvePath } from './operators.js';
import type { Firing } from './run.js';

type Predicate = (facts: Facts) => boolean;
type Evaluator = (factValue: unknown, value: unknown) => boolean;

const isNumberLike = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';

/** json-rules-engine 7's default operators: callback plus fact-value validator. */
const BUILTIN: Record<string, { cb: Evaluator; valid?: (v: unknown) => boolean }> = {
  equal: { cb: (a, b) => a === b },
  notEqual: { cb: (a, b) => a !== b },
  in: { cb: (a, b) => (b as unknown[]).indexOf(a) > -1 },
  notIn: { cb: (a, b) => (b as unknown[]).indexOf(a) === -1 },
  contains: { cb: (a, b) => (a as unknown[]).indexOf(b) > -1, valid: Array.isArray },
  doesNotContain: { cb: (a, b) => (a as unknown[]).indexOf(b) === -1, valid: Array.isArray },
  lessThan: { cb: (a, b) => (a as number) < (b as number), valid: isNumberLike },
  lessThanInclusive: { cb: (a, b) => (a as number) <= (b as number), valid: isNumberLike },
  greaterThan: { cb: (a, b) => (a as number) > (b as number), valid: isNumberLike },
  greaterThanInclusive: { cb: (a, b) => (a as number) >= (b as number), valid: isNumberLike },
};

function compileCondition(c: Condition): Predicate {
  if ('all' in c) {
    const parts = c.all.map(compileCondition);
    return (f) => parts.every((p) => p(f));
  }
  if ('any' in c) {
    const parts = c.any.map(compileCondition);
    return (f) => parts.some((p) => p(f));
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (f) => !inner(f);
  }
  const builtin = BUILTIN[c.operator];
  const custom = CUSTOM_OPERATORS[c.operator];
  const { fact, path, value } = c;
  // As json-rules-engine's almanac: a path is applied only to an object; any other value is returned as is.
  const read = (f: Facts): unknown => {
    const v = (f as unknown as Record<string, unknown>)[fact];
    return path !== undefined && v !== null && typeof v === 'object' ? resolvePath(v, path) : v;
  };
  if (builtin) {
    const valid = builtin.valid;
    return (f) => {
      const v = read(f);
      return (valid === undefined || valid(v)) && builtin.cb(v, value);
    };
  }
  if (custom) return (f) => custom(read(f), value);
  return () => false;
}

/** Compiles rules (and their adjustments) once; the returned function fires them like {@link runRules}. */
export function compileRules(rules: readonly Rule[]): (facts: Facts) => Firing[] {
  const compiled = rules.map((rule) => ({
    rule,
    when: compileCondition(rule.conditions),
    adjustments: (rule.adjustments ?? []).map((a) => ({ a, when: compileCondition(a.conditions) })),
  }));
  return (facts) => {
    const fired: Firing[] = [];
    for (const c of compiled) {
      if (!c.when(facts)) continue;
      fired.push({ rule: c.rule, adjustments: c.adjustments.filter((x) => x.when(facts)).map((x) => x.a) });
    }
    return fired;
  };
}
