#!/usr/bin/env node
// Embedding example for log pipelines: read a stream on stdin — NDJSON records as a log shipper forwards them (Fluent
// Bit, Vector: one JSON object per line, the original line in its `log` field) or plain log lines — and print one NDJSON
// line each time a diagnosis appears, changes or goes, for as long as the stream runs.
//
//   kubectl logs -f deploy/aws-load-balancer-controller -n kube-system | node examples/stream-to-ndjson.mjs
//   fluent-bit -i tail -p path=/var/log/containers/*.log -o stdout -p format=json_lines | node examples/stream-to-ndjson.mjs
//
// Uses only the public API: diagnoseStream() from @rbac-diagnose/core and builtinRuleSet from @rbac-diagnose/rules.
// Memory stays bounded however long the stream runs (the core's stream limits).
import { createInterface } from 'node:readline';
import { diagnoseStream } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';

/** The stream's lines as the program printed them: a shipper's record gives its `log` field, any other line itself. */
async function* lines(input) {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    let text = line;
    if (line.startsWith('{"') || line.startsWith('{ "')) {
      try {
        const record = JSON.parse(line);
        if (typeof record.log === 'string') text = record.log.replace(/\r?\n$/, '');
      } catch {
        // Not JSON after all: the line as it is.
      }
    }
    yield `${text}\n`;
  }
}

for await (const update of diagnoseStream(lines(process.stdin), { ...builtinRuleSet, trustedRules: true })) {
  const d = update.diagnosis;
  process.stdout.write(
    `${JSON.stringify(
      update.change === 'resolved'
        ? { change: 'resolved', ruleId: d.ruleId, rootCause: d.rootCause, subject: d.subject ?? null }
        : {
            change: update.change,
            rootCause: d.rootCause,
            ruleId: d.ruleId,
            subject: d.subject ?? null,
            severity: d.severity,
            confidence: d.confidence,
            title: d.title,
            evidence: d.evidence.map((e) => ({ line: e.line, text: e.text })),
            confirm: d.nextSteps[0]?.command ?? null,
          },
    )}\n`,
  );
}
