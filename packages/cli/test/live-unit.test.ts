// Live mode's renderers without a process: the text they produce from client-node's typed objects is read by the core
// as the right input kinds.
import type { CoreV1Event, V1Node, V1Pod } from '@kubernetes/client-node';
import { diagnoseDetailed } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { expect, test } from 'vitest';
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
const ago = (s: number): Date => new Date(NOW - s * 1000);

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
  expect(rfc1123z(new Date('2026-11-29T06:05:41Z'))).toBe('Sun, 29 Nov 2026 06:05:41 +0000');
});

test('rendered describe/events/whoami/can-i text is read by the core as those kinds, with pod, container and node facts', async () => {
  const pod: V1Pod = {
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c9', uid: 'u-1', controller: true }],
    },
    spec: { serviceAccountName: 'web', nodeName: 'node-a', containers: [{ name: 'app', image: 'nginx:1' }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'app',
          image: 'nginx:1',
          imageID: '',
          ready: false,
          restartCount: 7,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
        },
      ],
    },
  };
  const events: CoreV1Event[] = [
    {
      metadata: {},
      involvedObject: { kind: 'Pod', name: 'web-1' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container app in pod web-1_shop(1)',
      source: { component: 'kubelet' },
      firstTimestamp: ago(600),
      lastTimestamp: ago(30),
      count: 40,
    },
  ];
  const node: V1Node = {
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
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.11',
        kernelVersion: '6.1.0',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.30.0',
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023',
        systemUUID: '',
      },
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
      { name: 'events', text: eventsJson(events) },
      {
        name: 'whoami',
        text: whoami({ status: { userInfo: { username: 'alice', groups: ['dev', 'system:authenticated'] } } }),
      },
      {
        name: 'can-i',
        text: canIList({
          spec: { namespace: 'shop' },
          status: {
            resourceRules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }],
            nonResourceRules: [],
            incomplete: false,
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
