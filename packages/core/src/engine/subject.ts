// A rule's subject: the items it is about (a denial's user, a pod, an image…), grouped so that each distinct thing
// gets its own diagnosis, and what conditions and templates read of a group.
import type { Facts } from '../facts/schema.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import type { ItemFamily, RuleSubject } from '../rules/schema.js';
import type { Matcher } from './operators.js';

/** One item of a fact family (a denial, a signal, a pod…). */
export type Item = Record<string, unknown>;

/** One subject of a rule: the items of one `by` group. */
export interface SubjectGroup {
  family: ItemFamily;
  /** The `by` values, as a JSON array (`[]` for a rule without `by`). */
  key: string;
  items: readonly Item[];
  /** The distinct values of each field read so far, per language (a group's text reads the same fields many times). */
  readonly seen?: Map<string, readonly string[]>;
}

/** The key of an item's line (`source\0line`): the same line in the same input. */
export function lineKey(source: string | undefined, line: number): string {
  return `${source ?? ''}\u0000${line}`;
}

/** The items of a fact family (single facts such as `awsAuth` as a list of zero or one). */
export function familyItems(facts: Facts, from: ItemFamily): readonly Item[] {
  switch (from) {
    case 'awsAuth':
      return facts.awsAuth ? [facts.awsAuth] : [];
    case 'awsAuth.findings':
      return facts.awsAuth?.findings ?? [];
    case 'awsAuth.entries':
      return facts.awsAuth?.entries ?? [];
    case 'callerIdentity':
      return facts.callerIdentity ? [facts.callerIdentity] : [];
    case 'cluster':
      return facts.cluster ? [facts.cluster] : [];
    case 'whoami':
      return facts.whoami ? [facts.whoami] : [];
    default:
      return facts[from];
  }
}

/** One display field of an item, worded in a language (undefined: not a field of the family's display). */
type Display = (item: Item, field: string, lang: Lang) => string | undefined;

// Words rule text needs about a denial that no fact field holds as such (flags, RBAC kinds, a readable request); only
// the scope phrase is prose, in the report's language. Each field is computed alone: templates read one at a time.
const forbiddenDisplay: Display = (f, field, lang) => {
  const ns = typeof f['namespace'] === 'string' ? f['namespace'] : null;
  const resource = typeof f['resource'] === 'string' ? f['resource'] : null;
  const sub = typeof f['subresource'] === 'string' ? f['subresource'] : null;
  // A denial cut off before its scope clause names neither a namespace nor the cluster scope.
  const cut = ns === null && f['clusterScope'] !== true;
  switch (field) {
    case 'principal': {
      const kind = f['subjectKind'] === 'Anonymous' ? 'User' : String(f['subjectKind']);
      const saNs = typeof f['subjectNamespace'] === 'string' ? `${f['subjectNamespace']}/` : '';
      return `${kind} ${saNs}${String(f['subjectName'])}`;
    }
    case 'target':
      return [resource ?? (typeof f['path'] === 'string' ? f['path'] : ''), sub].filter(Boolean).join('/');
    case 'scopePhrase':
      return ns !== null || cut
        ? t(lang, 'subject.scope.namespace', { namespace: ns ?? '<namespace>' })
        : t(lang, 'subject.scope.cluster');
    case 'namespaceFlag':
      return ns !== null ? `-n ${ns}` : cut ? '-n <namespace>' : '';
    case 'resourceArg': {
      // kubectl create role --resource=<resource>[.<group>][/<subresource>]
      const group = typeof f['apiGroup'] === 'string' ? f['apiGroup'] : '';
      return resource !== null ? `${resource}${group ? `.${group}` : ''}${sub ? `/${sub}` : ''}` : '<resource>';
    }
    case 'roleKind':
      return ns === null && !cut ? 'clusterrole' : 'role';
    case 'bindingKind':
      return ns === null && !cut ? 'clusterrolebinding' : 'rolebinding';
    default:
      return undefined;
  }
};

