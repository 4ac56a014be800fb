import * as yaml from 'yaml';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { podSecurityRemediation } from './pod-security.js';

const spec = (details: string, level = 'baseline'): unknown =>
  parse(podSecurityRemediation(yaml, level, [details]).find((r) => r.kind === 'patch')?.yaml ?? 'null');

test('baseline: exactly the fields the checks name, for the containers they name', () => {
  expect(
    spec(
      'privileged (container "app" must not set securityContext.privileged=true), host namespaces (hostNetwork=true, hostPID=true)',
    ),
  ).toEqual({
    spec: {
      template: {
        spec: {
          hostNetwork: false,
          hostPID: false,
          containers: [{ name: 'app', securityContext: { privileged: false } }],
        },
      },
    },
  });
});

test('restricted: pod-level fields at the pod, container fields per named container', () => {
  expect(
    spec(
      'allowPrivilegeEscalation != false (containers "a", "b" must set securityContext.allowPrivilegeEscalation=false), runAsNonRoot != true (pod or container "a" must set securityContext.runAsNonRoot=true)',
      'restricted',
    ),
  ).toEqual({
    spec: {
      template: {
        spec: {
          securityContext: { runAsNonRoot: true },
          containers: [
            { name: 'a', securityContext: { allowPrivilegeEscalation: false } },
            { name: 'b', securityContext: { allowPrivilegeEscalation: false } },
          ],
        },
      },
    },
  });
});

test('hostPath volumes get a note, not a patch; a container name that is not a name is not written', () => {
  const out = podSecurityRemediation(yaml, 'baseline', [
    'hostPath volumes (volume "data"), privileged (container "x\\ny" must not set securityContext.privileged=true)',
  ]);
  expect(out.map((r) => r.kind)).toEqual(['note']);
  expect(podSecurityRemediation(yaml, 'admin', ['privileged (container "a")'])).toEqual([]);
});
