// The chain a request or a pod walks, with the link that broke: the picture behind "the message points one layer
// away from its cause". The chains and each root cause's place on one are vocabulary data (packages/rules).
import type { Chain } from '../report.js';

/** A one-line picture of the chain with its broken link. */
export function chainLine(c: Chain, mark: { ok: string; broken: string; skipped: string }): string {
  return c.links
    .map((l, i) => (i < c.broken ? `${l} ${mark.ok}` : i === c.broken ? `${l} ${mark.broken}` : `${l} ${mark.skipped}`))
    .join(' → ');
}
