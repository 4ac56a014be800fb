// Facts from the inputs beyond describe text and error lines: JSON/YAML objects (pods, nodes, events, RBAC objects,
// SelfSubjectReview), aws CLI JSON (describe-cluster, access entries), `kubectl auth can-i` / `whoami`, and the
// describe node / pod details (conditions, allocatable pods). Called by extract.ts section by section.
import { canonicalArn } from '../aws/arn.js';
import type { Line } from '../input/lines.js';
import { expandTabs } from '../input/lines.js';
import { sectionText, takeParsedSection, type Section } from '../input/split.js';
import { lineIn, type Located } from '../parse/located.js';
import { arr, int, isObj, obj, readObjects, str, strs } from '../parse/objects.js';
import { parseTable } from '../parse/table.js';
import type { Issue } from '../report.js';
import type {
  AccessEntryFact,
  AuthCheckFact,
  AuthRuleFact,
  BindingFact,
  CallerIdentityFact,
  ClusterFact,
  ConditionFact,
  ContainerFact,
  NodeFact,
  PodFact,
  RoleFact,
  WhoamiFact,
} from './schema.js';

/** An event before aggregation (same shape as extract.ts keeps). */
export interface MoreRawEvent {
  type: string;
  reason: string;
  from: string;
  message: string;
  object: string | null;
  count: number;
  lines: Line[];
}

/** Where the facts of this module are collected. */
export interface MoreSink {
  pods: PodFact[];
  containers: ContainerFact[];
  nodes: NodeFact[];
  events: MoreRawEvent[];
  conditions: ConditionFact[];
  roles: RoleFact[];
  bindings: BindingFact[];
  accessEntries: AccessEntryFact[];
  clusters: ClusterFact[];
  authChecks: AuthCheckFact[];
  authRules: AuthRuleFact[];
  whoami: WhoamiFact | null;
  callerIdentity: CallerIdentityFact | null;
  /** Whole messages of JSON/YAML objects (YAML folds long ones over several lines), searched like error lines. */
  messages: ObjectMessage[];
}

/** A message read whole from an object, at the line of its key. */
export interface ObjectMessage {
  text: string;
  line: Line;
  /** Already searched for signatures and denials in place of its line (see EventLines). */
  searched?: boolean;
}

/**
 * The lines of a JSON document's events that are searched through the events' messages instead of as text: every
 * line strictly inside a multi-line Event (its other fields are names, ids, times and counts), by section index.
 */
export interface EventLines {
  /** 1 for a line inside an event, 2 for one that is also in `messages` (0: outside, searched as text). */
  inside: Uint8Array;
  /** Section index of a line inside an event that holds its message → the message, read whole and unescaped. */
  messages: Map<number, ObjectMessage>;
}

/** An empty sink. */
export function newSink(): MoreSink {
  return {
    pods: [],
    containers: [],
    nodes: [],
    events: [],
    conditions: [],
    roles: [],
    bindings: [],
    accessEntries: [],
    clusters: [],
    authChecks: [],
    authRules: [],
    whoami: null,
    callerIdentity: null,
    messages: [],
  };
}

const ref = (l: Line): { line: number; source?: string } =>
  l.source === undefined ? { line: l.no } : { line: l.no, source: l.source };
const src = (section: Section): { source?: string } => {
  const s = section.lines[0]?.source;
  return s === undefined ? {} : { source: s };
};

/**
 * Reads a JSON or YAML section (objects, lists, aws CLI output) into the sink. `read` is false when nothing was read;
 * `events` says which lines the events' messages stand for (complete events of JSON sections; else null).
 */
