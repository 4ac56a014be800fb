import { describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { toLines } from '../input/lines.js';
import { splitSections } from '../input/split.js';
import type { Issue } from '../report.js';
import { extractFacts } from './extract.js';

const redactedLines = (text: string): number[] => {
  const issues: Issue[] = [];
  extractFacts(splitSections(toLines(text)), issues, { yaml });
  return issues.filter((i) => i.code === 'redacted_value').map((i) => i.line);
};

describe('redacted values', () => {
  test.each([
    'Error from server (Forbidden): User "arn:aws:iam::XXXXXXXXXXXX:role/dev" cannot list pods',
    'Failed to pull image "XXXXXX.dkr.ecr.us-east-1.amazonaws.com/web:v1"',
    'https://oidc.eks.us-west-2.amazonaws.com/id/xxxx is not trusted',
    'failed to attach volume "vol-xxxxx" to node "i-xxxxx"',
    '{"UserId": "AROAXXXXXXXXXXXX:me"}',
    'the account was masked XXXXXX by the reporter',
    'Account: <REDACTED>',
    'password: ****',
    'ip-xx-x-x-xx.x-xxxx-x.compute.internal is ready',
  ])('%s is a mask', (line) => {
    expect(redactedLines(`${line}\n`)).toEqual([1]);
  });

  test.each([
    'Warning  AXxXX  10s  kubelet  started',
    'Warning  TaXXXXed  10s  kubelet  started',
    'Normal  XXXX  10s  kubelet  started',
    'request id: 0xxxxxxa5e4',
  ])('%s is text', (line) => {
    expect(redactedLines(`${line}\n`)).toEqual([]);
  });
});
