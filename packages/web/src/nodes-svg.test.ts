import { diagnoseDetailed, type Diagnosis, type Facts } from '@rbac-diagnose/core';
import { builtinRules, builtinVocabulary } from '@rbac-diagnose/rules';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SQUARES, nodeGroupsFor, renderNodeRowSvg } from './nodes-svg.js';

const wall = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/seed-walls/${name}`, import.meta.url), 'utf8');

describe('nodeGroupsFor', () => {
  it('takes the scheduler message among the evidence of the seed Pending wall, grouped by reason', async () => {
    const { report, facts } = await diagnoseDetailed(wall('wall3-pending-not-ready-disk.txt'), {
      rules: builtinRules,
      vocabulary: builtinVocabulary,
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
      vocabulary: builtinVocabulary,
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

describe('renderNodeRowSvg', () => {
  const filled = (svg: string) => (svg.match(/class="node counted"/g) ?? []).length;
  const empty = (svg: string) => (svg.match(/class="node"/g) ?? []).length;

  it('draws one square per node, filled for the nodes the reason rules out', () => {
    expect([filled(renderNodeRowSvg(3, 5)), empty(renderNodeRowSvg(3, 5))]).toEqual([3, 2]);
    expect([filled(renderNodeRowSvg(2, 2)), empty(renderNodeRowSvg(2, 2))]).toEqual([2, 0]);
    expect([filled(renderNodeRowSvg(0, 1)), empty(renderNodeRowSvg(0, 1))]).toEqual([0, 1]);
  });

  it('never fills more squares than there are nodes', () => {
    expect([filled(renderNodeRowSvg(9, 4)), empty(renderNodeRowSvg(9, 4))]).toEqual([4, 0]);
  });

  it(`draws a proportional bar beyond ${MAX_SQUARES} nodes`, () => {
    const svg = renderNodeRowSvg(25, 100);
    expect(filled(svg) + empty(svg)).toBe(0);
    const part = Number(/class="bar counted"[^>]*width="([\d.]+)"/.exec(svg)?.[1]);
    const whole = Number(/class="bar" [^>]*width="([\d.]+)"/.exec(svg)?.[1]);
    expect(part / whole).toBeCloseTo(0.25, 2);
  });

  it('is hidden from screen readers (the text beside it says the numbers)', () => {
    expect(renderNodeRowSvg(1, 2)).toMatch(/^<svg [^>]*aria-hidden="true"/);
  });
});
