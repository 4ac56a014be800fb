// Library benchmark, run in a fresh process by bench/run.mjs: diagnose() on each seed wall, warm, per call; and the
// json-rules-engine run alone on the same facts. Uses the built packages (pnpm build). Prints one JSON object.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const { diagnose, diagnoseDetailed } = await import(join(root, 'packages/core/dist/index.js'));
const { runRules } = await import(join(root, 'packages/core/dist/engine/run.js'));
const { builtinRules, builtinVocabulary } = await import(join(root, 'packages/rules/dist/index.js'));

const warm = Number(process.argv[2] ?? 20);
const runs = Number(process.argv[3] ?? 50);
const wallsDir = join(root, 'fixtures/seed-walls');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

const out = { rules: builtinRules.length, walls: [] };
for (const f of readdirSync(wallsDir)
  .filter((f) => !f.endsWith('.md'))
  .sort()) {
  const text = readFileSync(join(wallsDir, f), 'utf8');
  const opts = { rules: builtinRules, vocabulary: builtinVocabulary, trustedRules: true };
  const t0 = performance.now();
  await diagnose(text, opts);
  const first = performance.now() - t0;
  for (let i = 0; i < warm; i++) await diagnose(text, opts);
  const total = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await diagnose(text, opts);
    total.push(performance.now() - t);
  }
  const { facts } = await diagnoseDetailed(text, opts);
  for (let i = 0; i < warm; i++) await runRules(builtinRules, facts, builtinVocabulary);
  const engine = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await runRules(builtinRules, facts, builtinVocabulary);
    engine.push(performance.now() - t);
  }
  out.walls.push({
    file: f,
    bytes: Buffer.byteLength(text),
    first,
    total: stat(total),
    engine: stat(engine),
  });
}
console.log(JSON.stringify(out));
