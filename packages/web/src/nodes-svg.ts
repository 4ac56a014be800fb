// The nodes a scheduler message counted ("0/5 nodes are available: 3 node(s) were not ready, 2 Insufficient cpu"),
// grouped by reason: one row of squares per reason, a filled square per node it ruled out. Pure: data in, SVG out.
import type { Diagnosis, Facts } from '@rbac-diagnose/core';
import { escapeXml, svgDocument } from './chain-svg.js';

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

/** The words of the picture: its accessible name and one row label per reason. */
export interface NodesSvgText {
  title: string;
  row: (count: number, total: number, reason: string) => string;
}

const SQUARE = 14;
const GAP = 4;
const PER_ROW = 24;
const PAD = 8;

/** Draws each reason's count of `total` nodes: squares up to 24 nodes, a proportional bar beyond. */
export function renderNodesSvg(g: NodeGroups, text: NodesSvgText): string {
  const rowW = PER_ROW * (SQUARE + GAP);
  const width = PAD * 2 + rowW;
  const parts: string[] = [];
  const labels: string[] = [];
  let y = PAD;
  for (const group of g.groups) {
    const count = Math.max(0, Math.min(group.count, g.total));
    const label = text.row(group.count, g.total, group.reason);
    labels.push(label);
    parts.push(
      `<g class="reason">`,
      `<text x="${PAD}" y="${y + 14}" font-size="13" fill="currentColor">${escapeXml(label)}</text>`,
    );
    y += 22;
    if (g.total <= PER_ROW) {
      for (let i = 0; i < g.total; i++) {
        const hit = i < count;
        parts.push(
          `<rect class="node${hit ? ' counted' : ''}" x="${PAD + i * (SQUARE + GAP)}" y="${y}" width="${SQUARE}" height="${SQUARE}" rx="3" fill="${hit ? '#c62828' : 'none'}" stroke="${hit ? '#c62828' : '#757575'}"/>`,
        );
      }
    } else {
      const filled = g.total === 0 ? 0 : Math.round((rowW * count) / g.total);
      parts.push(
        `<rect class="bar" x="${PAD}" y="${y}" width="${rowW - GAP}" height="${SQUARE}" rx="3" fill="none" stroke="#757575"/>`,
        `<rect class="bar counted" x="${PAD}" y="${y}" width="${Math.max(0, filled - GAP)}" height="${SQUARE}" rx="3" fill="#c62828"/>`,
      );
    }
    y += SQUARE + 12;
    parts.push('</g>');
  }
  const height = y + PAD - 8;
  return svgDocument(
    { cls: 'nodes', width, height, title: text.title, label: `${text.title}: ${labels.join('; ')}` },
    parts,
  );
}
