// The rule set of a run (built-in plus --rules directories), and `rules list` / `explain <rootCause|ruleId>`:
// documentation read from the rules themselves.
import {
  LITERAL_TEMPLATES,
  padDisplay,
  printable,
  problemText,
  terminalLayout,
  textsIn,
  wrapLine,
  wrapText,
  type Lang,
  type Layout,
  type Rule,
  type SignatureData,
  type Vocabulary,
} from '@rbac-diagnose/core';
import { builtinRuleSetIn, builtinRules, builtinVocabulary, mergeRules } from '@rbac-diagnose/rules';
import { UsageError, type CliArgs } from './args.js';
import { msg } from './i18n/t.js';
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
 * vocabulary extended by each directory's vocabulary file, with their texts in `lang`.
 */
export async function loadRules(args: Pick<CliArgs, 'rulesDirs'>, log: ProgressLog, lang: Lang): Promise<RuleSet> {
  const builtin =
    lang === 'en' ? BUILTIN : { ...(await builtinRuleSetIn(lang)), custom: new Set<string>(), signatures: [] };
  if (args.rulesDirs.length === 0) return builtin;
  const { loadRulesDir } = await import('@rbac-diagnose/rules/load');
  const sets: Rule[][] = [];
  let vocabulary = builtin.vocabulary;
  let signatures: readonly SignatureData[] = [];
  for (const dir of args.rulesDirs) {
    const loaded = loadRulesDir(dir, vocabulary, signatures);
    const first = loaded.errors[0];
    if (first) {
      const more = loaded.errors.length - 1;
      const tail = more > 0 ? ([more > 1 ? 'moreProblems' : 'moreProblem', { count: more }] as const) : null;
      // The problem in the run's language; the file's path and field as they are, control characters escaped.
      const file = printable(first.file);
      const message = (l: Lang): string => problemText(l, first);
      if (first.field === '(directory)')
        throw new UsageError('rulesDir', (l) => ({ dir: file, message: message(l) }), tail);
      if (first.field.startsWith('(')) throw new UsageError('rulesFile', (l) => ({ file, message: message(l) }), tail);
      throw new UsageError(
        'rulesFileField',
        (l) => ({ file, field: printable(first.field), message: message(l) }),
        tail,
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
    rules: mergeRules(builtin.rules, ...sets),
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

/** The rules of a set, in id order, for `rules list -o json` and rules_list; titles in `lang`. */
export function rulesListData(set: RuleSet, lang: Lang = 'en'): RuleEntry[] {
  return set.rules.map((r) => ({
    id: r.id,
    rootCause: r.rootCause,
    severity: r.severity,
    layer: r.layer,
    confidence: r.confidence,
    title: textsIn(r.texts, lang)(r.title),
    custom: set.custom.has(r.id),
  }));
}

/** Width of the `rules list` table, whatever the terminal. */
const LIST_WIDTH = 100;

const SEVERITY = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

/**
 * Prints the rules (or JSON) by layer: a line with the rule, its root cause and severity, then its title below, in
 * `lang`, wrapped so the table fits 100 columns and aligned by display width; custom rules are marked.
 */
export async function rulesList(set: RuleSet, json: boolean, lang: Lang = 'en'): Promise<string> {
  const { rules, custom } = set;
  if (json) return `${JSON.stringify(rulesListData(set, lang), null, 2)}\n`;
  const layout = await terminalLayout(LIST_WIDTH);
  const sorted = [...rules].sort((a, b) => a.layer.localeCompare(b.layer) || a.id.localeCompare(b.id));
  const rows = sorted.map((r) => [
    `  ${r.id}${custom.has(r.id) ? ' *' : ''}`,
    r.rootCause,
    msg(lang, SEVERITY[r.severity]),
  ]);
  const head = [msg(lang, 'rulesLayerRule'), msg(lang, 'rulesRootCause'), msg(lang, 'rulesSeverity')];
  const widths = head.map((h, i) => Math.max(layout.measure(h), ...rows.map((r) => layout.measure(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padDisplay(c, (widths[i] ?? 0) + 2, layout)))
      .join('')
      .trimEnd();
  const out = [line(head)];
  sorted.forEach((r, i) => {
    if (r.layer !== sorted[i - 1]?.layer) out.push(r.layer);
    out.push(line(rows[i] ?? []), ...wrapLine(generic(textsIn(r.texts, lang)(r.title)), layout, '      ', '      '));
  });
  const marked = custom.size > 0 ? msg(lang, 'rulesCustom', { count: custom.size }) : '';
  const signatures = set.signatures.length > 0 ? `\n${signatureList(set.signatures, layout)}` : '';
  return `${out.join('\n')}\n${signatures}${msg(lang, 'rulesFoot', { count: rules.length, custom: marked })}\n`;
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

/** Explains a root cause (every rule that concludes it) or one rule, in `lang` and 100 columns; null when the id is unknown. */
export async function explainId(set: RuleSet, id: string, lang: Lang = 'en'): Promise<string | null> {
  const { rules, vocabulary, custom } = set;
  const signature = set.signatures.find((s) => s.id === id);
  if (signature) return explainSignature(signature, rules);
  const matching = rules.filter((r) => r.id === id || r.rootCause === id);
  if (matching.length === 0) {
    if (Object.hasOwn(vocabulary.rootCauses, id)) return `${msg(lang, 'explainNoRule', { id })}\n`;
    return null;
  }
  const layout = await terminalLayout(LIST_WIDTH);
  const out: string[] = [];
  const isCause = matching.some((r) => r.rootCause === id && r.id !== id);
  out.push(
    isCause
      ? matching.length > 1
        ? msg(lang, 'explainCause', { id, count: matching.length })
        : msg(lang, 'explainCauseOne', { id })
      : msg(lang, 'explainRule', { id, rootCause: matching[0]?.rootCause ?? '' }),
  );
  // Every prose line wraps at 100 columns by display width (Japanese is two columns a character), with its indent.
  const para = (text: string, first = '  ', rest = first): string[] => wrapText(generic(text), layout, first, rest);
  for (const r of matching) {
    const text = textsIn(r.texts, lang);
    out.push(
      '',
      ...para(
        msg(lang, 'explainHead', {
          id: r.id,
          custom: custom.has(r.id) ? msg(lang, 'explainCustom') : '',
          severity: r.severity,
          layer: r.layer,
          confidence: r.confidence,
        }),
        '■ ',
        '  ',
      ),
      ...para(text(r.title)),
      '',
      ...para(text(r.summary)),
      '',
      ...para(text(r.explanation)),
    );
    if (r.misleading) out.push('', ...para(msg(lang, 'explainMisleading', { text: text(r.misleading) })));
    if (r.nextSteps.length > 0) {
      out.push('', `  ${msg(lang, 'explainConfirm')}`);
      for (const n of r.nextSteps) out.push(`    $ ${generic(n.command)}`, ...para(text(n.why), '      '));
    }
    if (r.remediation.length > 0) {
      out.push('', `  ${msg(lang, 'explainFixes')}`);
      for (const f of r.remediation)
        out.push(...para(`${text(f.title)} [${msg(lang, SAFETY[f.safety])}]`, '    • ', '      '));
    }
    if (r.references.length > 0) out.push('', `  ${msg(lang, 'explainDocs', { urls: r.references.join('  ') })}`);
  }
  return `${out.join('\n')}\n`;
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

const SAFETY = { 'read-only': 'safetyReadOnly', mutating: 'safetyMutating', escalation: 'safetyEscalation' } as const;
