// Deterministic generators of large, realistic inputs for `pnpm bench` (written to the gitignored bench/out/):
//   events  — `kubectl get events -A -o json` (4-space indent, sorted keys, List wrapper)
//   describe — `kubectl describe pods -A`
//   mixed   — mixed logs: klog, journald/kubelet, controller JSON logs, kubectl and aws CLI errors
//   pending — `kubectl get events -A -o json` where every event is a distinct Pending pod (FailedScheduling)
//   controller — a controller's log (aws-load-balancer-controller, JSON lines and klog) with one error in 10 000 lines
// controllerChunks also feeds `--follow` through a pipe, never through a file (bench/run.mjs).
// The same seed and size always give the same bytes.
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');
export const SEED = 20261129;
const GEN_VERSION = 2;

/** mulberry32: a small, fast, deterministic PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tools(rand) {
  const int = (n) => Math.floor(rand() * n);
  const pick = (xs) => xs[int(xs.length)];
  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(16)];
    return s;
  };
  const alnum = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += 'bcdfghjklmnpqrstvwxz2456789'[int(27)];
    return s;
  };
  const uid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  return { int, pick, hex, alnum, uid };
}

const NAMESPACES = [
  'default',
  'kube-system',
  'prod',
  'staging',
  'payments',
  'search',
  'monitoring',
  'ingress-nginx',
  'batch',
  'ml-training',
];
const APPS = [
  'web',
  'api',
  'worker',
  'checkout',
  'cart',
  'indexer',
  'prometheus',
  'fluent-bit',
  'aws-node',
  'coredns',
  'ingest',
  'scheduler-extender',
];
const IMAGES = [
  '123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v1.42.0',
  '123456789012.dkr.ecr.eu-central-1.amazonaws.com/api:2026.11.3',
  'nginx:1.27.4',
  'ghcr.io/example/worker:sha-3f9c2a1',
  'public.ecr.aws/eks/aws-load-balancer-controller:v2.9.0',
  'docker.io/library/redis:7.4',
];
const NODES = Array.from(
  { length: 40 },
  (_, i) => `ip-10-0-${(i * 7) % 250}-${(i * 13) % 250}.us-west-2.compute.internal`,
);

function ts(t, base, offsetSec) {
  return new Date(base + offsetSec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One event object (core/v1 Event as `kubectl get events -o json` prints it). */
