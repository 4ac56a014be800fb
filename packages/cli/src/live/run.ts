// `rbac-diagnose live pod|node|namespace …` and `rbac-diagnose watch …`: collect from the cluster (read-only), render
// as kubectl output, diagnose exactly like a paste. Loaded only for these commands (it imports @kubernetes/client-node).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnoseDetailed, isValid, makeRedactor, type Diagnosis, type Lang, type Report } from '@rbac-diagnose/core';
import type { CliArgs, LiveOptions, Target } from '../args.js';
import { loadRules, ruleOptions, type RuleSet } from '../commands.js';
import { msg } from '../i18n/t.js';
import { writeOutPieces, type NamedText } from '../io.js';
import { createLogger } from '../log.js';
import { exitCode, render } from '../output.js';
import { collect, type Collection } from './collect.js';
import { Kube, KubeError } from './kube.js';
import { runWatch } from './watch.js';

/** Runs `live …` or `watch …`; returns the exit code. */
export async function runLive(args: CliArgs, live: LiveOptions, lang: Lang): Promise<number> {
  const log = await createLogger(args.logLevel);
  const t0 = performance.now();
  const ruleSet = await loadRules(args, log, lang);
  let kube: Kube;
  try {
    kube = Kube.load({ kubeconfig: live.kubeconfig, context: live.context, timeoutMs: live.requestTimeoutMs });
  } catch (e) {
    if (!(e instanceof KubeError)) throw e;
    // No usable kubeconfig: diagnose kubectl's own message for it.
    const inputs = [{ name: 'errors.txt', text: `${e.kubectlText}\n` }];
    return await report(
      inputs,
      { inputs, collected: [], missing: [e.message], fatal: e },
      null,
      args,
      ruleSet,
      live,
      lang,
    );
  }
  log.debug({ context: kube.target.context, server: kube.target.server }, 'live: kubeconfig loaded');
  if (live.command === 'watch') return await runWatch(kube, live, args, ruleSet, log, lang);
  const target = live.target as Target;
  if (target.kind === 'pod' && target.namespace === '') target.namespace = kube.target.namespace ?? 'default';
  if (target.kind === 'namespace' && target.namespace === '') target.namespace = kube.target.namespace ?? 'default';
  log.debug({ target }, 'live: collecting');
  const col = await collect(kube, target);
  log.debug(
    { ms: Math.round(performance.now() - t0), collected: col.collected, missing: col.missing },
    'live: collected',
  );
  return await report(col.inputs, col, kube, args, ruleSet, live, lang);
}

async function report(
  inputs: NamedText[],
  col: Collection,
  kube: Kube | null,
  args: CliArgs,
  ruleSet: RuleSet,
  live: LiveOptions,
  lang: Lang,
): Promise<number> {
  const docs = inputs.map((i) => ({ name: i.name, text: i.text }));
  const { report, trace, facts } = await diagnoseDetailed(docs.length === 1 ? (docs[0]?.text ?? '') : docs, {
    ...ruleOptions(ruleSet),
    minConfidence: args.minConfidence,
    redact: args.redact,
    lang,
  });
  const redact = args.redact ? makeRedactor(facts) : (s: string): string => s;
  if (kube) enrichWithKubeconfig(report, inputs, kube, redact, lang);
  const where = kube
    ? msg(lang, 'liveWhere', { context: kube.target.context || '(none)', server: kube.target.server })
    : msg(lang, 'liveNoKubeconfig');
  if (args.output !== 'text') {
    for (const c of col.collected)
      report.issues.push({ code: 'live_collected', line: 0, message: redact(msg(lang, 'liveCollected', { what: c })) });
    for (const m of col.missing)
      report.issues.push({
        code: 'live_not_collected',
        line: 0,
        message: redact(msg(lang, 'liveNotCollected', { what: m })),
      });
  }
  if (live.save) {
    await mkdir(live.save, { recursive: true });
    for (const i of inputs) await writeFile(join(live.save, i.name), redact(i.text));
  }
  let out = [...(await render(report, args, ruleSet, inputs, trace, facts))];
  if (args.output === 'text' && !args.fix) {
    const head = [`rbac-diagnose live: ${redact(where)}`];
    if (col.collected.length) head.push(`  ${msg(lang, 'liveCollected', { what: redact(col.collected.join('; ')) })}`);
    for (const m of col.missing) head.push(`  ${msg(lang, 'liveNotCollected', { what: redact(m) })}`);
    if (live.save)
      head.push(
        `  ${msg(lang, inputs.length === 1 ? 'liveSavedOne' : 'liveSaved', { count: inputs.length, dir: live.save, glob: join(live.save, '*') })}`,
      );
    out = [`${head.join('\n')}\n\n`, ...out];
  }
  await writeOutPieces(out);
  return exitCode(report, args);
}

