// Evaluates a blind held-out corpus ONCE and records the result next to it; prints only the summary, so that whoever
// runs it (the lead, who writes no rules on its results) does not see which case failed. Needs `pnpm build`.
// Usage: node eval/record-blind.mjs eval/holdout3 before|after|afterN "<note>"
// A blind set that measures more than one round keeps its first run as `before` and one `after`, `after2`, … per round.
// eval/run.mjs reads the recorded files for EVALUATION.md and never evaluates a blind set itself.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, readCorpus } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [dir, name, note] = process.argv.slice(2);
if (!dir || !/^(?:before|after(?:[2-9]|[1-9]\d+)?)$/.test(name ?? '') || !note) {
  console.error('usage: node eval/record-blind.mjs <blind corpus dir> before|after|afterN "<note>"');
  process.exit(2);
}
const out = join(resolve(dir), `${name}.json`);
if (existsSync(out)) {
  console.error(`${out} exists: a blind run is recorded once; delete it by hand only if the run itself was wrong`);
  process.exit(2);
}
const { diagnose } = await import(join(root, 'packages/core/dist/index.js'));
const { builtinRuleSet } = await import(join(root, 'packages/rules/dist/index.js'));
const { results, summary } = await evaluate(readCorpus(resolve(dir)), diagnose, builtinRuleSet);
const failures = results.filter((r) => r.category !== 'healthy');
const record = {
  commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
  date: new Date().toISOString().slice(0, 10),
  note,
  summary: {
    cases: summary.cases,
    failures: summary.failures,
    top1: summary.top1,
    top3: summary.top3,
    noDiagnosis: failures.filter((r) => r.got.length === 0).length,
    healthy: summary.healthy,
    healthyFalsePositives: summary.healthyFalsePositives,
  },
  cases: results.map((r) => ({ id: r.id, expected: r.expected, got: r.got })),
};
writeFileSync(out, `${JSON.stringify(record, null, 1)}\n`);
const s = record.summary;
const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
console.log(
  `${dir} ${name} at ${record.commit}: top-1 ${s.top1}/${s.failures} (${pct(s.top1, s.failures)}), top-3 ${s.top3}/${s.failures} (${pct(s.top3, s.failures)}), no diagnosis ${s.noDiagnosis} (${pct(s.noDiagnosis, s.failures)}), healthy false positives ${s.healthyFalsePositives}/${s.healthy}`,
);