function makeEvent(t, i) {
  const base = Date.UTC(2026, 10, 29, 5, 0, 0);
  const ns = t.pick(NAMESPACES);
  const app = t.pick(APPS);
  const pod = `${app}-${t.alnum(10)}-${t.alnum(5)}`;
  const image = t.pick(IMAGES);
  const sa = `${app}-sa`;
  const nodes = 2 + t.int(30);
  const kinds = [
    [
      'Warning',
      'FailedScheduling',
      'Pod',
      'default-scheduler',
      `0/${nodes} nodes are available: ${nodes} node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`,
    ],
    [
      'Warning',
      'FailedScheduling',
      'Pod',
      'default-scheduler',
      `0/${nodes} nodes are available: ${Math.max(1, nodes - 1)} Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/${nodes} nodes are available: 1 Preemption is not helpful for scheduling, ${Math.max(1, nodes - 1)} No preemption victims found for incoming pod.`,
    ],
    [
      'Warning',
      'BackOff',
      'Pod',
      'kubelet',
      `Back-off restarting failed container ${app} in pod ${pod}_${ns}(${t.uid()})`,
    ],
    ['Warning', 'BackOff', 'Pod', 'kubelet', `Back-off pulling image "${image}"`],
    [
      'Warning',
      'Failed',
      'Pod',
      'kubelet',
      `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`,
    ],
    ['Warning', 'Failed', 'Pod', 'kubelet', 'Error: ErrImagePull'],
    ['Warning', 'Failed', 'Pod', 'kubelet', 'Error: ImagePullBackOff'],
    [
      'Warning',
      'FailedCreate',
      'ReplicaSet',
      'replicaset-controller',
      `Error creating: pods "${pod}" is forbidden: error looking up service account ${ns}/${sa}: serviceaccount "${sa}" not found`,
    ],
    [
      'Warning',
      'FailedCreate',
      'ReplicaSet',
      'replicaset-controller',
      `Error creating: pods "${pod}" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "${app}" must set securityContext.allowPrivilegeEscalation=false)`,
    ],
    [
      'Warning',
      'FailedMount',
      'Pod',
      'kubelet',
      `MountVolume.SetUp failed for volume "config" : secret "${app}-config" not found`,
    ],
    [
      'Warning',
      'Unhealthy',
      'Pod',
      'kubelet',
      `Readiness probe failed: Get "http://10.0.${t.int(250)}.${t.int(250)}:8080/healthz": dial tcp 10.0.1.2:8080: connect: connection refused`,
    ],
    ['Normal', 'Scheduled', 'Pod', 'default-scheduler', `Successfully assigned ${ns}/${pod} to ${t.pick(NODES)}`],
    ['Normal', 'Pulling', 'Pod', 'kubelet', `Pulling image "${image}"`],
    [
      'Normal',
      'Pulled',
      'Pod',
      'kubelet',
      `Successfully pulled image "${image}" in ${t.int(9000)}ms (${t.int(9000)}ms including waiting). Image size: ${t.int(900000000)} bytes.`,
    ],
    ['Normal', 'Created', 'Pod', 'kubelet', `Created container ${app}`],
    ['Normal', 'Started', 'Pod', 'kubelet', `Started container ${app}`],
    ['Normal', 'Killing', 'Pod', 'kubelet', `Stopping container ${app}`],
    ['Normal', 'SuccessfulCreate', 'ReplicaSet', 'replicaset-controller', `Created pod: ${pod}`],
    [
      'Normal',
      'ScalingReplicaSet',
      'Deployment',
      'deployment-controller',
      `Scaled up replica set ${app}-${t.alnum(10)} to ${1 + t.int(9)}`,
    ],
  ];
  // Warnings are over-represented, as in a broken cluster; one in ~40 is an RBAC denial from a controller.
  let row;
  if (i % 41 === 7) {
    row = [
      'Warning',
      'FailedCreate',
      'Job',
      'job-controller',
      `Error creating: pods is forbidden: User "system:serviceaccount:${ns}:${sa}" cannot list resource "pods" in API group "" in the namespace "${ns}"`,
    ];
  } else row = kinds[t.int(kinds.length)];
  const [type, reason, kind, component, message] = row;
  const off = t.int(3600);
  const count = 1 + t.int(40);
  const objName = kind === 'Pod' ? pod : kind === 'ReplicaSet' ? `${app}-${t.alnum(10)}` : app;
  return {
    apiVersion: 'v1',
    count,
    eventTime: null,
    firstTimestamp: ts(t, base, off),
    involvedObject: {
      apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
      kind,
      name: objName,
      namespace: ns,
      resourceVersion: String(1000000 + t.int(9000000)),
      uid: t.uid(),
    },
    kind: 'Event',
    lastTimestamp: ts(t, base, off + t.int(600)),
    message,
    metadata: {
      creationTimestamp: ts(t, base, off),
      name: `${objName}.${t.hex(16)}`,
      namespace: ns,
      resourceVersion: String(1000000 + t.int(9000000)),
      uid: t.uid(),
    },
    reason,
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? t.pick(NODES) : '',
    source: component === 'kubelet' ? { component, host: t.pick(NODES) } : { component },
    type,
  };
}

function indentBlock(s, pad) {
  return s.replace(/^/gm, pad);
}

