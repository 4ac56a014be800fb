// `rbac-diagnose --follow`: reads standard input until it closes (`kubectl get events -A -w -o json`, `kubectl get pods
// -w`, `kubectl logs -f`, `journalctl -f`) through the core's DiagnosisStream, within its bounds, and prints the same
// NDJSON records as `watch` (records.ts) as diagnoses appear, change or go. When it diagnoses:
//   - after input that brought new facts, at most once every DEBOUNCE_MS while input keeps coming, and at most a third
//     of the time (a diagnosis that took 300 ms waits 600 ms before the next: an error on every line stays readable);
//   - when input pauses for IDLE_MS after lines not diagnosed yet: the stream is then diagnosed as if it ended there,
//     so a line that waits for the lines after it (a message that may be wrapped, a section's last line) counts;
//   - at the end of input (or on Ctrl-C), once more over all of it.
import { DiagnosisStream, diffReport, type Lang, type SeenDiagnoses } from '@rbac-diagnose/core';
import type { CliArgs } from './args.js';
import type { RuleSet } from './commands.js';
import { coreOptions } from './diagnosis.js';
import { InputDecoder } from './io.js';
import type { ProgressLog } from './log.js';
import { updateRecords, writeRecord } from './records.js';

const DEBOUNCE_MS = 250;
const IDLE_MS = 200;

/** Follows standard input; returns the exit code (0 when it ran to the end of input). */
export async function runFollow(args: CliArgs, ruleSet: RuleSet, log: ProgressLog, lang: Lang): Promise<number> {
  const stream = await DiagnosisStream.open(coreOptions(ruleSet, { ...args, lang }));
  const decoder = new InputDecoder(null);
  let seen: SeenDiagnoses = new Map();
  // What the last diagnosis covered, and when it started.
  let found = 0;
  let lines = 0;
  let lastRun = 0;
  let lastCost = 0;
  // Diagnoses run one after another; `queued`: one is waiting to start, which will see all input read by then.
  let chain: Promise<void> = Promise.resolve();
  let queued = false;
  let soon: NodeJS.Timeout | null = null;
  let idle: NodeJS.Timeout | null = null;
  // A diagnosis that throws is a bug: reading stops and it is reported as one.
  let failure: Error | null = null;

  const diagnose = async (final: boolean): Promise<void> => {
    lastRun = Date.now();
    found = stream.found;
    lines = stream.lines;
    const { report } = final ? await stream.finish() : await stream.diagnose();
    lastCost = Date.now() - lastRun;
    const next = diffReport(seen, report);
    seen = next.seen;
    for (const rec of updateRecords(next.updates, null)) writeRecord(rec);
    log.debug({ lines, found, diagnoses: report.diagnoses.length, evicted: stream.evicted }, 'follow: diagnosed');
  };
  const run = (): void => {
    if (queued) return;
    queued = true;
    chain = chain
      .then(() => {
        queued = false;
        return diagnose(false);
      })
      .catch((e: unknown) => {
        failure ??= e instanceof Error ? e : new Error(String(e));
        stop();
      });
  };
  const clear = (): void => {
    if (soon) clearTimeout(soon);
    if (idle) clearTimeout(idle);
    soon = idle = null;
  };

  let stopped = false;
  function stop(): void {
    stopped = true;
    process.stdin.destroy();
  }
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      stream.write(decoder.push(chunk));
      await stream.ready();
      if (stream.found !== found && soon === null)
        soon = setTimeout(
          () => {
            soon = null;
            run();
          },
          Math.max(0, lastRun + Math.max(DEBOUNCE_MS, 3 * lastCost) - Date.now()),
        );
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => {
        idle = null;
        if (stream.lines !== lines || stream.found !== found) run();
      }, IDLE_MS);
    }
  } catch (e) {
    // Ctrl-C ends the input early: what was read is diagnosed as at its end.
    if (!stopped) throw e;
  } finally {
    clear();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  await chain;
  // (read through a call: the closures that set it are invisible to the narrowing here)
  const failed = ((): Error | null => failure)();
  if (failed) throw failed;
  stream.write(decoder.end());
  await diagnose(true);
  return 0;
}
