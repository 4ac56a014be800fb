import * as z from 'zod';
import { util } from 'zod/v4/core';
import { BINDING_NAMES, LITERAL_TEMPLATES, placeholders } from '../engine/bindings.js';
import { DISPLAY_FIELDS } from '../engine/subject.js';
import { FactsSchema } from '../facts/schema.js';
import type { MessageKey } from '../i18n/t.js';
import { patternProblemText } from '../parse/pattern-check.js';
import { SIGNATURES, type SignatureData } from '../parse/signatures.js';
import {
  ITEM_FAMILIES,
  RuleSchema,
  SignatureFileSchema,
  VocabularySchema,
  type Condition,
  type ItemFamily,
  type Pattern,
  type Rule,
  type Vocabulary,
} from './schema.js';
import { ruleProblem, type ProblemParams, type RuleProblem } from './problem.js';
import { ruleTexts, TRANSLATED_LANGS, translationProblems, vocabularyTexts } from './texts.js';

export type { RuleProblem } from './problem.js';

const BUILTIN_IDS = new Set(SIGNATURES.map((s) => s.id));
const CONTEXT = new Set<string>([...BINDING_NAMES, ...LITERAL_TEMPLATES]);

/** The signatures a rule may name: the built-in ones and the custom ones of its rule set (id and pattern source). */
interface KnownSignatures {
  ids: ReadonlySet<string>;
  sources: readonly { id: string; source: string }[];
}

function knownSignatures(custom: readonly SignatureData[]): KnownSignatures {
  const builtin = SIGNATURES.map((s) => ({ id: s.id, source: s.re.source }));
  if (custom.length === 0) return { ids: BUILTIN_IDS, sources: builtin };
  return {
    ids: new Set([...BUILTIN_IDS, ...custom.map((s) => s.id)]),
    sources: [...builtin, ...custom.map((s) => ({ id: s.id, source: s.pattern }))],
  };
}

/**
 * Validates rule data: the zod schema, then every reference (facts, paths, subject, signals, placeholders, regexes).
 * `signatures`: the custom signatures of the rule set, whose ids and named groups a rule may use besides the built-in.
 */
export function checkRule(
  data: unknown,
  vocabulary: Vocabulary,
  signatures: readonly SignatureData[] = [],
): { rule: Rule | null; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const add: Add = (field, key, params) => void problems.push(ruleProblem(field, key, params));
  const known = knownSignatures(signatures);
  const cause = (data as { rootCause?: unknown } | null)?.rootCause;
  if (typeof cause === 'string' && !cause.startsWith('x-') && vocabulary.rootCauses[cause] === undefined)
    add('rootCause', 'problem.unknownRootCause', { cause });
  const parsed = RuleSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { rule: null, problems: [...problems, ...zodProblems(parsed.error)] };
  const rule = parsed.data;
  const subject = rule.subject;
  if (subject) {
    checkPattern(subject.from, subject.where, 'subject.where', add, known);
    for (const [i, by] of (subject.by ?? []).entries())
      if (!fieldExists(subject.from, by, undefined, known))
        add(`subject.by.${i}`, 'problem.noField', { family: subject.from, field: by });
  }
  const conditions = (c: Condition, field: string): void =>
    checkCondition(c, field, add, { subject: subject?.from ?? null, named: vocabulary.conditions, known });
  if (rule.conditions) conditions(rule.conditions, 'conditions');
  else if (!subject) add('conditions', 'problem.needsConditions');
  rule.adjustments?.forEach((a, i) => conditions(a.conditions, `adjustments.${i}.conditions`));
  rule.remediation.forEach((r, i) => r.when && conditions(r.when, `remediation.${i}.when`));
  rule.nextSteps.forEach((n, i) => n.when && conditions(n.when, `nextSteps.${i}.when`));

  // Templates: `{{subject.x}}` needs a subject with field x; `{{item.x}}` only in an evidence line, about its item.
  const template = (field: string, text: string, item: { family: ItemFamily; ids: unknown } | null): void => {
    for (const name of placeholders(text)) {
      const [head, ...rest] = name.split('.');
      const path = rest.join('.');
      if (head === 'subject' && subject) {
        if (!fieldExists(subject.from, path, subject.where?.['id'], known))
          add(field, 'problem.placeholderNoField', { placeholder: `{{${name}}}`, family: subject.from, field: path });
      } else if (head === 'item' && item) {
        if (!fieldExists(item.family, path, item.ids, known))
          add(field, 'problem.placeholderNoField', { placeholder: `{{${name}}}`, family: item.family, field: path });
      } else if (!CONTEXT.has(name)) add(field, 'problem.unboundPlaceholder', { placeholder: `{{${name}}}` });
    }
  };
  const texts: [string, string | undefined][] = [
    ['title', rule.title],
    ['summary', rule.summary],
    ['explanation', rule.explanation],
    ['misleading', rule.misleading],
    ['subject.label', subject?.label],
    ...rule.nextSteps.flatMap((n, i): [string, string][] => [
      [`nextSteps.${i}.command`, n.command],
      [`nextSteps.${i}.why`, n.why],
    ]),
    ...rule.remediation.flatMap((r, i): [string, string | undefined][] => [
      [`remediation.${i}.title`, r.title],
      [`remediation.${i}.command`, r.command],
      [`remediation.${i}.yaml`, r.yaml],
      [`remediation.${i}.text`, r.text],
    ]),
    ...(rule.adjustments ?? []).map((a, i): [string, string] => [`adjustments.${i}.why`, a.why]),
  ];
  for (const [field, text] of texts) if (text !== undefined) template(field, text, null);
  const evidence = [
    ...rule.evidence.map((e, i) => [`evidence.${i}`, e] as const),
    ...(rule.adjustments ?? []).flatMap((a, j) =>
      (a.evidence ?? []).map((e, i) => [`adjustments.${j}.evidence.${i}`, e] as const),
    ),
  ];
  for (const [field, e] of evidence) {
    let family: ItemFamily | null = e.from === 'subject' ? (subject?.from ?? null) : e.from;
    if (family === null) {
      add(`${field}.from`, 'problem.evidenceNeedsSubject');
      family = 'signals';
    }
    checkPattern(family, e.where, `${field}.where`, add, known);
    const ids = e.where?.['id'] ?? (e.from === 'subject' ? subject?.where?.['id'] : undefined);
    template(`${field}.why`, e.why, { family, ids });
  }
  checkTranslations(rule.texts, ruleTexts(rule), add);
  rule.remediation.forEach((r, i) => {
    if ((r.generator === 'rbac-least-privilege' || r.generator === 'rbac-broader-access') && !subject)
      add(`remediation.${i}.generator`, 'problem.generatorNeedsSubject');
  });
  return { rule: problems.length === 0 ? rule : null, problems };
}