function* eventsChunks(t, target) {
  yield '{\n    "apiVersion": "v1",\n    "items": [\n';
  let size = 60;
  let i = 0;
  let first = true;
  while (size < target - 80) {
    const s = indentBlock(JSON.stringify(makeEvent(t, i++), null, 4), '        ');
    const piece = (first ? '' : ',\n') + s;
    first = false;
    size += Buffer.byteLength(piece);
    yield piece;
  }
  yield '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n';
}

function describePod(t, i) {
  const ns = t.pick(NAMESPACES);
  const app = t.pick(APPS);
  const rs = `${app}-${t.alnum(10)}`;
  const pod = `${rs}-${t.alnum(5)}`;
  const image = t.pick(IMAGES);
  const node = t.pick(NODES);
  const scenario = t.int(10);
  const pending = scenario < 2;
  const pad = (k, w = 18) => `${k}:`.padEnd(w);
  const L = [];
  L.push(
    `${pad('Name')}${pod}`,
    `${pad('Namespace')}${ns}`,
    `${pad('Priority')}0`,
    `${pad('Service Account')}${app}-sa`,
  );
  L.push(`${pad('Node')}${pending ? '<none>' : `${node}/10.0.${t.int(250)}.${t.int(250)}`}`);
  if (!pending) L.push(`${pad('Start Time')}Sun, 29 Nov 2026 05:${String(t.int(60)).padStart(2, '0')}:12 +0000`);
  L.push(
    `${pad('Labels')}app=${app}`,
    `${''.padEnd(18)}pod-template-hash=${rs.slice(app.length + 1)}`,
    `${pad('Annotations')}<none>`,
  );
  L.push(
    `${pad('Status')}${pending ? 'Pending' : 'Running'}`,
    `${pad('IP')}${pending ? '' : `10.0.${t.int(250)}.${t.int(250)}`}`,
  );
  L.push(`${pad('Controlled By')}ReplicaSet/${rs}`, 'Containers:', `  ${app}:`);
  L.push(
    `    Container ID:   ${pending ? '' : `containerd://${t.hex(64)}`}`,
    `    Image:          ${image}`,
    `    Image ID:       ${pending ? '' : `${image.split(':')[0]}@sha256:${t.hex(64)}`}`,
  );
  L.push('    Port:           8080/TCP', '    Host Port:      0/TCP');
  if (scenario === 2)
    L.push(
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       OOMKilled',
      '      Exit Code:    137',
    );
  else if (scenario === 3) L.push('    State:          Waiting', '      Reason:       ImagePullBackOff');
  else if (pending) L.push('    State:          Waiting', '      Reason:       ContainerCreating');
  else
    L.push(
      '    State:          Running',
      `      Started:      Sun, 29 Nov 2026 05:${String(t.int(60)).padStart(2, '0')}:40 +0000`,
    );
  L.push(
    `    Ready:          ${scenario >= 4 ? 'True' : 'False'}`,
    `    Restart Count:  ${scenario === 2 ? 10 + t.int(200) : 0}`,
  );
  L.push(
    '    Limits:',
    '      memory:  256Mi',
    '    Requests:',
    '      cpu:        250m',
    '      memory:     256Mi',
    '    Environment:',
    `      AWS_REGION:  us-west-2`,
  );
  L.push('    Mounts:', `      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-${t.alnum(5)} (ro)`);
  L.push(
    'Conditions:',
    '  Type                        Status',
    `  PodReadyToStartContainers   ${pending ? 'False' : 'True'} `,
    `  Initialized                 True `,
    `  Ready                       ${scenario >= 4 ? 'True' : 'False'} `,
    `  PodScheduled                ${pending ? 'False' : 'True'} `,
  );
  L.push(
    'Volumes:',
    `  kube-api-access-${t.alnum(5)}:`,
    '    Type:                    Projected (a volume that contains injected data from multiple sources)',
    '    TokenExpirationSeconds:  3607',
    '    ConfigMapName:           kube-root-ca.crt',
    '    ConfigMapOptional:       <nil>',
    '    DownwardAPI:             true',
  );
  L.push(
    'QoS Class:                   Burstable',
    'Node-Selectors:              <none>',
    'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
    '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
  );
  const ev = [];
  const nodes = 2 + t.int(30);
  if (scenario === 0)
    ev.push([
      'Warning',
      'FailedScheduling',
      `${t.int(50)}s (x${2 + t.int(20)} over ${1 + t.int(50)}m)`,
      'default-scheduler',
      `0/${nodes} nodes are available: ${nodes} node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`,
    ]);
  if (scenario === 1)
    ev.push([
      'Warning',
      'FailedScheduling',
      `${t.int(50)}s`,
      'default-scheduler',
      `0/${nodes} nodes are available: ${nodes} Insufficient memory. preemption: 0/${nodes} nodes are available: ${nodes} No preemption victims found for incoming pod.`,
    ]);
  if (scenario === 2)
    ev.push([
      'Warning',
      'BackOff',
      `${t.int(50)}s (x${2 + t.int(300)} over ${1 + t.int(50)}m)`,
      'kubelet',
      'Back-off restarting failed container app in pod ' + `${pod}_${ns}(${t.uid()})`,
    ]);
  if (scenario === 3) {
    ev.push([
      'Warning',
      'Failed',
      `${t.int(50)}s (x4 over 2m)`,
      'kubelet',
      `Failed to pull image "${image}": failed to pull and unpack image "${image}": failed to resolve reference "${image}": unexpected status from HEAD request to https://${image.split('/')[0]}/v2/: 403 Forbidden`,
    ]);
    ev.push(['Warning', 'Failed', `${t.int(50)}s (x4 over 2m)`, 'kubelet', 'Error: ErrImagePull']);
    ev.push(['Normal', 'BackOff', `${t.int(50)}s (x6 over 2m)`, 'kubelet', `Back-off pulling image "${image}"`]);
  }
  if (scenario === 4 && i % 3 === 0)
    ev.push([
      'Warning',
      'FailedMount',
      '2m',
      'kubelet',
      `MountVolume.SetUp failed for volume "token" : failed to fetch token: serviceaccounts "${app}-sa" is forbidden: User "system:node:${node}" cannot create resource "serviceaccounts/token" in API group "" in the namespace "${ns}": no relationship found between node '${node}' and this object`,
    ]);
  if (!pending && scenario !== 2) {
    ev.push([
      'Normal',
      'Scheduled',
      `${t.int(59)}m`,
      'default-scheduler',
      `Successfully assigned ${ns}/${pod} to ${node}`,
    ]);
    ev.push(['Normal', 'Pulled', `${t.int(59)}m`, 'kubelet', `Container image "${image}" already present on machine`]);
  }
  if (ev.length === 0 || (scenario > 4 && t.int(3) === 0)) L.push('Events:                      <none>');
  else {
    const w = [
      9,
      Math.max(7, ...ev.map((e) => e[1].length + 2)),
      Math.max(5, ...ev.map((e) => e[2].length + 2)),
      Math.max(6, ...ev.map((e) => e[3].length + 2)),
    ];
    const row = (c) => `  ${c[0].padEnd(w[0])}${c[1].padEnd(w[1])}${c[2].padEnd(w[2])}${c[3].padEnd(w[3])}${c[4]}`;
    L.push(
      'Events:',
      row(['Type', 'Reason', 'Age', 'From', 'Message']),
      row(['----', '------', '----', '----', '-------']),
    );
    for (const e of ev) L.push(row(e));
  }
  return L.join('\n') + '\n';
}