export function collectObjects(
  section: Section,
  sink: MoreSink,
  issues: Issue[],
): { read: boolean; events: EventLines | null } {
  const format = section.kind === 'object-yaml' ? 'yaml' : 'json';
  const text = sectionText(section.lines);
  const { objects, loc } = readObjects(text, format, format === 'json' ? takeParsedSection(section.lines) : null);
  let events: EventLines | null = null;
  const at = (n: number | null): Line => section.lines[(n ?? 1) - 1] ?? (section.lines[0] as Line);
  for (const e of loc.errors.slice(0, 3)) {
    const line = at(e.line > 0 ? e.line : null);
    issues.push({
      code: e.code,
      line: line.no,
      message:
        e.code === 'json_truncated'
          ? `the JSON stops before it is complete (${e.message}); what came before was read, and its error lines were searched`
          : `${format === 'json' ? 'JSON' : 'YAML'} that does not parse here (${e.message}); what could be read was kept, and every line was searched for error messages`,
      ...src(section),
    });
  }
  let read = false;
  for (const { kind, obj: o } of objects) {
    const line = (k?: string | number, inObj: unknown = o): Line => at(lineIn(loc, inObj, k) ?? lineIn(loc, o));
    switch (kind) {
      case 'Pod':
        podFromObject(o, loc, line, sink);
        read = true;
        break;
      case 'Node':
        nodeFromObject(o, loc, line, sink);
        read = true;
        break;
      case 'Event': {
        const message = eventFromObject(o, line, sink);
        if (message === null) break;
        read = true;
        // Only the JSON readers record where an object ends (not YAML, nor an event the text cuts off); an event
        // without a message keeps its lines searched as text.
        const p = message === true ? undefined : loc.positions.get(o);
        if (message !== true && p?.end !== undefined && p.end - p.line >= 2) {
          events ??= { inside: new Uint8Array(section.lines.length), messages: new Map() };
          // Line n of the text (1-based) is section index n - 1: the lines strictly inside are p.line … p.end - 2.
          events.inside.fill(1, p.line, p.end - 1);
          const at = message.line.no - (section.lines[0]?.no ?? 0);
          if (at >= p.line && at <= p.end - 2) events.messages.set(at, message);
        }
        break;
      }
      case 'Role':
      case 'ClusterRole':
        sink.roles.push({
          ...ref(line()),
          kind,
          name: str(obj(o, 'metadata'), 'name') ?? '',
          namespace: str(obj(o, 'metadata'), 'namespace'),
          rules: arr(o, 'rules')
            .filter(isObj)
            .map((r, i) => ({
              ...ref(at(lineIn(loc, arr(o, 'rules'), i))),
              verbs: strs(r, 'verbs'),
              apiGroups: strs(r, 'apiGroups'),
              resources: strs(r, 'resources'),
              resourceNames: strs(r, 'resourceNames'),
              nonResourceURLs: strs(r, 'nonResourceURLs'),
            })),
        });
        read = true;
        break;
      case 'RoleBinding':
      case 'ClusterRoleBinding': {
        const roleRef = obj(o, 'roleRef');
        sink.bindings.push({
          ...ref(line()),
          kind,
          name: str(obj(o, 'metadata'), 'name') ?? '',
          namespace: str(obj(o, 'metadata'), 'namespace'),
          roleKind: str(roleRef, 'kind') ?? '',
          roleName: str(roleRef, 'name') ?? '',
          subjects: arr(o, 'subjects')
            .filter(isObj)
            .map((s) => ({ kind: str(s, 'kind') ?? '', name: str(s, 'name') ?? '', namespace: str(s, 'namespace') })),
        });
        read = true;
        break;
      }
      case 'SelfSubjectReview': {
        const ui = obj(obj(o, 'status'), 'userInfo');
        const username = str(ui, 'username');
        if (username !== null) {
          sink.whoami = {
            ...ref(line('username', ui)),
            username,
            uid: str(ui, 'uid'),
            groups: strs(ui, 'groups'),
            arn: strs(obj(ui, 'extra'), 'arn')[0] ?? null,
          };
          read = true;
        }
        break;
      }
      case 'Status': {
        // An API error body: searched as kubectl prints it (401 → "You must be logged in…", else `Error from server (Reason): …`).
        const message = str(o, 'message');
        const reason = str(o, 'reason');
        const text =
          int(o, 'code') === 401
            ? `error: You must be logged in to the server (${message ?? reason ?? 'Unauthorized'})`
            : reason && message !== null
              ? `Error from server (${reason}): ${message}`
              : message;
        if (text !== null) sink.messages.push({ text, line: line(message !== null ? 'message' : 'code') });
        break;
      }
      case '': {
        read = awsFromObject(o, loc, line, at, sink) || read;
        // Structured (zap / controller-runtime / klog JSON) log lines, and fragments of objects pasted without their
        // `kind` (`status:` … `conditions:`): their messages, read whole and with quotes unescaped.
        collectMessages(o, loc, at, sink, 0);
        break;
      }
      default:
        // ConfigMaps, Deployments, Status bodies …: their lines were searched for error messages already.
        break;
    }
  }
  // Marked after every event's lines are: 2 says "inside, and its message is in `messages`".
  if (events) for (const at of events.messages.keys()) events.inside[at] = 2;
  return { read, events };
}

type LineOf = (k?: string | number, inObj?: unknown) => Line;

function ownerOf(meta: Record<string, unknown>): string | null {
  const owner = arr(meta, 'ownerReferences').find(isObj);
  if (!owner) return null;
  const k = str(owner, 'kind');
  const n = str(owner, 'name');
  return k && n ? `${k}/${n}` : null;
}

