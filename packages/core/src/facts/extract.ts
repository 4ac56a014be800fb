import type { Line } from '../input/lines.js';
import { sectionText, type Section } from '../input/split.js';
import type { Issue } from '../report.js';
import { canonicalArn, parseArn, sameArn } from '../aws/arn.js';
import { parseAwsAuth, type AwsAuth } from '../parse/aws-auth.js';
import { fieldValue, parseDescribe, type DescribeBlock } from '../parse/describe.js';
import { parseForbidden } from '../parse/forbidden.js';
import { normaliseMessage } from '../parse/normalize.js';
import { parseFitError } from '../parse/scheduler.js';
import { matchSignatures, newSignatureMatcher } from '../parse/signatures.js';
import { parseTable } from '../parse/table.js';
import {
  callerIdentityFromText,
  collectCanI,
  collectHeaderlessEvents,
  collectObjects,
  collectWhoami,
  elisionIssues,
  newSink,
  nodeDetailsFromDescribe,
  podConditionsFromDescribe,
  workloadConditionsFromDescribe,
  type MoreRawEvent,
} from './more.js';
import type {
  AwsAuthFact,
  ContainerFact,
  FitItemFact,
  CallerIdentityFact,
  Derived,
  EventFact,
  Facts,
  ForbiddenFact,
  NodeFact,
  PodFact,
  SchedulingFact,
  Signal,
} from './schema.js';

type RawEvent = MoreRawEvent;

const OBJECT_SECTION_KINDS: ReadonlySet<string> = new Set(['object-json', 'object-yaml', 'events-json']);
const OBJECT_READ_KINDS: ReadonlySet<string> = new Set([
  'events-json',
  'object-json',
  'object-yaml',
  'describe-cluster-json',
  'access-entries-json',
]);

const ref = (l: Line): { line: number; source?: string } =>
  l.source === undefined ? { line: l.no } : { line: l.no, source: l.source };
// Facts are built as `Object.assign(ref(line), { … })`, not `{ ...ref(line), … }`: same keys in the same order, but on
// Node 20 a literal that starts with a spread and goes on with named keys costs ~9 µs per object (measured: 200k
// conditions 1.8 s against 65 ms), which dominated describe dumps with tens of thousands of facts.

/** Options of {@link extractFacts}. */
export interface ExtractOptions {
  /**
   * Longest line searched for error messages, in characters (default 1 MiB): a longer line is searched in its first
   * `maxLineChars` only, with a `line_too_long` issue. JSON and YAML on such a line are still read whole.
   */
  maxLineChars?: number;
}

/** Default of {@link ExtractOptions.maxLineChars}. */
export const DEFAULT_MAX_LINE_CHARS = 1024 * 1024;