function* describeChunks(t, target) {
  let size = 0;
  let i = 0;
  while (size < target) {
    const s = (i === 0 ? '' : '\n\n') + describePod(t, i++).trimEnd();
    size += Buffer.byteLength(s);
    yield s;
  }
  yield '\n';
}

function logLine(t, i) {
  const ns = t.pick(NAMESPACES);
  const app = t.pick(APPS);
  const node = t.pick(NODES);
  const hh = String(5 + t.int(2)).padStart(2, '0');
  const mm = String(t.int(60)).padStart(2, '0');
  const ss = String(t.int(60)).padStart(2, '0');
  const us = String(t.int(1000000)).padStart(6, '0');
  const pid = 1000 + t.int(9000);
  const k = i % 97 === 3 ? 99 : t.int(14);
  switch (k) {
    case 0:
      return `I1129 ${hh}:${mm}:${ss}.${us}    ${pid} controller.go:${100 + t.int(900)}] "Syncing" key="${ns}/${app}" duration="${t.int(900)}ms"`;
    case 1:
      return `E1129 ${hh}:${mm}:${ss}.${us}    ${pid} reflector.go:158] "Unhandled Error" err="k8s.io/client-go/informers/factory.go:160: Failed to watch *v1.Pod: failed to list *v1.Pod: pods is forbidden: User \\"system:serviceaccount:${ns}:${app}-sa\\" cannot list resource \\"pods\\" in API group \\"\\" at the cluster scope" logger="UnhandledError"`;
    case 2:
      return `Nov 29 ${hh}:${mm}:${ss} ${node} kubelet[${pid}]: E1129 ${hh}:${mm}:${ss}.${us}    ${pid} kubelet_node_status.go:95] "Unable to register node with API server" err="Unauthorized" node="${node}"`;
    case 3:
      return `Nov 29 ${hh}:${mm}:${ss} ${node} kubelet[${pid}]: I1129 ${hh}:${mm}:${ss}.${us}    ${pid} kubelet.go:2461] "SyncLoop (PLEG): event for pod" pod="${ns}/${app}-${t.alnum(10)}-${t.alnum(5)}" event={"ID":"${t.uid()}","Type":"ContainerStarted"}`;
    case 4:
      return `{"level":"info","ts":"2026-11-29T${hh}:${mm}:${ss}.${us.slice(0, 3)}Z","logger":"controller","msg":"Reconciling","namespace":"${ns}","name":"${app}","reconcileID":"${t.uid()}"}`;
    case 5:
      return `{"level":"error","ts":"2026-11-29T${hh}:${mm}:${ss}Z","msg":"Reconciler error","controller":"targetgroupbinding","error":"AccessDenied: User: arn:aws:sts::123456789012:assumed-role/eks-lbc-${t.alnum(6)}/${t.int(1e9)} is not authorized to perform: elasticloadbalancing:DescribeTargetGroups"}`;
    case 6:
      return `Error from server (Forbidden): deployments.apps "${app}" is forbidden: User "ci-deployer" cannot patch resource "deployments" in API group "apps" in the namespace "${ns}"`;
    case 7:
      return 'error: You must be logged in to the server (Unauthorized)';
    case 8:
      return `time="2026-11-29T${hh}:${mm}:${ss}Z" level=info msg="access granted" arn="arn:aws:iam::123456789012:role/${app}-role" client="127.0.0.1:${40000 + t.int(20000)}" groups="[system:masters]" method=POST path=/authenticate uid="aws-iam-authenticator:123456789012:AROA${t.alnum(17).toUpperCase()}" username="kubernetes-admin"`;
    case 9:
      return `${'2026-11-29T'}${hh}:${mm}:${ss}.${us}Z stdout F GET /healthz 200 ${t.int(900)}us ${app}`;
    case 10:
      return `W1129 ${hh}:${mm}:${ss}.${us}    ${pid} warnings.go:70] spec.template.spec.containers[0].resources: memory limit is lower than request`;
    case 11:
      return `  ${app}-${t.alnum(10)}-${t.alnum(5)}   0/1     ${t.pick(['Pending', 'CrashLoopBackOff', 'ImagePullBackOff', 'Running'])}   ${t.int(40)}          ${t.int(59)}m`;
    case 12:
      return `Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 255`;
    case 13:
      return `Nov 29 ${hh}:${mm}:${ss} ${node} containerd[${pid}]: time="2026-11-29T${hh}:${mm}:${ss}Z" level=error msg="PullImage \\"${t.pick(IMAGES)}\\" failed" error="failed to pull and unpack image: failed to resolve reference: pull access denied"`;
    default:
      return `could not get token: NoCredentialProviders: no valid providers in chain. Deprecated.`;
  }
}