function podFromObject(o: Record<string, unknown>, loc: Located, line: LineOf, sink: MoreSink): void {
  const meta = obj(o, 'metadata');
  const spec = obj(o, 'spec');
  const status = obj(o, 'status');
  const name = str(meta, 'name') ?? '<unknown>';
  const statuses = arr(status, 'containerStatuses').filter(isObj);
  const initStatuses = arr(status, 'initContainerStatuses').filter(isObj);
  const restarts =
    statuses.length + initStatuses.length > 0
      ? [...statuses, ...initStatuses].reduce((n, s) => n + (int(s, 'restartCount') ?? 0), 0)
      : null;
  const nContainers = arr(spec, 'containers').length;
  sink.pods.push(
    Object.assign(ref(line('name', meta)), {
      name,
      namespace: str(meta, 'namespace'),
      phase: str(status, 'phase'),
      node: str(spec, 'nodeName'),
      controlledBy: ownerOf(meta),
      serviceAccount: str(spec, 'serviceAccountName') ?? str(spec, 'serviceAccount'),
      ready:
        statuses.length > 0
          ? `${statuses.filter((s) => s['ready'] === true).length}/${Math.max(nContainers, statuses.length)}`
          : null,
      restarts,
    }),
  );
  for (const [init, specKey, statusList] of [
    [true, 'initContainers', initStatuses],
    [false, 'containers', statuses],
  ] as const) {
    arr(spec, specKey).forEach((c, i) => {
      if (!isObj(c)) return;
      const cname = str(c, 'name') ?? '';
      const st = statusList.find((s) => str(s, 'name') === cname) ?? null;
      const [state, stateReason, exitCode] = containerState(st ? obj(st, 'state') : {});
      const [lastState, lastReason, lastExitCode] = containerState(st ? obj(st, 'lastState') : {});
      sink.containers.push(
        Object.assign(ref(line('name', st ?? c)), {
          pod: name,
          name: cname,
          init,
          image: str(c, 'image'),
          state,
          stateReason,
          exitCode,
          lastState,
          lastReason,
          lastExitCode,
          restartCount: st ? int(st, 'restartCount') : null,
        }),
      );
    });
  }
  for (const s of [...statuses, ...initStatuses]) {
    for (const k of ['state', 'lastState']) {
      for (const v of Object.values(obj(s, k))) {
        const message = str(v, 'message');
        if (message !== null) sink.messages.push({ text: message, line: line('message', v) });
      }
    }
  }
  for (const c of arr(status, 'conditions').filter(isObj)) {
    const message = str(c, 'message');
    if (message !== null) sink.messages.push({ text: message, line: line('message', c) });
    sink.conditions.push(
      Object.assign(ref(line('type', c)), {
        objectKind: 'Pod' as const,
        object: name,
        type: str(c, 'type') ?? '',
        status: str(c, 'status') ?? '',
        reason: str(c, 'reason'),
        message: str(c, 'message'),
      }),
    );
  }
}

/** `state: {waiting: {reason}}` → ['Waiting', reason, null]. */
function containerState(s: Record<string, unknown>): [string | null, string | null, number | null] {
  for (const [k, label] of [
    ['waiting', 'Waiting'],
    ['running', 'Running'],
    ['terminated', 'Terminated'],
  ] as const) {
    if (isObj(s[k])) return [label, str(s[k], 'reason'), int(s[k], 'exitCode')];
  }
  return [null, null, null];
}

/** `key=value:Effect` or `key:Effect`, as describe node prints a taint. */
export function taintText(t: Record<string, unknown>): string {
  const key = str(t, 'key') ?? '';
  const value = str(t, 'value');
  return `${key}${value ? `=${value}` : ''}:${str(t, 'effect') ?? ''}`;
}

function nodeFromObject(o: Record<string, unknown>, _loc: Located, line: LineOf, sink: MoreSink): void {
  const meta = obj(o, 'metadata');
  const spec = obj(o, 'spec');
  const status = obj(o, 'status');
  const name = str(meta, 'name') ?? '<unknown>';
  const conds = arr(status, 'conditions').filter(isObj);
  const ready = conds.find((c) => str(c, 'type') === 'Ready');
  const rs = ready ? str(ready, 'status') : null;
  sink.nodes.push(
    Object.assign(ref(line('name', meta)), {
      name,
      ready: rs === 'True' || rs === 'False' || rs === 'Unknown' ? (rs as 'True' | 'False' | 'Unknown') : null,
      readyReason: ready ? str(ready, 'reason') : null,
      readyMessage: ready ? str(ready, 'message') : null,
      readyLine: ready ? line('status', ready).no : null,
      taints: arr(spec, 'taints').filter(isObj).map(taintText),
      allocatablePods: int(obj(status, 'allocatable'), 'pods'),
      nonTerminatedPods: null,
      unschedulable: spec['unschedulable'] === true,
    }),
  );
  for (const c of conds) {
    const message = str(c, 'message');
    if (message !== null) sink.messages.push({ text: message, line: line('message', c) });
    sink.conditions.push(
      Object.assign(ref(line('type', c)), {
        objectKind: 'Node' as const,
        object: name,
        type: str(c, 'type') ?? '',
        status: str(c, 'status') ?? '',
        reason: str(c, 'reason'),
        message: str(c, 'message'),
      }),
    );
  }
}

