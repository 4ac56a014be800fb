#!/usr/bin/env node
// The rbac-diagnose bin (dist/rbac-diagnose.js once bundled): the only place that sets the process exit code.
import { main } from './main.js';

// A closed pipe (`rbac-diagnose … | head`) ends the run quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
