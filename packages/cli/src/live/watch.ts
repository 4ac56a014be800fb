// `rbac-diagnose watch -n NS | -A`: list then watch events (client-node Watch), keep the latest version of each,
// re-diagnose when they change (debounced), and print one NDJSON record per diagnosis that appears, changes or goes
// (records.ts, shared with --follow). Reconnects with exponential back-off; relists after 410 Gone. Read-only.
import type { CoreV1Event } from '@kubernetes/client-node';
import { diagnoseDetailed, diffReport, type Lang, type SeenDiagnoses } from '@rbac-diagnose/core';
import { ruleOptions, type RuleSet } from '../commands.js';
import type { CliArgs, LiveOptions } from '../args.js';
import type { Logger } from '../log.js';
import { updateRecords, writeRecord, type WatchRecord } from '../records.js';
import { isRecord, KubeError, type Kube } from './kube.js';
import { eventsJson } from './render.js';

const DEBOUNCE_MS = 150;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 30000;
/** Events kept (newest by last time seen); older ones are forgotten so memory stays bounded. */
const MAX_KEPT = 5000;

/**
 * A watch event's object, JSON as the server sent it, as the CoreV1Event that a list returns: an object with metadata
 * and involvedObject whose Time fields are Dates (a list leaves the MicroTime fields as strings, and so does this).
 */
function eventFromWatch(obj: unknown): CoreV1Event | null {
  if (!isRecord(obj) || !isRecord(obj['metadata']) || !isRecord(obj['involvedObject'])) return null;
  const dates = (o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, keys.includes(k) && typeof v === 'string' ? new Date(v) : v]),
    );
  return {
    ...dates(obj, ['firstTimestamp', 'lastTimestamp']),
    metadata: dates(obj['metadata'], ['creationTimestamp', 'deletionTimestamp']),
    involvedObject: obj['involvedObject'],
  };
}

