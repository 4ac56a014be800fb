// The rule set of a run (built-in plus --rules directories), and `rules list` / `explain <rootCause|ruleId>`:
// documentation read from the rules themselves.
import {
  LITERAL_TEMPLATES,
  padDisplay,
  terminalLayout,
  wrapLine,
  wrapText,
  type Layout,
  type Rule,
  type SignatureData,
  type Vocabulary,
} from '@rbac-diagnose/core';
import { builtinRules, builtinVocabulary, mergeRules } from '@rbac-diagnose/rules';
import { UsageError, type CliArgs } from './args.js';
import type { ProgressLog } from './log.js';

/** The rules of a run, the vocabulary they are written in, and which of them came from --rules directories. */
export interface RuleSet {
  rules: readonly Rule[];
  vocabulary: Vocabulary;
  /** Ids of the rules read from --rules directories (a custom rule with a built-in id replaces it). */
  custom: ReadonlySet<string>;
  /** Message signatures read from --rules directories (all custom: ids `x-…`). */
  signatures: readonly SignatureData[];
}

/** The built-in rule set. */
export const BUILTIN: RuleSet = {
  rules: builtinRules,
  vocabulary: builtinVocabulary,
  custom: new Set(),
  signatures: [],
};

/** The diagnose() options a rule set gives: rules checked when loaded, custom ones leading their diagnoses. */
export function ruleOptions(set: RuleSet): {
  rules: readonly Rule[];
  vocabulary: Vocabulary;
  trustedRules: true;
  preferredRules: readonly string[];
  signatures: readonly SignatureData[];
} {
  return {
    rules: set.rules,
    vocabulary: set.vocabulary,
    trustedRules: true,
    preferredRules: [...set.custom],
    signatures: set.signatures,
  };
}

/**
 * The built-in rules plus those of each --rules directory (a rule with a built-in id replaces it), in the built-in
 * vocabulary extended by each directory's vocabulary file.
 */
export async function loadRules(args: Pick<CliArgs, 'rulesDirs'>, log: ProgressLog): Promise<RuleSet> {
  if (args.rulesDirs.length === 0) return BUILTIN;
  const { loadRulesDir } = await import('@rbac-diagnose/rules/load');
  const sets: Rule[][] = [];
  let vocabulary = builtinVocabulary;
  let signatures: readonly SignatureData[] = [];
  for (const dir of args.rulesDirs) {
    const loaded = loadRulesDir(dir, vocabulary, signatures);
    const first = loaded.errors[0];
    if (first) {
      const more = loaded.errors.length - 1;
      const where =
        first.field === '(directory)'
          ? `--rules ${first.file}`
          : `cannot use ${first.file}${first.field.startsWith('(') ? '' : `: ${first.field}`}`;
      throw new UsageError(
        `${where}: ${first.message}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`,
      );
    }
    log.info(
      { dir, rules: loaded.rules.length, signatures: loaded.signatures.length - signatures.length },
      'loaded custom rules',
    );
    sets.push(loaded.rules);
    vocabulary = loaded.vocabulary;
    signatures = loaded.signatures;
  }
  return {
    rules: mergeRules(builtinRules, ...sets),
    vocabulary,
    custom: new Set(sets.flat().map((r) => r.id)),
    signatures,
  };
}

/** One rule as `rules list -o json` and the MCP tool rules_list show it. */
export interface RuleEntry {
  id: string;
  rootCause: string;
  severity: Rule['severity'];
  layer: string;
  confidence: number;
  title: string;
  custom: boolean;
}

/** The rules of a set, in id order, for `rules list -o json` and rules_list. */
export function rulesListData(set: RuleSet): RuleEntry[] {
  return set.rules.map((r) => ({
    id: r.id,
    rootCause: r.rootCause,
    severity: r.severity,
    layer: r.layer,
    confidence: r.confidence,
    title: r.title,
    custom: set.custom.has(r.id),
  }));
}

/** Width of the `rules list` table, whatever the terminal. */
const LIST_WIDTH = 100;

/**
 * Prints the rules (or JSON) by layer: a line with the rule, its root cause and severity, then its title below,
 * wrapped so the table fits 100 columns; custom rules are marked.
 */