function* mixedChunks(t, target) {
  let size = 0;
  let i = 0;
  while (size < target) {
    const lines = [];
    for (let j = 0; j < 200; j++) lines.push(logLine(t, i++));
    const s = lines.join('\n') + '\n';
    size += Buffer.byteLength(s);
    yield s;
  }
}

/** One FailedScheduling event of its own Pending pod. */
function pendingEvent(t, i) {
  const e = makeEvent(t, i);
  const ns = NAMESPACES[i % NAMESPACES.length];
  const pod = `${APPS[i % APPS.length]}-${t.alnum(10)}-${String(i).padStart(7, '0')}`;
  const nodes = 3 + (i % 12);
  const message = [
    `0/${nodes} nodes are available: ${nodes} node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`,
    `0/${nodes} nodes are available: ${nodes} Insufficient cpu. preemption: 0/${nodes} nodes are available: ${nodes} No preemption victims found for incoming pod.`,
    `0/${nodes} nodes are available: ${nodes} node(s) didn't match Pod's node affinity/selector. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`,
  ][i % 3];
  return {
    ...e,
    count: 1 + (i % 7),
    involvedObject: {
      apiVersion: 'v1',
      kind: 'Pod',
      name: pod,
      namespace: ns,
      resourceVersion: String(2000000 + i),
      uid: t.uid(),
    },
    message,
    metadata: { ...e.metadata, name: `${pod}.${t.hex(16)}`, namespace: ns },
    reason: 'FailedScheduling',
    reportingComponent: 'default-scheduler',
    reportingInstance: '',
    source: { component: 'default-scheduler' },
    type: 'Warning',
  };
}

