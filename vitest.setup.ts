import { execFileSync } from 'node:child_process';

/** Generates the built-in rule module before any test imports it. */
export default function setup(): void {
  execFileSync(process.execPath, ['packages/rules/scripts/bundle-rules.mjs'], { stdio: 'ignore' });
}
