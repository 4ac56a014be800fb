import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toLines } from './lines.js';
import { matchPrompt, splitSections } from './split.js';
import { plainLine } from './travel.js';

describe('matchPrompt', () => {
  test.each([
    ['$ kubectl get pods', 'kubectl get pods'],
    ['user@host:~$ kubectl describe pod x', 'kubectl describe pod x'],
    ['root@ip-10-0-1-5:/home/ec2-user# kubectl get nodes', 'kubectl get nodes'],
    ['(⎈ |prod:default)user@host$ k get po', 'k get po'],
    ['[ec2-user@ip-10-0-0-1 ~]$ aws sts get-caller-identity', 'aws sts get-caller-identity'],
    ['% kubectl get events', 'kubectl get events'],
    ['> kubectl logs x', 'kubectl logs x'],
    ['❯ kubectl get ns', 'kubectl get ns'],
    ['➜  ~ kubectl get pods', 'kubectl get pods'],
    ['PS C:\\Users\\me> kubectl get pods', 'kubectl get pods'],
    ['# kubectl get pods', 'kubectl get pods'],
    ['(⎈|prod:default)alice@mbp ~ % kubectl describe pod x', 'kubectl describe pod x'],
    ['~/bin » kubectl get svc', 'kubectl get svc'],
  ])('%s', (line, cmd) => {
    expect(matchPrompt(line)).toBe(cmd);
  });

  test.each([
    ['- system:masters # <- comment'],
    ['# This is a YAML comment'],
    ['> quoted prose in an issue'],
    ['  Warning  FailedScheduling  10s  default-scheduler  0/2 nodes are available'],
    ['Name:         web-0'],
  ])('not a prompt: %s', (line) => {
    expect(matchPrompt(line)).toBeNull();
  });
});

const kinds = (text: string): string[] => splitSections(toLines(text)).map((s) => s.kind);

describe('splitSections', () => {
  test('a command pasted without a prompt names its output; a sentence that starts with one is text', () => {
    const run = splitSections(toLines('kubectl get pods\nerror: You must be logged in to the server (Unauthorized)\n'));
    expect(run.map((x) => [x.kind, x.command, x.lines.map((l) => l.no)])).toEqual([
      ['kubectl-error', 'kubectl get pods', [2]],
    ]);
    const named = splitSections(
      toLines('kubectl logs failed-job-1\nerror: You must be logged in to the server (Unauthorized)\n'),
    );
    expect(named.map((x) => x.command)).toEqual(['kubectl logs failed-job-1']);
    for (const told of [
      'kubectl get pods returns Unauthorized for my SSO role',
      'kubectl get nodes fails with Forbidden',
      'aws eks update-kubeconfig is not working',
    ]) {
      const s = splitSections(toLines(`${told}\n`));
      expect(s.map((x) => [x.command, x.lines.map((l) => l.text)])).toEqual([[null, [told]]]);
    }
  });

  test('one paste, three commands, fences and prompts', () => {
    const text = [
      '```',
      '$ kubectl get pods',
      'error: You must be logged in to the server (Unauthorized)',
      '$ aws sts get-caller-identity',
      '{',
      '    "UserId": "AIDAEXAMPLE",',
      '    "Account": "111122223333",',
      '    "Arn": "arn:aws:iam::111122223333:user/alice"',
      '}',
      '```',
      '',
      '```yaml',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: aws-auth',
      '  namespace: kube-system',
      'data:',
      '  mapRoles: |',
      '    - rolearn: arn:aws:iam::111122223333:role/node',
      '```',
    ].join('\n');
    const sections = splitSections(toLines(text));
    expect(sections.map((s) => [s.kind, s.lines[0]?.no, s.lines.at(-1)?.no, s.command])).toEqual([
      ['kubectl-error', 3, 3, 'kubectl get pods'],
      ['caller-identity-json', 5, 9, 'aws sts get-caller-identity'],
      ['aws-auth', 13, 20, 'aws sts get-caller-identity'],
    ]);
  });

  test('describe pod followed by a table and an error without prompts', () => {
    const text = [
      'Name:         web-0',
      'Namespace:    default',
      'Containers:',
      '  app:',
      '',
      'NAME    READY   STATUS    RESTARTS   AGE',
      'web-0   0/1     Pending   0          5m',
      '',
      'Error from server (Forbidden): pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"',
    ].join('\n');
    expect(kinds(text)).toEqual(['describe-pod', 'get-table', 'kubectl-error']);
  });

  test('quote marks and shared indentation are removed, line numbers kept', () => {
    const quoted = [
      '> $ kubectl get pods',
      '> NAME    READY   STATUS    RESTARTS   AGE',
      '> web-0   0/1     Pending   0          5m',
      '>',
      '> Error from server (Forbidden): x',
    ].join('\n');
    const s = splitSections(toLines(quoted));
    expect(s.map((x) => [x.kind, x.command, x.lines.map((l) => l.no)])).toEqual([
      ['get-table', 'kubectl get pods', [2, 3]],
      ['kubectl-error', 'kubectl get pods', [5]],
    ]);
    expect(s[0]?.lines[1]?.text).toBe('web-0   0/1     Pending   0          5m');
    const indented = ['    Name:         web-0', '    Namespace:    default', '    Containers:', '      app:'].join(
      '\n',
    );
    expect(splitSections(toLines(indented)).map((x) => [x.kind, x.lines[2]?.text])).toEqual([
      ['describe-pod', 'Containers:'],
    ]);
  });

  test('a klog multi-line value (err=<, tab-indented, " >") stays in its error section', () => {
    const text = [
      'E1129 06:06:17.263914   28596 memcache.go:265] "Unhandled Error" err=<',
      "\tcouldn't get current server API group list: x",
      '\t',
      '\tIt looks like you are trying to use a client-go credential plugin that is not installed.',
      ' >',
      'Unable to connect to the server: x',
      '',
      'It looks like you are trying to use a client-go credential plugin that is not installed.',
    ].join('\n');
    expect(splitSections(toLines(text)).map((x) => [x.kind, x.lines[0]?.no, x.lines[x.lines.length - 1]?.no])).toEqual([
      ['kubectl-error', 1, 8],
    ]);
  });

  test('unknown text is kept as log-lines, not dropped', () => {
    expect(kinds('hello\nworld\n')).toEqual(['log-lines']);
  });

  test('properties: never throws; sections are ordered, disjoint and made of input lines', () => {
    const chunk = fc.constantFrom(
      '$ kubectl get pods',
      '```',
      'Name:   x',
      'Namespace: y',
      'apiVersion: v1',
      '{',
      '}',
      '"a": 1,',
      'NAME   READY   STATUS',
      'Error from server (Forbidden): x',
      '',
      '  indented',
      'plain text',
      'Events:',
      '  Type  Reason  Age  From  Message',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(chunk, fc.string({ maxLength: 40 })), { maxLength: 40 }), (parts) => {
        const lines = toLines(parts.join('\n'));
        const sections = splitSections(lines);
        let last = 0;
        for (const s of sections) {
          expect(s.lines.length).toBeGreaterThan(0);
          for (const l of s.lines) {
            expect(l.no).toBeGreaterThan(last);
            last = l.no;
            // A section line is its input line, or that line decoded (plainLine) without quote marks, emphasis or
            // shared indentation (unquote).
            const input = lines[l.no - 1];
            expect(input?.source).toBe(l.source);
            expect(plainLine(input?.text ?? '').includes(l.text)).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