function* pendingChunks(t, target) {
  yield '{\n    "apiVersion": "v1",\n    "items": [\n';
  let size = 60;
  let i = 0;
  while (size < target - 80) {
    const piece = (i === 0 ? '' : ',\n') + indentBlock(JSON.stringify(pendingEvent(t, i++), null, 4), '        ');
    size += Buffer.byteLength(piece);
    yield piece;
  }
  yield '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n';
}

/** The error a controller log holds once in 10 000 lines: its IAM role may not tag load balancers. */
export const CONTROLLER_ERROR =
  '{"level":"error","ts":"2026-11-29T05:31:07Z","msg":"Reconciler error","controller":"ingress","object":{"name":"shop","namespace":"shop"},"namespace":"shop","name":"shop","reconcileID":"5b3a1f0e-9d1c-4f5e-8a51-0c7e2f1d2a90","error":"AccessDenied: User: arn:aws:sts::123456789012:assumed-role/AmazonEKSLoadBalancerControllerRole/1700000000 is not authorized to perform: elasticloadbalancing:AddTags on resource: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/k8s-shop-shop-0a1b2c3d4e/* because no identity-based policy allows the elasticloadbalancing:AddTags action"}';

/** An ordinary line of the controller's log (reconciles, watches, leader election, webhooks). */
function controllerLine(t, i) {
  const ns = NAMESPACES[i % NAMESPACES.length];
  const app = APPS[(i >> 3) % APPS.length];
  const ss = String(i % 60).padStart(2, '0');
  const ms = String(i % 1000).padStart(3, '0');
  switch (i % 5) {
    case 0:
      return `{"level":"info","ts":"2026-11-29T05:31:${ss}.${ms}Z","logger":"controllers.ingress","msg":"successfully deployed model","ingressGroup":"${ns}/${app}"}`;
    case 1:
      return `{"level":"info","ts":"2026-11-29T05:31:${ss}.${ms}Z","logger":"controllers.ingress","msg":"Reconciling","namespace":"${ns}","name":"${app}","reconcileID":"${t.uid()}"}`;
    case 2:
      return `I1129 05:31:${ss}.${ms}123       1 leaderelection.go:258] successfully renewed lease kube-system/aws-load-balancer-controller-leader`;
    case 3:
      return `{"level":"debug","ts":"2026-11-29T05:31:${ss}.${ms}Z","logger":"controller-runtime.webhook.webhooks","msg":"received request","webhook":"/mutate-v1-pod","UID":"${t.uid()}","kind":"/v1, Kind=Pod","resource":{"group":"","version":"v1","resource":"pods"}}`;
    default:
      return `{"level":"info","ts":"2026-11-29T05:31:${ss}.${ms}Z","logger":"backend-sg-provider","msg":"No change in backend SG rules","targetGroupBinding":"${ns}/k8s-${app}-${t.hex(10)}"}`;
  }
}

