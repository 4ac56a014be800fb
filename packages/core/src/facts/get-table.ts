// Facts from `kubectl get` tables: events (`get events`, `kubectl events`), pods and nodes.
import type { Section } from '../input/split.js';
import { parseTable } from '../parse/table.js';
import { ref, type Collected } from './collected.js';
import { eventsFromTable } from './events.js';
import type { NodeFact } from './schema.js';

/** Reads one `kubectl get` table, by its columns. */
export function extractGetTable(section: Section, c: Collected): void {
  const table = parseTable(section.lines);
  const cols = new Set(table.columns);
  if (cols.has('REASON') && cols.has('MESSAGE')) eventsFromTable(table, c);
  else if (cols.has('READY') && cols.has('STATUS') && cols.has('RESTARTS')) {
    for (const { cells, line } of table.rows) {
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
    }
  } else if (cols.has('STATUS') && cols.has('ROLES') && cols.has('VERSION')) {
    for (const { cells, line } of table.rows) {
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
}
