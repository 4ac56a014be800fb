#!/usr/bin/env node
// Embedding example: read `kubectl get events -A -o json` (a file or stdin) and print one NDJSON line per diagnosis,
// ready for a log pipeline.
//
//   kubectl get events -A -o json | node examples/events-to-ndjson.mjs
//   node examples/events-to-ndjson.mjs events.json
//
// Uses only the public API: diagnose() from @rbac-diagnose/core and builtinRuleSet from @rbac-diagnose/rules.
import { readFileSync } from 'node:fs';
import { diagnose } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';

const file = process.argv[2];
const text = readFileSync(file && file !== '-' ? file : 0, 'utf8');
const report = await diagnose(text, { ...builtinRuleSet, trustedRules: true });
for (const d of report.diagnoses) {
  process.stdout.write(
    `${JSON.stringify({
      rootCause: d.rootCause,
      severity: d.severity,
      confidence: d.confidence,
      title: d.title,
      evidence: d.evidence.map((e) => ({ line: e.line, text: e.text })),
      confirm: d.nextSteps[0]?.command ?? null,
    })}\n`,
  );
}
for (const issue of report.issues) process.stderr.write(`note: line ${issue.line}: ${issue.message}\n`);
