// The check of a message pattern that comes from a rule directory, not from this repository: it must compile, and a
// backtracking engine must match it in time linear in what it reads, whatever the text. A pattern passes when
//   - only a single character, class or escape repeats (`x*`, `[^"]+`, `\s{0,3}`); a group may only be optional `(…)?`,
//   - whatever may be skipped or repeated cannot also match what may come right after it (`[^"]*"`, not `.*"`), and the
//     alternatives of a group start with different characters (`den(?:y|ied)`, not `deny|denied`),
// so at each position the engine has one way forward and gives back nothing it must try again: no nested or adjacent
// overlapping repetitions (the exponential and polynomial cases). No backreferences or lookarounds, at most 1,000
// repetitions, at most 400 characters, and not matching the empty string. This is a sufficient rule, not a complete
// one: some linear patterns are refused too, and the message says how to write them.
//
// Format (JavaScript regex source, no flags): `admission webhook \\?"(?<policy>[\w-]+)\.example\.com\\?" denied`

import { t, type MessageKey } from '../i18n/t.js';

/** Longest pattern accepted, in characters. */
export const MAX_PATTERN_LENGTH = 400;
/** Largest repetition count accepted (`{n,m}`). */
const MAX_COUNT = 1000;

/** Inclusive UTF-16 code unit ranges, sorted and disjoint. */
type CharSet = readonly (readonly [number, number])[];

const DIGIT: CharSet = [[48, 57]];
const WORD: CharSet = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: CharSet = [
  [9, 13],
  [32, 32],
  [160, 160],
  [5760, 5760],
  [8192, 8202],
  [8232, 8233],
  [8239, 8239],
  [8287, 8287],
  [12288, 12288],
  [65279, 65279],
];
const LINE_END: CharSet = [
  [10, 10],
  [13, 13],
  [8232, 8233],
];

function normalise(ranges: (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let from = 0;
  for (const [lo, hi] of set) {
    if (lo > from) out.push([from, lo - 1]);
    from = hi + 1;
  }
  if (from <= 0xffff) out.push([from, 0xffff]);
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as readonly [number, number];
    const y = b[j] as readonly [number, number];
    if (x[1] < y[0]) i++;
    else if (y[1] < x[0]) j++;
    else return true;
  }
  return false;
}

const one = (c: number): CharSet => [[c, c]];

/** A parsed item: a character set that matches one character, a group of alternatives, or a zero-width anchor. */
type Node =
  | { kind: 'set'; set: CharSet; min: number; max: number; text: string }
  | { kind: 'group'; alternatives: Node[][]; min: number; max: number; text: string }
  | { kind: 'anchor'; text: string };

/** A refusal: its catalog text and values (core's i18n). */
class Refused extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(key);
  }
}

