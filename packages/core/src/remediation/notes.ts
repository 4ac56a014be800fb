// The note a diagnosis carries when some of its commands or manifests were left out because a value failed its
// grammar: which placeholder, which grammar, why (never the value itself).
import type { Rejected } from '../engine/bindings.js';
import type { Remediation } from '../report.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';

/** One note for all the values a diagnosis could not use. */
export function rejectionNote(rejected: readonly Rejected[], lang: Lang): Remediation {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const r of rejected) {
    const k = `${r.name}\u0000${r.failure}`;
    if (seen.has(k)) continue;
    seen.add(k);
    lines.push(
      t(lang, 'fix.valueRejected', {
        placeholder: r.name,
        grammar: t(lang, `grammar.${r.grammar}`),
        failure: t(lang, `failure.${r.failure}`),
      }),
    );
  }
  return { kind: 'note', title: t(lang, 'fix.valueRejectedTitle'), text: lines.join('\n'), safety: 'read-only' };
}