export async function rulesList(set: RuleSet, json: boolean): Promise<string> {
  const { rules, custom } = set;
  if (json) return `${JSON.stringify(rulesListData(set), null, 2)}\n`;
  const layout = await terminalLayout(LIST_WIDTH);
  const sorted = [...rules].sort((a, b) => a.layer.localeCompare(b.layer) || a.id.localeCompare(b.id));
  const rows = sorted.map((r) => [`  ${r.id}${custom.has(r.id) ? ' *' : ''}`, r.rootCause, r.severity]);
  const head = ['LAYER / RULE', 'ROOT CAUSE', 'SEVERITY'];
  const widths = head.map((h, i) => Math.max(layout.measure(h), ...rows.map((r) => layout.measure(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padDisplay(c, (widths[i] ?? 0) + 2, layout)))
      .join('')
      .trimEnd();
  const out = [line(head)];
  sorted.forEach((r, i) => {
    if (r.layer !== sorted[i - 1]?.layer) out.push(r.layer);
    out.push(line(rows[i] ?? []), ...wrapLine(generic(r.title), layout, '      ', '      '));
  });
  const marked = custom.size > 0 ? ` (* ${custom.size} custom, from --rules)` : '';
  const signatures = set.signatures.length > 0 ? `\n${signatureList(set.signatures, layout)}` : '';
  return `${out.join('\n')}\n${signatures}${rules.length} rules${marked}; \`rbac-diagnose explain <rule or root cause>\` for details\n`;
}

/** The custom message signatures of a rule set, each with its role, the fields it extracts and its description. */
function signatureList(signatures: readonly SignatureData[], layout: Layout): string {
  const out = [`MESSAGE SIGNATURES (* ${signatures.length} custom, from --rules)`];
  for (const s of signatures) {
    out.push(`  ${s.id} *  ${s.role ?? 'cause'}${captureNote(s)}`);
    if (s.description) out.push(...wrapLine(s.description, layout, '      ', '      '));
  }
  return `${out.join('\n')}\n`;
}

/** `, fields policy, reason` for a signature whose pattern has named groups. */
function captureNote(s: SignatureData): string {
  const names = [...new Set([...s.pattern.matchAll(/\(\?<([A-Za-z]+)\d*>/g)].map((m) => m[1] ?? ''))];
  return names.length > 0 ? `, fields ${names.map((n) => `groups.${n}`).join(', ')}` : '';
}

/** Rule text with its input-dependent placeholders shown as readable hints: `{{subject.username}}` → `<username>`. */
function generic(s: string): string {
  return s.replace(/\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g, (whole, name: string) =>
    (LITERAL_TEMPLATES as readonly string[]).includes(name)
      ? whole
      : `<${(name.split('.').pop() ?? name).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}>`,
  );
}

/** Explains a root cause (every rule that concludes it) or one rule, in 100 columns; null when the id is unknown. */
export async function explainId(set: RuleSet, id: string): Promise<string | null> {
  const { rules, vocabulary, custom } = set;
  const signature = set.signatures.find((s) => s.id === id);
  if (signature) return explainSignature(signature, rules);
  const matching = rules.filter((r) => r.id === id || r.rootCause === id);
  if (matching.length === 0) {
    if (Object.hasOwn(vocabulary.rootCauses, id))
      return `${id}: a root cause of the vocabulary with no rule in this rule set yet.\n`;
    return null;
  }
  const layout = await terminalLayout(LIST_WIDTH);
  const out: string[] = [];
  const isCause = matching.some((r) => r.rootCause === id && r.id !== id);
  out.push(
    isCause
      ? `Root cause ${id} — concluded by ${matching.length} rule${matching.length > 1 ? 's' : ''}`
      : `Rule ${id} — root cause ${matching[0]?.rootCause}`,
  );
  for (const r of matching) {
    out.push(
      '',
      `■ ${r.id} (${custom.has(r.id) ? 'custom rule from --rules, ' : ''}${r.severity}, layer ${r.layer}, base confidence ${r.confidence})`,
      `  ${r.title}`,
      '',
      wrap(r.summary, layout),
      '',
      wrap(r.explanation, layout),
    );
    if (r.misleading) out.push('', wrap(`Why the message misleads: ${r.misleading}`, layout));
    if (r.nextSteps.length > 0) {
      out.push('', '  How to confirm (read-only):');
      for (const n of r.nextSteps) out.push(`    $ ${n.command}`, `      ${n.why}`);
    }
    if (r.remediation.length > 0) {
      out.push('', '  Fixes:');
      for (const f of r.remediation) out.push(`    • ${f.title} [${f.safety}]`);
    }
    if (r.references.length > 0) out.push('', `  Docs: ${r.references.join('  ')}`);
  }
  return generic(`${out.join('\n')}\n`);
}

/** A custom signature: where it comes from, what it matches and extracts, and the rules that read it. */
function explainSignature(s: SignatureData, rules: readonly Rule[]): string {
  const users = rules.filter((r) => JSON.stringify(r).includes(`"${s.id}"`)).map((r) => r.id);
  return [
    `Signature ${s.id} — custom signature from --rules, role ${s.role ?? 'cause'}${captureNote(s)}`,
    ...(s.description ? [`  ${s.description}`] : []),
    `  guard:   ${s.guard.map((g) => JSON.stringify(g)).join(' or ')}`,
    `  pattern: ${s.pattern}`,
    `  read by: ${users.length > 0 ? users.join(', ') : 'no rule of this rule set'}`,
    '',
  ].join('\n');
}

function wrap(text: string, layout: Layout): string {
  return wrapText(text, layout, '  ', '  ').join('\n');
}
