// Error messages on any line of any section, and in messages read whole from objects: catalogued signatures
// (signals), RBAC denials (forbidden) and scheduler fit errors (scheduling).
import { t } from '../i18n/t.js';
import type { Line } from '../input/lines.js';
import { continuationEnd, joinLines, mayGoOn } from '../input/travel.js';
import type { Section } from '../input/split.js';
import { parseForbidden } from '../parse/forbidden.js';
import { normaliseMessage } from '../parse/normalize.js';
import { parseFitError } from '../parse/scheduler.js';
import { matchSignatures, type SignatureHit } from '../parse/signatures.js';
import { ref, type Collected, type ObjectMessage } from './collected.js';
import type { EventLines } from './objects.js';
import type { SchedulingFact, Signal } from './schema.js';

// In objects a message may be folded over lines (YAML): fit errors are read from the objects' messages instead.
const OBJECT_KINDS: ReadonlySet<string> = new Set(['object-json', 'object-yaml', 'events-json']);

/** What the search of a section's lines found: a signature or denial (explained), a scheduler fit error (fit). */
export interface Found {
  explained: boolean;
  fit: boolean;
}

/**
 * Searches every line of a section; lines inside a JSON event are searched through the event's message, read whole
 * and unescaped, at the message's line (`events`). A message wrapped over several lines is also searched whole: its
 * denial and fit error come from the whole, and the signatures its lines do not hold alone (a phrase the wrap broke)
 * are added. Returns whether a signature or denial was found, and whether a fit error was.
 */
export function searchLines(section: Section, events: EventLines | null, c: Collected): Found {
  const found: Found = { explained: false, fit: false };
  searchRange(section.lines, !OBJECT_KINDS.has(section.kind), events, events === null, c, 0, true, found);
  return found;
}

/**
 * Searches lines[from…] of a section as searchLines does (`fitLines`: whether fit errors are read from the lines;
 * `join`: whether a message wrapped over lines is read whole, as it is in text but not in JSON with events), adding
 * to `found`. Returns the index of the first line not searched: unless `final` (the section's last line is among
 * `lines`), a line whose message may be wrapped onto lines not given yet waits for them.
 */
export function searchRange(
  lines: readonly Line[],
  fitLines: boolean,
  events: EventLines | null,
  join: boolean,
  c: Collected,
  from: number,
  final: boolean,
  found: Found,
): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.text === '') continue;
    // Inside an event its message line stands for it, every other line (names, ids, times) is skipped.
    const inside = events === null ? 0 : events.inside[i];
    if (inside === 1) continue;
    const last = join && inside === 0 ? continuationEnd(lines, i) : i;
    if (!final && join && mayGoOn(lines, i, last)) return i;
    if (last === i) {
      const msg = normaliseMessage(
        clip(c, line, inside === 2 ? (events?.messages.get(i)?.text ?? line.text) : line.text),
      );
      const matched = matchSignatures(c.matcher, msg);
      const denial = pushForbidden(msg, line, c);
      const fitError = (fitLines || inside === 2) && readFitError(msg, line, c);
      const signals = matched.length > 0 && pushSignals(located(matched, line), denial || fitError, c);
      if (signals || denial) found.explained = true;
      if (fitError) found.fit = true;
      continue;
    }
    const whole = wrapped(lines, i, last, c);
    let denial = pushForbidden(whole.msg, whole.opening(FORBIDDEN_WORDS), c);
    const wholeFit = fitLines && readFitError(whole.msg, whole.opening(FIT_WORDS), c);
    let fitError = wholeFit;
    const hits: Located[] = [];
    for (let k = i; k <= last; k++) {
      const part = lines[k] as Line;
      const msg = normaliseMessage(clip(c, part, part.text));
      hits.push(...located(matchSignatures(c.matcher, msg), part));
      if (!denial && pushForbidden(msg, part, c)) denial = true;
      if (fitLines && !wholeFit && readFitError(msg, part, c)) fitError = true;
    }
    const ids = new Set(hits.map((h) => h.hit.id));
    for (const hit of matchSignatures(c.matcher, whole.msg))
      if (!ids.has(hit.id)) hits.push({ hit, line: whole.lineAt(hit.at) });
    if (pushSignals(hits, denial || fitError, c) || denial) found.explained = true;
    if (fitError) found.fit = true;
    i = last;
  }
  return lines.length;
}

