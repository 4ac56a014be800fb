// Facts from `kubectl describe pod`: the pod, its containers (state, last state, restarts), its Conditions table
// and its events.
import type { Line } from '../input/lines.js';
import { expandTabs } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { fieldValue, linesUnder, parseDescribe, type DescribeBlock } from '../parse/describe.js';
import { ref, type Collected } from './collected.js';
import { eventsFromDescribe } from './events.js';
import type { ConditionFact, ContainerFact, PodFact } from './schema.js';

/** Reads one describe pod section. */
export function extractDescribePod(section: Section, c: Collected): void {
  const block = parseDescribe(section.lines);
  eventsFromDescribe(block, c);
  const pod = podFromDescribe(block, section.lines);
  const containers = containersFromDescribe(block, pod?.name ?? null);
  for (const x of containers) c.containers.push(x);
  if (!pod) return;
  c.pods.push(pod);
  const main = containers.filter((x) => !x.init && x.restartCount !== null);
  if (main.length > 0) pod.restarts = main.reduce((n, x) => n + (x.restartCount ?? 0), 0);
  conditionsOf(linesUnder(block, 'Conditions'), 'Pod', pod.name, false, c);
}

/** Header and separator rows of a describe Conditions table. */
export const TYPE_STATUS_HEADER = /^\s+Type\s+Status\b/;
export const DASHES = /^\s+-{4}/;
const ROW = /^\s+(\S+)\s+(True|False|Unknown)(?:\s+([^]*))?$/;
const ROW_WITH_REASON = /^\s+(\S+)\s+(True|False|Unknown)(?:\s+(\S+))?(?:\s+([^]*))?$/;

/** The rows of a describe Conditions table (`Type  Status  [Reason]  Message`; `withReason`: it has the Reason column). */
export function conditionsOf(
  lines: readonly Line[],
  objectKind: ConditionFact['objectKind'],
  object: string,
  withReason: boolean,
  c: Collected,
): void {
  for (const l of lines) {
    const t = expandTabs(l.text);
    if (TYPE_STATUS_HEADER.test(t) || DASHES.test(t)) continue;
    const m = (withReason ? ROW_WITH_REASON : ROW).exec(t);
    if (!m?.[1] || !m[2]) continue;
    const [reason, message] = withReason ? [m[3] ?? null, m[4]] : [null, m[3]];
    c.conditions.push(
      Object.assign(ref(l), { objectKind, object, type: m[1], status: m[2], reason, message: message?.trim() || null }),
    );
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
    nodeSelector: nodeSelectorOf(block),
    ready: null,
    restarts: null,
  });
}

/** `Node-Selectors:  a=b` with further `c=d` lines under it (`<none>`: none); null when the field is not shown. */
function nodeSelectorOf(block: DescribeBlock): string[] | null {
  const sub = block.blocks.find((b) => b.field.key === 'Node-Selectors');
  if (!sub) return null;
  const labels = [sub.field.value, ...sub.lines.map((l) => l.text.trim())].filter((v) => /^[^\s=]+=\S*$/.test(v));
  return labels;
}

/** Containers of a describe pod block, from the indented fields (names at 2 spaces, keys at 4, state details at 6). */
function containersFromDescribe(block: DescribeBlock, pod: string | null): ContainerFact[] {
  const out: ContainerFact[] = [];
  let mode: 'init' | 'main' | null = null;
  let cur: ContainerFact | null = null;
  let sub: 'state' | 'last' | 'requests' | null = null;
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
        requests: null,
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
      else if (f.key === 'Requests') {
        cur.requests = [];
        sub = 'requests';
      }
    } else if (f.indent >= 6 && sub === 'requests') cur.requests?.push(`${f.key}=${f.value}`);
    else if (f.indent >= 6 && sub !== null) {
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
