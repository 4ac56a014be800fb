// Events in every form they are pasted in: describe Events tables, `kubectl get events` / `kubectl events` tables,
// Event objects (core/v1 and events.k8s.io/v1) in JSON or YAML, and table rows without their header. Each becomes a
// RawEvent; aggregateEvents folds repeats into one fact with a count and every line.
import type { Line } from '../input/lines.js';
import { fieldValue, type DescribeBlock } from '../parse/describe.js';
import { int, isObj, obj, str } from '../parse/objects.js';
import { ref, type Collected, type ObjectMessage, type RawEvent } from './collected.js';
import type { EventFact } from './schema.js';

// kubectl ≥1.35 prefixes the involved field path: `spec.containers{app}: Back-off restarting …`.
const FIELD_PATH_PREFIX = /^spec\.(?:initContainers|containers|ephemeralContainers)\{[^{}\s]{1,253}\}: /;

/** The Events table of a describe block; the object is the block's Name. */
export function eventsFromDescribe(block: DescribeBlock, c: Collected): void {
  const name = fieldValue(block, 'Name')?.value ?? null;
  for (const e of block.events) {
    const message = e.message.replace(FIELD_PATH_PREFIX, '');
    c.events.push({
      type: e.type,
      reason: e.reason,
      from: e.from,
      message,
      object: name,
      count: e.count,
      lines: e.lines,
    });
  }
}

