// Facts from text no kubectl format claimed: `get events` / describe Events rows and `get pods` rows pasted without
// their header, and `aws sts get-caller-identity --output text`.
import type { Section } from '../input/split.js';
import { callerIdentityFromText } from './aws-json.js';
import { ref, type Collected } from './collected.js';
import { headerlessDescribeEvent, headerlessEvent } from './events.js';

// `get pods` rows without their header: `kube-system  aws-node-nwmbr  2/2  Running  0  5m41s`.
const HEADERLESS_POD =
  /^(?:([a-z0-9][-a-z0-9.]{0,62})\s+)?([a-z0-9][-a-z0-9.]{0,252})\s+(\d{1,3}\/\d{1,3})\s+([A-Za-z][\w:-]{0,60})\s+(\d{1,9})(?: \(\S{1,20} ago\))?\s+\S{1,20}$/;

/** Reads one log-lines section; true when any row or identity was read. */
export function extractLogLines(section: Section, c: Collected): boolean {
  let read = false;
  for (const l of section.lines) {
    if (l.text.length > 8000) continue;
    if (headerlessDescribeEvent(l, c)) {
      read = true;
      continue;
    }
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
      read = true;
      continue;
    }
    if (headerlessEvent(l, c)) read = true;
  }
  return callerIdentityFromText(section.lines, c) || read;
}
