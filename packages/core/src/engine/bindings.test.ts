import * as yaml from 'yaml';
import { expect, test } from 'vitest';
import { beginInput, finishReading, newReading, readText } from '../reading.js';
import { fillCommand, fillManifest, type Bindings } from './bindings.js';

/** The context values of a text, as diagnose() computes them (from its facts and its raw lines). */
function bindingsOf(text: string): Bindings {
  const r = newReading({ maxInputChars: Number.POSITIVE_INFINITY });
  beginInput(r);
  readText(r, text);
  return finishReading(r).bindings;
}

const describePod = (fields: string): string =>
  `Name:             web-7c9f8d6b5-x2x9k\nNamespace:        shop\nService Account:  web\nNode:             <none>\n${fields}Containers:\n  app:\n    Image:         nginx\n`;

test('the workload is the controller of the pod: a Deployment behind its ReplicaSet, a Job as a Job', () => {
  expect(bindingsOf(describePod('Controlled By:  ReplicaSet/web-7c9f8d6b5\n'))).toMatchObject({
    workloadRef: 'deployment/web',
    workloadName: 'web',
    container: 'app',
    namespace: 'shop',
  });
  expect(bindingsOf(describePod('Controlled By:  Job/backup-29011230\n')).workloadRef).toBe('job/backup-29011230');
  // a controller no command restarts (a custom resource) is not guessed
  expect(bindingsOf(describePod('Controlled By:  Rollout/web\n')).workloadRef).toBe('<kind>/<name>');
});

test('cluster, region, profile and node group from command lines, eksctl output and ARNs', () => {
  expect(
    bindingsOf('`aws eks --region ap-southeast-2 update-kubeconfig --name test-cluster --profile dev`'),
  ).toMatchObject({ cluster: 'test-cluster', region: 'ap-southeast-2', profile: 'dev' });
  expect(
    bindingsOf(
      '2021-03-24 23:04:35 [ℹ]  using EKS cluster "jupiter" in "eu-west-1" region\nNodegroup jupiter-ng-1 failed to stabilize',
    ),
  ).toMatchObject({ cluster: 'jupiter', region: 'eu-west-1', nodegroup: 'jupiter-ng-1' });
  // a redacted account still names the cluster and its region
  expect(bindingsOf('Updated context arn:aws:eks:us-east-1:***:cluster/cicd-sa in /home/.kube/config')).toMatchObject({
    cluster: 'cicd-sa',
    region: 'us-east-1',
  });
  // `--name` of a node group is not a cluster; a profile the CLI could not find is not one to use
  expect(bindingsOf('eksctl create nodegroup --name ng-1').cluster).toBe('<cluster-name>');
  expect(bindingsOf('$ AWS_PROFILE=old kubectl get pods\nThe config profile (old) could not be found').profile).toBe(
    '<profile>',
  );
});

test('two different values of one kind leave the hint', () => {
  expect(bindingsOf('aws eks update-kubeconfig --name a\naws eks update-kubeconfig --name b').cluster).toBe(
    '<cluster-name>',
  );
});

test('the taint from the fit error, its effect from the node that carries it', () => {
  const b = bindingsOf(
    [
      'Events:',
      '  Type     Reason            Age   From               Message',
      '  ----     ------            ----  ----               -------',
      '  Warning  FailedScheduling  10s   default-scheduler  0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    ].join('\n'),
  );
  expect(b).toMatchObject({ taintKey: 'dedicated', taintValue: 'gpu', taintOperator: 'Equal', taintEffect: '' });
  const scope = { bindings: b, subject: null };
  expect(
    fillManifest(
      yaml,
      '- key: "{{taintKey}}"\n  operator: "{{taintOperator}}"\n  value: "{{taintValue}}"\n  effect: "{{taintEffect}}"\n',
      scope,
    ).text,
  ).toBe('- key: dedicated\n  operator: Equal\n  value: gpu\n  effect: ""\n');
});

test('a node selector of several labels is several words, each checked and quoted', () => {
  const b = bindingsOf(
    describePod('Node-Selectors:   eks.amazonaws.com/nodegroup=private_t3\n                  tier=db\n'),
  );
  expect(b.nodeSelectorLabels).toBe('eks.amazonaws.com/nodegroup=private_t3 tier=db');
  expect(fillCommand('kubectl label node {{node}} {{nodeSelectorLabels}}', { bindings: b, subject: null }).text).toBe(
    'kubectl label node <node> eks.amazonaws.com/nodegroup=private_t3 tier=db',
  );
});

test('an empty value takes its blank along: no double space, no trailing blank', () => {
  const bindings = { namespaceFlag: '', taintEffect: '' } as Bindings;
  expect(fillCommand('kubectl get pvc {{namespaceFlag}}', { bindings, subject: null }).text).toBe('kubectl get pvc');
  expect(fillCommand('kubectl logs x {{namespaceFlag}} --previous', { bindings, subject: null }).text).toBe(
    'kubectl logs x --previous',
  );
});
