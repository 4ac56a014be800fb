// Metamorphic survival: how pasted text travels (cut, wrapped, quoted, CRLF, HTML-escaped, redacted, decorated,
// told in a sentence, concatenated) must not hide the cause a case is labelled with. Shared by eval/run.mjs (EVALUATION.md) and
// eval/metamorphic.test.ts (the CI gate). Cases: every rule's fire.* inputs (labelled with the rule's root cause) and
// every development-corpus case (eval/corpus; never a blind held-out set).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The transformations, in report order. */
export const TRANSFORMS = [
  'cut',
  'wrap80',
  'wrap120',
  'quote',
  'crlf',
  'html',
  'redact',
  'bold',
  'backticks',
  'interleave',
  'prose',
  'concat',
];

// Sentences an issue body or a chat message wraps an error in (the error quoted, or run into the words).
const PROSE = [
  (m) => `When I run it I get "${m}" and I don't know why.`,
  (m) => `Hi all, I'm getting the following error ${m} after following the docs, any idea?`,
  (m) => `It fails with: ${m} (same thing every time)`,
];

/** One labelled case per fire.* input of every rule folder: the label is the rule's root cause. */
export function readRuleCases(rulesDir) {
  const cases = [];
  for (const id of readdirSync(rulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const rule = JSON.parse(readFileSync(join(rulesDir, id, 'rule.json'), 'utf8'));
    for (const f of readdirSync(join(rulesDir, id))
      .filter((f) => /^fire\.[\w.-]+\.input\.txt$/.test(f))
      .sort())
      cases.push({
        id: `rule:${id}/${f}`,
        input: readFileSync(join(rulesDir, id, f), 'utf8'),
        expected: rule.rootCause,
      });
  }
  return cases;
}

/** The failure cases of a corpus read by lib.mjs's readCorpus, labelled with their expected root cause. */
export function corpusCases(corpus) {
  return corpus
    .filter((c) => c.meta.healthy !== true && c.meta.expected?.rootCause)
    .map((c) => ({ id: `corpus:${c.meta.id}`, input: c.input, expected: c.meta.expected.rootCause }));
}

const FORBIDDEN_PHRASE =
  /User \\{0,3}"[^"\\]*(?:\\.[^"\\]*)*\\{0,3}" cannot [\w-]+ (?:resource \\{0,3}"[^"\\]+|path \\{0,3}"[^"\\]*|[a-z0-9./-]+)/;

/**
 * Where the distinctive phrase of the key line ends: the first guard of each signature found on it, the denial up to
 * its resource, the scheduler's histogram up to its `preemption:` part. Null when no catalogued message is on the line.
 */
function distinctiveEnd(text, facts, lineNo, signatures) {
  let end = -1;
  for (const s of facts.signals) {
    if (s.line !== lineNo || s.source !== undefined) continue;
    const sig = signatures.find((x) => x.id === s.id);
    let first = Infinity;
    for (const g of sig?.guard ?? []) {
      const at = text.indexOf(g);
      if (at >= 0) first = Math.min(first, at + g.length);
    }
    if (first !== Infinity) end = Math.max(end, first);
  }
  if (facts.forbidden.some((f) => f.line === lineNo)) {
    const m = FORBIDDEN_PHRASE.exec(text);
    if (m) end = Math.max(end, m.index + m[0].length);
  }
  if (facts.scheduling.some((f) => f.line === lineNo)) {
    const at = text.indexOf('nodes are available: ');
    const pre = text.indexOf(' preemption: ', at);
    if (at >= 0 && pre >= 0) end = Math.max(end, pre);
    const none = text.indexOf('no nodes available to schedule pods');
    if (none >= 0) end = Math.max(end, none + 'no nodes available to schedule pods'.length);
  }
  return end < 0 ? null : end;
}