/** A recursive-descent parser of the accepted subset of JavaScript regex syntax (no flags). */
class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): Node[][] {
    const alternatives = this.alternatives();
    if (this.at < this.src.length) throw new Refused('pattern.unbalanced', { at: this.at + 1 });
    return alternatives;
  }

  private peek(): string | undefined {
    return this.src[this.at];
  }

  private alternatives(): Node[][] {
    const out: Node[][] = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      out.push(this.sequence());
    }
    return out;
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      const start = this.at;
      const node = this.atom();
      if (node.kind === 'anchor') {
        if ('*+?{'.includes(this.peek() ?? '') && this.quantifier() !== null)
          throw new Refused('pattern.anchorRepeat', { anchor: node.text });
        items.push(node);
        continue;
      }
      const q = this.quantifier();
      if (q !== null) {
        node.min = q[0];
        node.max = q[1];
      }
      node.text = this.src.slice(start, this.at);
      items.push(node);
    }
    return items;
  }

  /** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (then an optional lazy `?`), or null when none follows. */
  private quantifier(): [number, number] | null {
    const c = this.peek();
    let q: [number, number] | null = null;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    if (q !== null) this.at++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT))
        throw new Refused('pattern.countOver', { max: MAX_COUNT, quantifier: m[0] });
      if (max < min) throw new Refused('pattern.countOrder', { quantifier: m[0] });
      this.at += m[0].length;
      q = [min, max];
    } else return null;
    if (this.peek() === '?') this.at++;
    return q;
  }

  private atom(): Node {
    const c = this.peek() as string;
    const start = this.at;
    this.at++;
    const set = (s: CharSet): Node => ({ kind: 'set', set: s, min: 1, max: 1, text: '' });
    switch (c) {
      case '(': {
        if (this.src.startsWith('?:', this.at)) this.at += 2;
        else if (this.peek() === '?') {
          const named = /^\?<([A-Za-z][A-Za-z0-9]{0,31})>/.exec(this.src.slice(this.at));
          if (!named) throw new Refused('pattern.lookaround', { at: start + 1 });
          this.at += named[0].length;
        }
        const alternatives = this.alternatives();
        if (this.peek() !== ')') throw new Refused('pattern.unclosedGroup', { at: start + 1 });
        this.at++;
        return { kind: 'group', alternatives, min: 1, max: 1, text: '' };
      }
      case '[':
        return set(this.charClass());
      case '.':
        return set(complement(LINE_END));
      case '^':
      case '$':
        return { kind: 'anchor', text: c };
      case '\\': {
        const escaped = this.escape(false);
        return escaped === null ? { kind: 'anchor', text: this.src.slice(start, this.at) } : set(escaped);
      }
      case '*':
      case '+':
      case '?':
        throw new Refused('pattern.nothingToRepeat', { char: c, at: start + 1 });
      case ')':
        throw new Refused('pattern.unbalanced', { at: start + 1 });
      default:
        return set(one(c.charCodeAt(0)));
    }
  }

  /** An escape after its backslash: a set, or null for `\b` / `\B` (anchors, outside a class). */
  private escape(inClass: boolean): CharSet | null {
    const c = this.peek();
    if (c === undefined) throw new Refused('pattern.trailingBackslash');
    this.at++;
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'b':
        return inClass ? one(8) : null;
      case 'B':
        if (inClass) throw new Refused('pattern.boundaryInClass');
        return null;
      case 't':
        return one(9);
      case 'n':
        return one(10);
      case 'v':
        return one(11);
      case 'f':
        return one(12);
      case 'r':
        return one(13);
      case '0':
        return one(0);
      case 'x':
      case 'u': {
        const m = (c === 'x' ? /^[0-9A-Fa-f]{2}/ : /^[0-9A-Fa-f]{4}/).exec(this.src.slice(this.at));
        if (!m) throw new Refused('pattern.hexDigits', { escape: `\\${c}`, digits: c === 'x' ? 2 : 4 });
        this.at += m[0].length;
        return one(Number.parseInt(m[0], 16));
      }
      case 'k':
        throw new Refused('pattern.backreference');
      case 'c':
      case 'p':
      case 'P':
        throw new Refused('pattern.unsupportedEscape', { escape: `\\${c}` });
      default:
        if (/[1-9]/.test(c)) throw new Refused('pattern.backreference');
        // An identity escape: `\.`, `\"`, `\/`, `\-`…
        return one(c.charCodeAt(0));
    }
  }

  /** A bracket class after its `[`. */
  private charClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const ranges: (readonly [number, number])[] = [];
    const single = (): CharSet => {
      const c = this.peek();
      if (c === undefined) throw new Refused('pattern.unclosedClass');
      this.at++;
      if (c !== '\\') return one(c.charCodeAt(0));
      return this.escape(true) ?? one(8);
    };
    while (this.peek() !== ']') {
      const lo = single();
      if (this.peek() === '-' && this.src[this.at + 1] !== ']' && this.src[this.at + 1] !== undefined) {
        this.at++;
        const hi = single();
        const [a] = lo;
        const [b] = hi;
        if (lo.length !== 1 || hi.length !== 1 || !a || !b || a[0] !== a[1] || b[0] !== b[1])
          throw new Refused('pattern.rangeBetweenClasses');
        if (b[0] < a[0]) throw new Refused('pattern.rangeOrder');
        ranges.push([a[0], b[0]]);
      } else ranges.push(...lo);
    }
    this.at++;
    const set = normalise(ranges);
    return negated ? complement(set) : set;
  }
}