/** core/v1 Event or events.k8s.io/v1 Event (regarding, note, series, deprecated* fields); its message entry, true when read without one, null when not an event. */
function eventFromObject(e: Record<string, unknown>, line: LineOf, sink: MoreSink): ObjectMessage | true | null {
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
  const entry: ObjectMessage | null = message === '' ? null : { text: message, line: at };
  if (entry) sink.messages.push(entry);
  sink.events.push({
    type: str(e, 'type') ?? '',
    reason,
    from,
    message,
    object: name === null ? null : `${str(target, 'kind') ?? ''}/${name}`,
    count: count > 0 ? count : 1,
    lines: [at],
  });
  return entry ?? true;
}

const AUTH_MODES = new Set(['API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP']);

/** aws CLI JSON without a `kind`: describe-cluster, access entries, caller identity. */
function awsFromObject(
  o: Record<string, unknown>,
  loc: Located,
  line: LineOf,
  at: (n: number | null) => Line,
  sink: MoreSink,
): boolean {
  let read = false;
  // describe-cluster (full, or `--query cluster`, or `--query cluster.accessConfig`).
  const cluster = isObj(o['cluster'])
    ? o['cluster']
    : o['accessConfig'] !== undefined || (str(o, 'arn') ?? '').includes(':cluster/')
      ? o
      : null;
  const accessConfig = cluster
    ? obj(cluster, 'accessConfig')
    : isObj(o) && typeof o['authenticationMode'] === 'string'
      ? o
      : null;
  if (cluster || accessConfig) {
    const c = cluster ?? {};
    const mode = accessConfig ? str(accessConfig, 'authenticationMode') : null;
    const full = cluster !== null && (c['endpoint'] !== undefined || c['arn'] !== undefined);
    sink.clusters.push({
      ...ref(cluster ? line(isObj(o['cluster']) ? 'cluster' : undefined) : line('authenticationMode')),
      name: str(c, 'name'),
      arn: str(c, 'arn'),
      version: str(c, 'version'),
      endpoint: str(c, 'endpoint'),
      oidcIssuer: str(obj(obj(c, 'identity'), 'oidc'), 'issuer'),
      authMode:
        mode !== null && AUTH_MODES.has(mode)
          ? mode
          : mode === null && full && c['accessConfig'] === undefined
            ? 'CONFIG_MAP'
            : mode,
      authModeLine: mode !== null && accessConfig ? line('authenticationMode', accessConfig).no : null,
    });
    read = true;
  }
  // list-access-entries
  const list = arr(o, 'accessEntries');
  list.forEach((a, i) => {
    if (typeof a !== 'string') return;
    upsertEntry(sink, a, at(lineIn(loc, list, i)), {});
    read = true;
  });
  // describe-access-entry
  const entry = obj(o, 'accessEntry');
  const p = str(entry, 'principalArn');
  if (p !== null) {
    upsertEntry(sink, p, line('principalArn', entry), {
      username: str(entry, 'username'),
      kubernetesGroups: strs(entry, 'kubernetesGroups'),
      type: str(entry, 'type'),
      clusterName: str(entry, 'clusterName'),
    });
    read = true;
  }
  // list-associated-access-policies
  if (Array.isArray(o['associatedAccessPolicies'])) {
    const principal = str(o, 'principalArn') ?? '';
    const pols = arr(o, 'associatedAccessPolicies');
    const policies = pols.filter(isObj).map((x) => {
      const policyArn = str(x, 'policyArn') ?? '';
      return {
        ...ref(line('policyArn', x)),
        policyArn,
        policy: policyArn.slice(policyArn.lastIndexOf('/') + 1),
        scopeType: str(obj(x, 'accessScope'), 'type'),
        namespaces: strs(obj(x, 'accessScope'), 'namespaces'),
      };
    });
    const e = upsertEntry(sink, principal, line(principal === '' ? 'associatedAccessPolicies' : 'principalArn'), {
      clusterName: str(o, 'clusterName'),
    });
    e.policies = [...(e.policies ?? []), ...policies];
    read = true;
  }
  // sts get-caller-identity (the sniffer usually routes it elsewhere; read here when it came inside other JSON).
  const arn = str(o, 'Arn');
  if (arn !== null && str(o, 'Account') !== null && sink.callerIdentity === null) {
    sink.callerIdentity = callerIdentity(arn, str(o, 'Account'), str(o, 'UserId'), line('Arn'));
    read = true;
  }
  return read;
}

