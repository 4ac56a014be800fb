// `rbac-diagnose web`: serves the built page on loopback until Ctrl-C (SIGINT) or SIGTERM, then closes cleanly.
import { UsageError } from '../args.js';
import { findWebRoot, serveWeb } from './serve.js';

/** Serves the page found for the CLI bundle in `bundleDir` on 127.0.0.1 (`port` 0: a free one); returns the exit code. */
export async function runWeb(bundleDir: string, port: number): Promise<number> {
  const root = findWebRoot(bundleDir);
  if (root === null)
    throw new UsageError(
      'the web page is not built: run `pnpm build` in the checkout (it writes packages/web/dist/index.html)',
    );
  let server;
  try {
    server = await serveWeb({ root, port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; pick another --port, or leave it out`);
    if (code === 'EACCES') throw new UsageError(`port ${port} needs privileges; pick one above 1023`);
    throw e;
  }
  // Listening for the signals before the URL is out: whoever reads it may stop the server at once.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // The URL alone on stdout (a script can read it); the rest is for the person at the terminal.
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(
    'rbac-diagnose web: serving the page on this machine only (read-only; pastes stay in the browser). Ctrl-C stops it.\n',
  );
  await stopped;
  await server.close();
  return 0;
}
