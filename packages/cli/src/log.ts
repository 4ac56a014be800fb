// Logging to stderr with pino, loaded only when a record at or above the level is written, so a normal run does
// not pay pino's import cost. stdout carries only the report.
import type { LogLevel } from './args.js';

const ORDER: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, silent: 100 };

interface PinoLike {
  [level: string]: unknown;
  flush?: (cb?: (err?: Error) => void) => void;
}

/** A logger whose records are written by pino on {@link Logger.flush}. */
export interface Logger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  /** Writes buffered records (loads pino if there are any). */
  flush(): Promise<void>;
}

/** Creates a buffered logger for the level. */
export function createLogger(level: LogLevel): Logger {
  const buffered: { level: Exclude<LogLevel, 'silent'>; obj: object; msg: string }[] = [];
  const add =
    (l: Exclude<LogLevel, 'silent'>) =>
    (obj: object, msg: string): void => {
      if (ORDER[l] >= ORDER[level]) buffered.push({ level: l, obj, msg });
    };
  return {
    debug: add('debug'),
    info: add('info'),
    warn: add('warn'),
    error: add('error'),
    async flush(): Promise<void> {
      if (buffered.length === 0) return;
      const mod = (await import('pino')) as unknown as {
        pino?: typeof import('pino').pino;
        default?: typeof import('pino').pino;
      };
      // The bundled CJS interop exposes pino as the default export; Node's own loader also as a named one.
      const pino = (mod.pino ?? mod.default) as typeof import('pino').pino;
      const logger = pino(
        { level, base: { name: 'rbac-diagnose' }, timestamp: false },
        pino.destination({ fd: 2, sync: true }),
      ) as unknown as PinoLike;
      for (const r of buffered.splice(0)) (logger[r.level] as (o: object, m: string) => void)(r.obj, r.msg);
    },
  };
}
