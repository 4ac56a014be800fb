// Entry of dist/cli.cjs (see scripts/bundle.mjs), run by the bin dist/rbac-diagnose.js (scripts/loader.mjs): the
// only place that sets the process exit code. Output goes through io.ts writeOut (synchronous writes to fd 1).
import { main } from './main.js';

/** Runs the CLI with the process arguments and sets the exit code. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}