/**
 * Validates a signatures file (`{ signatures: [...] }`): the zod schema, then each pattern (compiles, linear-time
 * shape: parse/pattern-check.ts), ids unique and new (not built-in, not among `known`, the signatures already loaded).
 */
export function checkSignatures(
  data: unknown,
  known: readonly SignatureData[] = [],
): { signatures: SignatureData[] | null; problems: RuleProblem[] } {
  const parsed = SignatureFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { signatures: null, problems: zodProblems(parsed.error) };
  const problems: RuleProblem[] = [];
  const seen = new Set(known.map((s) => s.id));
  const signatures: SignatureData[] = [];
  for (const [i, s] of parsed.data.signatures.entries()) {
    const field = `signatures.${i}`;
    if (BUILTIN_IDS.has(s.id) || seen.has(s.id))
      problems.push(ruleProblem(`${field}.id`, 'problem.alreadyDefined', { id: s.id }));
    seen.add(s.id);
    const problem = patternProblemText(s.pattern);
    if (problem !== null) problems.push(ruleProblem(`${field}.pattern`, problem.key, problem.params));
    signatures.push({
      id: s.id,
      guard: s.guard,
      pattern: s.pattern,
      ...(s.role === undefined ? {} : { role: s.role }),
      ...(s.description === undefined ? {} : { description: s.description }),
    });
  }
  return { signatures: problems.length === 0 ? signatures : null, problems };
}

/** Validates vocabulary data: the zod schema, then its named conditions (known facts, no subject, known names). */
export function checkVocabulary(data: unknown): { vocabulary: Vocabulary | null; problems: RuleProblem[] } {
  const parsed = VocabularySchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { vocabulary: null, problems: zodProblems(parsed.error) };
  const problems: RuleProblem[] = [];
  const add: Add = (field, key, params) => void problems.push(ruleProblem(field, key, params));
  for (const [name, c] of Object.entries(parsed.data.conditions))
    checkCondition(c, `conditions.${name}`, add, {
      subject: null,
      named: parsed.data.conditions,
      known: knownSignatures([]),
    });
  checkTranslations(parsed.data.texts, vocabularyTexts(parsed.data), add);
  return { vocabulary: problems.length === 0 ? parsed.data : null, problems };
}

/** Each translation must translate a text of its rule (or vocabulary) and keep its placeholders. */
function checkTranslations(
  texts: Partial<Record<string, Readonly<Record<string, string>>>> | undefined,
  english: readonly string[],
  add: Add,
): void {
  for (const lang of TRANSLATED_LANGS) {
    const table = texts?.[lang];
    if (table === undefined) continue;
    for (const p of translationProblems(table, english))
      add(`texts.${lang}["${p.key.length > 60 ? `${p.key.slice(0, 57)}...` : p.key}"]`, p.problem, p.params);
  }
}