/** Builds the facts of one input from its sections, collecting parse problems as issues. */
export function extractFacts(sections: readonly Section[], issues: Issue[], options: ExtractOptions = {}): Facts {
  const maxLine = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  // Lines over the limit, per input (source): how many, and the first.
  const longLines = new Map<string, { first: Line; length: number; count: number }>();
  const clip = (line: Line, text: string): string => {
    if (text.length <= maxLine) return text;
    const seen = longLines.get(line.source ?? '');
    if (seen) seen.count++;
    else longLines.set(line.source ?? '', { first: line, length: text.length, count: 1 });
    return text.slice(0, maxLine);
  };
  const signals: Signal[] = [];
  const forbidden: ForbiddenFact[] = [];
  const scheduling: SchedulingFact[] = [];
  const pods: PodFact[] = [];
  const containers: ContainerFact[] = [];
  const nodes: NodeFact[] = [];
  const rawEvents: RawEvent[] = [];
  const awsAuths: AwsAuthFact[] = [];
  let callerIdentity: CallerIdentityFact | null = null;
  const more = newSink();
  const nodeListEmpty = emptyNodeList(sections);
  const matcher = newSignatureMatcher();
  for (const section of sections) {
    let recognised = section.kind !== 'log-lines';
    // Objects are read first: in JSON that parses, the lines inside an event are searched through its message.
    const objects = OBJECT_READ_KINDS.has(section.kind) ? collectObjects(section, more, issues) : null;
    const inside = objects?.events?.inside;
    // In JSON/YAML objects a message may be folded over lines: those are read whole from the objects (below).
    const fitLines = !OBJECT_SECTION_KINDS.has(section.kind);
    // The message searched for line i; null for a blank line or one inside an event whose message is elsewhere.
    const messageAt = (i: number): string | null => {
      const line = section.lines[i] as Line;
      if (line.text === '') return null;
      const flag = inside?.[i];
      if (flag === undefined || flag === 0) return normaliseMessage(clip(line, line.text));
      // Inside an event, not its message line: no Map lookup for each of those (nearly every line of an event list).
      if (flag === 1) return null;
      // The message whole and unescaped, where the line would give `\"`-escaped captures ending in `",`.
      const m = objects?.events?.messages.get(i);
      if (!m) return null;
      m.searched = true;
      return normaliseMessage(clip(line, m.text));
    };
    // Error signatures are searched in every section, whatever its kind.
    for (let i = 0; i < section.lines.length; i++) {
      const line = section.lines[i] as Line;
      const msg = messageAt(i);
      if (msg === null || msg === undefined) continue;
      for (const hit of matchSignatures(matcher, msg)) {
        // Built directly (same keys, same order as `{ id, ...ref(line), groups }`): no spread object per hit.
        signals.push(
          line.source === undefined
            ? { id: hit.id, line: line.no, groups: hit.groups }
            : { id: hit.id, line: line.no, source: line.source, groups: hit.groups },
        );
        recognised = true;
      }
      const f = parseForbidden(msg);
      if (f) {
        recognised = true;
        forbidden.push(
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
      if (fitLines && (msg.includes('nodes are available') || msg.includes('no nodes available to schedule pods'))) {
        const fit = parseFitError(msg);
        if (fit) {
          recognised = true;
          scheduling.push(toSchedulingFact(fit, line));
        }
      }
    }
    switch (section.kind) {
      case 'describe-pod':
      case 'describe-node':
      case 'describe-other':
      case 'describe-configmap': {
        const block = parseDescribe(section.lines);
        collectDescribeEvents(block, rawEvents);
        if (section.kind === 'describe-pod') {
          const pod = podFromDescribe(block, section.lines);
          if (pod) pods.push(pod);
          const cs = containersFromDescribe(block, pod?.name ?? null);
          containers.push(...cs);
          const main = cs.filter((c) => !c.init && c.restartCount !== null);
          if (pod && main.length > 0) pod.restarts = main.reduce((n, c) => n + (c.restartCount ?? 0), 0);
          if (pod) podConditionsFromDescribe(pod.name, section.lines, more.conditions);
        } else if (section.kind === 'describe-node') {
          const node = nodeFromDescribe(block, section.lines);
          // A fragment without its Name: line takes the name from `describe node <name>`.
          if (node?.name === '<unknown>')
            node.name = /\bdescribe\s+(?:no|nodes?)\s+([\w.-]{1,253})/.exec(section.command ?? '')?.[1] ?? node.name;
          if (node) nodes.push({ ...node, ...nodeDetailsFromDescribe(node.name, section.lines, more.conditions) });
        } else if (section.kind === 'describe-other') workloadConditionsFromDescribe(section.lines, more.conditions);
        break;
      }
      case 'aws-auth': {
        const a = parseAwsAuth(section.lines);
        awsAuths.push(toAwsAuthFact(a, section.lines));
        if (a.entries.length === 0 && !a.findings.some((f) => f.code !== 'aws_auth_no_node_role')) {
          issues.push({
            code: 'aws_auth_empty',
            line: section.lines[0]?.no ?? 0,
            message: 'an aws-auth ConfigMap was recognised but no mapping could be read from it',
            ...src(section),
          });
        }
        break;
      }
      case 'caller-identity-json': {
        const c = callerIdentityFrom(section);
        if (c) callerIdentity = c;
        else
          issues.push({
            code: 'json_unparsed',
            line: section.lines[0]?.no ?? 0,
            message: 'looks like `aws sts get-caller-identity` output but does not parse as JSON',
            ...src(section),
          });
        break;
      }
      case 'get-table': {
        collectTable(section, rawEvents, pods, nodes);
        break;
      }
      case 'can-i':
        collectCanI(section, more);
        break;
      case 'whoami':
        collectWhoami(section, more);
        break;
      default:
        break;
    }
    if (section.kind === 'log-lines' && collectHeaderlessEvents(section, more)) recognised = true;
    if (section.kind === 'log-lines' && callerIdentity === null) {
      const c = callerIdentityFromText(section.lines);
      if (c) {
        callerIdentity = c;
        recognised = true;
      }
    }
    elisionIssues(
      section,
      issues,
      OBJECT_READ_KINDS.has(section.kind) && section.kind !== 'object-yaml' ? sectionText(section.lines) : undefined,
    );
    if (
      (section.kind === 'kubectl-error' || section.kind === 'aws-cli-error') &&
      !sectionHasSignal(section, signals, forbidden)
    ) {
      issues.push({
        code: 'error_not_catalogued',
        line: section.lines[0]?.no ?? 0,
        message: `the error on line ${section.lines[0]?.no ?? 0} is not one this version has a signature for; no diagnosis is based on it`,
        ...src(section),
      });
    }
    if (!recognised && section.kind === 'log-lines') {
      issues.push({
        code: 'unrecognised_section',
        line: section.lines[0]?.no ?? 0,
        message: `lines ${section.lines[0]?.no ?? 0}–${section.lines[section.lines.length - 1]?.no ?? 0} are not a kubectl or AWS format this version reads; they were searched for known error messages and none was found`,
        ...src(section),
      });
    }
  }

  // Messages read whole from objects may repeat a line's signal: dedupe with a set (a scan per hit is quadratic).
  const seenSignal = new Set(signals.map((s) => `${s.id}\u0000${s.source ?? ''}\u0000${s.line}`));
  for (let k = 0; k < more.messages.length; k++) {
    const m = more.messages[k] as (typeof more.messages)[number];
    const msg = normaliseMessage(clip(m.line, m.text));
    for (const hit of m.searched ? [] : matchSignatures(matcher, msg)) {
      const key = `${hit.id}\u0000${m.line.source ?? ''}\u0000${m.line.no}`;
      if (seenSignal.has(key)) continue;
      seenSignal.add(key);
      signals.push(Object.assign({ id: hit.id }, ref(m.line), { groups: hit.groups }));
    }
    if (msg.includes('nodes are available') || msg.includes('no nodes available to schedule pods')) {
      const fit = parseFitError(msg);
      if (fit) scheduling.push(toSchedulingFact(fit, m.line));
    }
  }
  for (const [source, { first, length, count }] of longLines) {
    issues.push({
      code: 'line_too_long',
      line: first.no,
      message: `line ${first.no} has ${length} characters, more than the limit of ${maxLine} for searching error messages; only the first ${maxLine} were searched${count > 1 ? ` (and so for ${count - 1} more line${count > 2 ? 's' : ''})` : ''}; JSON or YAML on a long line is still read whole`,
      ...(source === '' ? {} : { source }),
    });
  }
  // Loops, not push(...spread): object lists from a large `-o json` exceed the argument limit of a call.
  for (const x of more.pods) pods.push(x);
  for (const x of more.containers) containers.push(x);
  for (const x of more.nodes) nodes.push(x);
  for (const x of more.events) rawEvents.push(x);
  if (callerIdentity === null) callerIdentity = more.callerIdentity;
  const cluster = more.clusters.find((c) => c.authMode !== null) ?? more.clusters[0] ?? null;
  const events = aggregateEvents(rawEvents);
  // Scheduler messages inside events were already collected line by line; keep one fact per line.
  const awsAuth = awsAuths.find((a) => a.wellFormed) ?? awsAuths[0] ?? null;
  const derived: Derived = {
    ...derive({ signals, forbidden, scheduling, pods, nodes, awsAuth, callerIdentity }),
    nodeListEmpty,
  };
  const sched = dedupeByLine(scheduling);
  const fitItems: FitItemFact[] = sched.flatMap((f) => {
    const most = Math.max(0, ...f.items.map((i) => i.count));
    return f.items.map((i) =>
      Object.assign(f.source === undefined ? { line: f.line } : { line: f.line, source: f.source }, {
        reason: i.reason,
        count: i.count,
        total: f.total,
        allNodes: f.total > 0 && i.count >= f.total,
        largest: i.count >= most,
        nodeState: i.nodeState,
      }),
    );
  });
  const authMode = cluster?.authMode;
  if (authMode === 'API' || authMode === 'API_AND_CONFIG_MAP' || authMode === 'CONFIG_MAP')
    derived.clusterAuthMode = authMode;
  return {
    signals,
    forbidden,
    events,
    scheduling: sched,
    fitItems,
    pods,
    containers,
    nodes,
    awsAuth,
    callerIdentity,
    conditions: more.conditions,
    roles: more.roles,
    bindings: more.bindings,
    accessEntries: more.accessEntries,
    cluster,
    authChecks: more.authChecks,
    authRules: more.authRules,
    whoami: more.whoami,
    derived,
  };
}

/** Whether any line of the section produced a signal or a denial (linear: checks the facts' lines once). */
function sectionHasSignal(section: Section, signals: readonly Signal[], forbidden: readonly ForbiddenFact[]): boolean {
  const first = section.lines[0];
  const last = section.lines[section.lines.length - 1];
  if (!first || !last) return false;
  const inSection = (x: { line: number; source?: string | undefined }): boolean =>
    x.source === first.source && x.line >= first.no && x.line <= last.no;
  for (let i = signals.length - 1; i >= 0; i--) {
    const s = signals[i];
    if (s && inSection(s)) return true;
    // Signals are appended section by section: once one from before this section shows up, stop.
    if (s && (s.source !== first.source || s.line < first.no)) break;
  }
  for (let i = forbidden.length - 1; i >= 0; i--) {
    const f = forbidden[i];
    if (f && inSection(f)) return true;
    if (f && (f.source !== first.source || f.line < first.no)) break;
  }
  return false;
}

function src(section: Section): { source?: string } {
  const s = section.lines[0]?.source;
  return s === undefined ? {} : { source: s };
}

function toSchedulingFact(fit: ReturnType<typeof parseFitError> & object, line: Line): SchedulingFact {
  const notReady = Math.max(
    0,
    ...fit.items.filter((i) => i.nodeState === 'not-ready' || i.nodeState === 'unreachable').map((i) => i.count),
  );
  const outOfDisk = Math.max(0, ...fit.items.filter((i) => i.nodeState === 'out-of-disk').map((i) => i.count));
  return Object.assign(ref(line), {
    total: fit.total,
    items: fit.items.map((i) => ({ count: i.count, reason: i.reason, nodeState: i.nodeState })),
    preFilter: fit.preFilter,
    noNodes: fit.noNodes,
    legacy: fit.legacy,
    notReadyNodes: notReady,
    allNodesNotReady: fit.total > 0 && notReady >= fit.total,
    outOfDiskNodes: outOfDisk,
  });
}

function dedupeByLine<T extends { line: number; source?: string | undefined }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.source ?? ''}:${x.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const FIELD_PATH_PREFIX = /^spec\.(?:initContainers|containers|ephemeralContainers)\{[^{}\s]{1,253}\}: /;

function collectDescribeEvents(block: DescribeBlock, out: RawEvent[]): void {
  const name = fieldValue(block, 'Name')?.value ?? null;
  for (const e of block.events) {
    // kubectl ≥1.35 prefixes the involved field path: `spec.containers{app}: Back-off restarting …`.
    const message = e.message.replace(FIELD_PATH_PREFIX, '');
    out.push({ type: e.type, reason: e.reason, from: e.from, message, object: name, count: e.count, lines: e.lines });
  }
}

function podFromDescribe(block: DescribeBlock, lines: readonly Line[]): PodFact | null {
  const name = fieldValue(block, 'Name');
  const first = name?.line ?? lines[0];
  if (!first) return null;
  const node = fieldValue(block, 'Node')?.value ?? null;
  return Object.assign(ref(first), {
    name: name?.value ?? '<unknown>',
    namespace: fieldValue(block, 'Namespace')?.value ?? null,
    phase: (fieldValue(block, 'Status')?.value ?? '').split(/\s/)[0] || null,
    // `Node: ip-192-168-12-34.us-west-2.compute.internal/192.168.12.34` — the node name, without its IP.
    node: node === null || node === '<none>' || node === '' ? null : node.replace(/\/[\d.:a-fA-F]+$/, ''),
    controlledBy: fieldValue(block, 'Controlled By')?.value ?? null,
    serviceAccount: fieldValue(block, 'Service Account')?.value ?? null,
    ready: null,
    restarts: null,
  });
}

/** Containers of a describe pod block, from the indented fields (names at 2 spaces, keys at 4, state details at 6). */
function containersFromDescribe(block: DescribeBlock, pod: string | null): ContainerFact[] {
  const out: ContainerFact[] = [];
  let mode: 'init' | 'main' | null = null;
  let cur: ContainerFact | null = null;
  let sub: 'state' | 'last' | null = null;
  for (const f of block.fields) {
    if (f.indent === 0) {
      mode = f.key === 'Containers' ? 'main' : f.key === 'Init Containers' ? 'init' : null;
      cur = null;
      continue;
    }
    if (mode === null) continue;
    if (f.indent === 2 && f.value === '') {
      cur = Object.assign(ref(f.line), {
        pod,
        name: f.key,
        init: mode === 'init',
        image: null,
        state: null,
        stateReason: null,
        exitCode: null,
        lastState: null,
        lastReason: null,
        lastExitCode: null,
        restartCount: null,
      });
      out.push(cur);
      sub = null;
      continue;
    }
    if (!cur) continue;
    if (f.indent === 4) {
      sub = null;
      if (f.key === 'Image') cur.image = f.value;
      else if (f.key === 'State') {
        cur.state = f.value || null;
        sub = 'state';
      } else if (f.key === 'Last State') {
        cur.lastState = f.value || null;
        sub = 'last';
      } else if (f.key === 'Restart Count') cur.restartCount = Number.parseInt(f.value, 10) || 0;
    } else if (f.indent >= 6 && sub !== null) {
      if (f.key === 'Reason') {
        if (sub === 'state') cur.stateReason = f.value;
        else cur.lastReason = f.value;
      } else if (f.key === 'Exit Code') {
        const n = Number.parseInt(f.value, 10);
        if (sub === 'state') cur.exitCode = Number.isFinite(n) ? n : null;
        else cur.lastExitCode = Number.isFinite(n) ? n : null;
      }
    }
  }
  return out;
}

function nodeFromDescribe(block: DescribeBlock, lines: readonly Line[]): NodeFact | null {
  const name = fieldValue(block, 'Name');
  const first = name?.line ?? lines[0];
  if (!first) return null;
  let ready: NodeFact['ready'] = null;
  let readyReason: string | null = null;
  let readyMessage: string | null = null;
  let readyLine: number | null = null;
  const taints: string[] = [];
  let inTaints = false;
  for (const l of lines) {
    const t = l.text;
    const row = /^\s*Ready\s+(True|False|Unknown)\s+([^]*)$/.exec(t); // [^]*: `\s+(.*)$` is quadratic when a U+2028 follows blanks
    if (row?.[1]) {
      ready = row[1] as 'True' | 'False' | 'Unknown';
      readyLine = l.no;
      const rest = row[2] ?? '';
      // `(?<![A-Za-z])` and `[^]*`: starting inside a word made this quadratic on a long word (ReDoS); `.` stops at U+2028.
      const rm = /(?<![A-Za-z])([A-Z][A-Za-z]+)\s+([^]*)$/.exec(
        rest.replace(/^(?:\S+, \d{2} \S+ \d{4} \S+ [+-]\d{4}\s+){0,2}/, ''),
      );
      readyReason = rm?.[1] ?? null;
      readyMessage = rm?.[2] ?? null;
    }
    const tm = /^Taints:\s+(\S+)/.exec(t);
    if (tm?.[1]) {
      inTaints = true;
      if (tm[1] !== '<none>') taints.push(tm[1]);
      continue;
    }
    if (inTaints && /^\s+(\S+:(?:NoSchedule|PreferNoSchedule|NoExecute))\s*$/.test(t)) taints.push(t.trim());
    else inTaints = false;
  }
  return Object.assign(ref(first), {
    name: name?.value ?? '<unknown>',
    ready,
    readyReason,
    readyMessage,
    readyLine,
    taints,
    allocatablePods: null,
    nonTerminatedPods: null,
    unschedulable: null,
  });
}

function toAwsAuthFact(a: AwsAuth, lines: readonly Line[]): AwsAuthFact {
  const first = lines[0];
  const last = lines[lines.length - 1];
  const r = (l: Line | null): { line: number; source?: string } => (l ? ref(l) : first ? ref(first) : { line: 0 });
  return {
    ...r(first ?? null),
    format: a.format,
    wellFormed: a.wellFormed,
    entries: a.entries.map((e) => ({ ...r(e.line), kind: e.kind, arn: e.arn, username: e.username, groups: e.groups })),
    accounts: a.accounts,
    findings: a.findings.map((f) => ({
      ...r(f.line),
      code: f.code,
      message: f.message,
      ...(f.arn === undefined ? {} : { arn: f.arn }),
    })),
    data: a.data,
    name: a.name,
    namespace: a.namespace,
    endLine: last?.no ?? 0,
  };
}

function tryJson(section: Section): unknown {
  try {
    return JSON.parse(section.lines.map((l) => l.text).join('\n')) as unknown;
  } catch {
    return undefined;
  }
}

function callerIdentityFrom(section: Section): CallerIdentityFact | null {
  const v = tryJson(section);
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const arn = typeof o['Arn'] === 'string' ? o['Arn'] : null;
  if (arn === null) return null;
  const line = section.lines.find((l) => l.text.includes('"Arn"')) ?? section.lines[0];
  if (!line) return null;
  const info = parseArn(arn);
  return Object.assign(ref(line), {
    arn,
    account: typeof o['Account'] === 'string' ? o['Account'] : (info?.account ?? ''),
    userId: typeof o['UserId'] === 'string' ? o['UserId'] : null,
    canonicalArn: canonicalArn(arn),
    type: info?.type ?? 'other',
  });
}

function collectTable(section: Section, events: RawEvent[], pods: PodFact[], nodes: NodeFact[]): void {
  const table = parseTable(section.lines);
  const cols = new Set(table.columns);
  if (cols.has('REASON') && cols.has('MESSAGE')) {
    for (const { cells, line } of table.rows) {
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
      events.push({
        type: cells['TYPE'] ?? '',
        reason: cells['REASON'] ?? '',
        from: cells['SOURCE'] ?? cells['FROM'] ?? '',
        message: cells['MESSAGE'] ?? '',
        object,
        count: Number.isFinite(count) && count > 0 ? count : 1,
        lines: [line],
      });
    }
  } else if (cols.has('READY') && cols.has('STATUS') && cols.has('RESTARTS')) {
    for (const { cells, line } of table.rows) {
      const restarts = /^(\d+)/.exec(cells['RESTARTS'] ?? '');
      pods.push(
        Object.assign(ref(line), {
          name: cells['NAME'] ?? '',
          namespace: cells['NAMESPACE'] ?? null,
          phase: cells['STATUS'] ?? null,
          node: cells['NODE'] && cells['NODE'] !== '<none>' ? cells['NODE'] : null,
          controlledBy: null,
          serviceAccount: null,
          ready: /^\d+\/\d+$/.test(cells['READY'] ?? '') ? (cells['READY'] ?? null) : null,
          restarts: restarts?.[1] ? Number(restarts[1]) : null,
        }),
      );
    }
  } else if (cols.has('STATUS') && cols.has('ROLES') && cols.has('VERSION')) {
    for (const { cells, line } of table.rows) {
      const status = cells['STATUS'] ?? '';
      nodes.push(
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

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function aggregateEvents(raw: readonly RawEvent[]): EventFact[] {
  const byKey = new Map<string, EventFact>();
  for (const e of raw) {
    const first = e.lines[0];
    if (!first) continue;
    const key = `${e.type}\u0000${e.reason}\u0000${e.object ?? ''}\u0000${e.message}`;
    const prev = byKey.get(key);
    if (prev) {
      prev.count += e.count;
      for (const l of e.lines) prev.lines.push(l.no);
    } else {
      byKey.set(
        key,
        Object.assign(
          { type: e.type, reason: e.reason, from: e.from, message: e.message, object: e.object, count: e.count },
          ref(first),
          { lines: e.lines.map((l) => l.no) },
        ),
      );
    }
  }
  return [...byKey.values()];
}

const GET_NODES = /(?:^|[\s/])(?:kubectl|k|oc)\s(?:.*\s)?get\s+(?:nodes?|no)\b/;

/** "No resources found" printed by `kubectl get nodes` (its prompt, or the command quoted on the line before). */
function emptyNodeList(sections: readonly Section[]): boolean {
  let prev = '';
  for (const section of sections) {
    if (section.command !== null) prev = section.command;
    const lines = section.lines;
    // The line before is looked up only at a hit: trimming every line cost ~90 ms on a 10 MB `-o json`.
    for (let i = 0; i < lines.length; i++) {
      if (
        !(lines[i] as Line).text.includes('No resources found') ||
        !(lines[i] as Line).text.trim().startsWith('No resources found')
      )
        continue;
      if (GET_NODES.test(lastNonBlank(lines, i) ?? prev)) return true;
    }
    prev = lastNonBlank(lines, lines.length) ?? prev;
  }
  return false;
}

/** The trimmed text of the last non-blank line before index `end`, or null. */
function lastNonBlank(lines: readonly Line[], end: number): string | null {
  for (let j = end - 1; j >= 0; j--) {
    const t = (lines[j] as Line).text.trim();
    if (t !== '') return t;
  }
  return null;
}

function derive(
  f: Pick<Facts, 'signals' | 'forbidden' | 'scheduling' | 'pods' | 'nodes' | 'awsAuth' | 'callerIdentity'>,
): Omit<Derived, 'nodeListEmpty'> {
  const ids = new Set(f.signals.map((s) => s.id));
  const awsAuth = f.awsAuth;
  const caller = f.callerIdentity;
  let mapsCaller: boolean | null = null;
  if (awsAuth && caller)
    mapsCaller = awsAuth.entries.some((e) => sameArn(e.arn, caller.canonicalArn) || sameArn(e.arn, caller.arn));
  const notReady = f.scheduling.reduce((m, s) => Math.max(m, s.notReadyNodes), 0);
  return {
    hasUnauthorized: ids.has('unauthorized'),
    hasForbidden: f.forbidden.length > 0,
    hasExecFailure: ids.has('exec_failed') || ids.has('exec_not_found') || ids.has('exec_api_version'),
    awsAuthPresent: awsAuth !== null,
    awsAuthHasNodeRole:
      awsAuth !== null && awsAuth.entries.some((e) => e.kind === 'role' && e.groups.includes('system:nodes')),
    awsAuthMapsCaller: mapsCaller,
    callerIdentityPresent: caller !== null,
    callerIsAssumedRole: caller?.type === 'assumed-role',
    pendingPods: f.pods.filter((p) => p.phase === 'Pending').length,
    allNodesNotReady:
      f.scheduling.some((s) => s.allNodesNotReady) ||
      (f.nodes.length > 0 && f.nodes.every((n) => n.ready !== null && n.ready !== 'True')),
    notReadyNodes: notReady,
    outOfDiskSymptom: f.scheduling.some((s) => s.outOfDiskNodes > 0),
    nodesReportedNotReady: f.nodes.filter((n) => n.ready === 'False' || n.ready === 'Unknown').length,
    nodesCniNotReady: f.nodes.filter(
      (n) =>
        n.readyMessage !== null &&
        /NetworkPluginNotReady|cni plugin not initialized|cni config uninitialized/.test(n.readyMessage),
    ).length,
    nodesKubeletStopped: f.nodes.filter((n) => n.readyReason === 'NodeStatusUnknown' || n.ready === 'Unknown').length,
    clusterAuthMode: null,
  };
}
