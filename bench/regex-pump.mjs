// Timed linearity check of every regex the core runs on input text (bench/regexes.mjs): each is pumped with
// adversarial strings (blanks, word characters, quotes, escapes, separators, after the literal runs of its source);
// a slow pump is re-run 4× longer, and time must grow about linearly (a quadratic regex grows 16×). Timed, so it is a
// benchmark, not a test; CI's tests count characters scanned instead (test-support/work.ts), which cannot see
// backtracking inside one regex. Run after adding or changing regexes (about a minute):
//   pnpm build && node bench/regex-pump.mjs
// Exit 1 when a regex grows faster than linearly, or when the check misses the ReDoS regexes fixed before.
import { collectRegexes } from './regexes.mjs';

// Regexes that are superlinear but never see input text, with the reason. Keep this list short and justified.
const NOT_ON_INPUT = {
  '\\d+$': 'signatures.ts folds named-group names (name2 → name): the subject is a group name from our own source',
};

// Characters that make backtracking regexes struggle: blanks, word characters, quotes, escapes, separators.
const FILLS = [
  ' ',
  '\t',
  'a',
  'A',
  '0',
  '.',
  '-',
  '"',
  '\\',
  ':',
  '/',
  ',',
  '=',
  'a"',
  'a ',
  '\\"',
  '{',
  '[',
  '(',
  '0 ',
  ', ',
  ': ',
  '-.',
  'aA0_',
  ' \u2028',
];
// A failing end forces the engine to try every split: nothing, a line separator (`.` does not match it), NUL.
const SUFFIXES = ['', '\u2028', '\u0000!', 'a\u2028b'];
const N = 3000;

/** Literal runs of a regex source (e.g. `User "`, `Name:`), used as pump prefixes so the pump reaches the hot part. */
function fragments(source) {
  const unescaped = source.replace(/\\([./"'()[\]{}|?*+$^-])/g, '$1').replace(/\\[sSdDwWbBnrtu]\S?/g, '\u0001');
  const runs = unescaped.split(/[\u0001()[\]{}|?*+^$\\]+/).filter((r) => r.length >= 3);
  return [...new Set(runs)].slice(0, 4);
}

function pumps(re) {
  const out = [];
  const frags = fragments(re.source);
  // Each literal run alone, and all of them in order (reaches a hot spot that sits after several literals).
  for (const prefix of [
    '',
    'A: ',
    ...frags,
    ...(frags.length > 1 ? [`${frags.slice(0, 2).join(' ')} `, `${frags.join(' ')} `] : []),
  ])
    for (const fill of FILLS) for (const suffix of SUFFIXES) out.push({ prefix, fill, suffix });
  return out;
}

const pumped = (p, n) => p.prefix + p.fill.repeat(Math.ceil(n / p.fill.length)) + p.suffix;

function timeExec(re, s, reps = 1) {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    re.exec(s);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Regexes whose time grows faster than linearly on some pump, as messages. */
function superlinear(list) {
  const slow = [];
  for (const { re, where } of list) {
    re.exec('warm up: the first exec compiles the regex');
    // A linear regex scans 3k characters in microseconds; only slow pumps need the growth check (the 3 slowest).
    const worst = pumps(re)
      .map((p) => ({ p, ms: timeExec(re, pumped(p, N)) }))
      .filter((x) => x.ms >= 0.3)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    for (const { p } of worst) {
      const small = timeExec(re, pumped(p, N), 3);
      if (small < 0.3) continue;
      // The same pump, 4 times longer: linear ≈ 4×, quadratic ≈ 16×. A slow result is measured twice (noise).
      const bound = 10 * small + 5;
      let large = timeExec(re, pumped(p, 4 * N));
      if (large > bound) large = Math.min(large, timeExec(re, pumped(p, 4 * N)));
      if (large > bound) {
        slow.push(
          `${where} /${re.source}/${re.flags}: ${small.toFixed(2)} ms at ${N} → ${large.toFixed(1)} ms at ${4 * N} chars (pump ${JSON.stringify(p)})`,
        );
        break;
      }
    }
  }
  return slow;
}

const t0 = performance.now();
const regexes = (await collectRegexes())
  .filter((r) => NOT_ON_INPUT[r.source] === undefined)
  .map((r) => ({ re: new RegExp(r.source, r.flags), where: r.where }));
const slow = superlinear(regexes);
// The check must still catch the ReDoS regexes it found before they were fixed.
const fixed = [
  /^( *)([A-Za-z][\w .()/-]{0,60}?):(?:[ \t]+(.*))?$/, // parse/describe.ts FIELD
  /\.+\s*$/, // parse/scheduler.ts, trailing dots of a fit error
  /\s+#.*$/, // parse/aws-auth.ts, comment stripping
  /^\s*name:\s*["']?aws-auth["']?\s*$/m, // input/split.ts, YAML sniffing
  /([A-Z][A-Za-z]+)\s+(.*)$/, // facts/describe-node.ts, node Ready reason
  /^\s*Ready\s+(True|False|Unknown)\s+(.*)$/, // facts/describe-node.ts, node Ready row
  /\bToo many pods\b|reason: Insufficient pods\b|\d+ Insufficient pods\b/, // signatures/scheduling.ts max_pods
  /^[-.]+|[-.]+$/g, // remediation/rbac.ts slug()
];
const missed = fixed.filter((re, i) => superlinear([{ re, where: `fixed#${i}` }]).length === 0);
for (const s of slow) console.log(`SUPERLINEAR ${s}`);
for (const re of missed) console.log(`MISSED a known ReDoS regex: /${re.source}/${re.flags}`);
console.log(
  `${regexes.length} regexes pumped in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${slow.length} superlinear, ${missed.length} of ${fixed.length} known ReDoS regexes missed`,
);
process.exit(slow.length > 0 || missed.length > 0 ? 1 : 0);