function upsertEntry(
  sink: MoreSink,
  principalArn: string,
  l: Line,
  more: Partial<Pick<AccessEntryFact, 'username' | 'kubernetesGroups' | 'type' | 'clusterName'>>,
): AccessEntryFact {
  let e = sink.accessEntries.find((x) => x.principalArn === principalArn);
  if (!e) {
    e = {
      ...ref(l),
      principalArn,
      canonicalArn: canonicalArn(principalArn),
      username: null,
      kubernetesGroups: [],
      type: null,
      clusterName: null,
      policies: null,
    };
    sink.accessEntries.push(e);
  }
  if (more.username !== undefined && more.username !== null) e.username = more.username;
  if (more.kubernetesGroups !== undefined && more.kubernetesGroups.length > 0)
    e.kubernetesGroups = more.kubernetesGroups;
  if (more.type !== undefined && more.type !== null) e.type = more.type;
  if (more.clusterName !== undefined && more.clusterName !== null) e.clusterName = more.clusterName;
  if (more.username !== undefined) {
    // describe-access-entry is the authoritative line for the entry.
    e.line = l.no;
  }
  return e;
}

function callerIdentity(arn: string, account: string | null, userId: string | null, l: Line): CallerIdentityFact {
  const m = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):(assumed-role|role|user|federated-user|root)\b/.exec(arn);
  return {
    ...ref(l),
    arn,
    account: account ?? m?.[1] ?? '',
    userId,
    canonicalArn: canonicalArn(arn),
    type: m?.[2] ?? (arn.endsWith(':root') ? 'root' : 'other'),
    mappedInAwsAuth: null,
  };
}

const CALLER_TEXT = /^\s*(\d{12})\s+(arn:aws[\w-]*:(?:iam|sts)::\d{12}:\S+)\s+(\S+)\s*$/;

/** `aws sts get-caller-identity --output text` (Account, Arn, UserId on one tab-separated line). */
export function callerIdentityFromText(lines: readonly Line[]): CallerIdentityFact | null {
  for (const l of lines) {
    if (l.text.length > 400) continue;
    const m = CALLER_TEXT.exec(l.text);
    if (m?.[1] && m[2] && m[3]) return callerIdentity(m[2], m[1], m[3], l);
  }
  return null;
}

const CAN_I = /^\s*(yes|no)(?:\s+-\s+([^]*))?$/;

/** `kubectl auth can-i` answers and `--list` tables. */
export function collectCanI(section: Section, sink: MoreSink): void {
  const head = section.lines[0]?.text ?? '';
  if (/^\s*Resources\s+Non-Resource URLs/.test(head)) {
    if (!/URLs {2,}/.test(head)) {
      // Squashed spacing: cells are bracket lists (which may hold spaces) or one word; rows without a resource have 3.
      for (const l of section.lines.slice(1)) {
        const cells = l.text.match(/\[[^\]]{0,2000}\]|\S+/g) ?? [];
        const [a, b, c, d] = cells.length >= 4 ? cells : ['', ...cells];
        if (cells.length < 3) continue;
        sink.authRules.push({
          ...ref(l),
          resources: bracketList(a ?? ''),
          nonResourceURLs: bracketList(b ?? ''),
          resourceNames: bracketList(c ?? ''),
          verbs: bracketList(d ?? ''),
        });
      }
      return;
    }
    for (const { cells, line } of parseTable(section.lines).rows) {
      sink.authRules.push({
        ...ref(line),
        resources: bracketList(cells['Resources'] ?? ''),
        nonResourceURLs: bracketList(cells['Non-Resource URLs'] ?? ''),
        resourceNames: bracketList(cells['Resource Names'] ?? ''),
        verbs: bracketList(cells['Verbs'] ?? ''),
      });
    }
    return;
  }
  for (const l of section.lines) {
    const m = CAN_I.exec(l.text);
    if (m?.[1])
      sink.authChecks.push({
        ...ref(l),
        allowed: m[1] === 'yes',
        reason: m[2]?.trim() ?? null,
        command: section.command,
      });
  }
}

/** `[get list]` → ['get', 'list']; a bare word → [word]; `[]` → []. */
function bracketList(s: string): string[] {
  const t = s.trim();
  const inner = t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t;
  return inner.split(/\s+/).filter((x) => x !== '');
}

