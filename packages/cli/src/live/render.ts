// What was collected, rendered as the text kubectl prints for it (describe, -o json, auth whoami, auth can-i --list),
// so the core reads live data exactly as it reads a paste. Formats follow kubectl 1.3x.
import type {
  CoreV1Event,
  V1Container,
  V1ContainerState,
  V1ContainerStatus,
  V1Node,
  V1Pod,
  V1SelfSubjectReview,
  V1SelfSubjectRulesReview,
} from '@kubernetes/client-node';
import { humanDuration } from './human-duration.js';
import type { Target } from './kube.js';

export { humanDuration };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** Go's RFC1123Z in UTC, as kubectl describe prints times: "Fri, 29 Nov 2026 06:05:41 +0000". */
export function rfc1123z(d: Date | undefined): string {
  if (d === undefined || Number.isNaN(d.getTime())) return '<unknown>';
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** Aligns `key: value` rows like Go's tabwriter (padding 2). Continuation rows have key ''. */
function kv(rows: readonly [string, string][], indent = ''): string[] {
  const w = Math.max(0, ...rows.filter(([k]) => k !== '').map(([k]) => k.length + 1)) + 2;
  return rows.map(([k, v]) =>
    (k === '' ? `${indent}${' '.repeat(w)}${v}` : `${indent}${`${k}:`.padEnd(w)}${v}`).trimEnd(),
  );
}

/** Columns aligned like tabwriter (padding 2 or 3). */
function table(rows: readonly string[][], indent = '', pad = 2): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    `${indent}${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + pad))).join('')}`.trimEnd(),
  );
}

function mapLines(key: string, m: Readonly<Record<string, string>> | undefined, sep = '='): [string, string][] {
  const entries = Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return [[key, '<none>']];
  return entries.map(([k, v], i) => [i === 0 ? key : '', `${k}${sep}${v}`]);
}

/** The rows of a describe Events table, sorted by last time seen; `now` for ages. */
export function eventRows(events: readonly CoreV1Event[], now: number): string[] {
  if (events.length === 0) return ['Events:  <none>'];
  // client-node types the MicroTime fields (eventTime, series.lastObservedTime) as Dates but leaves the server's
  // string in them; new Date() reads both.
  const time = (d: Date | undefined): number => (d === undefined ? NaN : new Date(d).getTime());
  const rows = events
    .map((e) => {
      const first = time(e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp);
      const last = time(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp);
      const count = e.series?.count ?? e.count ?? 1;
      const lastAge = Number.isNaN(last) ? '<unknown>' : humanDuration(now - last);
      const age =
        count > 1 && !Number.isNaN(first) ? `${lastAge} (x${count} over ${humanDuration(now - first)})` : lastAge;
      const from = e.source?.component || e.reportingComponent || '';
      return {
        last: Number.isNaN(last) ? 0 : last,
        cells: [e.type ?? '', e.reason ?? '', age, from, (e.message ?? '').trim()],
      };
    })
    .sort((a, b) => a.last - b.last);
  return [
    'Events:',
    ...table(
      [
        ['Type', 'Reason', 'Age', 'From', 'Message'],
        ['----', '------', '----', '----', '-------'],
        ...rows.map((r) => r.cells),
      ],
      '  ',
      2,
    ),
  ];
}

function containerState(label: string, st: V1ContainerState | undefined): [string, string][] {
  if (!st) return [];
  if (st.running)
    return [
      [label, 'Running'],
      ['  Started', rfc1123z(st.running.startedAt)],
    ];
  if (st.waiting)
    return [[label, 'Waiting'], ...(st.waiting.reason ? [['  Reason', st.waiting.reason] as [string, string]] : [])];
  if (st.terminated) {
    const t = st.terminated;
    const out: [string, string][] = [[label, 'Terminated']];
    if (t.reason) out.push(['  Reason', t.reason]);
    if (t.message) out.push(['  Message', t.message.trim()]);
    out.push(['  Exit Code', String(t.exitCode)]);
    if (t.startedAt) out.push(['  Started', rfc1123z(t.startedAt)]);
    if (t.finishedAt) out.push(['  Finished', rfc1123z(t.finishedAt)]);
    return out;
  }
  return [];
}

