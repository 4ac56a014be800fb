// Facts from `kubectl auth can-i`: answers (`yes`, `no - RBAC: …`) and `--list` tables.
import type { Section } from '../input/split.js';
import { parseTable } from '../parse/table.js';
import { ref, type Collected } from './collected.js';

const CAN_I = /^\s*(yes|no)(?:\s+-\s+([^]*))?$/;

/** Reads one can-i section. */
export function extractCanI(section: Section, c: Collected): void {
  const head = section.lines[0]?.text ?? '';
  if (!/^\s*Resources\s+Non-Resource URLs/.test(head)) {
    for (const l of section.lines) {
      const m = CAN_I.exec(l.text);
      if (m?.[1])
        c.authChecks.push({
          ...ref(l),
          allowed: m[1] === 'yes',
          reason: m[2]?.trim() ?? null,
          command: section.command,
        });
    }
    return;
  }
  if (/URLs {2,}/.test(head)) {
    for (const { cells, line } of parseTable(section.lines).rows) {
      c.authRules.push({
        ...ref(line),
        resources: bracketList(cells['Resources'] ?? ''),
        nonResourceURLs: bracketList(cells['Non-Resource URLs'] ?? ''),
        resourceNames: bracketList(cells['Resource Names'] ?? ''),
        verbs: bracketList(cells['Verbs'] ?? ''),
      });
    }
    return;
  }
  // Squashed spacing: cells are bracket lists (which may hold spaces) or one word; rows without a resource have 3.
  for (const l of section.lines.slice(1)) {
    const cells = l.text.match(/\[[^\]]{0,2000}\]|\S+/g) ?? [];
    const [a, b, cc, d] = cells.length >= 4 ? cells : ['', ...cells];
    if (cells.length < 3) continue;
    c.authRules.push({
      ...ref(l),
      resources: bracketList(a ?? ''),
      nonResourceURLs: bracketList(b ?? ''),
      resourceNames: bracketList(cc ?? ''),
      verbs: bracketList(d ?? ''),
    });
  }
}

/** `[get list]` → ['get', 'list']; a bare word → [word]; `[]` → []. */
export function bracketList(s: string): string[] {
  const t = s.trim();
  const inner = t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t;
  return inner.split(/\s+/).filter((x) => x !== '');
}
