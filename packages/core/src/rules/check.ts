import { z } from 'zod';
import { BINDING_NAMES, LITERAL_TEMPLATES, placeholders } from '../engine/bindings.js';
import { DERIVED_KEYS, FactsSchema } from '../facts/schema.js';
import { SIGNATURES } from '../parse/signatures.js';
import { RuleSchema, type Condition, type Rule } from './schema.js';

/** A problem in a rule file, naming the field. */
export interface RuleProblem {
  field: string;
  message: string;
}

const SIGNAL_IDS = new Set(SIGNATURES.map((s) => s.id));
const ITEM_FIELDS = new Set(['item']);

/** Validates rule data: the zod schema, then references (facts, paths, signals, placeholders, regexes). */
export function checkRule(data: unknown): { rule: Rule | null; problems: RuleProblem[] } {
  const parsed = RuleSchema.safeParse(data);
  if (!parsed.success) {
    return {
      rule: null,
      problems: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', message: i.message })),
    };
  }
  const rule = parsed.data;
  const problems: RuleProblem[] = [];
  const visit = (c: Condition, field: string): void => {
    if ('all' in c) c.all.forEach((x, i) => visit(x, `${field}.all.${i}`));
    else if ('any' in c) c.any.forEach((x, i) => visit(x, `${field}.any.${i}`));
    else if ('not' in c) visit(c.not, `${field}.not`);
    else {
      if (c.path !== undefined && !pathExists(c.fact, c.path))
        problems.push({ field: `${field}.path`, message: `fact "${c.fact}" has no path ${c.path}` });
      if (c.operator === 'hasSignal' || c.operator === 'lacksSignal') {
        const ids = Array.isArray(c.value) ? c.value : [c.value];
        for (const id of ids)
          if (typeof id !== 'string' || !SIGNAL_IDS.has(id))
            problems.push({ field: `${field}.value`, message: `unknown signal id ${JSON.stringify(id)}` });
      }
      if (c.operator === 'matches') checkRegex(c.value, `${field}.value`, problems);
    }
  };
  visit(rule.conditions, 'conditions');
  rule.adjustments?.forEach((a, i) => visit(a.conditions, `adjustments.${i}.conditions`));
  const texts: [string, string][] = [
    ['title', rule.title],
    ['summary', rule.summary],
    ['explanation', rule.explanation],
    ['misleading', rule.misleading ?? ''],
    ...rule.nextSteps.flatMap((n, i): [string, string][] => [
      [`nextSteps.${i}.command`, n.command],
      [`nextSteps.${i}.why`, n.why],
    ]),
    ...rule.remediation.flatMap((r, i): [string, string][] => [
      [`remediation.${i}.title`, r.title],
      [`remediation.${i}.command`, r.command ?? ''],
      [`remediation.${i}.yaml`, r.yaml ?? ''],
      [`remediation.${i}.text`, r.text ?? ''],
    ]),
    ...(rule.adjustments ?? []).map((a, i): [string, string] => [`adjustments.${i}.why`, a.why]),
  ];
  for (const [field, text] of texts) {
    for (const name of placeholders(text)) {
      if (
        !(BINDING_NAMES as readonly string[]).includes(name) &&
        !(LITERAL_TEMPLATES as readonly string[]).includes(name)
      ) {
        problems.push({ field, message: `unbound placeholder {{${name}}}` });
      }
    }
  }
  const evidence = [
    ...rule.evidence.map((e, i) => [`evidence.${i}`, e] as const),
    ...(rule.adjustments ?? []).flatMap((a, j) =>
      (a.evidence ?? []).map((e, i) => [`adjustments.${j}.evidence.${i}`, e] as const),
    ),
  ];
  for (const [field, e] of evidence) {
    for (const name of placeholders(e.why)) {
      const [head] = name.split('.');
      if (!ITEM_FIELDS.has(head ?? '') && !(BINDING_NAMES as readonly string[]).includes(name))
        problems.push({ field: `${field}.why`, message: `unbound placeholder {{${name}}}` });
    }
    for (const [k, v] of Object.entries(e.where ?? {})) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'matches' in v)
        checkRegex(v.matches, `${field}.where.${k}`, problems);
    }
  }
  const whens = [
    ...rule.remediation.map((r, i) => [`remediation.${i}.when`, r.when] as const),
    ...rule.nextSteps.map((n, i) => [`nextSteps.${i}.when`, n.when] as const),
  ];
  for (const [field, when] of whens) {
    if (when === undefined) continue;
    const bare = when.startsWith('!') ? when.slice(1) : when;
    const eq = bare.indexOf('=');
    const name = eq < 0 ? bare : bare.slice(0, bare[eq - 1] === '!' ? eq - 1 : eq);
    if (!(DERIVED_KEYS as readonly string[]).includes(name))
      problems.push({ field, message: `"${name}" is not a derived fact (${DERIVED_KEYS.join(', ')})` });
  }
  return { rule: problems.length === 0 ? rule : null, problems };
}

function checkRegex(v: unknown, field: string, problems: RuleProblem[]): void {
  if (typeof v !== 'string') {
    problems.push({ field, message: 'a regex must be a string' });
    return;
  }
  try {
    new RegExp(v);
  } catch (e) {
    problems.push({ field, message: `invalid regex: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** Whether `$.a.b` exists in the zod shape of a fact. */
function pathExists(fact: string, path: string): boolean {
  let schema: z.ZodType | undefined = (FactsSchema.shape as Record<string, z.ZodType>)[fact];
  for (const part of path.replace(/^\$\./, '').split('.')) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[part];
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return false;
    if (schema === undefined) return false;
  }
  return true;
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  while (cur instanceof z.ZodNullable || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
  return cur;
}