export async function runWatch(
  kube: Kube,
  live: LiveOptions,
  args: CliArgs,
  ruleSet: RuleSet,
  log: Logger,
  lang: Lang,
): Promise<number> {
  const namespace = live.allNamespaces ? null : (live.namespace ?? kube.target.namespace ?? 'default');
  const events = new Map<string, CoreV1Event>();
  let seen: SeenDiagnoses = new Map();
  let received = 0;
  let stopping = false;
  let abort: (() => void) | null = null;
  let resourceVersion = '';
  let debounce: NodeJS.Timeout | null = null;
  let evaluating: Promise<void> = Promise.resolve();
  let resolveDone: (code: number) => void = () => undefined;
  const done = new Promise<number>((r) => (resolveDone = r));
  const emit = (rec: WatchRecord): void => writeRecord(rec);

  const evaluate = async (): Promise<void> => {
    const kept = [...events.values()];
    const text = eventsJson(kept);
    const { report } = await diagnoseDetailed(text, {
      ...ruleOptions(ruleSet),
      minConfidence: args.minConfidence,
      redact: args.redact,
      lang,
    });
    const next = diffReport(seen, report);
    seen = next.seen;
    for (const rec of updateRecords(next.updates, namespace)) emit(rec);
  };
  const schedule = (): void => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      evaluating = evaluating
        .then(evaluate)
        .catch((e: unknown) => log.error({ err: String(e) }, 'watch: diagnosis failed'));
    }, DEBOUNCE_MS);
  };
  const stop = (code: number): void => {
    if (stopping) return;
    stopping = true;
    abort?.();
    if (debounce) {
      clearTimeout(debounce);
      debounce = null;
      evaluating = evaluating.then(evaluate).catch(() => undefined);
    }
    void evaluating.then(() => resolveDone(code));
  };
  const keep = (type: string, ev: CoreV1Event): void => {
    const { metadata } = ev;
    const uid = metadata.uid ?? `${metadata.namespace}/${metadata.name}`;
    if (metadata.resourceVersion) resourceVersion = metadata.resourceVersion;
    if (type === 'DELETED') events.delete(uid);
    else {
      const prev = events.get(uid);
      if (prev && prev.metadata.resourceVersion === metadata.resourceVersion) return;
      events.set(uid, ev);
      if (events.size > MAX_KEPT) {
        const oldest = events.keys().next().value;
        if (oldest !== undefined) events.delete(oldest);
      }
    }
    received++;
    schedule();
    if (live.maxEvents !== null && received >= live.maxEvents) stop(0);
  };
  /** A failure to read: diagnose kubectl's message for it (401, 403, exec, refused …). */
  const reportFailure = async (e: KubeError): Promise<void> => {
    const { report } = await diagnoseDetailed(
      `$ kubectl get events ${namespace ? `-n ${namespace}` : '-A'} --watch\n${e.kubectlText}\n`,
      {
        ...ruleOptions(ruleSet),
        minConfidence: args.minConfidence,
        redact: args.redact,
        lang,
      },
    );
    emit({ change: 'error', namespace, error: e.kind, message: e.message, diagnoses: report.diagnoses });
  };

  let timer: NodeJS.Timeout | null = null;
  if (live.timeoutMs !== null) timer = setTimeout(() => stop(0), live.timeoutMs);
  const onSignal = (): void => stop(0);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let backoff = BACKOFF_MIN_MS;
  let lastError = '';
  const connect = async (): Promise<void> => {
    while (!stopping) {
      try {
        if (resourceVersion === '') {
          const list = await kube.events(namespace);
          for (const it of list.items) keep('ADDED', it);
          resourceVersion = list.metadata?.resourceVersion ?? '';
          if (stopping) return;
        }
        let gone = false;
        const ended = await new Promise<unknown>((resolve, reject) => {
          kube
            .watchEvents(
              namespace,
              resourceVersion,
              (type, obj) => {
                backoff = BACKOFF_MIN_MS;
                lastError = '';
                if (type === 'BOOKMARK') {
                  const meta = isRecord(obj) ? obj['metadata'] : undefined;
                  if (isRecord(meta) && typeof meta['resourceVersion'] === 'string')
                    resourceVersion = meta['resourceVersion'];
                  return;
                }
                if (type === 'ERROR') {
                  if (isRecord(obj) && obj['code'] === 410) gone = true;
                  return;
                }
                const ev = eventFromWatch(obj);
                if (ev) keep(type, ev);
              },
              (err) => resolve(err),
            )
            .then((a) => {
              abort = a;
              if (stopping) a();
            }, reject);
        });
        abort = null;
        if (stopping) return;
        if (ended) {
          const status = (ended as { statusCode?: number }).statusCode;
          if (status === 401)
            throw new KubeError(
              'unauthorized',
              'the API server rejected the credentials (401)',
              'error: You must be logged in to the server (Unauthorized)',
              401,
            );
          if (status === 403)
            throw new KubeError(
              'forbidden',
              'watching events is forbidden',
              `Error from server (Forbidden): events is forbidden: cannot watch resource "events" in API group ""${namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`,
              403,
            );
          if (status === 410) gone = true;
          else if (status === undefined)
            throw ended instanceof Error ? ended : new Error('the watch connection ended without an HTTP status');
          else log.debug({ status }, 'watch: HTTP error, reconnecting');
        }
        if (gone) resourceVersion = '';
      } catch (e) {
        const fatal = await handleError(e);
        if (fatal) return;
      }
      if (stopping) return;
      await new Promise((r) => setTimeout(r, backoff));
      backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
    }
  };
  /** Returns true when the failure cannot heal by retrying (credentials, permissions). */
  const handleError = async (e: unknown): Promise<boolean> => {
    const err = e instanceof KubeError ? e : kube.networkError(e);
    if (err.message !== lastError) {
      lastError = err.message;
      await reportFailure(err);
    }
    if (err.kind === 'unauthorized' || err.kind === 'forbidden' || err.kind === 'exec' || err.kind === 'config') {
      stop(0);
      return true;
    }
    return false;
  };

  void connect();
  const code = await done;
  if (timer) clearTimeout(timer);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return code;
}