/** What may start a sequence from position k on, and whether it may match nothing. */
function first(seq: readonly Node[], k = 0): { sets: CharSet[]; nullable: boolean } {
  const sets: CharSet[] = [];
  for (let i = k; i < seq.length; i++) {
    const node = seq[i] as Node;
    if (node.kind === 'anchor') continue;
    if (node.kind === 'set') sets.push(node.set);
    else for (const alt of node.alternatives) sets.push(...first(alt).sets);
    if (!nullable(node)) return { sets, nullable: false };
  }
  return { sets, nullable: true };
}

function nullable(node: Node): boolean {
  if (node.kind === 'anchor') return true;
  if (node.min === 0) return true;
  return node.kind === 'group' && node.alternatives.some((alt) => first(alt).nullable);
}

const overlap = (a: readonly CharSet[], b: readonly CharSet[]): boolean =>
  a.some((x) => b.some((y) => intersects(x, y)));

/** Checks a sequence whose continuation may start with `follow`. */
function checkSequence(seq: readonly Node[], follow: readonly CharSet[]): void {
  for (const [i, node] of seq.entries()) {
    if (node.kind === 'anchor') continue;
    const rest = first(seq, i + 1);
    const after = rest.nullable ? [...rest.sets, ...follow] : rest.sets;
    if (node.kind === 'group') {
      if (node.max > 1) throw new Refused('pattern.groupRepeats', { part: node.text });
      const starts = node.alternatives.map((alt) => first(alt));
      for (let a = 0; a < starts.length; a++)
        for (let b = a + 1; b < starts.length; b++) {
          const x = starts[a];
          const y = starts[b];
          if (x && y && (overlap(x.sets, y.sets) || (x.nullable && y.nullable)))
            throw new Refused('pattern.alternativesAlike', { part: node.text });
        }
      for (const alt of node.alternatives) checkSequence(alt, after);
    }
    if (node.min < node.max && overlap(first([{ ...node, min: 1, max: 1 }]).sets, after))
      throw new Refused('pattern.overlap', { part: node.text });
  }
}

/** Why a custom message pattern is refused (compile error, or a shape the linear rule above does not accept); null when it passes. */
export function patternProblem(source: string): string | null {
  const problem = patternProblemText(source);
  return problem === null ? null : t('en', problem.key, problem.params);
}

/** {@link patternProblem} as a catalog text and its values, to be worded in any language (i18n/t.ts). */
export function patternProblemText(
  source: string,
): { key: MessageKey; params: Readonly<Record<string, string | number>> } | null {
  if (source.length === 0) return { key: 'pattern.empty', params: {} };
  if (source.length > MAX_PATTERN_LENGTH) return { key: 'pattern.tooLong', params: { max: MAX_PATTERN_LENGTH } };
  try {
    new RegExp(source);
  } catch (e) {
    return { key: 'pattern.compile', params: { error: e instanceof Error ? e.message : String(e) } };
  }
  try {
    const alternatives = new Parser(source).parse();
    const top: Node = { kind: 'group', alternatives, min: 1, max: 1, text: source };
    checkSequence([top], []);
    if (nullable(top)) return { key: 'pattern.matchesEmpty', params: {} };
  } catch (e) {
    if (e instanceof Refused) return { key: e.key, params: e.params };
    throw e;
  }
  return null;
}