function describeContainers(
  title: string,
  specs: readonly V1Container[],
  statuses: readonly V1ContainerStatus[],
): string[] {
  if (specs.length === 0) return [];
  const out = [`${title}:`];
  for (const c of specs) {
    const s = statuses.find((x) => x.name === c.name);
    out.push(`  ${c.name}:`);
    const rows: [string, string][] = [];
    if (s?.containerID) rows.push(['Container ID', s.containerID]);
    rows.push(['Image', c.image ?? '']);
    if (s?.imageID) rows.push(['Image ID', s.imageID]);
    const ports = c.ports ?? [];
    rows.push([
      'Port',
      ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>',
    ]);
    if (c.command) rows.push(['Command', c.command.join(' ')]);
    if (c.args) rows.push(['Args', c.args.join(' ')]);
    rows.push(...containerState('State', s?.state));
    rows.push(...containerState('Last State', s?.lastState));
    if (s !== undefined) rows.push(['Ready', s.ready ? 'True' : 'False'], ['Restart Count', String(s.restartCount)]);
    for (const kind of ['limits', 'requests'] as const) {
      const r = c.resources?.[kind];
      if (r && Object.keys(r).length) {
        rows.push([kind === 'limits' ? 'Limits' : 'Requests', '']);
        for (const [k, v] of Object.entries(r)) rows.push([`  ${k}`, String(v)]);
      }
    }
    const env = c.env ?? [];
    if (env.length === 0) rows.push(['Environment', '<none>']);
    else {
      rows.push(['Environment', '']);
      for (const e of env)
        rows.push([`  ${e.name}`, e.value !== undefined ? e.value : e.valueFrom ? '<set from a reference>' : '']);
    }
    // Keys below a state or resource heading are indented two more (Reason, Exit Code at 6 spaces).
    const w = Math.max(...rows.map(([k]) => k.length + 1)) + 2;
    for (const [k, v] of rows) out.push(`    ${`${k}:`.padEnd(w)}${v}`.trimEnd());
  }
  return out;
}

/** `kubectl describe pod` for a Pod object and its events. */
export function describePod(pod: V1Pod, events: readonly CoreV1Event[], now: number): string {
  const m = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const st = pod.status ?? {};
  const owner = (m.ownerReferences ?? []).find((o) => o.controller) ?? (m.ownerReferences ?? [])[0];
  const rows: [string, string][] = [
    ['Name', m.name ?? ''],
    ['Namespace', m.namespace ?? ''],
    ['Priority', String(spec.priority ?? 0)],
  ];
  if (spec.priorityClassName) rows.push(['Priority Class Name', spec.priorityClassName]);
  rows.push(['Service Account', spec.serviceAccountName ?? 'default']);
  rows.push(['Node', spec.nodeName ? `${spec.nodeName}${st.hostIP ? `/${st.hostIP}` : ''}` : '<none>']);
  if (st.startTime) rows.push(['Start Time', rfc1123z(st.startTime)]);
  rows.push(...mapLines('Labels', m.labels));
  rows.push(...mapLines('Annotations', m.annotations, ': '));
  rows.push([
    'Status',
    m.deletionTimestamp
      ? `Terminating (lasts ${humanDuration(now - m.deletionTimestamp.getTime())})`
      : (st.phase ?? 'Unknown'),
  ]);
  if (st.reason) rows.push(['Reason', st.reason]);
  if (st.message) rows.push(['Message', st.message]);
  rows.push(['IP', st.podIP ?? '']);
  const ips = (st.podIPs ?? []).map((x) => x.ip);
  rows.push(['IPs', ips.length ? '' : '<none>']);
  if (owner) rows.push(['Controlled By', `${owner.kind}/${owner.name}`]);
  const out = kv(rows);
  const ipsAt = out.findIndex((l) => l.startsWith('IPs:'));
  if (ips.length && ipsAt >= 0) out.splice(ipsAt + 1, 0, ...ips.map((ip) => `  IP:  ${ip}`));
  out.push(...describeContainers('Init Containers', spec.initContainers ?? [], st.initContainerStatuses ?? []));
  out.push(...describeContainers('Containers', spec.containers, st.containerStatuses ?? []));
  const conds = st.conditions ?? [];
  if (conds.length)
    out.push('Conditions:', ...table([['Type', 'Status'], ...conds.map((c) => [c.type, c.status])], '  ', 3));
  const tail: [string, string][] = [];
  if (st.qosClass) tail.push(['QoS Class', st.qosClass]);
  tail.push(...mapLines('Node-Selectors', spec.nodeSelector, '='));
  const tols = (spec.tolerations ?? []).map(
    (t) =>
      `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''}${t.operator === 'Exists' ? ' op=Exists' : ''}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`,
  );
  if (tols.length === 0) tail.push(['Tolerations', '<none>']);
  else tols.forEach((t, i) => tail.push([i === 0 ? 'Tolerations' : '', t]));
  out.push(...kv(tail));
  out.push(...eventRows(events, now));
  return `${out.join('\n')}\n`;
}

