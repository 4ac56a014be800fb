// Loads rule files from a directory: either <dir>/<id>/rule.json folders or <dir>/*.json files.
// Bad rules come back as data naming the file and field; nothing is thrown for them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule, Vocabulary } from '@rbac-diagnose/core';
import { checkRule } from '@rbac-diagnose/core/schemas';

/** A rule file that could not be used. */
export interface RuleLoadError {
  file: string;
  field: string;
  message: string;
}

/** Rules read from a directory, and the files that were rejected. */
export interface LoadedRules {
  rules: Rule[];
  errors: RuleLoadError[];
}

/** Reads and validates every rule under `dir`, against the vocabulary the rules are run with. */
export function loadRulesDir(dir: string, vocabulary: Vocabulary): LoadedRules {
  const rules: Rule[] = [];
  const errors: RuleLoadError[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    return {
      rules,
      errors: [{ file: dir, field: '(directory)', message: e instanceof Error ? e.message : String(e) }],
    };
  }
  for (const name of names) {
    const path = join(dir, name);
    let file: string | null = null;
    if (statSync(path).isDirectory()) {
      if (existsSync(join(path, 'rule.json'))) file = join(path, 'rule.json');
    } else if (name.endsWith('.json')) file = path;
    if (file === null) continue;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      errors.push({ file, field: '(file)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const { rule, problems } = checkRule(data, vocabulary);
    if (rule === null) {
      for (const p of problems) errors.push({ file, field: p.field, message: p.message });
      continue;
    }
    if (file.endsWith('rule.json') && rule.id !== name) {
      errors.push({ file, field: 'id', message: `rule id "${rule.id}" must equal its folder name "${name}"` });
      continue;
    }
    rules.push(rule);
  }
  return { rules, errors };
}
