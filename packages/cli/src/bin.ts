#!/usr/bin/env node
// Entry of the bundled CLI (dist/rbac-diagnose.js): the only place that sets the process exit code.
import { main } from './main.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
