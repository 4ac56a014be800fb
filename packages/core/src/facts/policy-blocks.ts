// Format: Kyverno's denial as kubectl prints it, the policy and its failed rules on the lines after the header:
//   Error from server: error when creating "pod.yaml": admission webhook "validate.kyverno.svc-fail" denied the request:
//
//   resource Pod/default/nginx was blocked due to the following policies
//
//   disallow-latest-tag:
//     require-image-tag: 'validation error: An image tag is required. rule require-image-tag failed at path …'
// Each rule line becomes an `admission_kyverno_rule_failed` signal naming its policy, like the one-line forms that the
// signature itself matches (policy reports, events, escaped messages).
import type { Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { ref, type Collected } from './collected.js';
import type { Signal } from './schema.js';

const POLICY_LINE = /^([\w.-]{1,253}):\s*$/;
const RULE_LINE = /^\s+([\w.-]{1,253}): (.*)$/;
// Lines after the header that may belong to the block (blank lines, the policy, its rules and their wrapped tails).
const MAX_BLOCK = 60;

/**
 * Reads the policy and rule lines after each Kyverno header (an `admission_kyverno_blocked` signal) of the input. The
 * blank lines of the block split it into several sections, so the lines of all sections are read in order.
 */
export function extractPolicyBlocks(sections: readonly Section[], c: Collected): void {
  const found = c.signals.filter(
    (s) => s.id === 'admission_kyverno_blocked' || s.id === 'admission_kyverno_rule_failed',
  );
  // A header whose rules were escaped onto its own line was read whole by the signature.
  const oneLine = new Set(found.filter((s) => s.id === 'admission_kyverno_rule_failed').map((s) => key(s)));
  const headers = found.filter((s) => s.id === 'admission_kyverno_blocked' && !oneLine.has(key(s)));
  if (headers.length === 0) return;
  const lines = sections.flatMap((s) => s.lines);
  for (const header of headers) {
    const at = lines.findIndex((l) => l.no === header.line && l.source === header.source);
    if (at < 0) continue;
    let policy: string | null = null;
    for (let i = at + 1; i < lines.length && i <= at + MAX_BLOCK; i++) {
      const line = lines[i] as Line;
      if (line.source !== header.source) break;
      if (line.text.trim() === '' || line.text.trim() === '```') continue;
      const p = POLICY_LINE.exec(line.text);
      if (p?.[1]) {
        policy = p[1];
        continue;
      }
      const r = RULE_LINE.exec(line.text);
      if (r?.[1] && policy !== null) {
        const signal: Signal = Object.assign({ id: 'admission_kyverno_rule_failed' }, ref(line), {
          groups: { policy, rule: r[1], message: unquote(r[2] ?? ''), resource: header.groups['resource'] ?? '' },
        });
        c.signals.push(signal);
        continue;
      }
      // An indented continuation of a wrapped rule message stays in the block; anything else ends it.
      if (policy === null || !/^\s/.test(line.text)) break;
    }
  }
}

function key(s: Signal): string {
  return `${s.source ?? ''}\u0000${s.line}`;
}

/** A rule message without the single quotes YAML put around it. */
function unquote(s: string): string {
  const t = s.trim();
  return t.startsWith("'") ? t.slice(1, t.endsWith("'") && t.length > 1 ? -1 : undefined) : t;
}
