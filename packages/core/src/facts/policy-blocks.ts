// Format: Kyverno's denial as kubectl prints it, the policy and its failed rules on the lines after the header:
//   Error from server: error when creating "pod.yaml": admission webhook "validate.kyverno.svc-fail" denied the request:
//
//   resource Pod/default/nginx was blocked due to the following policies
//
//   disallow-latest-tag:
//     require-image-tag: 'validation error: An image tag is required. rule require-image-tag failed at path …'
// Each rule line becomes an `admission_kyverno_rule_failed` signal naming its policy, like the one-line forms that the
// signature itself matches (policy reports, events, escaped messages).
import type { Line } from '../input/lines.js';
import { ref } from './collected.js';
import type { Signal } from './schema.js';

const POLICY_LINE = /^([\w.-]{1,253}):\s*$/;
const RULE_LINE = /^\s+([\w.-]{1,253}): (.*)$/;
// Lines after the header that may belong to the block (blank lines, the policy, its rules and their wrapped tails).
const MAX_BLOCK = 60;

/** The reading of the block after one Kyverno header. */
interface BlockReader {
  header: Signal;
  /** The header's place among the signals: blocks are listed in that order. */
  order: number;
  /** Lines it may still read. */
  left: number;
  policy: string | null;
  done: boolean;
  signals: Signal[];
}

/**
 * The blocks after Kyverno headers (an `admission_kyverno_blocked` signal), read as the lines of the sections go by:
 * the blank lines of a block split it into several sections. Plain data.
 */
export interface PolicyBlocks {
  readers: BlockReader[];
  /** Readers still reading (indexes into readers). */
  active: number[];
}

/** No block read yet. */
export function newPolicyBlocks(): PolicyBlocks {
  return { readers: [], active: [] };
}

/**
 * Reads section lines[lo..hi) (in input order, after their own signals were found; `found`: the signals found on
 * them, `order`: the place of found[0] among all signals) into the blocks being read, and starts a block after each
 * header among them (`cite`: the line of each rule read). A header whose rules were escaped onto its own line was read
 * whole by the signature.
 */
export function readPolicyLines(
  p: PolicyBlocks,
  lines: readonly Line[],
  lo: number,
  hi: number,
  found: readonly Signal[],
  order: number,
  cite: (line: Line) => void,
): void {
  if (p.active.length === 0 && !found.some((s) => s.id === 'admission_kyverno_blocked')) return;
  const headers = new Map<string, { s: Signal; order: number }[]>();
  const oneLine = new Set<string>();
  for (const s of found) if (s.id === 'admission_kyverno_rule_failed') oneLine.add(key(s.source, s.line));
  for (let i = 0; i < found.length; i++) {
    const s = found[i] as Signal;
    if (s.id !== 'admission_kyverno_blocked' || oneLine.has(key(s.source, s.line))) continue;
    const k = key(s.source, s.line);
    headers.set(k, [...(headers.get(k) ?? []), { s, order: order + i }]);
  }
  if (headers.size === 0 && p.active.length === 0) return;
  for (let i = lo; i < hi; i++) {
    const line = lines[i] as Line;
    if (p.active.length > 0) {
      for (const r of p.active) if (readBlockLine(p.readers[r] as BlockReader, line)) cite(line);
      p.active = p.active.filter((r) => !(p.readers[r] as BlockReader).done);
    }
    if (headers.size === 0) continue;
    const k = key(line.source, line.no);
    // A header is started once, at the first line of its number.
    for (const h of headers.get(k) ?? []) {
      p.active.push(p.readers.length);
      p.readers.push({ header: h.s, order: h.order, left: MAX_BLOCK, policy: null, done: false, signals: [] });
    }
    headers.delete(k);
  }
}

/** Every rule line read, one `admission_kyverno_rule_failed` signal each naming its policy, blocks in header order. */
export function policySignals(p: PolicyBlocks): Signal[] {
  return [...p.readers].sort((a, b) => a.order - b.order).flatMap((r) => r.signals);
}

/** Reads one line of a block; true when it was a rule line. */
function readBlockLine(r: BlockReader, line: Line): boolean {
  if (line.source !== r.header.source || r.left === 0) {
    r.done = true;
    return false;
  }
  r.left--;
  const t = line.text.trim();
  if (t === '' || t === '```') return false;
  const p = POLICY_LINE.exec(line.text);
  if (p?.[1]) {
    r.policy = p[1];
    return false;
  }
  const rule = RULE_LINE.exec(line.text);
  if (rule?.[1] && r.policy !== null) {
    r.signals.push(
      Object.assign({ id: 'admission_kyverno_rule_failed' }, ref(line), {
        groups: {
          policy: r.policy,
          rule: rule[1],
          message: unquote(rule[2] ?? ''),
          resource: r.header.groups['resource'] ?? '',
        },
      }),
    );
    return true;
  }
  // An indented continuation of a wrapped rule message stays in the block; anything else ends it.
  if (r.policy === null || !/^\s/.test(line.text)) r.done = true;
  return false;
}

function key(source: string | undefined, line: number): string {
  return `${source ?? ''}\u0000${line}`;
}

/** A rule message without the single quotes YAML put around it. */
function unquote(s: string): string {
  const t = s.trim();
  return t.startsWith("'") ? t.slice(1, t.endsWith("'") && t.length > 1 ? -1 : undefined) : t;
}
