// The English texts core writes itself (outside the rule files), one entry per key with `{name}` placeholders.
// Keys are grouped by where they are used: `subject.*` and `hint.*` (rule placeholders), `issue.<code>` (input notes),
// `md.*`, `sarif.*`, `trace.*` (renderers). ja.ts holds the same keys with the same placeholders.

export const en = {
  // engine/subject.ts: where a denial applies, read as {{subject.scopePhrase}} in rule text.
  'subject.scope.namespace': 'in the namespace "{namespace}"',
  'subject.scope.cluster': 'at the cluster scope',
  // engine/bindings.ts: hints for values the input does not hold, in rule prose (commands keep the English hint).
  'hint.callerArn': '<your IAM ARN: the Arn printed by aws sts get-caller-identity>',
  'hint.execCommand': '<exec command>',
  'hint.exitCode': '<exit code>',

  // diagnose.ts: input notes (issues[].message), keyed by the code.
  'issue.input_too_large': 'input has {chars} characters, more than the limit of {max}; only the first {max} were read',
  'issue.empty_input': 'the input is empty',
  'issue.vocabulary_missing':
    'no rule ran: the rules come with the vocabulary they are written in (pass builtinRuleSet, or rules and vocabulary, from @rbac-diagnose/rules)',
  'issue.vocabulary_invalid': 'no rule ran: the vocabulary is invalid: {problems}',
  'issue.rule_invalid': 'rule {id} was skipped: {problems}',
  'issue.rule_text_untranslated':
    'rule {id} has no {language} text for {count} of the texts shown; they are in English',
  'language.ja': 'Japanese',
  'language.en': 'English',

  // render/markdown.ts
  'md.heading': 'rbac-diagnose report',
  'md.none': 'No known cause found.',
  'md.hidden': '{count} {count|cause|causes} below confidence {minConfidence} not shown.',
  'md.table': '| # | severity | root cause | confidence | rule |',
  'md.inputNotes': 'Input notes',
  'md.line': 'line {line}',
  'md.inputsRead': 'Inputs read: {inputs}',
  'md.inputsNone': 'none',
  'md.confidence': 'Confidence {confidence}',
  'md.rule': 'rule {rule}',
  'md.also': 'also: {rules}',
  'md.misleading': 'Why the message misleads:',
  'md.evidence': 'Evidence',
  'md.evidenceTable': '| line | input | why |',
  'md.explanation': 'Explanation',
  'md.confirm': 'Confirm',
  'md.readOnly': 'read-only',
  'md.fix': 'Fix',
  'md.mutating': 'mutating: review before applying',
  'md.escalation': 'escalation: grants more than it lists; review before granting',
  'md.references': 'References:',
  'md.trace': 'Rule trace',

  // render/text.ts: the terminal report.
  'text.noCause': 'no known cause found',
  'text.counts': '{errors} likely {errors|cause|causes} of failure, {others} other {others|finding|findings}',
  'text.read': '(read: {kinds})',
  'text.hidden': '{count} {count|cause|causes} below confidence {minConfidence} not shown',
  'text.error': 'error',
  'text.warning': 'warning',
  'text.info': 'info',
  'text.confidence': 'confidence {confidence}',
  'text.mostLikely': 'most likely',
  'text.rule': 'rule {rule}',
  'text.chain': 'chain:',
  'text.misleads': 'Why the message misleads:',
  'text.evidence': 'Evidence',
  'text.confirm': 'Confirm',
  'text.readOnly': '(read-only)',
  'text.fix': 'Fix',
  'text.mutatingTag': '[mutating: review before applying]',
  'text.escalationTag': '[escalation: grants more than it lists; --fix leaves it out]',
  'text.readOnlyTag': '[read-only]',
  'text.see': 'See: {urls}',
  'text.alternatives': 'Other possible causes',
  'text.otherFindings': 'Other findings',
  'text.check': 'check:',
  'text.inputNotes': 'Input notes:',
  'text.line': '{count|line|lines} {at}',
  'text.full': '{flag} shows every cause in full, with all its checks and fixes.',

  // render/sarif.ts: a result's message.
  'sarif.message': '{title}. {summary}',
  'sarif.misleading': ' Why the message misleads: {misleading}',

  // render/trace.ts: the --explain trace.
  'trace.head': 'Rule trace: {fired} of {total} rules fired',
  'trace.shown': ' (shown); pass --explain-all for every rule',
  'trace.base': 'base confidence {confidence}',
  'trace.applied': 'applied',
  'trace.notApplied': 'not applied',
} as const;

/** A key of the core's text catalogs. */
export type MessageKey = keyof typeof en;
