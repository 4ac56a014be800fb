import type { Pattern } from '../rules/schema.js';
import { lineKey } from './subject.js';

type Evaluator = (factValue: unknown, value: unknown) => boolean;

function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

function idList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((x): x is string => typeof x === 'string')
    : typeof value === 'string'
      ? [value]
      : [];
}

/**
 * Pattern matching for one diagnose run. Every (rule, subject) pair is evaluated on its own, so the same question
 * about an input-wide list (is there a `rbac_role_not_found` signal? which events match this pattern?) comes once per
 * subject: each is answered once per run, and each regex compiled once. Create one per run; it holds no other state.
 */
export class Matcher {
  private readonly regexes = new Map<string, RegExp | null>();
  private readonly selections = new Map<Pattern, WeakMap<readonly unknown[], readonly unknown[]>>();
  private readonly byId = new WeakMap<readonly unknown[], ReadonlyMap<unknown, readonly number[]>>();
  private readonly lineSets = new WeakMap<readonly unknown[], ReadonlySet<string>>();

  /** A rule's regex; an invalid one never matches (the rule checks report it). */
  regex(source: string): RegExp | null {
    let re = this.regexes.get(source);
    if (re === undefined) {
      try {
        re = new RegExp(source);
      } catch {
        re = null;
      }
      this.regexes.set(source, re);
    }
    return re;
  }

  /** Whether one item satisfies a pattern (every key: equal, one of a list, a regex, or not in a list). */
  matches(item: unknown, pattern: Pattern | undefined): boolean {
    if (pattern === undefined) return true;
    if (typeof item !== 'object' || item === null) return false;
    const o = item as Record<string, unknown>;
    for (const [key, want] of Object.entries(pattern)) {
      const have = o[key];
      if (Array.isArray(want)) {
        if (!want.includes(have as never)) return false;
      } else if (want !== null && typeof want === 'object') {
        if ('matches' in want) {
          const re = this.regex(want.matches);
          const s = Array.isArray(have)
            ? have.join('\n')
            : typeof have === 'string'
              ? have
              : typeof have === 'number' || typeof have === 'boolean'
                ? String(have)
                : '';
          if (re === null || !re.test(s)) return false;
        } else if (want.notIn.includes(have as never)) return false;
      } else if (Array.isArray(have)) {
        if (!have.includes(want)) return false;
      } else if (have !== want) return false;
    }
    return true;
  }

  /** The items of `list` that satisfy `pattern`, in order (each list and pattern scanned once per run). */
  select<T>(list: readonly T[], pattern: Pattern | undefined): readonly T[] {
    if (pattern === undefined) return list;
    let byList = this.selections.get(pattern);
    if (!byList) this.selections.set(pattern, (byList = new WeakMap()));
    let found = byList.get(list);
    if (!found) {
      // A pattern naming ids (every signal rule's) looks only at the items with those ids.
      const id = pattern['id'];
      const ids = typeof id === 'string' ? [id] : Array.isArray(id) ? id : null;
      const candidates = ids === null ? list : this.withIds(list, ids);
      found = candidates.filter((it) => this.matches(it, pattern));
      byList.set(list, found);
    }
    return found as readonly T[];
  }

  /** The items whose `id` is one of `ids`, in list order. */
  private withIds<T>(list: readonly T[], ids: readonly unknown[]): T[] {
    let index = this.byId.get(list);
    if (!index) {
      const m = new Map<unknown, number[]>();
      list.forEach((it, i) => {
        const id = (it as { id?: unknown } | null)?.id;
        const at = m.get(id);
        if (at) at.push(i);
        else m.set(id, [i]);
      });
      this.byId.set(list, (index = m));
    }
    const at = ids.flatMap((id) => index.get(id) ?? []);
    if (ids.length > 1) at.sort((a, b) => a - b);
    return at.map((i) => list[i] as T);
  }

  /** The line keys (`source\0line`) of the items of `list` that satisfy `pattern`. */
  lines(list: readonly { line: number; source?: string | undefined }[], pattern: Pattern): ReadonlySet<string> {
    const found = this.select(list, pattern);
    let keys = this.lineSets.get(found);
    if (!keys) this.lineSets.set(found, (keys = new Set(found.map((x) => lineKey(x.source, x.line)))));
    return keys;
  }

  /** The custom operators rules use, answering through this matcher. */
  operators(): Record<string, Evaluator> {
    const hasSignal: Evaluator = (facts, value) => this.withIds(asArray(facts), idList(value)).length > 0;
    const hasItem: Evaluator = (facts, value) => this.select(asArray(facts), value as Pattern).length > 0;
    return {
      hasSignal,
      lacksSignal: (facts, value) => !hasSignal(facts, value),
      hasItem,
      lacksItem: (facts, value) => !hasItem(facts, value),
      matches: (fact, value) => {
        const re = typeof value === 'string' ? this.regex(value) : null;
        return re !== null && typeof fact === 'string' && re.test(fact);
      },
      isNull: (fact) => fact === null || fact === undefined,
      notNull: (fact) => fact !== null && fact !== undefined,
      isEmpty: (fact) => asArray(fact).length === 0,
      notEmpty: (fact) => asArray(fact).length > 0,
    };
  }
}

/** Reads plain `$.a.b` paths (no jsonpath: its wildcards return a bare value for a single match). */
export function resolvePath(value: object, path: string): unknown {
  if (path === '$' || path === '') return value;
  let cur: unknown = value;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
