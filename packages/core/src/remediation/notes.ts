// The note a diagnosis carries when some of its commands or manifests were left out because a value failed its
// grammar: which placeholder, which grammar, why (never the value itself).
import type { Rejected } from '../engine/bindings.js';
import type { Remediation } from '../report.js';
import { FAILURE_TEXT, GRAMMAR_TEXT, message } from './messages.js';

/** One note for all the values a diagnosis could not use. */
export function rejectionNote(rejected: readonly Rejected[]): Remediation {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const r of rejected) {
    const k = `${r.name}\u0000${r.failure}`;
    if (seen.has(k)) continue;
    seen.add(k);
    lines.push(
      message('valueRejected', {
        placeholder: r.name,
        grammar: GRAMMAR_TEXT[r.grammar],
        failure: FAILURE_TEXT[r.failure],
      }),
    );
  }
  return { kind: 'note', title: message('valueRejectedTitle'), text: lines.join('\n'), safety: 'read-only' };
}
