import { diagnoseDetailed, type Diagnosis, type Facts } from '@rbac-diagnose/core';
import { builtinRules } from '@rbac-diagnose/rules';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeXml } from './chain-svg.js';
import { nodeGroupsFor, renderNodesSvg, type NodeGroups, type NodesSvgText } from './nodes-svg.js';

const TEXT: NodesSvgText = { title: 'Nodes', row: (count, total, reason) => `${count} of ${total}: ${reason}` };
const wall = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/seed-walls/${name}`, import.meta.url), 'utf8');

describe('nodeGroupsFor', () => {
  it('takes the scheduler message among the evidence of the seed Pending wall, grouped by reason', async () => {
    const { report, facts } = await diagnoseDetailed(wall('wall3-pending-not-ready-disk.txt'), {
      rules: builtinRules,
      trustedRules: true,
    });
    const top = report.diagnoses[0] as Diagnosis;
    expect(nodeGroupsFor(top, facts.scheduling)).toEqual({
      total: 2,
      line: 17,
      groups: [
        { reason: 'node(s) were not ready', count: 2 },
        { reason: 'node(s) were out of disk space', count: 2 },
      ],
    });
  });

  it('is null for a diagnosis whose evidence holds no scheduler message', async () => {
    const { report, facts } = await diagnoseDetailed(wall('wall2-forbidden.txt'), {
      rules: builtinRules,
      trustedRules: true,
    });
    expect(facts.scheduling).toEqual([]);
    expect(nodeGroupsFor(report.diagnoses[0] as Diagnosis, facts.scheduling)).toBeNull();
  });

  it('matches the evidence line in its own input when several were given', () => {
    const fact = (source: string): Facts['scheduling'][number] => ({
      line: 5,
      source,
      total: 3,
      items: [{ count: 3, reason: 'Insufficient cpu', nodeState: null }],
      preFilter: null,
      noNodes: false,
      legacy: false,
      notReadyNodes: 0,
      allNodesNotReady: false,
      outOfDiskNodes: 0,
    });
    const d = { evidence: [{ line: 5, text: 'x', why: 'y', source: 'b.txt' }] } as unknown as Diagnosis;
    expect(nodeGroupsFor(d, [fact('a.txt'), fact('b.txt')])?.source).toBe('b.txt');
    expect(nodeGroupsFor(d, [fact('a.txt')])).toBeNull();
  });
});

describe('renderNodesSvg', () => {
  const counted = (svg: string) =>
    [...svg.matchAll(/<g class="reason">([\s\S]*?)<\/g>/g)].map(
      (m) => (m[1]?.match(/class="node counted"/g) ?? []).length,
    );

  it('draws one square per node, filled for the nodes each reason rules out', () => {
    const g: NodeGroups = {
      total: 5,
      line: 3,
      groups: [
        { reason: 'node(s) were not ready', count: 3 },
        { reason: 'Insufficient cpu', count: 2 },
      ],
    };
    const svg = renderNodesSvg(g, TEXT);
    expect(counted(svg)).toEqual([3, 2]);
    expect(svg.match(/class="node( counted)?"/g)).toHaveLength(10);
    expect(svg).toContain('aria-label="Nodes: 3 of 5: node(s) were not ready; 2 of 5: Insufficient cpu"');
  });

  it('draws a proportional bar beyond 24 nodes', () => {
    const svg = renderNodesSvg({ total: 100, line: 1, groups: [{ reason: 'Insufficient memory', count: 25 }] }, TEXT);
    expect(svg).not.toMatch(/class="node( counted)?"/);
    const filled = Number(/class="bar counted"[^>]*width="([\d.]+)"/.exec(svg)?.[1]);
    const whole = Number(/class="bar" [^>]*width="([\d.]+)"/.exec(svg)?.[1]);
    expect(filled / whole).toBeCloseTo(0.25, 1);
  });

  it('escapes the reason text', () => {
    const reason = '<img src=x onerror=alert(1)>';
    const svg = renderNodesSvg({ total: 1, line: 1, groups: [{ reason, count: 1 }] }, TEXT);
    expect(svg).not.toContain(reason);
    expect(svg).toContain(escapeXml(reason));
  });
});
