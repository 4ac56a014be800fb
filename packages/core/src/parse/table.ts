// Format (kubectl get; tabwriter padding 3, headers upper-cased, multi-word headers keep one space):
//   NAME                         READY   STATUS    RESTARTS   AGE
//   web-5d4c9c7b8-abcde          0/1     Pending   0          5m
// Rows are cut at the header's column offsets; when the spacing was squashed, by whitespace with the last column
// taking the rest of the line.
import type { Line } from '../input/lines.js';
import { expandTabs } from '../input/lines.js';

/** A parsed table: column names and rows keyed by them. */
export interface Table {
  columns: string[];
  rows: { cells: Record<string, string>; line: Line }[];
}

/** A table's header: its column names and where each starts (`squashed`: spacing lost, cut by whitespace). */
export interface TableHeader {
  columns: string[];
  starts: number[];
  squashed: boolean;
}

/** Reads a `kubectl get`-style header line. */
export function parseTableHeader(headerLine: Line): TableHeader {
  const header = expandTabs(headerLine.text);
  const starts: number[] = [];
  const columns: string[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header)) !== null) {
    starts.push(m.index);
    columns.push(m[0]);
  }
  const squashed = columns.length === 1 && header.includes(' ');
  if (squashed) {
    columns.length = 0;
    starts.length = 0;
    for (const w of header.trim().split(/\s+/)) columns.push(w);
  }
  return { columns, starts, squashed };
}

/** One row of a table under its header: cells keyed by column, or null for a blank or rule line. */
export function parseTableRow(h: TableHeader, line: Line): Table['rows'][number] | null {
  const { columns, starts, squashed } = h;
  const t = expandTabs(line.text);
  if (t.trim() === '' || /^[-\s]+$/.test(t)) return null;
  const cells: Record<string, string> = {};
  const aligned = !squashed && starts.every((s, i) => i === 0 || s >= t.length || t[s - 1] === ' ');
  if (aligned) {
    columns.forEach((c, i) => {
      const from = starts[i] ?? 0;
      const to = i + 1 < starts.length ? (starts[i + 1] ?? t.length) : t.length;
      cells[c] = t.slice(from, to).trim();
    });
  } else {
    const parts = t.trim().split(/\s+/);
    columns.forEach((c, i) => {
      cells[c] = i === columns.length - 1 ? parts.slice(i).join(' ') : (parts[i] ?? '');
    });
  }
  return { cells, line };
}

/** Parses a `kubectl get`-style table whose first line is the header. */
export function parseTable(lines: readonly Line[]): Table {
  const headerLine = lines[0];
  if (!headerLine) return { columns: [], rows: [] };
  const h = parseTableHeader(headerLine);
  const rows: Table['rows'] = [];
  for (const line of lines.slice(1)) {
    const row = parseTableRow(h, line);
    if (row) rows.push(row);
  }
  return { columns: h.columns, rows };
}