const AUTH_CHAIN = /^(?:aws_|exec_|iam_|eks_access|kubeconfig_|anonymous_|assume_role)/;

/** The first of several line predicates that matches some line. */
function argLine(...preds: ((l: string, j: number) => boolean)[]): (l: string, j: number) => boolean {
  return (l, j) => preds.some((p) => p(l, j));
}

/**
 * On a credential failure the kubeconfig's exec entry says which identity, cluster and region were used: cite its lines
 * as evidence of the auth-chain diagnoses, and fill the cluster/region placeholders of their commands.
 */
function enrichWithKubeconfig(
  report: Report,
  inputs: readonly NamedText[],
  kube: Kube,
  redact: (s: string) => string,
  lang: Lang,
): void {
  const kc = inputs.find((i) => i.name === 'kubeconfig.yaml');
  const exec = kube.target.exec;
  if (!kc || !exec) return;
  const lines = kc.text.split('\n');
  const { args, env } = exec;
  const argAfter = (...flags: string[]): string | null => {
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      for (const f of flags) {
        if (a === f && args[i + 1] !== undefined) return args[i + 1] as string;
        if (a.startsWith(`${f}=`)) return a.slice(f.length + 1);
      }
    }
    return null;
  };
  const cluster = argAfter('--cluster-name', '--cluster-id', '-i');
  const region =
    argAfter('--region') ?? env.find((e) => e.name === 'AWS_REGION' || e.name === 'AWS_DEFAULT_REGION')?.value ?? null;
  const role = argAfter('--role-arn', '--role', '-r');
  const profile = argAfter('--profile') ?? env.find((e) => e.name === 'AWS_PROFILE')?.value ?? null;
  const multi = inputs.length > 1;
  const ev: Diagnosis['evidence'] = [];
  // The line after a flag (`- --cluster-name` then `- NAME`) or after an env name (`- name: AWS_PROFILE` then `value: …`).
  const after = (pred: (l: string) => boolean) => {
    const i = lines.findIndex(pred);
    return (l: string, j: number) => i >= 0 && j === i + 1 && l.trim() !== '';
  };
  const flag = (...flags: string[]) => after((l) => flags.some((f) => l.trim() === `- ${f}`));
  const citeAt = (pred: (l: string, j: number) => boolean, why: string): void => {
    const i = lines.findIndex(pred);
    if (i >= 0)
      ev.push({
        line: i + 1,
        text: redact(lines[i] as string),
        why: redact(why),
        ...(multi ? { source: 'kubeconfig.yaml' } : {}),
      });
  };
  citeAt((l) => /^\s+apiVersion: /.test(l), msg(lang, 'liveExecVersion', { version: exec.apiVersion }));
  citeAt((l) => /^\s+command: /.test(l), msg(lang, 'liveExecCommand', { command: exec.command }));
  const inline =
    (...flags: string[]) =>
    (l: string) =>
      flags.some((f) => l.trim().startsWith(`- ${f}=`));
  if (cluster)
    citeAt(
      argLine(flag('--cluster-name', '--cluster-id', '-i'), inline('--cluster-name', '--cluster-id')),
      msg(lang, 'liveCluster', { cluster }),
    );
  if (region)
    citeAt(
      argLine(
        flag('--region'),
        inline('--region'),
        after((l) => /name: "?AWS_(?:DEFAULT_)?REGION"?$/.test(l.trim())),
      ),
      msg(lang, 'liveRegion', { region }),
    );
  if (role)
    citeAt(
      argLine(flag('--role-arn', '--role', '-r'), inline('--role-arn', '--role')),
      msg(lang, 'liveRole', { role }),
    );
  if (profile)
    citeAt(
      argLine(
        flag('--profile'),
        inline('--profile'),
        after((l) => /name: "?AWS_PROFILE"?$/.test(l.trim())),
      ),
      msg(lang, 'liveProfile', { profile }),
    );
  for (const d of report.diagnoses) {
    if (!AUTH_CHAIN.test(d.rootCause)) continue;
    d.evidence.push(...ev);
    // Commands take the kubeconfig's values only when they are a cluster name and a region (nothing a shell reads).
    const fill = (s: string): string =>
      s
        .replace(/<cluster-name>/g, cluster && isValid('clusterName', cluster) ? redact(cluster) : '<cluster-name>')
        .replace(/<region>/g, region && isValid('region', region) ? redact(region) : '<region>');
    for (const n of d.nextSteps) n.command = fill(n.command);
    for (const r of d.remediation) if (r.command !== undefined) r.command = fill(r.command);
  }
}