/** `kubectl auth whoami` table (ATTRIBUTE VALUE; Username, UID, Groups, Extra: arn). */
export function collectWhoami(section: Section, sink: MoreSink): void {
  let username: { v: string; l: Line } | null = null;
  let uid: string | null = null;
  let groups: string[] = [];
  let arn: string | null = null;
  for (const l of section.lines.slice(1)) {
    const m = /^\s*(Username|UID|Groups|Extra: \S+)\s+([^]*)$/.exec(expandTabs(l.text));
    if (!m?.[1]) continue;
    const v = (m[2] ?? '').trim();
    if (m[1] === 'Username') username = { v, l };
    else if (m[1] === 'UID') uid = v;
    else if (m[1] === 'Groups') groups = bracketList(v);
    else if (m[1] === 'Extra: arn') arn = bracketList(v)[0] ?? null;
  }
  if (username) sink.whoami = { ...ref(username.l), username: username.v, uid, groups, arn };
}

/** Details of one describe node section: conditions table, allocatable pods, pod count, unschedulable. */
export function nodeDetailsFromDescribe(
  name: string,
  lines: readonly Line[],
  conditions: ConditionFact[],
): Pick<NodeFact, 'allocatablePods' | 'nonTerminatedPods' | 'unschedulable'> {
  let allocatablePods: number | null = null;
  let nonTerminatedPods: number | null = null;
  let unschedulable: boolean | null = null;
  let block: 'conditions' | 'allocatable' | null = null;
  let header: { status: number; reason: number; message: number } | null = null;
  for (const l of lines) {
    const t = expandTabs(l.text);
    if (/^\S/.test(t)) {
      block = /^Conditions:/.test(t) ? 'conditions' : /^Allocatable:/.test(t) ? 'allocatable' : null;
      header = null;
      const u = /^Unschedulable:\s+(true|false)\b/.exec(t);
      if (u) unschedulable = u[1] === 'true';
      const p = /^Non-terminated Pods:\s+\((\d+) in total\)/.exec(t);
      if (p?.[1]) nonTerminatedPods = Number(p[1]);
      continue;
    }
    if (block === 'allocatable') {
      const m = /^\s+pods:\s+(\d+)\s*$/.exec(t);
      if (m?.[1]) allocatablePods = Number(m[1]);
    } else if (block === 'conditions') {
      if (/^\s+Type\s+Status\b/.test(t)) {
        header = { status: t.indexOf('Status'), reason: t.search(/\bReason\b/), message: t.search(/\bMessage\b/) };
        continue;
      }
      if (/^\s+-{4}/.test(t)) continue;
      const row = conditionRow(t, header);
      if (row) conditions.push(Object.assign(ref(l), { objectKind: 'Node' as const, object: name }, row));
    }
  }
  return { allocatablePods, nonTerminatedPods, unschedulable };
}

const DATE = /(?:[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}|<unknown>)/;

/** One row of a describe node Conditions table: by header offsets when aligned, by its two dates otherwise. */
function conditionRow(
  t: string,
  header: { status: number; reason: number; message: number } | null,
): Omit<ConditionFact, 'line' | 'source' | 'objectKind' | 'object'> | null {
  const m = /^\s+(\S+)\s+(True|False|Unknown)\b([^]*)$/.exec(t);
  if (!m?.[1] || !m[2]) return null;
  if (
    header &&
    header.reason > 0 &&
    header.message > header.reason &&
    t.length > header.message &&
    t[header.reason - 1] === ' ' &&
    t[header.reason] !== ' ' &&
    t[header.message - 1] === ' '
  ) {
    return {
      type: m[1],
      status: m[2],
      reason: t.slice(header.reason, header.message).trim() || null,
      message: t.slice(header.message).trim() || null,
    };
  }
  // Squashed spacing: skip the two dates, then Reason is one word and Message the rest.
  let rest = (m[3] ?? '').trim();
  for (let k = 0; k < 2; k++) {
    const d = DATE.exec(rest);
    if (d && d.index === 0) rest = rest.slice(d[0].length).trim();
  }
  const r = /^(\S+)(?:\s+([^]*))?$/.exec(rest); // [^]*, not .*: `\s+(.*)$` is quadratic when U+2028 follows blanks (ReDoS)
  return { type: m[1], status: m[2], reason: r?.[1] ?? null, message: r?.[2]?.trim() || null };
}

