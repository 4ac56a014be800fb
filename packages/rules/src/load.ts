// Loads a directory of custom rules: <dir>/<id>/rule.json|rule.yaml folders and <dir>/*.json|*.yaml files, plus an
// optional vocabulary extension (<dir>/vocabulary.json|yaml) adding x- root causes and chains, an optional
// signatures file (<dir>/signatures.json|yaml) adding x- message signatures, and Japanese texts (ja.json|yaml: in a
// rule's folder for that rule, in <dir> for the files beside it). Bad files come back as data naming the file and
// field; nothing is thrown for them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, visit } from 'yaml';
import type { Rule, SignatureData, Vocabulary } from '@rbac-diagnose/core';
import {
  checkRule,
  checkSignatures,
  checkVocabulary,
  ruleTexts,
  translationProblems,
} from '@rbac-diagnose/core/schemas';

/** A rule file that could not be used. */
export interface RuleLoadError {
  file: string;
  field: string;
  message: string;
}

/** Rules read from a directory, the files that were rejected, and the vocabulary they were checked against. */
export interface LoadedRules {
  rules: Rule[];
  errors: RuleLoadError[];
  /** The vocabulary given, extended by the directory's vocabulary file when it has a valid one. */
  vocabulary: Vocabulary;
  /** The signatures given, then those of the directory's signatures file when it is valid. */
  signatures: SignatureData[];
}

/** Names of the vocabulary extension file in a rule directory. */
export const VOCABULARY_FILES = ['vocabulary.json', 'vocabulary.yaml', 'vocabulary.yml'] as const;

/** Names of the signatures file in a rule directory. */
export const SIGNATURE_FILES = ['signatures.json', 'signatures.yaml', 'signatures.yml'] as const;
/** Names of the Japanese texts file: `{ "texts": { "<English text>": "<日本語>" } }`, as beside the built-in rules. */
export const TRANSLATION_FILES = ['ja.json', 'ja.yaml', 'ja.yml'] as const;

const RULE_FILE = /\.(?:json|ya?ml)$/;

