// What was collected, rendered as the text kubectl prints for it (describe, -o json, auth whoami, auth can-i --list),
// so the core reads live data exactly as it reads a paste. Formats follow kubectl 1.3x.
import { humanDuration } from './human-duration.js';
import type { J } from './kube.js';

export { humanDuration };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** Go's RFC1123Z in UTC, as kubectl describe prints times: "Fri, 29 Nov 2026 06:05:41 +0000". */
export function rfc1123z(iso: unknown): string {
  const d = new Date(typeof iso === 'string' ? iso : NaN);
  if (Number.isNaN(d.getTime())) return '<unknown>';
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

function mapLines(key: string, m: Record<string, string> | undefined, sep = '='): [string, string][] {
  const entries = Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return [[key, '<none>']];
  return entries.map(([k, v], i) => [i === 0 ? key : '', `${k}${sep}${v}`]);
}

/** The rows of a describe Events table, sorted by last time seen; `now` for ages. */
export function eventRows(events: readonly J[], now: number): string[] {
  if (events.length === 0) return ['Events:  <none>'];
  const rows = events
    .map((e) => {
      const first = Date.parse(e.firstTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '');
      const last = Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '');
      const count: number = e.series?.count ?? e.count ?? 1;
      const lastAge = Number.isNaN(last) ? '<unknown>' : humanDuration(now - last);
      const age =
        count > 1 && !Number.isNaN(first) ? `${lastAge} (x${count} over ${humanDuration(now - first)})` : lastAge;
      const from = e.source?.component || e.reportingComponent || e.reportingController || '';
      return {
        last: Number.isNaN(last) ? 0 : last,
        cells: [String(e.type ?? ''), String(e.reason ?? ''), age, from, String(e.message ?? e.note ?? '').trim()],
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

function containerState(label: string, st: J): [string, string][] {
  if (!st || Object.keys(st).length === 0) return [];
  if (st.running)
    return [
      [label, 'Running'],
      ['  Started', rfc1123z(st.running.startedAt)],
    ];
  if (st.waiting)
    return [
      [label, 'Waiting'],
      ...(st.waiting.reason ? [['  Reason', String(st.waiting.reason)] as [string, string]] : []),
    ];
  if (st.terminated) {
    const t = st.terminated;
    const out: [string, string][] = [[label, 'Terminated']];
    if (t.reason) out.push(['  Reason', String(t.reason)]);
    if (t.message) out.push(['  Message', String(t.message).trim()]);
    out.push(['  Exit Code', String(t.exitCode ?? '')]);
    if (t.startedAt) out.push(['  Started', rfc1123z(t.startedAt)]);
    if (t.finishedAt) out.push(['  Finished', rfc1123z(t.finishedAt)]);
    return out;
  }
  return [];
}

function describeContainers(title: string, specs: readonly J[], statuses: readonly J[]): string[] {
  if (specs.length === 0) return [];
  const out = [`${title}:`];
  for (const c of specs) {
    const s = statuses.find((x) => x.name === c.name) ?? {};
    out.push(`  ${c.name}:`);
    const rows: [string, string][] = [];
    if (s.containerID) rows.push(['Container ID', String(s.containerID)]);
    rows.push(['Image', String(c.image ?? '')]);
    if (s.imageID) rows.push(['Image ID', String(s.imageID)]);
    const ports = (c.ports ?? []) as J[];
    rows.push([
      'Port',
      ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>',
    ]);
    if (c.command) rows.push(['Command', (c.command as string[]).join(' ')]);
    if (c.args) rows.push(['Args', (c.args as string[]).join(' ')]);
    rows.push(...containerState('State', s.state));
    if (s.lastState && Object.keys(s.lastState).length) rows.push(...containerState('Last State', s.lastState));
    if (s.ready !== undefined) rows.push(['Ready', s.ready ? 'True' : 'False']);
    if (s.restartCount !== undefined) rows.push(['Restart Count', String(s.restartCount)]);
    for (const kind of ['limits', 'requests'] as const) {
      const r = c.resources?.[kind];
      if (r && Object.keys(r).length) {
        rows.push([kind === 'limits' ? 'Limits' : 'Requests', '']);
        for (const [k, v] of Object.entries(r)) rows.push([`  ${k}`, String(v)]);
      }
    }
    const env = (c.env ?? []) as J[];
    if (env.length === 0) rows.push(['Environment', '<none>']);
    else {
      rows.push(['Environment', '']);
      for (const e of env)
        rows.push([
          `  ${e.name}`,
          e.value !== undefined ? String(e.value) : e.valueFrom ? '<set from a reference>' : '',
        ]);
    }
    // Keys below a state or resource heading are indented two more (Reason, Exit Code at 6 spaces).
    const w = Math.max(...rows.map(([k]) => k.length + 1)) + 2;
    for (const [k, v] of rows) out.push(`    ${`${k}:`.padEnd(w)}${v}`.trimEnd());
  }
  return out;
}

/** `kubectl describe pod` for a Pod object and its events. */
export function describePod(pod: J, events: readonly J[], now: number): string {
  const m = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  const owner = ((m.ownerReferences ?? []) as J[]).find((o) => o.controller) ?? (m.ownerReferences ?? [])[0];
  const rows: [string, string][] = [
    ['Name', String(m.name ?? '')],
    ['Namespace', String(m.namespace ?? '')],
    ['Priority', String(spec.priority ?? 0)],
  ];
  if (spec.priorityClassName) rows.push(['Priority Class Name', String(spec.priorityClassName)]);
  rows.push(['Service Account', String(spec.serviceAccountName ?? 'default')]);
  rows.push(['Node', spec.nodeName ? `${spec.nodeName}${st.hostIP ? `/${st.hostIP}` : ''}` : '<none>']);
  if (st.startTime) rows.push(['Start Time', rfc1123z(st.startTime)]);
  rows.push(...mapLines('Labels', m.labels));
  rows.push(...mapLines('Annotations', m.annotations, ': '));
  rows.push([
    'Status',
    m.deletionTimestamp
      ? `Terminating (lasts ${humanDuration(now - Date.parse(m.deletionTimestamp))})`
      : String(st.phase ?? 'Unknown'),
  ]);
  if (st.reason) rows.push(['Reason', String(st.reason)]);
  if (st.message) rows.push(['Message', String(st.message)]);
  rows.push(['IP', String(st.podIP ?? '')]);
  const ips = ((st.podIPs ?? []) as J[]).map((x) => String(x.ip));
  rows.push(['IPs', ips.length ? '' : '<none>']);
  if (owner) rows.push(['Controlled By', `${owner.kind}/${owner.name}`]);
  const out = kv(rows);
  const ipsAt = out.findIndex((l) => l.startsWith('IPs:'));
  if (ips.length && ipsAt >= 0) out.splice(ipsAt + 1, 0, ...ips.map((ip) => `  IP:  ${ip}`));
  out.push(...describeContainers('Init Containers', spec.initContainers ?? [], st.initContainerStatuses ?? []));
  out.push(...describeContainers('Containers', spec.containers ?? [], st.containerStatuses ?? []));
  const conds = (st.conditions ?? []) as J[];
  if (conds.length)
    out.push(
      'Conditions:',
      ...table([['Type', 'Status'], ...conds.map((c) => [String(c.type), String(c.status)])], '  ', 3),
    );
  const tail: [string, string][] = [];
  if (st.qosClass) tail.push(['QoS Class', String(st.qosClass)]);
  tail.push(...mapLines('Node-Selectors', spec.nodeSelector, '='));
  const tols = ((spec.tolerations ?? []) as J[]).map(
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
export function describeNode(node: J, events: readonly J[], now: number): string {
  const m = node.metadata ?? {};
  const spec = node.spec ?? {};
  const st = node.status ?? {};
  const labels: Record<string, string> = m.labels ?? {};
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  const rows: [string, string][] = [
    ['Name', String(m.name ?? '')],
    ['Roles', roles.length ? roles.join(',') : '<none>'],
  ];
  rows.push(...mapLines('Labels', labels));
  rows.push(...mapLines('Annotations', m.annotations, ': '));
  rows.push(['CreationTimestamp', rfc1123z(m.creationTimestamp)]);
  const taints = ((spec.taints ?? []) as J[]).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  if (taints.length === 0) rows.push(['Taints', '<none>']);
  else taints.forEach((t, i) => rows.push([i === 0 ? 'Taints' : '', t]));
  rows.push(['Unschedulable', spec.unschedulable ? 'true' : 'false']);
  const out = kv(rows);
  const conds = (st.conditions ?? []) as J[];
  if (conds.length) {
    out.push(
      'Conditions:',
      ...table(
        [
          ['Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message'],
          ['----', '------', '-----------------', '------------------', '------', '-------'],
          ...conds.map((c) => [
            String(c.type),
            String(c.status),
            rfc1123z(c.lastHeartbeatTime),
            rfc1123z(c.lastTransitionTime),
            String(c.reason ?? ''),
            String(c.message ?? ''),
          ]),
        ],
        '  ',
        2,
      ),
    );
  }
  const addrs = (st.addresses ?? []) as J[];
  out.push(
    'Addresses:',
    ...kv(
      addrs.map((a) => [String(a.type), String(a.address)]),
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
          Object.entries(res as Record<string, string>).map(([k, v]) => [k, String(v)]),
          '  ',
        ),
      );
  }
  const ni = st.nodeInfo ?? {};
  out.push(
    'System Info:',
    ...kv(
      [
        ['Machine ID', String(ni.machineID ?? '')],
        ['Kernel Version', String(ni.kernelVersion ?? '')],
        ['OS Image', String(ni.osImage ?? '')],
        ['Operating System', String(ni.operatingSystem ?? '')],
        ['Architecture', String(ni.architecture ?? '')],
        ['Container Runtime Version', String(ni.containerRuntimeVersion ?? '')],
        ['Kubelet Version', String(ni.kubeletVersion ?? '')],
      ],
      '  ',
    ),
  );
  if (spec.providerID) out.push(...kv([['ProviderID', String(spec.providerID)]]));
  out.push(...eventRows(events, now));
  return `${out.join('\n')}\n`;
}

/** `kubectl get events -o json`: a List whose items carry apiVersion and kind, as kubectl prints them. */
export function eventsJson(events: readonly J[]): string {
  const items = events.map((e) => ({ apiVersion: 'v1', kind: 'Event', ...e }));
  return `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
}

/** `kubectl get <kind> <name> -o json`. */
export function objectJson(obj: J, apiVersion: string, kind: string): string {
  return `${JSON.stringify({ apiVersion, kind, ...obj }, null, 4)}\n`;
}

/** `kubectl auth whoami` from a SelfSubjectReview. */
export function whoami(review: J): string {
  const u = review?.status?.userInfo ?? {};
  const rows: string[][] = [
    ['ATTRIBUTE', 'VALUE'],
    ['Username', String(u.username ?? '')],
  ];
  if (u.uid) rows.push(['UID', String(u.uid)]);
  rows.push(['Groups', `[${((u.groups ?? []) as string[]).join(' ')}]`]);
  for (const [k, v] of Object.entries((u.extra ?? {}) as Record<string, string[]>).sort())
    rows.push([`Extra: ${k}`, `[${v.join(' ')}]`]);
  return `${table(rows, '', 3).join('\n')}\n`;
}

/** `kubectl auth can-i --list` from a SelfSubjectRulesReview. */
export function canIList(review: J): string {
  const st = review?.status ?? {};
  const rows: string[][] = [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']];
  for (const r of (st.resourceRules ?? []) as J[]) {
    const groups: string[] = r.apiGroups?.length ? r.apiGroups : [''];
    const resources: string[] = r.resources?.length ? r.resources : [''];
    for (const g of groups)
      for (const res of resources)
        rows.push([
          g ? `${res}.${g}` : res,
          '[]',
          `[${(r.resourceNames ?? []).join(' ')}]`,
          `[${(r.verbs ?? []).join(' ')}]`,
        ]);
  }
  for (const r of (st.nonResourceRules ?? []) as J[])
    rows.push(['', `[${(r.nonResourceURLs ?? []).join(' ')}]`, '[]', `[${(r.verbs ?? []).join(' ')}]`]);
  return `${table(rows, '', 3).join('\n')}\n`;
}

/** `kubectl config view --minify` of the current user's exec entry: the kubeconfig settings behind a token. */
export function kubeconfigExec(target: {
  context: string;
  cluster: string;
  server: string;
  user: string;
  exec: J;
}): string {
  const e = target.exec ?? {};
  const q = (s: unknown): string =>
    typeof s === 'string' && /^[\w./:@-]+$/.test(s) && !/^(?:true|false|null|yes|no|~|-?\d[\d.]*)$/i.test(s)
      ? s
      : JSON.stringify(s);
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
    `      apiVersion: ${q(e.apiVersion ?? '')}`,
    `      command: ${q(e.command ?? '')}`,
  ];
  const args = (e.args ?? []) as string[];
  if (args.length) lines.push('      args:', ...args.map((a) => `      - ${q(a)}`));
  const env = (e.env ?? []) as { name: string; value: string }[];
  if (env.length)
    lines.push('      env:', ...env.flatMap((v) => [`      - name: ${q(v.name)}`, `        value: ${q(v.value)}`]));
  return `${lines.join('\n')}\n`;
}
