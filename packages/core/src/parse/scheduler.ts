// Format (FailedScheduling):
//   0/2 nodes are available: 2 node(s) were not ready, 2 node(s) were out of disk space.                 (≤1.11)
//   0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: …  (1.25+)
//   no nodes available to schedule pods
//   No nodes are available that match all of the following predicates:: Insufficient cpu (3), MatchNodeSelector (2).  (1.6–1.8)
//   No nodes are available that match all of the predicates: NoVolumeZoneConflict (1).                                 (≤1.5)
//   fit failure summary on nodes : NoVolumeZoneConflict (3), PodToleratesNodeTaints (3); retrying      (scheduler log, ≤1.8)
// The histogram is sorted as strings and one node may count under several reasons.

/** One histogram item of a scheduler fit error. */
export interface FitItem {
  count: number;
  reason: string;
  /** What the reason says about nodes, when it is about their readiness. */
  nodeState: 'not-ready' | 'unreachable' | 'out-of-disk' | 'condition' | 'taint-hidden' | null;
}

/** A parsed scheduler message. */
export interface FitError {
  total: number;
  items: FitItem[];
  preFilter: string | null;
  noNodes: boolean;
  legacy: boolean;
}

const FIT = /(?:^|[^\d])0\/(\d{1,6}) nodes are available: /;
const NO_NODES = /no nodes available to schedule pods/;
const LEGACY =
  /No nodes are available that match all of the (?:following )?predicates::? |fit failure summary on nodes : /;

function classify(reason: string): FitItem['nodeState'] {
  if (
    /node\(s\) were not ready|node\(s\) (?:had (?:untolerated )?taint|had taint) \{node\.kubernetes\.io\/not-ready: ?\}/.test(
      reason,
    )
  )
    return 'not-ready';
  if (/\{node\.kubernetes\.io\/unreachable: ?\}/.test(reason)) return 'unreachable';
  if (/node\(s\) were out of disk space/.test(reason)) return 'out-of-disk';
  if (
    /node\(s\) had (?:memory pressure|disk pressure|pid pressure|unavailable network|unknown conditions)/.test(reason)
  )
    return 'condition';
  if (/node\(s\) had (?:taints that the pod didn't tolerate|untolerated taint\(s\))$/.test(reason))
    return 'taint-hidden';
  return null;
}

/** Parses a scheduler FailedScheduling message; null when the text is not one. */
export function parseFitError(message: string): FitError | null {
  if (NO_NODES.test(message)) return { total: 0, items: [], preFilter: null, noNodes: true, legacy: false };
  const m = FIT.exec(message);
  if (!m?.[1]) {
    const l = LEGACY.exec(message);
    if (!l) return null;
    // The list ends at its last `(count)`: a period, `; retrying` or the closing marks of inline code may follow.
    const body = /^[^()]*\(\d+\)(?:, [^()]*\(\d+\))*/.exec(message.slice(l.index + l[0].length))?.[0] ?? '';
    const items: FitItem[] = [];
    for (const part of body.split(/, (?=[A-Z])/)) {
      const p = /^(.+) \((\d+)\)$/.exec(part.trim());
      if (p?.[1] && p[2]) items.push({ count: Number(p[2]), reason: p[1], nodeState: classify(p[1]) });
    }
    return { total: Math.max(0, ...items.map((i) => i.count)), items, preFilter: null, noNodes: false, legacy: true };
  }
  const total = Number(m[1]);
  let rest = message.slice((m.index ?? 0) + m[0].length);
  const pre = rest.indexOf('preemption: ');
  if (pre >= 0) rest = rest.slice(0, pre);
  const cut = rest.indexOf('. ');
  if (cut >= 0) rest = rest.slice(0, cut);
  // `(?<!\.)`: start only at the first dot of a run; `\.+\s*$` alone is quadratic on a long run of dots (ReDoS).
  rest = rest.replace(/(?<!\.)\.+\s*$/, '').trim();
  if (!/^\d/.test(rest)) return { total, items: [], preFilter: rest, noNodes: false, legacy: false };
  const items: FitItem[] = [];
  for (const part of rest.split(/, (?=\d+ )/)) {
    const p = /^(\d+) (.+)$/.exec(part.trim());
    if (p?.[1] && p[2]) items.push({ count: Number(p[1]), reason: p[2], nodeState: classify(p[2]) });
  }
  const legacy = items.some((i) => i.nodeState === 'out-of-disk' || /node\(s\) were not ready/.test(i.reason));
  return { total, items, preFilter: null, noNodes: false, legacy };
}
