// The chain a request or a pod walks, with the link that broke: the picture behind "the message points one layer
// away from its cause". The chains and each root cause's place on one are vocabulary data (packages/rules).
import type { Chain } from '../report.js';

/** The links of the chain, each followed by its mark (held, broken, not reached); shown joined by ` → `. */
export function chainLinks(c: Chain, mark: { ok: string; broken: string; skipped: string }): string[] {
  return c.links.map((l, i) => `${l} ${i < c.broken ? mark.ok : i === c.broken ? mark.broken : mark.skipped}`);
}
