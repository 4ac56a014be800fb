// Live mode's pieces without a process: the renderers produce text the core reads as the right input kinds, and the
// client refuses anything but reads (real @kubernetes/client-node, no mocks).
import { diagnoseDetailed } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { expect, test } from 'vitest';
import { Kube } from '../src/live/kube.js';
import {
  canIList,
  describeNode,
  describePod,
  eventsJson,
  humanDuration,
  rfc1123z,
  whoami,
} from '../src/live/render.js';

const NOW = Date.parse('2026-11-29T06:00:00Z');
const ago = (s: number): string => new Date(NOW - s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

test('humanDuration and RFC1123Z match kubectl', () => {
  expect([5, 119, 133, 720, 4000, 30000, 200000].map((s) => humanDuration(s * 1000))).toEqual([
    '5s',
    '119s',
    '2m13s',
    '12m',
    '66m',
    '8h',
    '2d7h',
  ]);
  // Years: `2y`, `3y12d` from two years on (a divergence of the harness copy that this module replaced).
  const day = 86400;
  expect([365 * 2 * day, (365 * 3 + 12) * day, 365 * 9 * day, -1, -3].map((s) => humanDuration(s * 1000))).toEqual([
    '2y',
    '3y12d',
    '9y',
    '0s',
    '<invalid>',
  ]);
  expect(rfc1123z('2026-11-29T06:05:41Z')).toBe('Sun, 29 Nov 2026 06:05:41 +0000');
});

test('rendered describe/events/whoami/can-i text is read by the core as those kinds, with pod, container and node facts', async () => {
  const pod = {
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7c9', controller: true }],
    },
    spec: { serviceAccountName: 'web', nodeName: 'node-a', containers: [{ name: 'app', image: 'nginx:1' }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          restartCount: 7,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
        },
      ],
    },
  };
  const events = [
    {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container app in pod web-1_shop(1)',
      source: { component: 'kubelet' },
      firstTimestamp: ago(600),
      lastTimestamp: ago(30),
      count: 40,
    },
  ];
  const node = {
    metadata: { name: 'node-a', labels: { 'node-role.kubernetes.io/worker': '' } },
    spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] },
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          lastHeartbeatTime: ago(60),
          lastTransitionTime: ago(60),
          reason: 'KubeletNotReady',
          message:
            'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
        },
      ],
      nodeInfo: { kubeletVersion: 'v1.30.0' },
    },
  };
  const podText = describePod(pod, events, NOW);
  expect(podText).toContain(
    '  Warning  BackOff  30s (x40 over 10m)  kubelet  Back-off restarting failed container app in pod web-1_shop(1)',
  );
  const { report, facts } = await diagnoseDetailed(
    [
      { name: 'pod', text: podText },
      { name: 'node', text: describeNode(node, [], NOW) },
      { name: 'events', text: eventsJson([{ ...events[0], involvedObject: { kind: 'Pod', name: 'web-1' } }]) },
      {
        name: 'whoami',
        text: whoami({ status: { userInfo: { username: 'alice', groups: ['dev', 'system:authenticated'] } } }),
      },
      {
        name: 'can-i',
        text: canIList({
          status: {
            resourceRules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }],
            nonResourceRules: [],
          },
        }),
      },
    ],
    builtinRuleSet,
  );
  expect(report.inputs.map((i) => i.kind)).toEqual(['describe-pod', 'describe-node', 'events-json', 'whoami', 'can-i']);
  expect(facts.pods[0]).toMatchObject({
    name: 'web-1',
    namespace: 'shop',
    phase: 'Running',
    node: 'node-a',
    controlledBy: 'ReplicaSet/web-7c9',
    serviceAccount: 'web',
  });
  expect(facts.containers[0]).toMatchObject({
    name: 'app',
    state: 'Waiting',
    stateReason: 'CrashLoopBackOff',
    lastReason: 'OOMKilled',
    lastExitCode: 137,
    restartCount: 7,
  });
  expect(facts.nodes[0]).toMatchObject({
    name: 'node-a',
    ready: 'False',
    readyReason: 'KubeletNotReady',
    taints: ['node.kubernetes.io/not-ready:NoSchedule'],
  });
  expect(report.issues).toEqual([]);
});

test('the client only reads: a POST other than a self-review is refused before any request', async () => {
  const k = await import('../src/live/client-node.js');
  const kc = new k.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: 'https://127.0.0.1:1', skipTLSVerify: false }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  const kube = new Kube(k, kc, 1000);
  await expect(kube.request('/api/v1/namespaces/default/pods', { kind: 'Pod' })).rejects.toThrow(
    'live mode only reads',
  );
  await expect(kube.request('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {})).rejects.toThrow(
    'live mode only reads',
  );
});
