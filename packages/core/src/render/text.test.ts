import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtinRuleSet, builtinRuleSetIn } from '@rbac-diagnose/rules';
import { diagnose } from '../diagnose.js';
import type { Diagnosis, Report } from '../report.js';
import { renderText } from './text.js';
import { terminalLayout, wrapCommand, type Layout } from './wrap.js';

const terminal = await terminalLayout(100);
const displayWidth = terminal.measure;
/** The test terminal at another width. */
const at = (columns: number): Layout => ({ ...terminal, columns });

const walls = new URL('../../../../fixtures/seed-walls/', import.meta.url);
const wall = (f: string): string => readFileSync(new URL(f, walls), 'utf8');
// The seed's walls: every text paste of the story (its aws-auth YAML alone is not one).
const WALLS = readdirSync(walls).filter((f) => f.endsWith('.txt'));

/** The terminal row (1-based) each line starts on when `width` columns wrap the lines that are longer. */
function rows(lines: readonly string[], width: number): number[] {
  let row = 1;
  return lines.map((l) => {
    const at = row;
    row += Math.max(1, Math.ceil(displayWidth(l) / width));
    return at;
  });
}

/** The row of the first line from row `from` on that starts with `start` (after the indentation), or Infinity. */
function rowOf(lines: readonly string[], width: number, start: string, from = 1): number {
  const starts = rows(lines, width);
  const i = lines.findIndex((l, k) => (starts[k] ?? 0) >= from && l.trimStart().startsWith(start));
  return i === -1 ? Infinity : (starts[i] ?? Infinity);
}

describe('seed walls in a 100×50 terminal', () => {
  test.each(WALLS)(
    '%s: the most likely cause, its first evidence line, its confirm command and its fix are on the first screen',
    async (file) => {
      const report = await diagnose(wall(file), builtinRuleSet);
      const top = report.diagnoses[0] as Diagnosis;
      const lines = renderText(report, { layout: at(100), verboseFlag: '-v' })
        .trimEnd()
        .split('\n');
      const titleWords = top.title.split(' ');
      const firstEvidence = top.evidence[0];
      const step = top.nextSteps[0];
      const fix = top.remediation[0];
      expect(firstEvidence && step && fix).toBeTruthy();
      const fixBody = (fix?.command ?? fix?.yaml ?? fix?.text ?? '').split('\n')[0] ?? '';
      const fixFirst = fix?.command ? `$ ${fixBody.split(' ').slice(0, 3).join(' ')}` : (fixBody.split(' ')[0] ?? '');
      const where = {
        title: rowOf(lines, 100, titleWords.slice(0, 4).join(' ')),
        titleEnd: rowOf(lines, 100, titleWords.slice(0, 4).join(' ')) + (displayWidth(`   ${top.title}`) > 100 ? 1 : 0),
        evidence: rowOf(lines, 100, `${firstEvidence?.line} │ ${firstEvidence?.text.split(' ').slice(0, 3).join(' ')}`),
        confirm: rowOf(lines, 100, `$ ${step?.command.split(' ').slice(0, 3).join(' ')}`),
        fixTitle: rowOf(lines, 100, `• ${fix?.title.split(' ').slice(0, 4).join(' ')}`),
      };
      const fixRow = rowOf(lines, 100, fixFirst, where.fixTitle + 1);
      for (const [what, row] of Object.entries(where)) expect(row, what).toBeLessThanOrEqual(50);
      expect(fixRow).toBeLessThanOrEqual(where.fixTitle + 3);
      expect(fixRow).toBeLessThanOrEqual(50);
      // Lines wider than the terminal are manifest lines only: YAML is never wrapped.
      const yaml = new Set(report.diagnoses.flatMap((d) => d.remediation.flatMap((r) => (r.yaml ?? '').split('\n'))));
      for (const l of lines) if (displayWidth(l) > 100) expect(yaml.has(l.trim()) || yaml.has(l.slice(7))).toBe(true);
    },
  );
});