/** The `Conditions:` table of describe pod (`Type  Status`). */
export function podConditionsFromDescribe(name: string, lines: readonly Line[], conditions: ConditionFact[]): void {
  let inConditions = false;
  for (const l of lines) {
    const raw = l.text;
    // Outside the Conditions block only a line's first character matters (tabs expand to blanks: same answer).
    if (startsVisible(raw)) {
      inConditions = raw.startsWith('Conditions:');
      continue;
    }
    if (!inConditions) continue;
    const t = expandTabs(raw);
    if (TYPE_STATUS_HEADER.test(t) || DASHES.test(t)) continue;
    const m = POD_CONDITION_ROW.exec(t);
    if (m?.[1] && m[2])
      conditions.push(
        Object.assign(ref(l), {
          objectKind: 'Pod' as const,
          object: name,
          type: m[1],
          status: m[2],
          reason: null,
          message: m[3]?.trim() || null,
        }),
      );
  }
}

const VISIBLE_START = /^\S/;
const TYPE_STATUS_HEADER = /^\s+Type\s+Status\b/;
const DASHES = /^\s+-{4}/;
const POD_CONDITION_ROW = /^\s+(\S+)\s+(True|False|Unknown)(?:\s+([^]*))?$/;

/** `/^\S/.test(t)`, without a regex for the usual first characters (printable ASCII, blank, tab). */
function startsVisible(t: string): boolean {
  if (t === '') return false;
  const c = t.charCodeAt(0);
  if (c > 32 && c < 127) return true;
  if (c === 32 || c === 9) return false;
  return VISIBLE_START.test(t);
}

const ELISION =
  /^\s*(?:\.\.\.|…|\[\.\.\.\]|\(\.\.\.\)|<snip(?:ped)?>|\[snip(?:ped)?\]|\.\.\. ?\(?(?:truncated|more|snip)[^)]*\)?|# \.\.\.)\s*$/i;

// `<REDACTED>`, `REDACTED`, `XXXX`, `****`, `<account-id>`: a value hidden before pasting.
const REDACTED =
  /<(?:redacted|(?:aws[-_ ]?)?account[-_ ]?id|[a-z]{1,12}[-_ ](?:arn|name|id))>|\bREDACTED\b|X{4,}|\*{4,}/i;

// Every alternative of REDACTED needs `<`, `****`, or `redacted` / `xxxx` in some case: three cheap scans of a line
// instead of the whole regex (~40 ms of a 10 MB describe dump, where no section text is at hand).
const REDACT_WORD = /redacted|xxxx/i;

function mayRedactLine(t: string): boolean {
  return t.includes('<') || t.includes('****') || REDACT_WORD.test(t);
}

/** The pre-test and the regex, for the property test that the pre-test holds wherever the regex matches. */
export const redactedTestsForTesting = { pre: mayRedactLine, re: (t: string): boolean => REDACTED.test(t) };

/** Lines a person cut out (`...`, `<snip>`) or values they redacted: the facts around them may be incomplete. */
export function elisionIssues(section: Section, issues: Issue[], text?: string): void {
  // Given the section's text, a few native scans rule out the usual case (nothing redacted or cut) for the whole
  // section instead of two regexes per line; each test holds a literal every alternative of its regex needs.
  const mayRedact = text === undefined || text.includes('<') || text.includes('****') || /redacted|xxxx/i.test(text);
  const mayElide = text === undefined || text.includes('...') || text.includes('…') || /snip/i.test(text);
  const redacted = mayRedact
    ? section.lines.find((l) => l.text.length < 4000 && mayRedactLine(l.text) && REDACTED.test(l.text))
    : undefined;
  if (redacted) {
    issues.push({
      code: 'redacted_value',
      line: redacted.no,
      message:
        'a value was redacted here (and perhaps on later lines); facts that need it (account, ARN, name) may be missing or unmatched',
      ...src(section),
    });
  }
  if (!mayElide) return;
  for (const l of section.lines) {
    if (l.text.length < 40 && ELISION.test(l.text)) {
      issues.push({
        code: 'elided_lines',
        line: l.no,
        message: 'lines were left out here; counts and lists around this line may be incomplete',
        ...src(section),
      });
    }
  }
}

/** The `Conditions:` table (`Type  Status  Reason`) of describe deployment / replicaset and other describers. */
export function workloadConditionsFromDescribe(lines: readonly Line[], conditions: ConditionFact[]): void {
  const body = lines.map((l) => l.text);
  const name = /^Name:\s+(\S+)/.exec(body[0] ?? '')?.[1] ?? '<unknown>';
  const kind: ConditionFact['objectKind'] = body.some((t) => /^NewReplicaSet:/.test(t))
    ? 'Deployment'
    : body.some((t) => /^Pods Status:/.test(t))
      ? 'ReplicaSet'
      : 'Other';
  let inConditions = false;
  for (const l of lines) {
    if (startsVisible(l.text)) {
      inConditions = CONDITIONS_KEY_ALONE.test(l.text);
      continue;
    }
    if (!inConditions) continue;
    const t = expandTabs(l.text);
    if (TYPE_STATUS_HEADER.test(t) || DASHES.test(t)) continue;
    const m = WORKLOAD_CONDITION_ROW.exec(t);
    if (m?.[1] && m[2])
      conditions.push(
        Object.assign(ref(l), {
          objectKind: kind,
          object: name,
          type: m[1],
          status: m[2],
          reason: m[3] ?? null,
          message: m[4]?.trim() || null,
        }),
      );
  }
}

