// Shared by eval/run.mjs (built packages, writes EVALUATION.md) and eval/eval.test.ts (sources, CI gate).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every case directory corpusDir/<category>/<slug> holding a case.json and an input.txt, in order. */
export function caseDirs(corpusDir) {
  const dirs = [];
  for (const cat of readdirSync(corpusDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    for (const slug of readdirSync(join(corpusDir, cat), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()) {
      const dir = join(corpusDir, cat, slug);
      if (existsSync(join(dir, 'case.json')) && existsSync(join(dir, 'input.txt'))) dirs.push({ category: cat, dir });
    }
  }
  return dirs;
}

/** Reads every case under corpusDir/<category>/<slug>/{input.txt,case.json}. */
export function readCorpus(corpusDir) {
  return caseDirs(corpusDir).map(({ category, dir }) => ({
    category,
    meta: JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')),
    input: readFileSync(join(dir, 'input.txt'), 'utf8'),
  }));
}

/** Runs diagnose over the cases and scores top-1 / top-3 / false positives. */
export async function evaluate(cases, diagnose, ruleSet) {
  const results = [];
  for (const c of cases) {
    const report = await diagnose(c.input, { ...ruleSet, trustedRules: true });
    const ranked = report.diagnoses.map((d) => d.rootCause);
    const expected = c.meta.expected?.rootCause ?? null;
    const accept = new Set([expected, ...(c.meta.expected?.alsoAcceptable ?? [])].filter(Boolean));
    const healthy = c.meta.healthy === true || expected === null;
    results.push({
      id: c.meta.id,
      category: healthy ? 'healthy' : c.category,
      expected,
      source: c.meta.source,
      got: ranked.slice(0, 3),
      top1: !healthy && ranked[0] === expected,
      top1Acceptable: !healthy && ranked[0] !== undefined && accept.has(ranked[0]),
      top3: !healthy && ranked.slice(0, 3).includes(expected),
      falsePositive: healthy
        ? report.diagnoses
            .filter((d) => d.severity === 'error' && d.confidence >= 0.5)
            .map((d) => `${d.rootCause}@${d.confidence}`)
        : [],
    });
  }
  const failures = results.filter((r) => r.category !== 'healthy');
  const healthy = results.filter((r) => r.category === 'healthy');
  const byCategory = {};
  for (const r of failures) {
    const s = (byCategory[r.category] ??= { n: 0, top1: 0, top3: 0 });
    s.n++;
    if (r.top1) s.top1++;
    if (r.top3) s.top3++;
  }
  return {
    results,
    summary: {
      cases: results.length,
      failures: failures.length,
      healthy: healthy.length,
      top1: failures.filter((r) => r.top1).length,
      top3: failures.filter((r) => r.top3).length,
      healthyFalsePositives: healthy.filter((r) => r.falsePositive.length > 0).length,
      byCategory,
    },
  };
}