/** A row of a `kubectl get events` or `kubectl events` table (any version's columns). */
export function eventFromRow(cells: Readonly<Record<string, string>>, line: Line, c: Pick<Collected, 'events'>): void {
  // OBJECT (`pod/x`, `Pod/x` from `kubectl events`); ≤1.11 tables had KIND + NAME (the involved object).
  const kind = cells['KIND'];
  const object =
    cells['OBJECT'] ??
    (kind && cells['NAME'] ? `${kind}/${cells['NAME']}` : null) ??
    cells['SUBOBJECT'] ??
    cells['NAME'] ??
    null;
  // COUNT column (wide, legacy), else `2m (x4 over 12m)` in LAST SEEN (`kubectl events`).
  const times = /\(x(\d+) over /.exec(cells['LAST SEEN'] ?? cells['LASTSEEN'] ?? '');
  const count = Number(cells['COUNT'] ?? times?.[1] ?? '1');
  c.events.push({
    type: cells['TYPE'] ?? '',
    reason: cells['REASON'] ?? '',
    from: cells['SOURCE'] ?? cells['FROM'] ?? '',
    message: cells['MESSAGE'] ?? '',
    object,
    count: Number.isFinite(count) && count > 0 ? count : 1,
    lines: [line],
  });
}

/**
 * A core/v1 or events.k8s.io/v1 Event object (regarding, note, series, deprecated* fields). Returns its message at
 * the message's line, true when the event has no message, null when the object is no event.
 */
export function eventFromObject(
  e: Record<string, unknown>,
  line: (key: string) => Line,
  c: Collected,
): ObjectMessage | true | null {
  const message = str(e, 'message') ?? str(e, 'note') ?? '';
  const reason = str(e, 'reason') ?? '';
  if (reason === '' && message === '') return null;
  const target = isObj(e['involvedObject']) ? e['involvedObject'] : obj(e, 'regarding');
  const name = str(target, 'name');
  const from =
    str(obj(e, 'source'), 'component') ||
    str(e, 'reportingComponent') ||
    str(e, 'reportingController') ||
    str(obj(e, 'deprecatedSource'), 'component') ||
    '';
  const count = int(obj(e, 'series'), 'count') ?? int(e, 'count') ?? int(e, 'deprecatedCount') ?? 1;
  const at = line(e['message'] !== undefined ? 'message' : e['note'] !== undefined ? 'note' : 'reason');
  c.events.push({
    type: str(e, 'type') ?? '',
    reason,
    from,
    message,
    object: name === null ? null : `${str(target, 'kind') ?? ''}/${name}`,
    count: count > 0 ? count : 1,
    lines: [at],
  });
  return message === '' ? true : { text: message, line: at };
}

// `kubectl get events` rows without their header (`10m  Normal  Pulled  pod/x  Successfully pulled …`), as pasted.
const HEADERLESS_EVENT =
  /^(?:[a-z0-9][-a-z0-9.]{0,62}\s+)?(?:\d{1,5}[smhdy](?:\d{1,5}[smhdy])?|<unknown>|<invalid>)(?: \(x(\d{1,9}) over \S{1,20}\))?\s+(Normal|Warning)\s+([A-Z][A-Za-z]{1,80})\s+([A-Za-z][\w.-]{0,80}\/\S{1,253})\s+(\S[^]*)$/;

// describe Events rows without their header: `Normal  Scheduled  50s  fargate-scheduler  Successfully assigned …`.
const HEADERLESS_DESCRIBE_EVENT =
  /^\s{0,4}(Normal|Warning)\s+([A-Z][A-Za-z]{1,80})\s+(?:\d{1,5}[smhdy](?:\d{1,5}[smhdy])?|<unknown>|<invalid>)(?: \(x(\d{1,9}) over \S{1,20}\))?\s+([\w.-]{1,120}(?:, [\w.-]{1,253})?)\s+(\S[^]*)$/;

/** A describe Events row pasted without its table; true when the line is one. */
export function headerlessDescribeEvent(l: Line, c: Pick<Collected, 'events'>): boolean {
  const d = HEADERLESS_DESCRIBE_EVENT.exec(l.text);
  if (!d?.[1] || !d[2] || !d[4] || !d[5]) return false;
  c.events.push({
    type: d[1],
    reason: d[2],
    from: d[4],
    message: d[5].trim(),
    object: null,
    count: d[3] ? Number(d[3]) : 1,
    lines: [l],
  });
  return true;
}

/** A `kubectl get events` row pasted without its header; true when the line is one. */
export function headerlessEvent(l: Line, c: Pick<Collected, 'events'>): boolean {
  const m = HEADERLESS_EVENT.exec(l.text);
  if (!m?.[2] || !m[3] || !m[4] || !m[5]) return false;
  c.events.push({
    type: m[2],
    reason: m[3],
    from: '',
    message: m[5].trim(),
    object: m[4],
    count: m[1] ? Number(m[1]) : 1,
    lines: [l],
  });
  return true;
}

/** Events aggregated by type, reason, object and message (plain data: a stream's state is copied whole). */
export type EventAggregate = Map<string, EventFact>;

/**
 * Adds events to an aggregate: counts add up, lines are kept in order (`cite` gets each line kept among the first
 * three of its event: the ones evidence shows). With `maxLines` (a stream's limit), an event keeps at most that many
 * line numbers and moves to the end of the aggregate when seen again, so the least recently seen come first.
 */
export function addEvents(
  agg: EventAggregate,
  raw: readonly RawEvent[],
  cite: (line: Line) => void,
  maxLines?: number,
): void {
  for (const e of raw) {
    const first = e.lines[0];
    if (!first) continue;
    const key = `${e.type}\u0000${e.reason}\u0000${e.object ?? ''}\u0000${e.message}`;
    let fact = agg.get(key);
    if (fact) {
      fact.count += e.count;
      if (maxLines !== undefined) {
        agg.delete(key);
        agg.set(key, fact);
      }
    } else {
      fact = Object.assign(
        { type: e.type, reason: e.reason, from: e.from, message: e.message, object: e.object, count: e.count },
        ref(first),
        { lines: [] as number[] },
      );
      agg.set(key, fact);
    }
    for (const l of e.lines) {
      if (fact.lines.length < 3) cite(l);
      if (maxLines === undefined || fact.lines.length < maxLines) fact.lines.push(l.no);
    }
  }
}
