// Error messages on any line of any section, and in messages read whole from objects: catalogued signatures
// (signals), RBAC denials (forbidden) and scheduler fit errors (scheduling).
import type { Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { parseForbidden } from '../parse/forbidden.js';
import { normaliseMessage } from '../parse/normalize.js';
import { parseFitError } from '../parse/scheduler.js';
import { matchSignatures } from '../parse/signatures.js';
import { ref, type Collected, type ObjectMessage } from './collected.js';
import type { EventLines } from './objects.js';
import type { SchedulingFact, Signal } from './schema.js';

// In objects a message may be folded over lines (YAML): fit errors are read from the objects' messages instead.
const OBJECT_KINDS: ReadonlySet<string> = new Set(['object-json', 'object-yaml', 'events-json']);

/**
 * Searches every line of a section; lines inside a JSON event are searched through the event's message, read whole
 * and unescaped, at the message's line (`events`). Returns whether a signature or denial was found, and whether a
 * fit error was.
 */
export function searchLines(
  section: Section,
  events: EventLines | null,
  c: Collected,
): { explained: boolean; fit: boolean } {
  const fitLines = !OBJECT_KINDS.has(section.kind);
  let explained = false;
  let fit = false;
  for (let i = 0; i < section.lines.length; i++) {
    const line = section.lines[i] as Line;
    if (line.text === '') continue;
    // Inside an event its message line stands for it, every other line (names, ids, times) is skipped.
    const inside = events === null ? 0 : events.inside[i];
    if (inside === 1) continue;
    const text = inside === 2 ? (events?.messages.get(i)?.text ?? line.text) : line.text;
    const msg = normaliseMessage(clip(c, line, text));
    if (searchMessage(msg, line, c)) explained = true;
    if ((fitLines || inside === 2) && readFitError(msg, line, c)) fit = true;
  }
  return { explained, fit };
}

/**
 * Searches messages read whole from the objects of a section, skipping a signature already found at the same line
 * (`from`: index of the section's first signal).
 */
export function searchObjectMessages(messages: readonly ObjectMessage[], from: number, c: Collected): void {
  const key = (id: string, l: { line: number; source?: string | undefined }): string =>
    `${id}\u0000${l.source ?? ''}\u0000${l.line}`;
  const seen = new Set<string>();
  for (let k = from; k < c.signals.length; k++) seen.add(key((c.signals[k] as Signal).id, c.signals[k] as Signal));
  for (const m of messages) {
    const msg = normaliseMessage(clip(c, m.line, m.text));
    for (const hit of matchSignatures(c.matcher, msg)) {
      const signal = Object.assign({ id: hit.id }, ref(m.line), { groups: hit.groups });
      if (seen.has(key(hit.id, signal))) continue;
      seen.add(key(hit.id, signal));
      c.signals.push(signal);
    }
    readFitError(msg, m.line, c);
  }
}

/** Signals and a denial in one message; true when any was found. */
function searchMessage(msg: string, line: Line, c: Collected): boolean {
  let found = false;
  for (const hit of matchSignatures(c.matcher, msg)) {
    c.signals.push(Object.assign({ id: hit.id }, ref(line), { groups: hit.groups }));
    found = true;
  }
  const f = parseForbidden(msg);
  if (f) {
    found = true;
    c.forbidden.push(
      Object.assign(ref(line), {
        username: f.username,
        subjectKind: f.subject.kind,
        subjectName: f.subject.kind === 'Anonymous' ? f.username : f.subject.name,
        subjectNamespace: f.subject.kind === 'ServiceAccount' ? f.subject.namespace : null,
        verb: f.verb,
        resource: f.resource,
        subresource: f.subresource,
        apiGroup: f.apiGroup,
        namespace: f.namespace,
        clusterScope: f.clusterScope,
        path: f.path,
        objectName: f.objectName,
        reason: f.reason,
        missingRoles: f.missingRoles,
        legacy: f.legacy,
      }),
    );
  }
  return found;
}

function readFitError(msg: string, line: Line, c: Collected): boolean {
  if (!msg.includes('nodes are available') && !msg.includes('no nodes available to schedule pods')) return false;
  const fit = parseFitError(msg);
  if (!fit) return false;
  const notReady = Math.max(
    0,
    ...fit.items.filter((i) => i.nodeState === 'not-ready' || i.nodeState === 'unreachable').map((i) => i.count),
  );
  const outOfDisk = Math.max(0, ...fit.items.filter((i) => i.nodeState === 'out-of-disk').map((i) => i.count));
  const fact: SchedulingFact = Object.assign(ref(line), {
    total: fit.total,
    items: fit.items.map((i) => ({ count: i.count, reason: i.reason, nodeState: i.nodeState })),
    preFilter: fit.preFilter,
    noNodes: fit.noNodes,
    legacy: fit.legacy,
    notReadyNodes: notReady,
    allNodesNotReady: fit.total > 0 && notReady >= fit.total,
    outOfDiskNodes: outOfDisk,
  });
  c.scheduling.push(fact);
  return true;
}

/** The text searched for a line: all of it, or its first maxLineChars (the line is then reported once per input). */
function clip(c: Collected, line: Line, text: string): string {
  if (text.length <= c.maxLineChars) return text;
  const seen = c.longLines.get(line.source ?? '');
  if (seen) seen.count++;
  else c.longLines.set(line.source ?? '', { first: line, length: text.length, count: 1 });
  return text.slice(0, c.maxLineChars);
}

/** One issue per input that had lines over the limit. */
export function longLineIssues(c: Collected): void {
  const max = c.maxLineChars;
  for (const [source, { first, length, count }] of c.longLines) {
    c.issues.push({
      code: 'line_too_long',
      line: first.no,
      message: `line ${first.no} has ${length} characters, more than the limit of ${max} for searching error messages; only the first ${max} were searched${count > 1 ? ` (and so for ${count - 1} more line${count > 2 ? 's' : ''})` : ''}; JSON or YAML on a long line is still read whole`,
      ...(source === '' ? {} : { source }),
    });
  }
}
