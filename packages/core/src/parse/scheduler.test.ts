import { describe, expect, test } from 'vitest';
import { parseFitError } from './scheduler.js';

describe('parseFitError', () => {
  test('≤1.11: not ready + out of disk on every node', () => {
    expect(
      parseFitError('0/2 nodes are available: 2 node(s) were not ready, 2 node(s) were out of disk space.'),
    ).toEqual({
      total: 2,
      items: [
        { count: 2, reason: 'node(s) were not ready', nodeState: 'not-ready' },
        { count: 2, reason: 'node(s) were out of disk space', nodeState: 'out-of-disk' },
      ],
      preFilter: null,
      noNodes: false,
      legacy: true,
    });
  });
  test('1.25–1.34: untolerated not-ready taint with a preemption suffix (and the 1.26–1.28 double period)', () => {
    const f = parseFitError(
      '0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..',
    );
    expect(f?.items).toEqual([
      { count: 3, reason: 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }', nodeState: 'not-ready' },
    ]);
    expect(f?.total).toBe(3);
  });
  test('1.18–1.24 taint wording and unreachable', () => {
    expect(
      parseFitError(
        "0/2 nodes are available: 2 node(s) had taint {node.kubernetes.io/unreachable: }, that the pod didn't tolerate.",
      )?.items[0]?.nodeState,
    ).toBe('unreachable');
  });
  test('histogram items with commas inside reasons split only before counts', () => {
    const f = parseFitError(
      "0/5 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label), 2 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.",
    );
    expect(f?.items.map((i) => [i.count, i.reason])).toEqual([
      [1, "node(s) didn't match pod topology spread constraints (missing required label)"],
      [2, 'Insufficient cpu'],
      [2, "node(s) didn't match Pod's node affinity/selector"],
    ]);
  });
  test('PreFilter messages have no histogram', () => {
    expect(
      parseFitError(
        '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      ),
    ).toMatchObject({
      total: 3,
      items: [],
      preFilter: 'pod has unbound immediate PersistentVolumeClaims',
    });
  });
  test('no nodes at all, and 1.6–1.7 legacy form', () => {
    expect(parseFitError('no nodes available to schedule pods')?.noNodes).toBe(true);
    expect(
      parseFitError(
        'No nodes are available that match all of the following predicates:: Insufficient cpu (3), MatchNodeSelector (2).',
      )?.items,
    ).toEqual([
      { count: 3, reason: 'Insufficient cpu', nodeState: null },
      { count: 2, reason: 'MatchNodeSelector', nodeState: null },
    ]);
    // ≤ 1.5: one colon and no "following" (rancher/rancher#12704)
    expect(parseFitError('No nodes are available that match all of the predicates: NoVolumeZoneConflict (1).')).toEqual(
      {
        total: 1,
        items: [{ count: 1, reason: 'NoVolumeZoneConflict', nodeState: null }],
        preFilter: null,
        noNodes: false,
        legacy: true,
      },
    );
  });
  test('not a scheduler message', () => {
    expect(parseFitError('Pulling image "nginx"')).toBeNull();
  });
});