/** `kubectl describe node` for a Node object and its events. */
export function describeNode(node: V1Node, events: readonly CoreV1Event[], now: number): string {
  const m = node.metadata ?? {};
  const spec = node.spec ?? {};
  const st = node.status ?? {};
  const labels = m.labels ?? {};
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  const rows: [string, string][] = [
    ['Name', m.name ?? ''],
    ['Roles', roles.length ? roles.join(',') : '<none>'],
  ];
  rows.push(...mapLines('Labels', labels));
  rows.push(...mapLines('Annotations', m.annotations, ': '));
  rows.push(['CreationTimestamp', rfc1123z(m.creationTimestamp)]);
  const taints = (spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  if (taints.length === 0) rows.push(['Taints', '<none>']);
  else taints.forEach((t, i) => rows.push([i === 0 ? 'Taints' : '', t]));
  rows.push(['Unschedulable', spec.unschedulable ? 'true' : 'false']);
  const out = kv(rows);
  const conds = st.conditions ?? [];
  if (conds.length) {
    out.push(
      'Conditions:',
      ...table(
        [
          ['Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message'],
          ['----', '------', '-----------------', '------------------', '------', '-------'],
          ...conds.map((c) => [
            c.type,
            c.status,
            rfc1123z(c.lastHeartbeatTime),
            rfc1123z(c.lastTransitionTime),
            c.reason ?? '',
            c.message ?? '',
          ]),
        ],
        '  ',
        2,
      ),
    );
  }
  const addrs = st.addresses ?? [];
  out.push(
    'Addresses:',
    ...kv(
      addrs.map((a) => [a.type, a.address]),
      '  ',
    ),
  );
  for (const [title, res] of [
    ['Capacity', st.capacity],
    ['Allocatable', st.allocatable],
  ] as const) {
    if (res && Object.keys(res).length)
      out.push(
        `${title}:`,
        ...kv(
          Object.entries(res).map(([k, v]) => [k, v]),
          '  ',
        ),
      );
  }
  const ni = st.nodeInfo;
  out.push(
    'System Info:',
    ...kv(
      [
        ['Machine ID', ni?.machineID ?? ''],
        ['Kernel Version', ni?.kernelVersion ?? ''],
        ['OS Image', ni?.osImage ?? ''],
        ['Operating System', ni?.operatingSystem ?? ''],
        ['Architecture', ni?.architecture ?? ''],
        ['Container Runtime Version', ni?.containerRuntimeVersion ?? ''],
        ['Kubelet Version', ni?.kubeletVersion ?? ''],
      ],
      '  ',
    ),
  );
  if (spec.providerID) out.push(...kv([['ProviderID', spec.providerID]]));
  out.push(...eventRows(events, now));
  return `${out.join('\n')}\n`;
}

/** JSON as kubectl prints it: keys in alphabetical order, 4-space indent, times in RFC 3339 (whole seconds). */
function kubectlJson(value: unknown): string {
  const replacer = function (this: Record<string, unknown>, key: string, v: unknown): unknown {
    const raw = this[key];
    if (raw instanceof Date) return raw.toISOString().replace('.000Z', 'Z');
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };
  return `${JSON.stringify(value, replacer, 4)}\n`;
}

/** `kubectl get events -o json`: a List whose items carry apiVersion and kind, as kubectl prints them. */
export function eventsJson(events: readonly CoreV1Event[]): string {
  const items = events.map((e) => ({ ...e, apiVersion: e.apiVersion ?? 'v1', kind: e.kind ?? 'Event' }));
  return kubectlJson({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}

/** `kubectl get <kind> <name> -o json`. */
export function objectJson(obj: { apiVersion?: string; kind?: string }, apiVersion: string, kind: string): string {
  return kubectlJson({ ...obj, apiVersion: obj.apiVersion ?? apiVersion, kind: obj.kind ?? kind });
}

/** `kubectl auth whoami` from a SelfSubjectReview. */
export function whoami(review: V1SelfSubjectReview): string {
  const u = review.status?.userInfo ?? {};
  const rows: string[][] = [
    ['ATTRIBUTE', 'VALUE'],
    ['Username', u.username ?? ''],
  ];
  if (u.uid) rows.push(['UID', u.uid]);
  rows.push(['Groups', `[${(u.groups ?? []).join(' ')}]`]);
  for (const [k, v] of Object.entries(u.extra ?? {}).sort()) rows.push([`Extra: ${k}`, `[${v.join(' ')}]`]);
  return `${table(rows, '', 3).join('\n')}\n`;
}

/** `kubectl auth can-i --list` from a SelfSubjectRulesReview. */
export function canIList(review: V1SelfSubjectRulesReview): string {
  const st = review.status;
  const rows: string[][] = [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']];
  for (const r of st?.resourceRules ?? []) {
    const groups = r.apiGroups?.length ? r.apiGroups : [''];
    const resources = r.resources?.length ? r.resources : [''];
    for (const g of groups)
      for (const res of resources)
        rows.push([g ? `${res}.${g}` : res, '[]', `[${(r.resourceNames ?? []).join(' ')}]`, `[${r.verbs.join(' ')}]`]);
  }
  for (const r of st?.nonResourceRules ?? [])
    rows.push(['', `[${(r.nonResourceURLs ?? []).join(' ')}]`, '[]', `[${r.verbs.join(' ')}]`]);
  return `${table(rows, '', 3).join('\n')}\n`;
}

/** `kubectl config view --minify` of the current user's exec entry: the kubeconfig settings behind a token. */
export function kubeconfigExec(target: Target & { exec: NonNullable<Target['exec']> }): string {
  const e = target.exec;
  const q = (s: string): string =>
    /^[\w./:@-]+$/.test(s) && !/^(?:true|false|null|yes|no|~|-?\d[\d.]*)$/i.test(s) ? s : JSON.stringify(s);
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${q(target.context)}`,
    'clusters:',
    `- name: ${q(target.cluster)}`,
    '  cluster:',
    `    server: ${q(target.server)}`,
    'users:',
    `- name: ${q(target.user)}`,
    '  user:',
    '    exec:',
    `      apiVersion: ${q(e.apiVersion)}`,
    `      command: ${q(e.command)}`,
  ];
  if (e.args.length) lines.push('      args:', ...e.args.map((a) => `      - ${q(a)}`));
  if (e.env.length)
    lines.push('      env:', ...e.env.flatMap((v) => [`      - name: ${q(v.name)}`, `        value: ${q(v.value)}`]));
  return `${lines.join('\n')}\n`;
}
