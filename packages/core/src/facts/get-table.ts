// Facts from `kubectl get` tables: events (`get events`, `kubectl events`), pods and nodes. Read row by row
// (facts/line-reader.ts), so a `kubectl get -w` table gives facts as its rows arrive.
import type { Table, TableHeader } from '../parse/table.js';
import { ref, type Collected } from './collected.js';
import { eventFromRow } from './events.js';
import type { NodeFact } from './schema.js';

/** What a `kubectl get` table lists, by its columns. */
export type TableOf = 'events' | 'pods' | 'nodes' | 'other';

/** What the table under this header lists. */
export function tableOf(h: TableHeader): TableOf {
  const cols = new Set(h.columns);
  if (cols.has('REASON') && cols.has('MESSAGE')) return 'events';
  if (cols.has('READY') && cols.has('STATUS') && cols.has('RESTARTS')) return 'pods';
  if (cols.has('STATUS') && cols.has('ROLES') && cols.has('VERSION')) return 'nodes';
  return 'other';
}

/** Reads one row of a `kubectl get` table listing `of`. */
export function readTableRow(of: TableOf, { cells, line }: Table['rows'][number], c: Collected): void {
  if (of === 'events') eventFromRow(cells, line, c);
  else if (of === 'pods') {
    const restarts = /^(\d+)/.exec(cells['RESTARTS'] ?? '');
    c.pods.push(
      Object.assign(ref(line), {
        name: cells['NAME'] ?? '',
        namespace: cells['NAMESPACE'] ?? null,
        phase: cells['STATUS'] ?? null,
        node: cells['NODE'] && cells['NODE'] !== '<none>' ? cells['NODE'] : null,
        controlledBy: null,
        serviceAccount: null,
        nodeSelector: null,
        ready: /^\d+\/\d+$/.test(cells['READY'] ?? '') ? (cells['READY'] ?? null) : null,
        restarts: restarts?.[1] ? Number(restarts[1]) : null,
      }),
    );
  } else if (of === 'nodes') {
    const status = cells['STATUS'] ?? '';
    c.nodes.push(
      Object.assign(ref(line), {
        name: cells['NAME'] ?? '',
        ready: status.startsWith('Ready')
          ? 'True'
          : status.startsWith('NotReady')
            ? 'False'
            : status.startsWith('Unknown')
              ? 'Unknown'
              : null,
        readyReason: null,
        readyMessage: null,
        readyLine: line.no,
        taints: [],
        allocatablePods: null,
        nonTerminatedPods: null,
        unschedulable: status === '' ? null : status.includes('SchedulingDisabled'),
      } satisfies Omit<NodeFact, 'line' | 'source'>),
    );
  }
}