const CONDITIONS_KEY_ALONE = /^Conditions:\s*$/;
const WORKLOAD_CONDITION_ROW = /^\s+(\S+)\s+(True|False|Unknown)(?:\s+(\S+))?(?:\s+([^]*))?$/;

const MESSAGE_KEYS = new Set(['msg', 'message', 'note', 'error', 'err']);

function collectMessages(
  v: unknown,
  loc: Located,
  at: (n: number | null) => Line,
  sink: MoreSink,
  depth: number,
): void {
  if (depth > 8 || typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    for (const x of v) collectMessages(x, loc, at, sink, depth + 1);
    return;
  }
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string' && MESSAGE_KEYS.has(k) && x.length > 0)
      sink.messages.push({ text: x, line: at(lineIn(loc, v, k)) });
    else collectMessages(x, loc, at, sink, depth + 1);
  }
}

// `kubectl get events` rows without their header (`10m  Normal  Pulled  pod/x  Successfully pulled …`), as pasted.
const HEADERLESS_EVENT =
  /^(?:[a-z0-9][-a-z0-9.]{0,62}\s+)?(?:\d{1,5}[smhdy](?:\d{1,5}[smhdy])?|<unknown>|<invalid>)(?: \(x(\d{1,9}) over \S{1,20}\))?\s+(Normal|Warning)\s+([A-Z][A-Za-z]{1,80})\s+([A-Za-z][\w.-]{0,80}\/\S{1,253})\s+(\S[^]*)$/;

// describe Events rows without their header: `Normal  Scheduled  50s  fargate-scheduler  Successfully assigned …`.
const HEADERLESS_DESCRIBE_EVENT =
  /^\s{0,4}(Normal|Warning)\s+([A-Z][A-Za-z]{1,80})\s+(?:\d{1,5}[smhdy](?:\d{1,5}[smhdy])?|<unknown>|<invalid>)(?: \(x(\d{1,9}) over \S{1,20}\))?\s+([\w.-]{1,120}(?:, [\w.-]{1,253})?)\s+(\S[^]*)$/;
// `get pods` rows without their header: `kube-system  aws-node-nwmbr  2/2  Running  0  5m41s`.
const HEADERLESS_POD =
  /^(?:([a-z0-9][-a-z0-9.]{0,62})\s+)?([a-z0-9][-a-z0-9.]{0,252})\s+(\d{1,3}\/\d{1,3})\s+([A-Za-z][\w:-]{0,60})\s+(\d{1,9})(?: \(\S{1,20} ago\))?\s+\S{1,20}$/;

/** Reads headerless event and pod rows of an otherwise unrecognised section; returns true when any was read. */
export function collectHeaderlessEvents(section: Section, sink: MoreSink): boolean {
  let read = false;
  for (const l of section.lines) {
    if (l.text.length > 8000) continue;
    const d = HEADERLESS_DESCRIBE_EVENT.exec(l.text);
    if (d?.[1] && d[2] && d[4] && d[5]) {
      sink.events.push({
        type: d[1],
        reason: d[2],
        from: d[4],
        message: d[5].trim(),
        object: null,
        count: d[3] ? Number(d[3]) : 1,
        lines: [l],
      });
      read = true;
      continue;
    }
    const p = HEADERLESS_POD.exec(l.text);
    if (p?.[2] && p[3] && p[4] && p[5]) {
      sink.pods.push(
        Object.assign(ref(l), {
          name: p[2],
          namespace: p[1] ?? null,
          phase: p[4],
          node: null,
          controlledBy: null,
          serviceAccount: null,
          ready: p[3],
          restarts: Number(p[5]),
        }),
      );
      read = true;
      continue;
    }
    const m = HEADERLESS_EVENT.exec(l.text);
    if (!m?.[2] || !m[3] || !m[4] || !m[5]) continue;
    sink.events.push({
      type: m[2],
      reason: m[3],
      from: '',
      message: m[5].trim(),
      object: m[4],
      count: m[1] ? Number(m[1]) : 1,
      lines: [l],
    });
    read = true;
  }
  return read;
}