/**
 * The schema's issues as problems: zod's English message, and a catalog key with the issue's values for the other
 * languages (by issue code; the schema's own messages by their text, or a `key` in a refinement's params).
 */
function zodProblems(error: z.ZodError): RuleProblem[] {
  return error.issues.map((issue) => {
    const { key, params } = zodText(issue);
    return { field: issue.path.join('.') || '(root)', message: issue.message, key, params };
  });
}

/** The schema's own messages (schema.ts), by their English. */
const SCHEMA_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'exactly one of command, yaml, text or generator': 'problem.exactlyOneAction',
  'kebab-case': 'problem.kebabCase',
  'a custom signature id is x-… (lower-case letters, digits, - or _)': 'problem.signatureId',
  'a guard is a phrase of 4 characters or more': 'problem.guardShort',
  'a guard is on one line': 'problem.guardOneLine',
};

/** zod's words for what a value is (util.parsedType, as its English messages say it). */
function received(input: unknown): string {
  if (typeof input === 'number' && !Number.isFinite(input)) return Number.isNaN(input) ? 'NaN' : String(input);
  return util.parsedType(input);
}

const BOUND = {
  exact: 'exactly ',
  inclusive: { too_small: '>=', too_big: '<=' },
  exclusive: { too_small: '>', too_big: '<' },
};

function zodText(issue: z.core.$ZodIssue): { key: MessageKey; params: ProblemParams } {
  const custom = SCHEMA_MESSAGES[issue.message];
  if (custom !== undefined) return { key: custom, params: {} };
  const other = { key: 'zod.other', params: { message: issue.message } } as const;
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      const { key, ...values } = params;
      return typeof key === 'string' && key.startsWith('problem.') ? { key: key as MessageKey, params: values } : other;
    }
    case 'invalid_type': {
      const got = received((issue as { input?: unknown }).input);
      return got === 'undefined'
        ? { key: 'zod.missing', params: { expected: issue.expected } }
        : { key: 'zod.invalid_type', params: { expected: issue.expected, received: got } };
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? { key: 'zod.invalid_literal', params: { value: util.stringifyPrimitive(issue.values[0]) } }
        : { key: 'zod.invalid_option', params: { values: util.joinValues(issue.values, '|') } };
    case 'too_small':
    case 'too_big': {
      const origin: string = issue.origin;
      if (origin !== 'string' && origin !== 'array' && origin !== 'number') return other;
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const bound = issue.exact
        ? BOUND.exact
        : issue.inclusive
          ? BOUND.inclusive[issue.code]
          : BOUND.exclusive[issue.code];
      return { key: `zod.${issue.code}.${origin}`, params: { bound, limit: limit.toString() } };
    }
    case 'invalid_format':
      if (issue.format === 'url') return { key: 'zod.invalid_format.url', params: {} };
      return issue.format === 'regex' && issue.pattern !== undefined
        ? { key: 'zod.invalid_format.regex', params: { pattern: issue.pattern } }
        : other;
    case 'unrecognized_keys':
      return {
        key: 'zod.unrecognized_keys',
        params: { count: issue.keys.length, keys: util.joinValues(issue.keys, ', ') },
      };
    case 'invalid_union':
      return issue.message === 'Invalid input' ? { key: 'zod.invalid_union', params: {} } : other;
    case 'invalid_key':
      return { key: 'zod.invalid_key', params: { origin: issue.origin } };
    default:
      return other;
  }
}

type Add = (field: string, key: MessageKey, params?: ProblemParams) => void;

