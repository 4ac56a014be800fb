// A value the paste shows never comes back as a `<placeholder>`: over every rule case, fixture capture and corpus
// paste, each hint left in a report's next steps and fixes stands for a value the paste does not show once and only
// once (read by test-support/paste-values.ts, independently of the core's extractors).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { diagnose, type Report } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { kindOfHint, valuesInPaste } from '../test-support/paste-values.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** The real inputs: rule fire cases, fixture captures, the development corpus (never the held-out sets). */
function inputFiles(): string[] {
  const rules = [...walk(join(root, 'packages/rules/rules'))].filter((p) => /\/fire\.[^/]+\.input\.txt$/.test(p));
  const fixtures = [...walk(join(root, 'fixtures'))].filter(
    (p) => !p.includes('/harness/') && (p.endsWith('.txt') || /seed-walls\/.*\.yaml$/.test(p)),
  );
  const corpus = [...walk(join(root, 'eval/corpus'))].filter((p) => p.endsWith('/input.txt'));
  return [...rules, ...fixtures, ...corpus];
}

/** Each distinct input once (most fixture captures repeat across kubectl versions), with what the paste shows. */
function* distinctInputs(): Generator<{ file: string; text: string; values: ReturnType<typeof valuesInPaste> }> {
  const seen = new Set<string>();
  for (const file of inputFiles()) {
    const text = readFileSync(file, 'utf8');
    if (seen.has(text)) continue;
    seen.add(text);
    yield { file: relative(root, file), text, values: valuesInPaste(text) };
  }
}

// A hint the tool writes for a value it does not know: `<name>` (not a here-document's `<<EOF`).
const HINT = /<([A-Za-z][\w.=-]{0,60})>/g;

/**
 * The hints of the next steps and fixes. A manifest's comment lines are left out: comments hold no input text (a value
 * there would not be checked by the YAML writer), so a command in a comment keeps its hints by design.
 */
function hints(report: Report): { rule: string; hint: string; text: string }[] {
  const out = [];
  for (const d of report.diagnoses)
    for (const text of [
      ...d.nextSteps.map((s) => s.command),
      ...d.remediation.map((r) => r.command ?? r.yaml?.replace(/^\s*#.*$/gm, '') ?? r.text ?? ''),
    ])
      for (const m of text.matchAll(HINT)) out.push({ rule: d.ruleId, hint: m[1] ?? '', text });
  return out;
}

test('no placeholder stands for a value the paste shows', async () => {
  const left: string[] = [];
  for (const { file, text, values } of distinctInputs())
    for (const h of hints(await diagnose(text, builtinRuleSet))) {
      const kind = kindOfHint(h.hint, h.rule);
      if (kind === null || values[kind].size !== 1) continue;
      left.push(`${file}: ${h.rule} <${h.hint}> = ${[...values[kind]][0]}`);
    }
  expect(left, 'hints whose value the paste shows (input: rule <hint> = value)').toEqual([]);
}, 120000);

// What the paste already shows is not asked for again: the pod's node selector, its containers' requests.
const ASKS: [kind: 'nodeSelector' | 'requests', command: RegExp][] = [
  ['nodeSelector', /kubectl get pod\b.*\.spec\.nodeSelector/],
  ['requests', /kubectl get pod\b.*\.resources\.requests/],
];

test('no next step asks for the node selector or requests the paste shows', async () => {
  const asked: string[] = [];
  for (const { file, text, values } of distinctInputs()) {
    if (ASKS.every(([kind]) => values[kind].size === 0)) continue;
    for (const d of (await diagnose(text, builtinRuleSet)).diagnoses)
      for (const s of d.nextSteps)
        for (const [kind, command] of ASKS)
          if (values[kind].size > 0 && command.test(s.command)) asked.push(`${file}: ${d.ruleId} ${kind}`);
  }
  expect(asked).toEqual([]);
}, 120000);
