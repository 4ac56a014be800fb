// The nodes a scheduler message counted ("0/5 nodes are available: 3 node(s) were not ready, 2 Insufficient cpu"),
// grouped by reason: the page lists the reasons as text, each with a row of squares, a filled one per node it ruled
// out. Pure: data in, SVG out.
import type { Diagnosis, Facts } from '@rbac-diagnose/core';

type SchedulingFact = Facts['scheduling'][number];

/** One scheduler message's node count and its reasons. */
export interface NodeGroups {
  total: number;
  line: number;
  source?: string;
  groups: readonly { reason: string; count: number }[];
}

/** The scheduler message among `d`'s evidence lines, grouped by reason; null when its evidence has none. */
export function nodeGroupsFor(d: Diagnosis, scheduling: readonly SchedulingFact[]): NodeGroups | null {
  for (const e of d.evidence) {
    const fact = scheduling.find((s) => s.line === e.line && s.source === e.source);
    if (fact === undefined || fact.items.length === 0) continue;
    return {
      total: fact.total,
      line: fact.line,
      ...(fact.source === undefined ? {} : { source: fact.source }),
      groups: fact.items.map((i) => ({ reason: i.reason, count: i.count })),
    };
  }
  return null;
}

const SQUARE = 14;
const GAP = 4;
/** Up to this many nodes, one square each; beyond, a proportional bar. */
export const MAX_SQUARES = 20;
const BAR_W = 240;

/**
 * The nodes of one reason: `total` squares with the `count` it ruled out filled, or a bar filled `count / total`
 * beyond 20 nodes. Hidden from screen readers: the row's text beside it says the same numbers.
 */
export function renderNodeRowSvg(count: number, total: number): string {
  const hit = Math.max(0, Math.min(count, total));
  const parts: string[] = [];
  let width: number;
  if (total <= MAX_SQUARES) {
    width = Math.max(1, total * (SQUARE + GAP) - GAP);
    for (let i = 0; i < total; i++)
      parts.push(
        i < hit
          ? `<rect class="node counted" x="${i * (SQUARE + GAP)}" y="1" width="${SQUARE}" height="${SQUARE}" rx="3" fill="#c62828" stroke="#c62828"/>`
          : `<rect class="node" x="${i * (SQUARE + GAP) + 0.5}" y="1.5" width="${SQUARE - 1}" height="${SQUARE - 1}" rx="3" fill="none" stroke="#757575"/>`,
      );
  } else {
    width = BAR_W;
    const filled = total === 0 ? 0 : Math.round((BAR_W * hit) / total);
    parts.push(
      `<rect class="bar" x="0.5" y="1.5" width="${BAR_W - 1}" height="${SQUARE - 1}" rx="3" fill="none" stroke="#757575"/>`,
      `<rect class="bar counted" x="0" y="1" width="${filled}" height="${SQUARE}" rx="3" fill="#c62828"/>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="node-row" aria-hidden="true" viewBox="0 0 ${width} ${SQUARE + 2}" width="${width}" height="${SQUARE + 2}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}