/**
 * A controller's log: ordinary lines with CONTROLLER_ERROR as line 5000 of every 10 000; `late` (a line number) puts
 * `lateLine` there, for a diagnosis that first appears deep in a stream.
 */
export function* controllerChunks(t, target, late = null, lateLine = '') {
  let size = 0;
  let i = 0;
  while (size < target) {
    const lines = [];
    for (let j = 0; j < 500; j++, i++) {
      if (late !== null && i === late) lines.push(lateLine);
      else lines.push(i % 10000 === 4999 ? CONTROLLER_ERROR : controllerLine(t, i));
    }
    const s = `${lines.join('\n')}\n`;
    size += Buffer.byteLength(s);
    yield s;
  }
}

export const KINDS = {
  events: { ext: 'json', chunks: eventsChunks, salt: 1 },
  describe: { ext: 'txt', chunks: describeChunks, salt: 2 },
  mixed: { ext: 'log', chunks: mixedChunks, salt: 3 },
  pending: { ext: 'json', chunks: pendingChunks, salt: 4 },
  controller: { ext: 'log', chunks: controllerChunks, salt: 5 },
};

/** The generator's random tools for a kind (a stream generated on the fly uses them as generate() does). */
export function toolsFor(kind, seed = SEED) {
  return tools(prng(seed ^ (KINDS[kind].salt * 0x9e3779b9)));
}

/** Generates (or reuses) bench/out/<kind>-<mb>MB.<ext>; returns its path. */
export async function generate(kind, mb, seed = SEED) {
  const k = KINDS[kind];
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${kind}-${mb}MB.${k.ext}`);
  const stampFile = `${file}.stamp`;
  const stamp = JSON.stringify({ seed, mb, v: GEN_VERSION });
  if (existsSync(file) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return file;
  const t = toolsFor(kind, seed);
  const ws = createWriteStream(file);
  let buf = [];
  let n = 0;
  for (const piece of k.chunks(t, mb * 1e6)) {
    buf.push(piece);
    n += piece.length;
    if (n > 1 << 20) {
      if (!ws.write(buf.join(''))) await new Promise((r) => ws.once('drain', r));
      buf = [];
      n = 0;
    }
  }
  ws.write(buf.join(''));
  await new Promise((r, j) => ws.end((e) => (e ? j(e) : r())));
  writeFileSync(stampFile, stamp);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = (process.argv[2] ?? '10').split(',').map(Number);
  for (const kind of Object.keys(KINDS)) {
    for (const mb of sizes) {
      const t0 = performance.now();
      const f = await generate(kind, mb);
      console.log(`${f}  ${(statSync(f).size / 1e6).toFixed(1)} MB  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
}
