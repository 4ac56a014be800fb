// Static ReDoS audit of every regex the core uses, with recheck (https://makenowjust-labs.github.io/recheck/; its
// native linux-x64 binary ships in the npm package, no JVM or download needed). Slow — several minutes for ~250
// regexes, since each is fuzzed; bench/regex-pump.mjs is the quick timed check. Run after adding or changing regexes:
//   pnpm build && node bench/redos-audit.mjs [--timeout 5000]
// The regexes are those of bench/regexes.mjs. Exit 1 when one is vulnerable.
// Caveat: recheck assumes any input; a "vulnerable" verdict on a regex that never sees user text (e.g. /\d+$/ on our
// own group names) is a false alarm, and polynomial verdicts that need a U+2028 are real here (lines may hold one).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { collectRegexes, root } from './regexes.mjs';

const require = createRequire(join(root, 'package.json'));
const { check } = require('recheck');
const timeout = Number(process.argv[process.argv.indexOf('--timeout') + 1] || 5000);
const found = await collectRegexes();

console.error(`recheck: ${found.length} distinct regexes, timeout ${timeout} ms each`);
const counts = { safe: 0, vulnerable: 0, unknown: 0 };
const t0 = performance.now();
for (const r of found) {
  const res = await check(r.source, r.flags, { timeout });
  counts[res.status] = (counts[res.status] ?? 0) + 1;
  if (res.status === 'vulnerable')
    console.log(
      `VULNERABLE ${res.complexity?.summary}: ${r.where} /${r.source}/${r.flags}\n  attack: ${res.attack?.pattern}`,
    );
  else if (res.status === 'unknown') console.log(`unknown (${res.error?.kind}): ${r.where} /${r.source}/${r.flags}`);
}
console.log(
  `\n${counts.safe} safe, ${counts.vulnerable} vulnerable, ${counts.unknown} unknown (timeout) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
process.exit(counts.vulnerable > 0 ? 1 : 0);
