// Facts from `kubectl describe node`, read in one pass over its parsed block: the node (Ready condition, taints,
// allocatable pods, pod count, unschedulable), its Conditions table and its events.
import { expandTabs } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { fieldValue, parseDescribe } from '../parse/describe.js';
import { ref, type Collected } from './collected.js';
import { DASHES, TYPE_STATUS_HEADER } from './describe-pod.js';
import { eventsFromDescribe } from './events.js';
import type { ConditionFact, NodeFact } from './schema.js';

// [^]*, not .*: `\s+(.*)$` is quadratic when a U+2028 follows blanks (ReDoS).
const READY_ROW = /^\s*Ready\s+(True|False|Unknown)\s+([^]*)$/;
// `(?<![A-Za-z])`: starting inside a word made this quadratic on a long word (ReDoS).
const READY_REASON = /(?<![A-Za-z])([A-Z][A-Za-z]+)\s+([^]*)$/;
const TWO_DATES = /^(?:\S+, \d{2} \S+ \d{4} \S+ [+-]\d{4}\s+){0,2}/;
const TAINT_LINE = /^\s+(\S+:(?:NoSchedule|PreferNoSchedule|NoExecute))\s*$/;
const COMMAND_NODE = /\bdescribe\s+(?:no|nodes?)\s+([\w.-]{1,253})/;

/** Reads one describe node section. */
export function extractDescribeNode(section: Section, c: Collected): void {
  const block = parseDescribe(section.lines);
  eventsFromDescribe(block, c);
  const nameField = fieldValue(block, 'Name');
  const first = nameField?.line ?? section.lines[0];
  if (!first) return;
  // A fragment without its Name: line takes the name from `describe node <name>`.
  const name = nameField?.value ?? COMMAND_NODE.exec(section.command ?? '')?.[1] ?? '<unknown>';
  const node: NodeFact = Object.assign(ref(first), {
    name,
    ready: null,
    readyReason: null,
    readyMessage: null,
    readyLine: null,
    taints: [],
    allocatablePods: null,
    nonTerminatedPods: null,
    unschedulable: null,
  });
  for (const { field, lines } of block.blocks) {
    switch (field.key) {
      case 'Taints': {
        const t = /^\S+/.exec(field.value)?.[0];
        if (t === undefined) break;
        if (t !== '<none>') node.taints.push(t);
        for (const l of lines) {
          if (!TAINT_LINE.test(l.text)) break;
          node.taints.push(l.text.trim());
        }
        break;
      }
      case 'Unschedulable': {
        const u = /^(true|false)\b/.exec(field.value);
        if (u) node.unschedulable = u[1] === 'true';
        break;
      }
      case 'Non-terminated Pods': {
        const p = /^\((\d+) in total\)/.exec(field.value);
        if (p?.[1]) node.nonTerminatedPods = Number(p[1]);
        break;
      }
      case 'Allocatable':
        for (const l of lines) {
          const m = /^\s+pods:\s+(\d+)\s*$/.exec(expandTabs(l.text));
          if (m?.[1]) node.allocatablePods = Number(m[1]);
        }
        break;
      case 'Conditions': {
        let header: ColumnStarts | null = null;
        for (const l of lines) {
          const ready = READY_ROW.exec(l.text);
          if (ready?.[1]) {
            node.ready = ready[1] as 'True' | 'False' | 'Unknown';
            node.readyLine = l.no;
            const rm = READY_REASON.exec((ready[2] ?? '').replace(TWO_DATES, ''));
            node.readyReason = rm?.[1] ?? null;
            node.readyMessage = rm?.[2] ?? null;
          }
          const t = expandTabs(l.text);
          if (TYPE_STATUS_HEADER.test(t)) {
            header = { status: t.indexOf('Status'), reason: t.search(/\bReason\b/), message: t.search(/\bMessage\b/) };
            continue;
          }
          if (DASHES.test(t)) continue;
          const row = conditionRow(t, header);
          if (row) c.conditions.push(Object.assign(ref(l), { objectKind: 'Node' as const, object: name }, row));
        }
        break;
      }
      default:
        break;
    }
  }
  c.nodes.push(node);
}

interface ColumnStarts {
  status: number;
  reason: number;
  message: number;
}

const DATE = /(?:[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}|<unknown>)/;

/** One row of a describe node Conditions table: by header offsets when aligned, by its two dates otherwise. */
function conditionRow(
  t: string,
  header: ColumnStarts | null,
): Omit<ConditionFact, 'line' | 'source' | 'objectKind' | 'object'> | null {
  const m = /^\s+(\S+)\s+(True|False|Unknown)\b([^]*)$/.exec(t);
  if (!m?.[1] || !m[2]) return null;
  if (
    header &&
    header.reason > 0 &&
    header.message > header.reason &&
    t.length > header.message &&
    t[header.reason - 1] === ' ' &&
    t[header.reason] !== ' ' &&
    t[header.message - 1] === ' '
  ) {
    return {
      type: m[1],
      status: m[2],
      reason: t.slice(header.reason, header.message).trim() || null,
      message: t.slice(header.message).trim() || null,
    };
  }
  // Squashed spacing: skip the two dates, then Reason is one word and Message the rest.
  let rest = (m[3] ?? '').trim();
  for (let k = 0; k < 2; k++) {
    const d = DATE.exec(rest);
    if (d && d.index === 0) rest = rest.slice(d[0].length).trim();
  }
  const r = /^(\S+)(?:\s+([^]*))?$/.exec(rest); // [^]*, not .*: `\s+(.*)$` is quadratic when U+2028 follows blanks (ReDoS)
  return { type: m[1], status: m[2], reason: r?.[1] ?? null, message: r?.[2]?.trim() || null };
}
