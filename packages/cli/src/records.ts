// The NDJSON records `rbac-diagnose watch` and `rbac-diagnose --follow` print, one line each: a diagnosis that
// appeared, changed or went (the core's DiagnosisUpdate), or a failure to read. One consumer handles both commands.
import type { Diagnosis, DiagnosisUpdate } from '@rbac-diagnose/core';

/** One record (without its time, which writeRecord adds). `namespace` is what watch watched; null for --follow. */
export type WatchRecord =
  | {
      change: 'new' | 'changed';
      namespace: string | null;
      diagnosis: Diagnosis;
      /** Evidence lines whose text a --follow stream no longer holds (present only when some are). */
      evictedEvidence?: number;
    }
  | {
      change: 'resolved';
      namespace: string | null;
      diagnosis: { ruleId: string; rootCause: string; subject?: string };
    }
  | { change: 'error'; namespace: string | null; error: string; message: string; diagnoses: Diagnosis[] };

/** The records of some updates. */
export function updateRecords(updates: readonly DiagnosisUpdate[], namespace: string | null): WatchRecord[] {
  return updates.map((u) =>
    u.change === 'resolved'
      ? { change: u.change, namespace, diagnosis: u.diagnosis }
      : {
          change: u.change,
          namespace,
          diagnosis: u.diagnosis,
          ...(u.evictedEvidence > 0 ? { evictedEvidence: u.evictedEvidence } : {}),
        },
  );
}

/** Prints one record on standard output, with the time it was written. */
export function writeRecord(rec: WatchRecord): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...rec })}\n`);
}