describe('renderText', () => {
  test('without a layout (files, pipes) evidence lines are whole: never cut, never wrapped', async () => {
    const long = `E1207 10:00:00.000000       1 reflector.go:147] ${'x'.repeat(150)} failed to list *v1.Pod: pods is forbidden: User "system:serviceaccount:apps:web" cannot list resource "pods" in API group "" in the namespace "apps"`;
    const report = await diagnose(long, builtinRuleSet);
    expect(report.diagnoses[0]?.evidence[0]?.text).toBe(long);
    const text = renderText(report);
    expect(text.split('\n').some((l) => l.endsWith(long))).toBe(true);
    expect(text).not.toContain('...');
    // In a terminal the same line wraps with a hanging indent and ends with the error, whole.
    const wrapped = renderText(report, { layout: at(80) }).split('\n');
    const line = wrapped.findIndex((l) => l.includes('E1207'));
    const continued = wrapped.slice(line + 1).filter((l) => /^ +│ {3}/.test(l));
    expect(continued.length).toBeGreaterThan(1);
    expect(continued.map((l) => l.replace(/^ +│ {3}/, '')).join(' ')).toContain('in the namespace "apps"');
    const yaml = new Set(report.diagnoses.flatMap((d) => d.remediation.flatMap((r) => (r.yaml ?? '').split('\n'))));
    // Wider lines: the one 150-character word, manifest lines, a command's single argument (an option and its value).
    const single = (l: string): boolean => wrapCommand(l.trim().replace(/ \\$/, ''), at(1), '', '').length === 1;
    for (const l of wrapped)
      if (!l.includes('x'.repeat(60)) && !yaml.has(l.slice(7)) && !single(l))
        expect(displayWidth(l)).toBeLessThanOrEqual(80);
  });

  test('short by default: the top cause with one confirm command; the others one entry each with their check', async () => {
    const report = await diagnose(wall('wall1-unauthorized.txt'), builtinRuleSet);
    const [top, ...others] = report.diagnoses as [Diagnosis, ...Diagnosis[]];
    expect(others.length).toBeGreaterThan(0);
    const text = renderText(report, { verboseFlag: '-v' });
    expect(text).toContain(`$ ${top.nextSteps[0]?.command}`);
    for (const n of top.nextSteps.slice(1)) expect(text).not.toContain(n.command);
    for (const r of top.remediation) expect(text).toContain(r.title);
    expect(text).not.toContain(top.explanation);
    expect(text).toContain('Other possible causes');
    for (const d of others) {
      const entry = text
        .split('\n')
        .findIndex((l) => l.includes(`${d.rootCause}  confidence ${d.confidence.toFixed(2)}`));
      expect(entry).toBeGreaterThan(-1);
      expect(text.split('\n')[entry + 1]).toBe(`     check: $ ${d.nextSteps[0]?.command}`);
      expect(text).not.toContain(d.summary);
    }
    expect(text.trimEnd().split('\n').pop()).toBe('-v shows every cause in full, with all its checks and fixes.');
  });

  test('verbose: every cause in full, every check and fix, no hint', async () => {
    const report = await diagnose(wall('wall1-unauthorized.txt'), builtinRuleSet);
    const text = renderText(report, { verbose: true, verboseFlag: '-v' });
    for (const d of report.diagnoses) {
      expect(text).toContain(d.explanation.split('\n')[0]);
      for (const n of d.nextSteps) expect(text).toContain(`$ ${n.command}`);
      for (const r of d.remediation) expect(text).toContain(r.title);
    }
    expect(text).not.toContain('Other possible causes');
    expect(text).not.toContain('-v shows');
  });

  test('causes hidden by minConfidence are counted, never "no known cause found"', async () => {
    const none = await diagnose(wall('wall3-pending-not-ready-disk.txt'), { ...builtinRuleSet, minConfidence: 0.95 });
    expect(none.diagnoses).toEqual([]);
    expect(none.belowMinConfidence).toEqual({ count: 3, minConfidence: 0.95 });
    const text = renderText(none);
    expect(text.split('\n')[0]).toBe(
      'rbac-diagnose: 3 causes below confidence 0.95 not shown  (read: describe-pod 2–17)',
    );
    expect(text).not.toContain('no known cause');
    const some = await diagnose(wall('wall3-pending-not-ready-disk.txt'), { ...builtinRuleSet, minConfidence: 0.2 });
    expect(some.belowMinConfidence).toEqual({ count: 1, minConfidence: 0.2 });
    expect(renderText(some).split('\n').slice(0, 2)).toEqual([
      'rbac-diagnose: 2 likely causes of failure, 0 other findings  (read: describe-pod 2–17)',
      '  1 cause below confidence 0.2 not shown',
    ]);
    expect(renderText({ ...some, lang: 'ja' }).split('\n')[1]).toBe('  確度 0.2 未満の原因 1 件は表示していません。');
    const all = await diagnose(wall('wall3-pending-not-ready-disk.txt'), builtinRuleSet);
    expect(all.belowMinConfidence).toBeUndefined();
    expect(renderText(await diagnose('nothing to see here', builtinRuleSet))).toContain('no known cause found');
  });

  test('colour sequences take no columns: a coloured report wraps like a plain one', async () => {
    const report = await diagnose(wall('wall3-pending-not-ready-disk.txt'), builtinRuleSet);
    const plain = renderText(report, { layout: at(100) });
    const coloured = renderText(report, { layout: at(100), color: true });
    expect(coloured).toMatch(/\u001b\[/);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
    const full = { layout: at(100), verbose: true };
    expect(renderText(report, { ...full, color: true }).replace(/\u001b\[[0-9;]*m/g, '')).toBe(
      renderText(report, full),
    );
  });
});

/** A report written in Japanese, as the rules' Japanese texts make it. */
const JA_REPORT: Report = {
  schemaVersion: 1,
  lang: 'ja',
  inputs: [{ kind: 'describe-pod', startLine: 1, endLine: 17 }],
  diagnoses: [
    {
      rootCause: 'node_role_not_mapped',
      ruleId: 'pending-pod-nodes-never-ready',
      title: 'ノードが Ready にならない: ノード IAM ロールがマッピングされていない可能性',
      severity: 'error',
      confidence: 0.6,
      summary: 'すべてのノード (2 台中 2 台) が Ready でないため、Pod をスケジュールできません。',
      explanation:
        'EKS の kubelet はノード IAM ロールで認証します。aws-auth ConfigMap にそのマッピングが無いと、新しいノードはクラスターに参加できず、既存のノードは Unknown になります。',
      misleading:
        'スケジューラーはノードの状態を報告しているだけで、原因は示していません。ここでの "node(s) were out of disk space" はディスクの話ではありません。kubelet が報告を止めると、すべての条件が Unknown になります。',
      evidence: [
        {
          line: 17,
          text: 'Warning  FailedScheduling  10s (x7 over 41s)  default-scheduler  0/2 nodes are available: 2 node(s) were not ready, 2 node(s) were out of disk space.',
          why: 'スケジューラーが数えたすべてのノード (2 台) が Ready でないか、到達できません',
        },
      ],
      nextSteps: [
        {
          command: 'kubectl get nodes -o wide',
          why: 'NotReady (またはノードが 1 台も無い) ならスケジューラーのメッセージどおりです',
        },
        { command: 'kubectl describe node <node>', why: 'Ready=Unknown ならノードの認証を疑います' },
      ],
      remediation: [
        {
          kind: 'command',
          title: 'ノードロールのマッピングだけを追加する (既存のエントリはすべて残ります)',
          command:
            "eksctl create iamidentitymapping --cluster <cluster-name> --region <region> --arn arn:aws:iam::<ACCOUNT_ID>:role/<node-instance-role> --username 'system:node:{{EC2PrivateDNSName}}' --group system:bootstrappers --group system:nodes",
          safety: 'mutating',
        },
      ],
      references: ['https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html'],
      chain: {
        links: [
          'ノード IAM ロール',
          'aws-auth / アクセスエントリ',
          'kubelet の参加',
          'ノード Ready (CNI)',
          'Pod のスケジュール',
        ],
        broken: 1,
      },
    },
    {
      rootCause: 'cni_not_ready',
      ruleId: 'pending-pod-nodes-not-ready-cni',
      title: 'CNI (aws-node) が動いていないため、ノードが Ready になっていない',
      severity: 'error',
      confidence: 0.25,
      summary: 'コンテナネットワークプラグインが初期化されていないノードは NotReady のままです。',
      explanation: '',
      evidence: [],
      nextSteps: [{ command: 'kubectl -n kube-system get pods -l k8s-app=aws-node -o wide', why: '' }],
      remediation: [],
      references: [],
    },
  ],
  issues: [{ code: 'elided_lines', line: 11, message: 'ここで行が省略されています' }],
};

describe('Japanese', () => {
  test('the renderer speaks Japanese and wraps by display width (golden, 60 columns)', async () => {
    const text = renderText(JA_REPORT, { layout: at(60), verboseFlag: '-v' });
    for (const l of text.split('\n')) {
      // Only the long kubectl line's unbreakable words and commands' single arguments may pass the edge.
      if (displayWidth(l) > 60) expect(l.trim()).not.toMatch(/[\u3000-\u9fff]/);
    }
    for (const word of [
      '根拠',
      '確認 (読み取りのみ)',
      '対処',
      'メッセージが誤解を招く理由:',
      'ほかに考えられる原因',
      '確度 0.60',
      '最有力',
    ])
      expect(text).toContain(word);
    for (const word of [
      'Evidence',
      'Confirm',
      'Fix',
      'Why the message misleads',
      'Other possible causes',
      'most likely',
      'confidence',
    ])
      expect(text).not.toContain(word);
    await expect(text).toMatchFileSnapshot('text.ja.golden.txt');
  });

  test('the full report in Japanese names its sections in Japanese too', () => {
    const text = renderText(JA_REPORT, { verbose: true });
    expect(text).toContain('参考: https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html');
    expect(text).toContain('経路: ノード IAM ロール ✔ → aws-auth / アクセスエントリ ✘ → kubelet の参加 ·');
    expect(text).toContain('[変更を伴う: 適用前に確認してください]');
    expect(text).toContain('  ! 11 行目: ここで行が省略されています [elided_lines]');
    expect(text).toMatch(
      /^1\. エラー node_role_not_mapped {2}確度 0\.60 · 最有力 · ルール pending-pod-nodes-never-ready$/m,
    );
  });

  test.each(WALLS)(
    '%s diagnosed in Japanese: every Japanese line fits 60, 80 and 100 columns, short and full',
    async (file) => {
      const report = await diagnose(wall(file), { ...(await builtinRuleSetIn('ja')), lang: 'ja' });
      expect(report.diagnoses.length).toBeGreaterThan(0);
      for (const columns of [60, 80, 100])
        for (const verbose of [false, true]) {
          const lines = renderText(report, { layout: at(columns), verbose }).split('\n');
          // Japanese can break between any two characters (kinsoku aside): a line with Japanese never passes the edge.
          // Only a link too long for the line by itself passes the edge (it is never cut).
          const over = lines.filter((l) => /[\u3040-\u9fff]/.test(l) && displayWidth(l) > columns);
          expect(over.filter((l) => !/^ +参考: https:\/\/\S+$/.test(l))).toEqual([]);
          expect(lines.some((l) => displayWidth(l) > columns - 8 && /[\u3040-\u9fff]/.test(l))).toBe(true);
        }
    },
  );
});