/** Word wrap at `width` columns (a space at the break is dropped; a longer word is broken where the column ends). */
export function wrap(line, width) {
  const out = [];
  let rest = line;
  while (rest.length > width) {
    const sp = rest.lastIndexOf(' ', width);
    if (sp > 0) {
      out.push(rest.slice(0, sp));
      rest = rest.slice(sp + 1);
    } else {
      out.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
  }
  out.push(rest);
  return out;
}

const ACCOUNT_TOKENS = ['<account-id>', 'XXXXXXXXXXXX', '1234567890XX', '***'];
const NAME_TOKENS = ['<your-role>', '***', '<REDACTED>', 'XXXXXXXX'];
const WORD_TOKENS = ['***', '<REDACTED>', 'XXXXXXXX', '<redacted>', '<namespace>', 'xxx'];
// Names whose meaning is the cause (the default ServiceAccount, system namespaces) are not identifiers to hide.
const MEANINGFUL = /^(?:default|kube-system|kube-public|kube-node-lease|aws-auth|system:.*)$/;

// Where identifiers stand, by the token family that replaces them.
const IDENTIFIERS = [
  { tokens: ACCOUNT_TOKENS, re: /(?<![\w-])(\d{12})(?![\w-])/g },
  {
    tokens: NAME_TOKENS,
    re: /arn:aws[\w-]*:(?:iam|sts)::[^:\s]*:(?:role|user|assumed-role)\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/g,
  },
  { tokens: WORD_TOKENS, re: /system:serviceaccount:([a-z0-9-]+):/g },
  { tokens: WORD_TOKENS, re: /system:serviceaccount:[a-z0-9-]+:([a-z0-9.-]+)/g },
  { tokens: WORD_TOKENS, re: /User \\{0,3}"([^"\\:]+)\\{0,3}"/g },
  { tokens: WORD_TOKENS, re: /(?:namespace \\{0,3}"|[Nn]amespace: +|-n )([a-z0-9][a-z0-9-]*)/g },
  { tokens: WORD_TOKENS, re: /\b(ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3})(?=[.\s"\\]|$)/g },
  { tokens: WORD_TOKENS, re: /(?<![\w.])((?:10|172|192)\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\w.])/g },
  {
    tokens: ['XXXXXXXX', '***', '<REDACTED>'],
    re: /https:\/\/([0-9A-Fa-f]{16,40})\.(?:[a-z0-9]{3}\.)?[a-z]{2}-[a-z]+-\d\.eks\.amazonaws\.com/g,
  },
];

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces identifiers (account ids, ARN resource names, user and ServiceAccount names, namespaces, node names, API
 * hosts, IP addresses) by redaction tokens wherever they occur, as a careful person does: one token per distinct value,
 * so names that were equal stay equal and others stay apart.
 */
export function redact(text, k) {
  const tokens = new Map();
  for (const { tokens: list, re } of IDENTIFIERS) {
    let i = 0;
    for (const m of text.matchAll(re)) {
      const v = m[1];
      if (MEANINGFUL.test(v) || tokens.has(v)) continue;
      const base = list[(k + i) % list.length];
      tokens.set(v, i < list.length ? base : `${base}${Math.floor(i / list.length) + 1}`);
      i++;
    }
  }
  if (tokens.size === 0) return text;
  // Longest first, so a value inside another (an account id inside an ARN) is replaced with it.
  const values = [...tokens.keys()].sort((a, b) => b.length - a.length);
  const any = new RegExp(`(?<![\\w.-])(?:${values.map(escapeRe).join('|')})(?![\\w-])`, 'g');
  return text.replace(any, (v) => tokens.get(v));
}

const HTML_PLAIN = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_NUMERIC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };

const NOISE =
  'I0611 10:22:33.123456   12345 request.go:697] Waited for 1.046s due to client-side throttling, not priority and fairness, request: GET:https://10.100.0.1:443/api/v1/namespaces?limit=500';

/** A cheap deterministic pseudo-random integer in [0, n) from a string and a salt. */
function pick(s, salt, n) {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % n;
}

/** Splits an input into lines the way a reader sees them (a final newline ends the last line). */
function splitInput(input) {
  const lines = input.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The variants of one case for each transformation (`cuts`: how many cut points to sample on the key line;
 * `partners`: how many other cases to concatenate it with). `clean` is the case's clean run: its key line and facts.
 */
function variants(c, k, clean, all, { cuts, partners }, signatures, matchPrompt) {
  const lines = splitInput(c.input);
  const key = clean.keyLine - 1;
  const keyText = lines[key] ?? '';
  const withKey = (repl) => [...lines.slice(0, key), ...repl, ...lines.slice(key + 1)].join('\n') + '\n';
  const out = {};
  const end = distinctiveEnd(keyText, clean.facts, clean.keyLine, signatures);
  if (end !== null && end < keyText.length) {
    const span = keyText.length - end;
    const points = new Set([end]);
    for (let i = 1; points.size < Math.min(cuts, span); i++) points.add(end + pick(c.id, i, span));
    out.cut = [...points]
      .sort((a, b) => a - b)
      .map((p) => ({ input: withKey([keyText.slice(0, p)]), note: `cut at ${p}` }));
  }
  for (const w of [80, 120])
    if (keyText.length > w)
      out[`wrap${w}`] = [{ input: withKey(wrap(keyText, w)), note: `line ${clean.keyLine} wrapped at ${w}` }];
  out.quote = [{ input: lines.map((l) => (l === '' ? '>' : `> ${l}`)).join('\n') + '\n' }];
  out.crlf = [{ input: lines.join('\r\n') + '\r\n' }];
  const table = k % 2 === 0 ? HTML_PLAIN : HTML_NUMERIC;
  out.html = [{ input: c.input.replace(/[&<>"']/g, (ch) => table[ch]) }];
  const redacted = redact(c.input, k);
  if (redacted !== c.input) out.redact = [{ input: redacted }];
  const prompts = lines.map((l, i) => (matchPrompt(l) === null ? -1 : i)).filter((i) => i >= 0);
  if (prompts.length > 0) {
    const mark = k % 2 === 0 ? '**' : '`';
    out.bold = [
      { input: lines.map((l, i) => (prompts.includes(i) ? `${mark}${l.trim()}${mark}` : l)).join('\n') + '\n' },
    ];
  }
  out.backticks = [{ input: withKey([`\`${keyText.trim()}\``]) }];
  if (clean.lineKind !== null && /error|log-lines/.test(clean.lineKind)) {
    const noise = Array.from({ length: 5 }, () => NOISE);
    out.interleave = [{ input: withKey([...noise, keyText, ...noise]) }];
    // People tell an error message in a sentence; a YAML key or a table row is not told that way.
    out.prose = [{ input: withKey([PROSE[k % PROSE.length](keyText.trim())]) }];
  }
  const others = all.filter((o) => o.expected !== c.expected);
  out.concat = [];
  for (let i = 0; i < Math.min(partners, others.length); i++) {
    const o = others[pick(c.id, 100 + i, others.length)];
    out.concat.push({ input: `${c.input.replace(/\n*$/, '\n')}${o.input}`, also: o.expected, note: `+ ${o.id}` });
  }
  return out;
}

/**
 * Runs every case clean, then each variant, and counts per transformation the variants whose labelled cause stays in
 * the top 3 (for a concatenation: both labelled causes reported). Only cases whose cause is in the top 3 when clean
 * are transformed. `diagnoseDetailed` is core's; `ruleSet` the built-in rules.
 */
export async function measureSurvival(cases, { diagnoseDetailed, ruleSet, signatures, matchPrompt }, sample) {
  const opts = { ...ruleSet, trustedRules: true, validate: false };
  const usable = [];
  for (const c of cases) {
    const { report, facts } = await diagnoseDetailed(c.input, opts);
    const top = report.diagnoses.slice(0, 3);
    const d = top.find((x) => x.rootCause === c.expected);
    const ev = d?.evidence.find((e) => e.source === undefined);
    if (!d || !ev) continue;
    const section = report.inputs.find((s) => s.startLine <= ev.line && ev.line <= s.endLine);
    usable.push({ ...c, clean: { keyLine: ev.line, facts, lineKind: section?.kind ?? null } });
  }
  const stats = Object.fromEntries(TRANSFORMS.map((t) => [t, { variants: 0, survived: 0, failures: [] }]));
  for (let k = 0; k < usable.length; k++) {
    const c = usable[k];
    const vs = variants(c, k, c.clean, usable, sample, signatures, matchPrompt);
    for (const t of TRANSFORMS) {
      for (const v of vs[t] ?? []) {
        const { report } = await diagnoseDetailed(v.input, opts);
        const causes = report.diagnoses.map((x) => x.rootCause);
        const ok =
          v.also === undefined
            ? causes.slice(0, 3).includes(c.expected)
            : causes.includes(c.expected) && causes.includes(v.also);
        const s = stats[t];
        s.variants++;
        if (ok) s.survived++;
        else
          s.failures.push(
            `${c.id}${v.note ? ` (${v.note})` : ''}: expected ${c.expected}${v.also ? ` and ${v.also}` : ''}, got ${causes.slice(0, 3).join(', ') || '(nothing)'}`,
          );
      }
    }
  }
  return { cases: cases.length, usable: usable.length, stats };
}