function checkCondition(
  c: Condition,
  field: string,
  add: Add,
  ctx: { subject: ItemFamily | null; named: Readonly<Record<string, Condition>>; known: KnownSignatures },
): void {
  if ('all' in c) c.all.forEach((x, i) => checkCondition(x, `${field}.all.${i}`, add, ctx));
  else if ('any' in c) c.any.forEach((x, i) => checkCondition(x, `${field}.any.${i}`, add, ctx));
  else if ('not' in c) checkCondition(c.not, `${field}.not`, add, ctx);
  else if ('condition' in c) {
    if (ctx.named[c.condition] === undefined)
      add(`${field}.condition`, 'problem.noNamedCondition', { name: c.condition });
  } else {
    let family: ItemFamily | null = null;
    if (c.fact === 'subject') {
      if (ctx.subject === null) add(`${field}.fact`, 'problem.subjectFactNeedsSubject');
      else if (c.path !== undefined && !subjectPathExists(ctx.subject, c.path, ctx.known))
        add(`${field}.path`, 'problem.subjectNoPath', { family: ctx.subject, path: c.path });
      else if (c.path === '$.items') family = ctx.subject;
    } else if (c.path !== undefined && !fieldExists(c.fact, c.path.slice(2), undefined, ctx.known))
      add(`${field}.path`, 'problem.factNoPath', { fact: c.fact, path: c.path });
    else {
      const target = c.path === undefined ? c.fact : `${c.fact}.${c.path.slice(2)}`;
      if ((ITEM_FAMILIES as readonly string[]).includes(target)) family = target as ItemFamily;
    }
    if (c.operator === 'hasSignal' || c.operator === 'lacksSignal')
      checkSignalIds(c.value, `${field}.value`, add, ctx.known);
    if ((c.operator === 'hasItem' || c.operator === 'lacksItem') && family !== null)
      checkPattern(family, c.value as Pattern, `${field}.value`, add, ctx.known);
    if (c.operator === 'matches') checkRegex(c.value, `${field}.value`, add);
  }
}

function checkSignalIds(v: unknown, field: string, add: Add, known: KnownSignatures): void {
  for (const id of Array.isArray(v) ? v : [v])
    if (typeof id !== 'string' || !known.ids.has(id))
      add(field, 'problem.unknownSignal', { id: JSON.stringify(id) ?? String(id) });
}

/** An item pattern: known fields, valid regexes, and catalogued ids for signals. */
function checkPattern(
  family: ItemFamily,
  pattern: Pattern | undefined,
  field: string,
  add: Add,
  known: KnownSignatures,
): void {
  for (const [k, v] of Object.entries(pattern ?? {})) {
    if (!fieldExists(family, k, undefined, known)) add(`${field}.${k}`, 'problem.noField', { family, field: k });
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'matches' in v)
      checkRegex(v.matches, `${field}.${k}`, add);
    if (family === 'signals' && k === 'id') checkSignalIds(v, `${field}.id`, add, known);
  }
}

function checkRegex(v: unknown, field: string, add: Add): void {
  if (typeof v !== 'string') {
    add(field, 'problem.regexNotString');
    return;
  }
  try {
    new RegExp(v);
  } catch (e) {
    add(field, 'problem.invalidRegex', { error: e instanceof Error ? e.message : String(e) });
  }
}

/** The named captures the signatures with these ids (all, when not given) can put in a signal's `groups`. */
function signalGroups(ids: unknown, known: KnownSignatures): Set<string> {
  const wanted = Array.isArray(ids) ? ids : typeof ids === 'string' ? [ids] : null;
  const names = new Set<string>();
  for (const s of known.sources) {
    if (wanted !== null && !wanted.includes(s.id)) continue;
    // `name2`, `name3`… fold into `name` (parse/signatures/types.ts).
    for (const m of s.source.matchAll(/\(\?<([A-Za-z]+)\d*>/g)) names.add(m[1] ?? '');
  }
  return names;
}

/** Whether `path` (`a` or `a.b`) is a field of the family's items, a computed display field, or a signal capture. */
function fieldExists(family: string, path: string, signalIds: unknown, known: KnownSignatures): boolean {
  const [head, ...rest] = path.split('.');
  if (family === 'signals' && head === 'groups' && rest.length === 1)
    return signalGroups(signalIds, known).has(rest[0] ?? '');
  if (rest.length === 0 && (DISPLAY_FIELDS[family as ItemFamily] ?? []).includes(head ?? '')) return true;
  let schema = itemSchema(family);
  for (const part of path.split('.')) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[part];
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return false;
    if (schema === undefined) return false;
  }
  return true;
}

/** A `$.a.b` path of the subject fact: a fact field its items share (not a display field), `items` or `count`. */
function subjectPathExists(family: ItemFamily, path: string, known: KnownSignatures): boolean {
  const p = path.replace(/^\$\./, '');
  return (
    p === 'items' ||
    p === 'count' ||
    (fieldExists(family, p, undefined, known) && !(DISPLAY_FIELDS[family] ?? []).includes(p))
  );
}

/** The zod shape of one item of a family (`awsAuth.entries` → an entry); a single fact is its own item. */
function itemSchema(family: string): z.ZodType | undefined {
  const [head, ...rest] = family.split('.');
  let schema: z.ZodType | undefined = (FactsSchema.shape as Record<string, z.ZodType>)[head ?? ''];
  for (const part of rest) {
    const s = unwrap(schema);
    schema = s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>)[part] : undefined;
  }
  const s = unwrap(schema);
  return s instanceof z.ZodArray ? (s.element as z.ZodType) : s;
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  while (cur instanceof z.ZodNullable || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
  return cur;
}
