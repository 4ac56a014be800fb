// Facts from text no kubectl format claimed: `get events` / describe Events rows and `get pods` rows pasted without
// their header, and `aws sts get-caller-identity --output text`. Read line by line (facts/line-reader.ts).
import type { Line } from '../input/lines.js';
import { ref, type Collected } from './collected.js';
import { headerlessDescribeEvent, headerlessEvent } from './events.js';

// `get pods` rows without their header: `kube-system  aws-node-nwmbr  2/2  Running  0  5m41s`.
const HEADERLESS_POD =
  /^(?:([a-z0-9][-a-z0-9.]{0,62})\s+)?([a-z0-9][-a-z0-9.]{0,252})\s+(\d{1,3}\/\d{1,3})\s+([A-Za-z][\w:-]{0,60})\s+(\d{1,9})(?: \(\S{1,20} ago\))?\s+\S{1,20}$/;

/** Where the rows of a log-lines section go. */
export type RowFacts = Pick<Collected, 'events' | 'pods'>;

/** Reads one line of a log-lines section as a row pasted without its header; true when it was one. */
export function readHeaderlessRow(l: Line, c: RowFacts): boolean {
  if (l.text.length > 8000) return false;
  if (headerlessDescribeEvent(l, c)) return true;
  const p = HEADERLESS_POD.exec(l.text);
  if (p?.[2] && p[3] && p[4] && p[5]) {
    c.pods.push(
      Object.assign(ref(l), {
        name: p[2],
        namespace: p[1] ?? null,
        phase: p[4],
        node: null,
        controlledBy: null,
        serviceAccount: null,
        nodeSelector: null,
        ready: p[3],
        restarts: Number(p[5]),
      }),
    );
    return true;
  }
  return headerlessEvent(l, c);
}
