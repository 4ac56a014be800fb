// `rbac-diagnose web`: serves the built page on loopback until Ctrl-C (SIGINT) or SIGTERM, then closes cleanly.
import type { Lang } from '@rbac-diagnose/core';
import { UsageError } from '../args.js';
import { msg } from '../i18n/t.js';
import { findWebRoot, serveWeb } from './serve.js';

/** Serves the page found for the CLI bundle in `bundleDir` on 127.0.0.1 (`port` 0: a free one); returns the exit code. */
export async function runWeb(bundleDir: string, port: number, lang: Lang): Promise<number> {
  const root = findWebRoot(bundleDir);
  if (root === null) throw new UsageError('webNotBuilt');
  let server;
  try {
    server = await serveWeb({ root, port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError('portInUse', { port });
    if (code === 'EACCES') throw new UsageError('portPrivileged', { port });
    throw e;
  }
  // Listening for the signals before the URL is out: whoever reads it may stop the server at once.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // The URL alone on stdout (a script can read it); the rest is for the person at the terminal.
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`${msg(lang, 'webServing')}\n`);
  await stopped;
  await server.close();
  return 0;
}
