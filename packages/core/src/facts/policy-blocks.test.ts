import { expect, test } from 'vitest';
import * as yaml from 'yaml';
import type { Issue } from '../report.js';
import { toLines } from '../input/lines.js';
import { splitSections } from '../input/split.js';
import { extractFacts } from './extract.js';

function ruleSignals(text: string): { line: number; groups: Record<string, string> }[] {
  const issues: Issue[] = [];
  return extractFacts(splitSections(toLines(text)), issues, { yaml })
    .signals.filter((s) => s.id === 'admission_kyverno_rule_failed')
    .map((s) => ({ line: s.line, groups: s.groups }));
}

test('a Kyverno block split by blank lines: each rule line names its policy', () => {
  const text = [
    'Error from server: error when creating "pod.yaml": admission webhook "validate.kyverno.svc-fail" denied the request: ',
    '',
    'resource Pod/default/web was blocked due to the following policies',
    '',
    'require-labels:',
    "  check-team: 'validation error: label team is required. rule check-team failed at path /metadata/labels/team/'",
    'disallow-latest-tag:',
    '  require-image-tag: validation error: An image tag is required',
    '    and wraps onto a second line',
    '$ kubectl get pods',
  ].join('\n');
  expect(ruleSignals(text)).toEqual([
    {
      line: 6,
      groups: {
        policy: 'require-labels',
        rule: 'check-team',
        message: 'validation error: label team is required. rule check-team failed at path /metadata/labels/team/',
        resource: 'Pod/default/web',
      },
    },
    {
      line: 8,
      groups: {
        policy: 'disallow-latest-tag',
        rule: 'require-image-tag',
        message: 'validation error: An image tag is required',
        resource: 'Pod/default/web',
      },
    },
  ]);
});

test('an escaped one-line block is read by the signature alone, once', () => {
  const text =
    '{"level":"error","msg":"admission webhook \\"validate.kyverno.svc-fail\\" denied the request: \\n\\nresource Deployment/prod/api was blocked due to the following policies\\n\\nrequire-requests:\\n  check-cpu: validation error: CPU requests are required"}';
  expect(ruleSignals(text)).toEqual([
    {
      line: 1,
      groups: {
        policy: 'require-requests',
        rule: 'check-cpu',
        message: 'validation error: CPU requests are required',
      },
    },
  ]);
});

test('indented lines without a policy line before them are not rules', () => {
  const text = [
    'resource Pod/default/web was blocked due to the following policies',
    '  check-team: validation error: label team is required',
  ].join('\n');
  expect(ruleSignals(text)).toEqual([]);
});
