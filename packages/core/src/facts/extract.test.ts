import { describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import type { Issue } from '../report.js';
import { toLines } from '../input/lines.js';
import { splitSections } from '../input/split.js';
import { extractFacts } from './extract.js';

function read(text: string): { facts: ReturnType<typeof extractFacts>; issues: Issue[]; kinds: string[] } {
  const issues: Issue[] = [];
  const sections = splitSections(toLines(text));
  return { facts: extractFacts(sections, issues, { yaml }), issues, kinds: sections.map((s) => s.kind) };
}

describe('aws CLI JSON', () => {
  test('describe-cluster: accessConfig gives clusterAuthMode', () => {
    const text = `$ aws eks describe-cluster --name c
{
    "cluster": {
        "name": "c",
        "arn": "arn:aws:eks:us-west-2:111122223333:cluster/c",
        "version": "1.30",
        "endpoint": "https://ABC.gr7.us-west-2.eks.amazonaws.com",
        "identity": { "oidc": { "issuer": "https://oidc.eks.us-west-2.amazonaws.com/id/ABC" } },
        "accessConfig": {
            "bootstrapClusterCreatorAdminPermissions": true,
            "authenticationMode": "API_AND_CONFIG_MAP"
        }
    }
}`;
    const { facts, issues } = read(text);
    expect(issues).toEqual([]);
    expect(facts.cluster).toEqual({
      line: 3,
      name: 'c',
      arn: 'arn:aws:eks:us-west-2:111122223333:cluster/c',
      version: '1.30',
      endpoint: 'https://ABC.gr7.us-west-2.eks.amazonaws.com',
      oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC',
      authMode: 'API_AND_CONFIG_MAP',
      authModeLine: 11,
    });
  });

  test('--query cluster.accessConfig alone, and a full describe-cluster without accessConfig (CONFIG_MAP)', () => {
    expect(
      read('{ "bootstrapClusterCreatorAdminPermissions": true, "authenticationMode": "API" }').facts.cluster?.authMode,
    ).toBe('API');
    const old = read(
      '{"cluster": {"name": "c", "endpoint": "https://x.eks.amazonaws.com", "arn": "arn:aws:eks:eu-west-1:111122223333:cluster/c"}}',
    );
    expect(old.facts.cluster?.authMode).toBe('CONFIG_MAP');
  });

  test('list-access-entries, describe-access-entry and list-associated-access-policies merge by principal', () => {
    const text = `$ aws eks list-access-entries --cluster-name c
{
    "accessEntries": [
        "arn:aws:iam::111122223333:role/my-role",
        "arn:aws:iam::111122223333:role/nodes"
    ]
}
$ aws eks describe-access-entry --cluster-name c --principal-arn arn:aws:iam::111122223333:role/nodes
{
    "accessEntry": {
        "clusterName": "c",
        "principalArn": "arn:aws:iam::111122223333:role/nodes",
        "kubernetesGroups": ["system:nodes"],
        "username": "system:node:{{EC2PrivateDNSName}}",
        "type": "EC2_LINUX"
    }
}
$ aws eks list-associated-access-policies --cluster-name c --principal-arn arn:aws:iam::111122223333:role/my-role
{
    "clusterName": "c",
    "principalArn": "arn:aws:iam::111122223333:role/my-role",
    "associatedAccessPolicies": [
        {
            "policyArn": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
            "accessScope": { "type": "namespace", "namespaces": ["dev"] }
        }
    ]
}`;
    const { facts, issues, kinds } = read(text);
    expect(issues).toEqual([]);
    expect(kinds).toEqual(['access-entries-json', 'access-entries-json', 'access-entries-json']);
    expect(facts.accessEntries).toEqual([
      {
        line: 4,
        principalArn: 'arn:aws:iam::111122223333:role/my-role',
        canonicalArn: 'arn:aws:iam::111122223333:role/my-role',
        username: null,
        kubernetesGroups: [],
        type: null,
        clusterName: 'c',
        policies: [
          {
            line: 24,
            policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
            policy: 'AmazonEKSViewPolicy',
            scopeType: 'namespace',
            namespaces: ['dev'],
          },
        ],
      },
      {
        line: 12,
        principalArn: 'arn:aws:iam::111122223333:role/nodes',
        canonicalArn: 'arn:aws:iam::111122223333:role/nodes',
        username: 'system:node:{{EC2PrivateDNSName}}',
        kubernetesGroups: ['system:nodes'],
        type: 'EC2_LINUX',
        clusterName: 'c',
        policies: null,
      },
    ]);
  });

  test('sts get-caller-identity --output text', () => {
    const { facts } = read(
      '$ aws sts get-caller-identity --output text\n111122223333\tarn:aws:sts::111122223333:assumed-role/Dev/alice\tAROAEXAMPLE:alice\n',
    );
    expect(facts.callerIdentity).toMatchObject({
      line: 2,
      arn: 'arn:aws:sts::111122223333:assumed-role/Dev/alice',
      account: '111122223333',
      canonicalArn: 'arn:aws:iam::111122223333:role/Dev',
      type: 'assumed-role',
    });
  });

  test.each(['XXXXXXXXX', '***', '<account-id>'])(
    'sts get-caller-identity --output text, account redacted as %s',
    (a) => {
      const { facts } = read(`% aws sts get-caller-identity\n${a}\tarn:aws:iam::${a}:user/bastion\tAIDAEXAMPLE\n`);
      expect(facts.callerIdentity).toMatchObject({ line: 2, arn: `arn:aws:iam::${a}:user/bastion`, type: 'user' });
    },
  );

  test('a tab-separated line that is not an identity is not read as one', () => {
    const { facts } = read('% aws sts get-caller-identity\nXX\tarn:aws:iam::XX:user/bastion\tAIDAEXAMPLE\n');
    expect(facts.callerIdentity).toBeNull();
  });
});

describe('kubectl auth', () => {
  test('can-i answers keep the prompt command', () => {
    const { facts } = read(
      '$ kubectl auth can-i list pods -n dev --as jane\nno - RBAC: clusterrole.rbac.authorization.k8s.io "reader" not found\n',
    );
    expect(facts.authChecks).toEqual([
      {
        line: 2,
        allowed: false,
        reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "reader" not found',
        command: 'kubectl auth can-i list pods -n dev --as jane',
      },
    ]);
  });

  test('whoami table with the EKS Extra: arn, and SelfSubjectReview JSON', () => {
    const table =
      'ATTRIBUTE             VALUE\nUsername              arn:aws:sts::111122223333:assumed-role/Dev/alice\nUID                   aws-iam-authenticator:111122223333:AROAEXAMPLE\nGroups                [system:authenticated]\nExtra: accessKeyId    [ASIAEXAMPLE]\nExtra: arn            [arn:aws:sts::111122223333:assumed-role/Dev/alice]\n';
    expect(read(table).facts.whoami).toEqual({
      line: 2,
      username: 'arn:aws:sts::111122223333:assumed-role/Dev/alice',
      uid: 'aws-iam-authenticator:111122223333:AROAEXAMPLE',
      groups: ['system:authenticated'],
      arn: 'arn:aws:sts::111122223333:assumed-role/Dev/alice',
      boundInInput: null,
    });
    const json =
      '{\n    "kind": "SelfSubjectReview",\n    "apiVersion": "authentication.k8s.io/v1",\n    "status": {\n        "userInfo": {\n            "username": "kubernetes-admin",\n            "groups": ["system:masters", "system:authenticated"]\n        }\n    }\n}';
    expect(read(json).facts.whoami).toEqual({
      line: 6,
      username: 'kubernetes-admin',
      uid: null,
      groups: ['system:masters', 'system:authenticated'],
      arn: null,
      boundInInput: null,
    });
  });
});

describe('RBAC objects and events in YAML/JSON', () => {
  test('Role and RoleBinding in a List', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: reader
    namespace: dev
  rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list"]
- apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata:
    name: read
    namespace: dev
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: Role
    name: reader
  subjects:
  - kind: User
    name: jane
`;
    const { facts, issues } = read(text);
    expect(issues).toEqual([]);
    expect(facts.roles).toEqual([
      {
        line: 4,
        kind: 'Role',
        name: 'reader',
        namespace: 'dev',
        rules: [
          {
            line: 10,
            verbs: ['get', 'list'],
            apiGroups: [''],
            resources: ['pods', 'pods/log'],
            resourceNames: [],
            nonResourceURLs: [],
          },
        ],
      },
    ]);
    expect(facts.bindings).toEqual([
      {
        line: 13,
        kind: 'RoleBinding',
        name: 'read',
        namespace: 'dev',
        roleKind: 'Role',
        roleName: 'reader',
        subjects: [{ kind: 'User', name: 'jane', namespace: null }],
      },
    ]);
  });

  test('events.k8s.io/v1 Event: regarding, note, series, reportingController', () => {
    const text = `apiVersion: events.k8s.io/v1
kind: Event
metadata:
  name: web-0.17c1
  namespace: dev
note: '0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready:
  }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.'
reason: FailedScheduling
regarding:
  kind: Pod
  name: web-0
  namespace: dev
reportingController: default-scheduler
series:
  count: 12
type: Warning
`;
    const { facts } = read(text);
    expect(facts.events).toEqual([
      {
        type: 'Warning',
        reason: 'FailedScheduling',
        from: 'default-scheduler',
        message:
          '0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
        object: 'Pod/web-0',
        count: 12,
        line: 6,
        lines: [6],
      },
    ]);
    // The folded message is read whole, once: one scheduler fact, on the line where the message starts.
    expect(facts.scheduling.map((s) => [s.line, s.total, s.items.map((i) => i.reason)])).toEqual([
      [6, 3, ['node(s) had untolerated taint {node.kubernetes.io/not-ready: }']],
    ]);
  });

  test('truncated JSON keeps what came before and says where it stopped', () => {
    const text =
      '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "kind": "Event",\n            "message": "Back-off restarting failed container app in pod web-0_dev(1)",\n            "reason": "BackOff",\n            "type": "Warning"\n        },\n        {\n            "kind": "Event",\n            "message": "Pulling ima';
    const { facts, issues } = read(text);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['json_truncated', 12]]);
    expect(facts.events.map((e) => [e.reason, e.line])).toEqual([['BackOff', 6]]);
  });

  test('JSON structured log lines: messages with escaped quotes are searched unescaped', () => {
    const text =
      '{"level":"error","ts":"2024-01-01T00:00:00Z","msg":"Failed to watch","error":"failed to list *v1.Pod: pods is forbidden: User \\"system:serviceaccount:dev:app\\" cannot list resource \\"pods\\" in API group \\"\\" at the cluster scope"}';
    const { facts } = read(text);
    expect(facts.forbidden.map((f) => [f.line, f.subjectName, f.verb, f.resource, f.clusterScope])).toEqual([
      [1, 'app', 'list', 'pods', true],
    ]);
  });
});

describe('wrapped messages', () => {
  // kubectl -o yaml folds a long value onto deeper-indented lines; a fragment of it is read as log lines.
  test('a YAML value folded onto deeper-indented lines is searched whole, from its key line', () => {
    const text = [
      '  - lastTransitionTime: 2018-09-06T18:44:00Z',
      '    message: \'pods "api-56686688b8-" is forbidden: error looking',
      '      up service account default/api: serviceaccount "api"',
      "      not found'",
      '    reason: FailedCreate',
      '    message: >-',
      '      admission webhook "validate.example.io" denied the',
      '      request: image validation failed',
    ].join('\n');
    const { facts } = read(text);
    expect(facts.signals.filter((s) => !s.id.startsWith('family_')).map((s) => [s.id, s.line])).toEqual([
      ['admission_sa_missing', 2],
      ['admission_webhook_denied', 7],
    ]);
  });

  test('a capitalised describe field with deeper lines under it is not one value', () => {
    const { facts } = read(
      '    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n',
    );
    expect(facts.signals).toEqual([]);
  });
});

describe('noise and issues', () => {
  test('elisions are reported, never silently dropped', () => {
    const { issues } = read(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   0/1     Pending   0          5m\n...\nweb-9   0/1     Pending   0          5m\n',
    );
    expect(issues.map((i) => [i.code, i.line])).toEqual([['elided_lines', 3]]);
  });

  test('redacted values are reported once per section', () => {
    const { issues, facts } = read(
      'error: You must be logged in to the server (Unauthorized)\n$ aws sts get-caller-identity\n{\n    "UserId": "AROAXXXXXXXXXXXX:me",\n    "Account": "<REDACTED>",\n    "Arn": "arn:aws:sts::<REDACTED>:assumed-role/Dev/me"\n}\n',
    );
    expect(issues.map((i) => [i.code, i.line])).toEqual([['redacted_value', 4]]);
    expect(facts.callerIdentity?.arn).toBe('arn:aws:sts::<REDACTED>:assumed-role/Dev/me');
  });

  test('headerless `get events` rows, a bare command line, and a describe node fragment are read', () => {
    const text = [
      '10m         Normal    Pulled              pod/aws-node-vdr9r                      Successfully pulled image "x" in 2.2s',
      '2m (x4 over 12m)   Warning   BackOff   pod/web-0   Back-off restarting failed container',
      '',
      'kubectl get pods',
      'NAME    READY   STATUS      RESTARTS      AGE',
      'web-0   0/1     OOMKilled   4 (57s ago)   2m40s',
      '',
      'ubuntu@nodeX:~$ k describe node nodex',
      '',
      'Taints: node.kubernetes.io/disk-pressure:NoSchedule',
    ].join('\n');
    const { facts, issues, kinds } = read(text);
    expect(issues).toEqual([]);
    expect(kinds).toEqual(['log-lines', 'get-table', 'describe-node']);
    expect(facts.events.map((e) => [e.line, e.type, e.reason, e.object, e.count])).toEqual([
      [1, 'Normal', 'Pulled', 'pod/aws-node-vdr9r', 1],
      [2, 'Warning', 'BackOff', 'pod/web-0', 4],
    ]);
    expect(facts.pods.map((p) => [p.line, p.name, p.phase, p.ready, p.restarts])).toEqual([
      [6, 'web-0', 'OOMKilled', '0/1', 4],
    ]);
    expect(facts.nodes.map((n) => [n.line, n.name, n.taints])).toEqual([
      [10, 'nodex', ['node.kubernetes.io/disk-pressure:NoSchedule']],
    ]);
  });

  test('an error with no catalogued signature is reported', () => {
    const { issues } = read('Error from server (NotFound): pods "web-0" not found\n');
    expect(issues.map((i) => [i.code, i.line])).toEqual([['error_not_catalogued', 1]]);
  });

  test('kubectl ≥1.35 field-path prefixes are not part of the event message', () => {
    const text =
      'Name:         web-0\nNamespace:    dev\nContainers:\n  app:\n    Image:  nginx\nEvents:\n  Type     Reason   Age                From     Message\n  ----     ------   ----               ----     -------\n  Warning  BackOff  2s (x5 over 60s)   kubelet  spec.containers{app}: Back-off restarting failed container app in pod web-0_dev(1)\n';
    expect(read(text).facts.events.map((e) => [e.message, e.count])).toEqual([
      ['Back-off restarting failed container app in pod web-0_dev(1)', 5],
    ]);
  });

  test('describe node: conditions by header offsets, allocatable pods, pod count', () => {
    const text = `Name:               ip-10-0-1-2.ec2.internal
Roles:              <none>
Taints:             node.kubernetes.io/not-ready:NoSchedule
Unschedulable:      true
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  Ready            False   Sun, 29 Nov 2026 06:00:44 +0000   Sun, 29 Nov 2026 05:37:25 +0000   KubeletNotReady              container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized
Allocatable:
  cpu:                1930m
  pods:               17
Non-terminated Pods:          (3 in total)
`;
    const { facts } = read(text);
    expect(facts.nodes).toMatchObject([
      {
        name: 'ip-10-0-1-2.ec2.internal',
        ready: 'False',
        readyReason: 'KubeletNotReady',
        allocatablePods: 17,
        nonTerminatedPods: 3,
        unschedulable: true,
        taints: ['node.kubernetes.io/not-ready:NoSchedule'],
      },
    ]);
    expect(facts.conditions).toEqual([
      {
        line: 8,
        objectKind: 'Node',
        object: 'ip-10-0-1-2.ec2.internal',
        type: 'Ready',
        status: 'False',
        reason: 'KubeletNotReady',
        message:
          'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
      },
    ]);
  });
});

describe('what a pod asks of its node', () => {
  test('node selector and requests, from describe pod (also cut below its containers) and from the object', () => {
    const describe = read(
      [
        'Containers:',
        '  db:',
        '    Image:      postgres',
        '    Requests:',
        '      cpu:     2',
        '      memory:  512Mi',
        'QoS Class:                   Guaranteed',
        'Node-Selectors:              eks.amazonaws.com/nodegroup=private_t3',
        '                             tier=db',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      ].join('\n'),
    );
    expect(describe.kinds).toEqual(['describe-pod']);
    expect(describe.facts.pods[0]?.nodeSelector).toEqual(['eks.amazonaws.com/nodegroup=private_t3', 'tier=db']);
    expect(describe.facts.containers[0]?.requests).toEqual(['cpu=2', 'memory=512Mi']);
    const object = read(
      JSON.stringify({
        kind: 'Pod',
        metadata: { name: 'db-0' },
        spec: { nodeSelector: { tier: 'db' }, containers: [{ name: 'db', resources: { requests: { cpu: 2 } } }] },
      }),
    );
    expect(object.facts.pods[0]?.nodeSelector).toEqual(['tier=db']);
    expect(object.facts.containers[0]?.requests).toEqual(['cpu=2']);
    // not shown is null, shown as none is []
    expect(
      read('Name: a\nNamespace: b\nNode-Selectors: <none>\nContainers:\n  c:\n    Image: x').facts.pods[0]
        ?.nodeSelector,
    ).toEqual([]);
  });
});
