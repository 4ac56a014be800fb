// Facts from Kubernetes objects in JSON or YAML (`kubectl get … -o json|yaml`, manifests, JSON log lines): pods,
// nodes, events, Roles and bindings, SelfSubjectReview, API Status bodies, and aws CLI JSON without a `kind`.
import { t } from '../i18n/t.js';
import type { Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { lineIn, readYamlLocated, type Located } from '../parse/located.js';
import { yamlReader } from '../parse/yaml.js';
import { arr, int, isObj, obj, objectsOf, str, strs } from '../parse/objects.js';
import { readAwsObject } from './aws-json.js';
import { ref, type Collected, type ObjectMessage } from './collected.js';
import { eventFromObject } from './events.js';
import type { ConditionFact, NodeFact } from './schema.js';
import { whoamiFromReview } from './whoami.js';

/**
 * The lines of a JSON document's events that are searched through the events' messages instead of as text: every
 * line strictly inside a multi-line Event (its other fields are names, ids, times and counts), by section index.
 */
export interface EventLines {
  /** 0: outside any event (searched as text); 1: inside an event; 2: inside, and the line of its message. */
  inside: Uint8Array;
  /** Section index of a message line → the message, read whole and unescaped. */
  messages: Map<number, ObjectMessage>;
}

/** What error-lines.ts searches for a section of objects: lines inside events, and messages read from the objects. */
export interface ObjectsRead {
  events: EventLines | null;
  /** Messages not searched in place of a line (see EventLines). */
  messages: ObjectMessage[];
}

type LineOf = (k?: string | number, inObj?: unknown) => Line;

/** Reads the objects of a JSON or YAML section (objects, lists, aws CLI output) into facts. */
export function extractObjects(section: Section, c: Collected): ObjectsRead {
  const yaml = section.kind === 'object-yaml';
  const loc = section.json ?? readYamlLocated(yamlReader(c.yaml), section.lines.map((l) => l.text).join('\n'));
  parseIssues(loc, section.lines, yaml, c);
  return readObjects(loc, section.lines, 0, c);
}

/** Issues for the first parse errors of located values (`lines`: the lines their positions count from). */
export function parseIssues(loc: Located, lines: readonly Line[], yaml: boolean, c: Collected): void {
  const source = lines[0]?.source;
  for (const e of loc.errors.slice(0, 3)) {
    c.issues.push({
      code: e.code,
      line: (lines[(e.line > 0 ? e.line : 1) - 1] ?? lines[0])?.no ?? 0,
      message:
        e.code === 'json_truncated'
          ? t(c.lang, 'issue.json_truncated', { error: e.message })
          : t(c.lang, 'issue.unparsed', { format: yaml ? 'YAML' : 'JSON', error: e.message }),
      ...(source === undefined ? {} : { source }),
    });
  }
}

/**
 * Reads the objects of located values (`lines`: the lines their positions count from; `depth`: how deep in a list
 * wrapper they sit, as objectsOf counts it) into facts.
 */
export function readObjects(loc: Located, lines: readonly Line[], depth: number, c: Collected): ObjectsRead {
  const at = (n: number | null): Line => lines[(n ?? 1) - 1] ?? (lines[0] as Line);
  let events: EventLines | null = null;
  const messages: ObjectMessage[] = [];
  for (const { kind, obj: o } of objectsOf(loc, depth)) {
    const line: LineOf = (k, inObj = o) => at(lineIn(loc, inObj, k) ?? lineIn(loc, o));
    switch (kind) {
      case 'Pod':
        podFromObject(o, line, messages, c);
        break;
      case 'Node':
        nodeFromObject(o, line, messages, c);
        break;
      case 'Event': {
        const message = eventFromObject(o, line, c);
        if (message === null) break;
        // Only the JSON reader records where an object ends (not YAML, nor an event the text cuts off); an event
        // without a message keeps its lines searched as text.
        const p = message === true ? undefined : loc.positions.get(o);
        if (message === true) break;
        if (p?.end !== undefined && p.end - p.line >= 2) {
          events ??= { inside: new Uint8Array(lines.length), messages: new Map() };
          // Line n of the text (1-based) is index n - 1: the lines strictly inside are p.line … p.end - 2.
          events.inside.fill(1, p.line, p.end - 1);
          const i = message.line.no - (lines[0]?.no ?? 0);
          if (i >= p.line && i <= p.end - 2) {
            events.messages.set(i, message);
            continue;
          }
        }
        messages.push(message);
        break;
      }
      case 'Role':
      case 'ClusterRole':
        c.roles.push({
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
        break;
      case 'RoleBinding':
      case 'ClusterRoleBinding': {
        const roleRef = obj(o, 'roleRef');
        c.bindings.push({
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
        break;
      }
      case 'SelfSubjectReview':
        whoamiFromReview(o, line, c);
        break;
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
        if (text !== null) messages.push({ text, line: line(message !== null ? 'message' : 'code') });
        break;
      }
      case '':
        readAwsObject(o, loc, line, at, c);
        // Structured (zap / controller-runtime / klog JSON) log lines, and fragments of objects pasted without their
        // `kind` (`status:` … `conditions:`): their messages, read whole and with quotes unescaped.
        collectMessages(o, loc, at, messages, 0);
        break;
      default:
        // ConfigMaps, Deployments …: their lines were searched for error messages already.
        break;
    }
  }
  // Marked after every event's lines are: a message line inside an event is searched in place of the event.
  if (events) for (const i of events.messages.keys()) events.inside[i] = 2;
  return { events, messages };
}

function ownerOf(meta: Record<string, unknown>): string | null {
  const owner = arr(meta, 'ownerReferences').find(isObj);
  if (!owner) return null;
  const k = str(owner, 'kind');
  const n = str(owner, 'name');
  return k && n ? `${k}/${n}` : null;
}

/** `resources.requests` as `name=quantity`; null when the container has none. */
function requestsOf(container: Record<string, unknown>): string[] | null {
  const resources = obj(container, 'resources');
  if (!('requests' in resources)) return null;
  return Object.entries(obj(resources, 'requests')).map(([k, v]) => `${k}=${scalar(v)}`);
}

/** A quantity or label value as text (a number stays a number's digits). */
function scalar(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function podFromObject(o: Record<string, unknown>, line: LineOf, messages: ObjectMessage[], c: Collected): void {
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
  c.pods.push(
    Object.assign(ref(line('name', meta)), {
      name,
      namespace: str(meta, 'namespace'),
      phase: str(status, 'phase'),
      node: str(spec, 'nodeName'),
      controlledBy: ownerOf(meta),
      serviceAccount: str(spec, 'serviceAccountName') ?? str(spec, 'serviceAccount'),
      nodeSelector:
        'nodeSelector' in spec ? Object.entries(obj(spec, 'nodeSelector')).map(([k, v]) => `${k}=${scalar(v)}`) : null,
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
    for (const container of arr(spec, specKey)) {
      if (!isObj(container)) continue;
      const cname = str(container, 'name') ?? '';
      const st = statusList.find((s) => str(s, 'name') === cname) ?? null;
      const [state, stateReason, exitCode] = containerState(st ? obj(st, 'state') : {});
      const [lastState, lastReason, lastExitCode] = containerState(st ? obj(st, 'lastState') : {});
      c.containers.push(
        Object.assign(ref(line('name', st ?? container)), {
          pod: name,
          name: cname,
          init,
          image: str(container, 'image'),
          state,
          stateReason,
          exitCode,
          lastState,
          lastReason,
          lastExitCode,
          restartCount: st ? int(st, 'restartCount') : null,
          requests: requestsOf(container),
        }),
      );
    }
  }
  for (const s of [...statuses, ...initStatuses]) {
    for (const k of ['state', 'lastState']) {
      for (const v of Object.values(obj(s, k))) {
        const message = str(v, 'message');
        if (message !== null) messages.push({ text: message, line: line('message', v) });
      }
    }
  }
  conditionsFromObject('Pod', name, arr(status, 'conditions').filter(isObj), line, messages, c);
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
function taintText(t: Record<string, unknown>): string {
  const key = str(t, 'key') ?? '';
  const value = str(t, 'value');
  return `${key}${value ? `=${value}` : ''}:${str(t, 'effect') ?? ''}`;
}

function nodeFromObject(o: Record<string, unknown>, line: LineOf, messages: ObjectMessage[], c: Collected): void {
  const meta = obj(o, 'metadata');
  const spec = obj(o, 'spec');
  const status = obj(o, 'status');
  const name = str(meta, 'name') ?? '<unknown>';
  const conds = arr(status, 'conditions').filter(isObj);
  const ready = conds.find((x) => str(x, 'type') === 'Ready');
  const rs = ready ? str(ready, 'status') : null;
  c.nodes.push(
    Object.assign(ref(line('name', meta)), {
      name,
      ready: rs === 'True' || rs === 'False' || rs === 'Unknown' ? (rs as NodeFact['ready']) : null,
      readyReason: ready ? str(ready, 'reason') : null,
      readyMessage: ready ? str(ready, 'message') : null,
      readyLine: ready ? line('status', ready).no : null,
      taints: arr(spec, 'taints').filter(isObj).map(taintText),
      allocatablePods: int(obj(status, 'allocatable'), 'pods'),
      nonTerminatedPods: null,
      unschedulable: spec['unschedulable'] === true,
    }),
  );
  conditionsFromObject('Node', name, conds, line, messages, c);
}

function conditionsFromObject(
  objectKind: ConditionFact['objectKind'],
  object: string,
  conds: readonly Record<string, unknown>[],
  line: LineOf,
  messages: ObjectMessage[],
  c: Collected,
): void {
  for (const x of conds) {
    const message = str(x, 'message');
    if (message !== null) messages.push({ text: message, line: line('message', x) });
    c.conditions.push(
      Object.assign(ref(line('type', x)), {
        objectKind,
        object,
        type: str(x, 'type') ?? '',
        status: str(x, 'status') ?? '',
        reason: str(x, 'reason'),
        message,
      }),
    );
  }
}

const MESSAGE_KEYS: ReadonlySet<string> = new Set(['msg', 'message', 'note', 'error', 'err']);

function collectMessages(
  v: unknown,
  loc: Located,
  at: (n: number | null) => Line,
  messages: ObjectMessage[],
  depth: number,
): void {
  if (depth > 8 || typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    for (const x of v) collectMessages(x, loc, at, messages, depth + 1);
    return;
  }
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string' && MESSAGE_KEYS.has(k) && x.length > 0)
      messages.push({ text: x, line: at(lineIn(loc, v, k)) });
    else collectMessages(x, loc, at, messages, depth + 1);
  }
}
