// Which lines of an input the page shows beside a diagnosis: all of a short input, and around the evidence of a long
// one, with the skipped stretches counted (a 100 000-line paste must not become 100 000 DOM rows).

/** A shown line (marked when it is evidence) or a run of skipped lines. */
export type ViewRow = { kind: 'line'; no: number; text: string; marked: boolean } | { kind: 'gap'; count: number };

/** Options of {@link lineView}. */
export interface LineViewOptions {
  /** Inputs with at most this many lines are shown whole. */
  maxWhole: number;
  /** Lines shown before and after each evidence line of a longer input. */
  context: number;
}

/** The rows to show for `lines` (numbered from 1) with the evidence line numbers `marked`. */
export function lineView(
  lines: readonly { no: number; text: string }[],
  marked: ReadonlySet<number>,
  options: LineViewOptions,
): ViewRow[] {
  const shown =
    lines.length <= options.maxWhole
      ? () => true
      : (no: number) => {
          for (let d = -options.context; d <= options.context; d++) if (marked.has(no + d)) return true;
          return false;
        };
  const rows: ViewRow[] = [];
  let skipped = 0;
  for (const l of lines) {
    if (!shown(l.no)) {
      skipped++;
      continue;
    }
    if (skipped > 0) rows.push({ kind: 'gap', count: skipped });
    skipped = 0;
    rows.push({ kind: 'line', no: l.no, text: l.text, marked: marked.has(l.no) });
  }
  if (skipped > 0) rows.push({ kind: 'gap', count: skipped });
  return rows;
}
