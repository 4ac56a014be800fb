// Log records on stderr, written by pino as they happen (JSON lines), so stdout carries only the report.
import type { Logger } from 'pino';
import type { LogLevel } from './args.js';

export type { Logger };

/** Progress records of an offline run: it reports problems as one-line messages, so it writes only info and debug. */
export type ProgressLog = Pick<Logger, 'info' | 'debug'>;

/** A pino logger writing synchronously to stderr (pino is imported by the runs that create one). */
export async function createLogger(level: LogLevel): Promise<Logger> {
  const { default: pino } = await import('pino');
  return pino({ level, base: { name: 'rbac-diagnose' }, timestamp: false }, pino.destination({ fd: 2, sync: true }));
}

/** The log of an offline run: pino at info, debug or trace; at any other level no record would pass. */
export async function createProgressLog(level: LogLevel): Promise<ProgressLog> {
  if (level === 'info' || level === 'debug' || level === 'trace') return await createLogger(level);
  return { info: () => undefined, debug: () => undefined };
}