const DISPLAY: Partial<Record<ItemFamily, Display>> = { forbidden: forbiddenDisplay };

/** The computed fields each family's subject offers beside its fact fields (for the rule checks). */
export const DISPLAY_FIELDS: Partial<Record<ItemFamily, readonly string[]>> = {
  forbidden: ['principal', 'target', 'scopePhrase', 'namespaceFlag', 'resourceArg', 'roleKind', 'bindingKind'],
};

/**
 * Reads `a` or `a.b` (a signal's `groups.x`) from an item; `a` may be a display field of its family, worded in `lang`.
 */
export function valueAt(item: Item, path: string, family?: ItemFamily, lang: Lang = 'en'): unknown {
  if (!path.includes('.')) {
    if (path in item) return item[path];
    const display = family === undefined ? undefined : DISPLAY[family];
    return display ? display(item, path, lang) : undefined;
  }
  let v: unknown = item;
  for (const k of path.split('.'))
    v = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** The subjects of a rule in these facts: matching items grouped by the `by` fields, in input order. */
export function subjectGroups(facts: Facts, spec: RuleSubject, matcher: Matcher): SubjectGroup[] {
  const groups = new Map<string, Item[]>();
  const by = spec.by ?? [];
  for (const item of matcher.select(familyItems(facts, spec.from), spec.where)) {
    const key = by.length === 0 ? '[]' : JSON.stringify(by.map((p) => valueAt(item, p, spec.from) ?? null));
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, items]) => ({ family: spec.from, key, items, seen: new Map() }));
}

/**
 * What conditions read as the `subject` fact: every field whose value all items share (nested objects such as a
 * signal's `groups` field by field), plus `items` (for `hasItem`) and `count`.
 */
export function subjectView(group: SubjectGroup): Item {
  return { ...(common(group.items) as Item), items: group.items, count: group.items.length };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value every element shares (objects compared key by key), or undefined. */
function common(values: readonly unknown[]): unknown {
  const [first] = values;
  if (values.length === 1) return first;
  if (isRecord(first) && values.every(isRecord)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(first)) {
      const v = commonField(values, k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (typeof first !== 'object' || first === null) return values.every((v) => v === first) ? first : undefined;
  const json = JSON.stringify(first);
  return values.every((v) => JSON.stringify(v) === json) ? first : undefined;
}

/** common() of the field `k` of records: a scalar field is compared in place (most fields are scalars). */
function commonField(records: readonly Record<string, unknown>[], k: string): unknown {
  const first = (records[0] as Record<string, unknown>)[k];
  if (typeof first === 'object' && first !== null) return common(records.map((x) => x[k]));
  for (const x of records) if (x[k] !== first) return undefined;
  return first;
}

/** How a template is used: prose may list several values; a command or manifest needs exactly one. */
export type FillMode = 'text' | 'command';

/**
 * A subject field for a template: the value its items share. When they differ, prose lists the distinct values (with
 * the language's list separator), and a command gets the `<field>` hint: a command with two values in one place would
 * be wrong. Items without the field (another signal's captures) are skipped; a null is the empty string.
 */
export function subjectText(group: SubjectGroup, path: string, mode: FillMode, lang: Lang = 'en'): string {
  const cacheKey = `${lang}:${path}`;
  let values = group.seen?.get(cacheKey);
  if (!values) {
    const seen = new Set<string>();
    const separator = mode === 'text' ? t(lang, 'list') : ', ';
    for (const it of group.items) {
      const v = valueAt(it, path, group.family, lang);
      if (v !== undefined) seen.add(show(v, separator));
    }
    values = [...seen];
    group.seen?.set(cacheKey, values);
  }
  if (values.length === 1) return values[0] ?? '';
  if (mode === 'command') return `<${path.slice(path.lastIndexOf('.') + 1)}>`;
  return values.filter((v) => v !== '').join(t(lang, 'list'));
}

/** A field's value as text; a list's items joined by `separator`. */
function show(v: unknown, separator: string): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => show(x, separator)).join(separator);
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}
