// Custom rule directories for the CLI's tests: a built-in rule with some fields changed, as a user would start one.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new directory holding `<id>/rule.json`: the built-in rule `builtinId` with `changes` applied (`id` included). */
export function ruleVariantDir(builtinId: string, changes: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rbac-rules-'));
  const builtin = JSON.parse(
    readFileSync(new URL(`../../rules/rules/${builtinId}/rule.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const rule = { ...builtin, ...changes };
  mkdirSync(join(dir, String(rule['id'])));
  writeFileSync(join(dir, String(rule['id']), 'rule.json'), JSON.stringify(rule));
  return dir;
}