// YAML 1.2 core schema, nothing else: no custom or language tags, duplicate keys refused, aliases bounded.
const YAML_OPTIONS = {
  schema: 'core',
  version: '1.2',
  strict: true,
  uniqueKeys: true,
  prettyErrors: false,
  logLevel: 'error',
} as const;

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Reads a rule or vocabulary file: JSON, or YAML without custom tags. */
function readData(file: string): { data: unknown; problem: string | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { data: null, problem: `cannot read it: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (file.endsWith('.json')) {
    try {
      return { data: JSON.parse(text), problem: null };
    } catch (e) {
      return { data: null, problem: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const doc = parseDocument(text, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error) return { data: null, problem: `not valid YAML: ${error.message.split('\n')[0] ?? ''}` };
  // The yaml library resolves some tags beyond the core schema (!!binary, !!set) and keeps unknown ones as plain text
  // with a warning: any tag outside the core schema is refused instead.
  const tags: string[] = [];
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) tags.push(node.tag);
    },
  });
  if (tags[0] !== undefined)
    return { data: null, problem: `YAML tags other than the core schema's are not allowed (found ${tags[0]})` };
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), problem: null };
  } catch (e) {
    return { data: null, problem: `not usable YAML: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The vocabulary `base` extended by `extension` (`{ chains?, rootCauses? }`): custom root causes and chains are named
 * `x-…` and cannot replace built-in ones; the result is checked as a whole (each root cause on a link of its chain).
 */
export function extendVocabulary(
  base: Vocabulary,
  extension: unknown,
): { vocabulary: Vocabulary | null; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  if (typeof extension !== 'object' || extension === null || Array.isArray(extension))
    return {
      vocabulary: null,
      problems: [{ field: '(file)', message: 'must be an object with chains and rootCauses' }],
    };
  const ext = extension as Record<string, unknown>;
  for (const key of Object.keys(ext))
    if (!['$schema', 'chains', 'rootCauses', 'texts'].includes(key))
      problems.push({
        field: key,
        message: 'unknown field (a vocabulary extension has chains, rootCauses and texts)',
      });
  const part = (name: 'chains' | 'rootCauses'): Record<string, unknown> => {
    const v = ext[name];
    if (v === undefined) return {};
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    problems.push({ field: name, message: 'must be an object' });
    return {};
  };
  const chains = part('chains');
  const rootCauses = part('rootCauses');
  for (const [kind, entries, builtin] of [
    ['chains', chains, base.chains],
    ['rootCauses', rootCauses, base.rootCauses],
  ] as const) {
    for (const id of Object.keys(entries)) {
      if (!id.startsWith('x-')) problems.push({ field: `${kind}.${id}`, message: 'a custom name starts with x-' });
      else if (Object.hasOwn(builtin, id)) problems.push({ field: `${kind}.${id}`, message: 'already defined' });
    }
  }
  if (problems.length > 0) return { vocabulary: null, problems };
  const texts = ext['texts'] as Vocabulary['texts'] | undefined;
  const checked = checkVocabulary({
    chains: { ...base.chains, ...chains },
    rootCauses: { ...base.rootCauses, ...rootCauses },
    conditions: base.conditions,
    ...(base.texts === undefined && texts === undefined
      ? {}
      : { texts: { ...base.texts, ...texts, ja: { ...base.texts?.ja, ...texts?.ja } } }),
  });
  return { vocabulary: checked.vocabulary, problems: checked.problems };
}

/**
 * The directory's one file of a kind (its vocabulary or its signatures), read; null when there is none, or when it
 * cannot be used (two of them, or unreadable: the problem is added to `errors`).
 */
function readDirectoryFile(
  dir: string,
  names: readonly string[],
  candidates: readonly string[],
  what: string,
  errors: RuleLoadError[],
): { file: string; data: unknown } | null {
  const found = names.filter((n) => candidates.includes(n));
  if (found.length > 1) {
    errors.push({ file: join(dir, found[1] ?? ''), field: '(file)', message: `one ${what} file per directory` });
    return null;
  }
  if (found[0] === undefined) return null;
  const file = join(dir, found[0]);
  const { data, problem } = readData(file);
  if (problem === null) return { file, data };
  errors.push({ file, field: '(file)', message: problem });
  return null;
}

/** Why a --rules path is not a readable directory, in words. */
function directoryProblem(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : 'not a directory';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such directory';
    if (code === 'EACCES') return 'permission denied';
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Reads and validates every rule under `dir` against `vocabulary` extended by the directory's vocabulary file, and
 * the signatures given (those of earlier directories) plus the directory's signatures file. Rule files are
 * `<id>/rule.json` or `<id>/rule.yaml` (the id equal to the folder's name) and `*.json` / `*.yaml` files; names
 * starting with a dot are skipped.
 */
export function loadRulesDir(
  dir: string,
  vocabulary: Vocabulary,
  signatures: readonly SignatureData[] = [],
): LoadedRules {
  const rules: Rule[] = [];
  const errors: RuleLoadError[] = [];
  const problem = directoryProblem(dir);
  let names: string[] = [];
  if (problem === null) {
    try {
      names = readdirSync(dir)
        .filter((n) => !n.startsWith('.'))
        .sort();
    } catch (e) {
      errors.push({ file: dir, field: '(directory)', message: e instanceof Error ? e.message : String(e) });
    }
  } else errors.push({ file: dir, field: '(directory)', message: problem });

  let extended = vocabulary;
  const vocabularyFile = readDirectoryFile(dir, names, VOCABULARY_FILES, 'vocabulary', errors);
  if (vocabularyFile) {
    const result = extendVocabulary(vocabulary, vocabularyFile.data);
    for (const p of result.problems) errors.push({ file: vocabularyFile.file, ...p });
    if (result.vocabulary) extended = result.vocabulary;
  }
  const known = [...signatures];
  const signatureFile = readDirectoryFile(dir, names, SIGNATURE_FILES, 'signatures', errors);
  if (signatureFile) {
    const result = checkSignatures(signatureFile.data, signatures);
    for (const p of result.problems) errors.push({ file: signatureFile.file, ...p });
    if (result.signatures) known.push(...result.signatures);
  }

  // Japanese texts for the rule files beside them; each entry must translate a text of one of them.
  const shared = readTranslations(dir, names, errors);
  const sharedUsed = new Set<string>();
  for (const name of names) {
    if (
      (VOCABULARY_FILES as readonly string[]).includes(name) ||
      (TRANSLATION_FILES as readonly string[]).includes(name) ||
      (SIGNATURE_FILES as readonly string[]).includes(name)
    )
      continue;
    const path = join(dir, name);
    let file: string | null = null;
    let translations = shared;
    if (isDirectory(path)) {
      const inside = ['rule.json', 'rule.yaml', 'rule.yml'].filter((f) => fileExists(join(path, f)));
      if (inside.length > 1) {
        errors.push({
          file: path,
          field: '(folder)',
          message: `one rule file per folder (found ${inside.join(', ')})`,
        });
        continue;
      }
      if (inside[0] !== undefined) {
        file = join(path, inside[0]);
        translations = readTranslations(path, readdirSafe(path), errors);
      }
    } else if (RULE_FILE.test(name)) file = path;
    if (file === null) continue;
    const { data, problem: unreadable } = readData(file);
    if (unreadable !== null) {
      errors.push({ file, field: '(file)', message: unreadable });
      continue;
    }
    const { rule, problems } = checkRule(data, extended, known);
    if (rule === null) {
      for (const p of problems) errors.push({ file, field: p.field, message: p.message });
      continue;
    }
    if (file !== path && rule.id !== name) {
      errors.push({ file, field: 'id', message: `rule id "${rule.id}" must equal its folder name "${name}"` });
      continue;
    }
    if (translations === null) {
      rules.push(rule);
      continue;
    }
    const english = ruleTexts(rule);
    // A directory's file serves every rule file beside it: each takes the entries of its own texts.
    const isShared = translations === shared;
    const table = Object.fromEntries(
      Object.entries(translations.texts).filter(([en]) => !isShared || english.includes(en)),
    );
    if (isShared) for (const en of Object.keys(table)) sharedUsed.add(en);
    const mismatches = translationProblems(table, english);
    for (const p of mismatches)
      errors.push({ file: translations.file, field: `texts["${p.key}"]`, message: `${p.message} (rule ${rule.id})` });
    if (mismatches.length === 0) rules.push({ ...rule, texts: { ...rule.texts, ja: { ...rule.texts?.ja, ...table } } });
  }
  if (shared !== null)
    for (const en of Object.keys(shared.texts))
      if (!sharedUsed.has(en))
        errors.push({ file: shared.file, field: `texts["${en}"]`, message: 'no rule file beside it has this text' });
  return { rules, errors, vocabulary: extended, signatures: known };
}

/** The Japanese texts file among `names` in `dir`, read and checked for its shape; null when there is none. */
function readTranslations(
  dir: string,
  names: readonly string[],
  errors: RuleLoadError[],
): { file: string; texts: Record<string, string> } | null {
  const found = names.filter((n) => (TRANSLATION_FILES as readonly string[]).includes(n));
  if (found.length > 1) {
    errors.push({ file: join(dir, found[1] ?? ''), field: '(file)', message: 'one Japanese texts file per directory' });
    return null;
  }
  if (found[0] === undefined) return null;
  const file = join(dir, found[0]);
  const { data, problem } = readData(file);
  if (problem !== null) {
    errors.push({ file, field: '(file)', message: problem });
    return null;
  }
  const texts = (data as { texts?: unknown } | null)?.texts;
  const keys = typeof data === 'object' && data !== null ? Object.keys(data) : [];
  if (
    keys.some((k) => k !== 'texts' && k !== '$schema') ||
    typeof texts !== 'object' ||
    texts === null ||
    Array.isArray(texts) ||
    Object.values(texts).some((v) => typeof v !== 'string' || v === '')
  ) {
    errors.push({
      file,
      field: '(file)',
      message: 'must be { "texts": { "<English text as written in the rule>": "<Japanese text>" } }',
    });
    return null;
  }
  return { file, texts: texts as Record<string, string> };
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
