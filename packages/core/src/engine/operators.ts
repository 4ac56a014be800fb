import type { Pattern } from '../rules/schema.js';

/** A rule's regex; an invalid one never matches (the rule checks report it). */
function regexOf(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}

/** Whether one fact item satisfies a pattern (every key: equal, one of a list, a regex, or not in a list). */
export function matchesPattern(item: unknown, pattern: Pattern | undefined): boolean {
  if (pattern === undefined) return true;
  if (typeof item !== 'object' || item === null) return false;
  const o = item as Record<string, unknown>;
  for (const [key, want] of Object.entries(pattern)) {
    const have = o[key];
    if (Array.isArray(want)) {
      if (!want.includes(have as never)) return false;
    } else if (want !== null && typeof want === 'object') {
      if ('matches' in want) {
        const re = regexOf(want.matches);
        const s = Array.isArray(have)
          ? have.join('\n')
          : typeof have === 'string'
            ? have
            : have === undefined || have === null
              ? ''
              : String(have);
        if (re === null || !re.test(s)) return false;
      } else if (want.notIn.includes(have as never)) return false;
    } else if (Array.isArray(have)) {
      if (!have.includes(want)) return false;
    } else if (have !== want) return false;
  }
  return true;
}

type Evaluator = (factValue: unknown, value: unknown) => boolean;

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function signalIds(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((x): x is string => typeof x === 'string')
    : typeof value === 'string'
      ? [value]
      : [];
}

/** Custom operators registered on every engine. */
export const CUSTOM_OPERATORS: Record<string, Evaluator> = {
  hasSignal: (facts, value) => {
    const ids = signalIds(value);
    return asArray(facts).some((s) => typeof s === 'object' && s !== null && ids.includes((s as { id: string }).id));
  },
  lacksSignal: (facts, value) => !CUSTOM_OPERATORS['hasSignal']?.(facts, value),
  hasItem: (facts, value) => asArray(facts).some((it) => matchesPattern(it, value as Pattern)),
  lacksItem: (facts, value) => !asArray(facts).some((it) => matchesPattern(it, value as Pattern)),
  matches: (fact, value) => {
    if (typeof value !== 'string') return false;
    const re = regexOf(value);
    return re !== null && typeof fact === 'string' && re.test(fact);
  },
  isNull: (fact) => fact === null || fact === undefined,
  notNull: (fact) => fact !== null && fact !== undefined,
  isEmpty: (fact) => asArray(fact).length === 0,
  notEmpty: (fact) => asArray(fact).length > 0,
};

/** Reads `$.a.b` paths without jsonpath (3.8× faster, and no bare-value surprise for single matches). */
export function resolvePath(value: object, path: string): unknown {
  if (path === '$' || path === '') return value;
  let cur: unknown = value;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
