// Loads a directory of custom rules: <dir>/<id>/rule.json|rule.yaml folders and <dir>/*.json|*.yaml files, plus an
// optional vocabulary extension (<dir>/vocabulary.json|yaml) adding x- root causes and chains, an optional
// signatures file (<dir>/signatures.json|yaml) adding x- message signatures, and Japanese texts (ja.json|yaml: in a
// rule's folder for that rule, in <dir> for the files beside it). Bad files come back as data naming the file and
// field; nothing is thrown for them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, visit } from 'yaml';
import {
  ruleProblem,
  type MessageKey,
  type ProblemParams,
  type Rule,
  type RuleProblem,
  type SignatureData,
  type Vocabulary,
} from '@rbac-diagnose/core';
import {
  checkRule,
  checkSignatures,
  checkVocabulary,
  ruleTexts,
  translationProblems,
} from '@rbac-diagnose/core/schemas';

/**
 * A rule file that could not be used: the file and field, the problem in English (`message`), and its catalog text
 * (`key`, `params`: core's i18n) to show it in another language (`problemText`).
 */
export interface RuleLoadError {
  file: string;
  field: string;
  message: string;
  key: MessageKey;
  params: ProblemParams;
}

/** A load error of `file`. */
function loadError(file: string, field: string, key: MessageKey, params: ProblemParams = {}): RuleLoadError {
  return { file, ...ruleProblem(field, key, params) };
}

/** The problem of a file: its catalog text and values. */
type FileProblem = { key: MessageKey; params: ProblemParams };

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
function readData(file: string): { data: unknown; problem: FileProblem | null } {
  const failed = (key: MessageKey, params: ProblemParams): { data: null; problem: FileProblem } => ({
    data: null,
    problem: { key, params },
  });
  const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return failed('problem.unreadable', { error: reason(e) });
  }
  if (file.endsWith('.json')) {
    try {
      return { data: JSON.parse(text), problem: null };
    } catch (e) {
      return failed('problem.invalidJson', { error: reason(e) });
    }
  }
  const doc = parseDocument(text, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error) return failed('problem.invalidYaml', { error: error.message.split('\n')[0] ?? '' });
  // The yaml library resolves some tags beyond the core schema (!!binary, !!set) and keeps unknown ones as plain text
  // with a warning: any tag outside the core schema is refused instead.
  const tags: string[] = [];
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) tags.push(node.tag);
    },
  });
  if (tags[0] !== undefined) return failed('problem.yamlTag', { tag: tags[0] });
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), problem: null };
  } catch (e) {
    return failed('problem.unusableYaml', { error: reason(e) });
  }
}

/**
 * The vocabulary `base` extended by `extension` (`{ chains?, rootCauses? }`): custom root causes and chains are named
 * `x-…` and cannot replace built-in ones; the result is checked as a whole (each root cause on a link of its chain).
 */
export function extendVocabulary(
  base: Vocabulary,
  extension: unknown,
): { vocabulary: Vocabulary | null; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  if (typeof extension !== 'object' || extension === null || Array.isArray(extension))
    return { vocabulary: null, problems: [ruleProblem('(file)', 'problem.extensionShape')] };
  const ext = extension as Record<string, unknown>;
  for (const key of Object.keys(ext))
    if (!['$schema', 'chains', 'rootCauses', 'texts'].includes(key))
      problems.push(ruleProblem(key, 'problem.extensionField'));
  const part = (name: 'chains' | 'rootCauses'): Record<string, unknown> => {
    const v = ext[name];
    if (v === undefined) return {};
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    problems.push(ruleProblem(name, 'problem.mustBeObject'));
    return {};
  };
  const chains = part('chains');
  const rootCauses = part('rootCauses');
  for (const [kind, entries, builtin] of [
    ['chains', chains, base.chains],
    ['rootCauses', rootCauses, base.rootCauses],
  ] as const) {
    for (const id of Object.keys(entries)) {
      if (!id.startsWith('x-')) problems.push(ruleProblem(`${kind}.${id}`, 'problem.customName'));
      else if (Object.hasOwn(builtin, id)) problems.push(ruleProblem(`${kind}.${id}`, 'problem.builtinName'));
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
    errors.push(loadError(join(dir, found[1] ?? ''), '(file)', 'problem.oneFilePerDirectory', { what }));
    return null;
  }
  if (found[0] === undefined) return null;
  const file = join(dir, found[0]);
  const { data, problem } = readData(file);
  if (problem === null) return { file, data };
  errors.push(loadError(file, '(file)', problem.key, problem.params));
  return null;
}

/** Why a --rules path is not a readable directory. */
function directoryProblem(dir: string): FileProblem | null {
  try {
    return statSync(dir).isDirectory() ? null : { key: 'problem.notDirectory', params: {} };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { key: 'problem.noDirectory', params: {} };
    if (code === 'EACCES') return { key: 'problem.permissionDenied', params: {} };
    return { key: 'problem.directoryError', params: { error: e instanceof Error ? e.message : String(e) } };
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
      errors.push(
        loadError(dir, '(directory)', 'problem.directoryError', { error: e instanceof Error ? e.message : String(e) }),
      );
    }
  } else errors.push(loadError(dir, '(directory)', problem.key, problem.params));

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
        errors.push(loadError(path, '(folder)', 'problem.oneRuleFile', { files: inside.join(', ') }));
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
      errors.push(loadError(file, '(file)', unreadable.key, unreadable.params));
      continue;
    }
    const { rule, problems } = checkRule(data, extended, known);
    if (rule === null) {
      for (const p of problems) errors.push({ file, ...p });
      continue;
    }
    if (file !== path && rule.id !== name) {
      errors.push(loadError(file, 'id', 'problem.idNotFolder', { id: rule.id, folder: name }));
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
      errors.push({
        file: translations.file,
        field: `texts["${p.key}"]`,
        message: `${p.message} (rule ${rule.id})`,
        key: 'problem.translationInRule',
        params: { ...p.params, problem: p.problem, id: rule.id },
      });
    if (mismatches.length === 0) rules.push({ ...rule, texts: { ...rule.texts, ja: { ...rule.texts?.ja, ...table } } });
  }
  if (shared !== null)
    for (const en of Object.keys(shared.texts))
      if (!sharedUsed.has(en)) errors.push(loadError(shared.file, `texts["${en}"]`, 'problem.textUnused'));
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
    errors.push(loadError(join(dir, found[1] ?? ''), '(file)', 'problem.oneTextsFile'));
    return null;
  }
  if (found[0] === undefined) return null;
  const file = join(dir, found[0]);
  const { data, problem } = readData(file);
  if (problem !== null) {
    errors.push(loadError(file, '(file)', problem.key, problem.params));
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
    errors.push(loadError(file, '(file)', 'problem.textsShape'));
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