/** A signature hit and the input line it is placed on. */
interface Located {
  hit: SignatureHit;
  line: Line;
}

function located(hits: readonly SignatureHit[], line: Line): Located[] {
  return hits.map((hit) => ({ hit, line }));
}

/**
 * Adds the signals of one message (a line, or the lines a wrapped message spans). A family signal is kept only when
 * nothing else explains the message: no cause signature, and no denial or fit error (`explained`). Returns whether a
 * signal was added.
 */
function pushSignals(hits: readonly Located[], explained: boolean, c: Collected): boolean {
  const specific = explained || hits.some((h) => h.hit.role === 'cause');
  let any = false;
  for (const { hit, line } of hits) {
    if (hit.role === 'family' && specific) continue;
    c.signals.push(Object.assign({ id: hit.id }, ref(line), { groups: hit.groups }));
    any = true;
  }
  return any;
}

/**
 * lines[i..last] read as the one message they wrap: its normalised text, the line an offset in it falls on, and the
 * first line holding one of some words (where a denial or fit error opens).
 */
function wrapped(
  lines: readonly Line[],
  i: number,
  last: number,
  c: Collected,
): { msg: string; lineAt: (at: number) => Line; opening: (words: readonly string[]) => Line } {
  const { text, starts } = joinLines(lines, i, last);
  // Its lines are clipped (and reported when too long) one by one.
  const msg = normaliseMessage(text.length > c.maxLineChars ? text.slice(0, c.maxLineChars) : text);
  // Normalising removes a prefix (a log header) or unquotes: offsets map back only in the first case.
  const shift = text.endsWith(msg) ? text.length - msg.length : null;
  return {
    msg,
    lineAt: (at) => {
      let k = 0;
      if (shift !== null) while (k + 1 < starts.length && (starts[k + 1] as number) <= at + shift) k++;
      return lines[i + k] as Line;
    },
    opening: (words) => {
      for (let k = i; k <= last; k++)
        if (words.some((w) => (lines[k] as Line).text.includes(w))) return lines[k] as Line;
      return lines[i] as Line;
    },
  };
}

const FORBIDDEN_WORDS = ['is forbidden', 'User "', 'User \\"'];
const FIT_WORDS = ['nodes are available', 'no nodes available', 'fit failure summary'];

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
    const fitError = readFitError(msg, m.line, c);
    const hits = matchSignatures(c.matcher, msg);
    // A denial in an object's message was found on its line already (searchLines); so may a cause signature be.
    const explained = fitError || parseForbidden(msg) !== null || hits.some((h) => h.role === 'cause');
    const fresh = hits.filter((hit) => {
      const k = key(hit.id, Object.assign(ref(m.line), { id: hit.id }));
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    pushSignals(located(fresh, m.line), explained, c);
  }
}

/** The denial in one message, if any, as a fact at `line`. */
function pushForbidden(msg: string, line: Line, c: Collected): boolean {
  const f = parseForbidden(msg);
  if (!f) return false;
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
  return true;
}

function readFitError(msg: string, line: Line, c: Collected): boolean {
  if (!FIT_WORDS.some((w) => msg.includes(w))) return false;
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
      message:
        count > 1
          ? t(c.lang, 'issue.line_too_long_more', { line: first.no, length, max, others: count - 1 })
          : t(c.lang, 'issue.line_too_long', { line: first.no, length, max }),
      ...(source === '' ? {} : { source }),
    });
  }
}
