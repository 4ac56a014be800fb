#!/usr/bin/env node
// The rbac-diagnose bin (dist/rbac-diagnose.js once bundled): the only place that sets the process exit code.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
