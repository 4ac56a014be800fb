// The English texts core writes itself (outside the rule files), one entry per key with `{name}` placeholders and
// `{name|one|other}` plural words. Keys are grouped by where they are used: `subject.*` and `hint.*` (rule
// placeholders), `issue.<code>` (input notes), `fix.*`, `grammar.*`, `failure.*` (the remediation generators' titles
// and notes), `text.*`, `md.*`, `sarif.*`, `trace.*` (renderers). ja.ts holds the same keys with the same placeholders.

export const en = {
  // The separator of a list of names in a sentence.
  list: ', ',
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
  'issue.signature_skipped': 'signature {id} was skipped: {problem}',
  'issue.signature_pattern': 'pattern {problem}',
  'issue.signature_invalid': 'no custom signature was used: {problems}',
  'issue.rule_text_untranslated':
    '{rules|rule|rules} {ids} {rules|has|have} no {language} text for {count} of the texts shown; they are in English',
  // diagnose.ts: after the `why` of the first evidence line of a message a stream folded (repeats of it).
  'evidence.repeated': '(this message came {count} times in the stream, from line {first} to line {last})',
  // facts/*.ts: notes on what could not be read.
  'issue.aws_auth_empty': 'an aws-auth ConfigMap was recognised but no mapping could be read from it',
  'issue.error_not_catalogued':
    'the error on line {line} is not one this version has a signature for; no diagnosis is based on it',
  'issue.unrecognised_section':
    'lines {from}–{to} are not a kubectl or AWS format this version reads; they were searched for known error messages and none was found',
  'issue.redacted_value':
    'a value was redacted here (and perhaps on later lines); facts that need it (account, ARN, name) may be missing or unmatched',
  'issue.elided_lines': 'lines were left out here; counts and lists around this line may be incomplete',
  'issue.json_truncated':
    'the JSON stops before it is complete ({error}); what came before was read, and its error lines were searched',
  'issue.unparsed':
    '{format} that does not parse here ({error}); what could be read was kept, and every line was searched for error messages',
  'issue.line_too_long':
    'line {line} has {length} characters, more than the limit of {max} for searching error messages; only the first {max} were searched; JSON or YAML on a long line is still read whole',
  'issue.line_too_long_more':
    'line {line} has {length} characters, more than the limit of {max} for searching error messages; only the first {max} were searched (and so for {others} more {others|line|lines}); JSON or YAML on a long line is still read whole',
  'issue.json_unparsed': 'looks like `aws sts get-caller-identity` output but does not parse as JSON',
  'language.ja': 'Japanese',
  'language.en': 'English',

  // parse/json.ts, parse/yaml.ts: why a JSON or YAML text did not parse (inside the notes above and the findings below).
  'parser.yaml': '{error}',
  'parser.yamlTooDeep': 'YAML nested more than {max} levels deep was not parsed',
  'parser.jsonLineBreak': 'line break inside a JSON string',
  'parser.jsonEscape': 'bad \\u escape',
  'parser.jsonEndsInString': 'the text ends inside a JSON string',
  'parser.jsonEndsBeforeValue': 'the text ends where a JSON value was expected',
  'parser.jsonTooDeep': 'JSON nested too deeply',
  'parser.jsonEndsInObject': 'the text ends inside a JSON object',
  'parser.jsonKey': 'expected a quoted key, found {found}',
  'parser.jsonColon': 'expected ":" after a key',
  'parser.jsonObjectComma': 'expected "," or "}" in an object',
  'parser.jsonArrayComma': 'expected "," or "]" in an array',
  'parser.jsonUnexpected': 'unexpected {found}',

  // parse/aws-auth.ts: the findings of the aws-auth lint (a rule shows them as {{item.message}}).
  'finding.jsonUnparsed': 'the aws-auth JSON does not parse',
  'finding.indentationLost':
    'the indentation of this aws-auth was lost (metadata, data and the entries are all at column 0), so it is not valid YAML for a ConfigMap: applied as is it would be rejected or drop the mappings',
  'finding.yamlSyntax': 'aws-auth is not valid YAML: {error}',
  'finding.yamlSyntaxUnknown': 'aws-auth is not valid YAML',
  'finding.blockScalarList':
    'data.{key} is a YAML list, not a string: the API server rejects it ("cannot unmarshal array into Go struct field ConfigMap.data of type string"); write `{key}: |`',
  'finding.blockScalarMap':
    'data.{key} is a YAML map, not a string: the API server rejects it ("cannot unmarshal object into Go struct field ConfigMap.data of type string"); write `{key}: |`',
  'finding.wrongTopKey':
    'data key "{key}" is not one of mapRoles, mapUsers, mapAccounts (the names are case-sensitive): the authenticator ignores it',
  'finding.innerYamlSyntax':
    'the YAML inside data.{key} does not parse ({error}): the authenticator drops every {key} mapping',
  'finding.notAList': 'data.{key} must hold a YAML list',
  'finding.entryInvalid':
    'the entry for {arn} in {key} uses "{otherKey}" where "{arnKey}" is required: the authenticator drops it',
  'finding.groupsString': 'groups of {arn} is a string, not a list',
  'finding.groupLostBreak': 'group "{group}" of {arn} contains " - ": a list item lost its line break',
  'finding.mastersOvergrant':
    '{arn} is mapped to system:masters: unrestricted cluster admin that RBAC cannot limit or revoke',
  'finding.stsArn': '{arn} is an STS assumed-role ARN: it never matches; map the role ARN {roleArn}',
  'finding.instanceProfile': '{arn} is an instance profile, not a role: map the role inside it',
  'finding.groupArn': '{arn} is an IAM group, which is not a principal and cannot be mapped',
  'finding.rolePath':
    '{arn} has the IAM path {path}: the authenticator compares the path-less ARN, so this entry never matches; write {roleArn}',
  'finding.roleInMapUsers': '{arn} is a role listed under mapUsers: move it to mapRoles',
  'finding.usernameMissing': 'the entry for {arn} has no username',
  'finding.nodeMissingGroup': 'the node entry {arn} lacks {group}',
  'finding.nodeMissingGroups': 'the node entry {arn} lacks system:bootstrappers and system:nodes',
  'finding.duplicateArn': '{arn} is mapped twice: only the last entry counts',
  'finding.noNodeRole':
    'no mapRoles entry grants system:nodes: EC2 nodes that authenticate through aws-auth cannot join the cluster',

  // remediation/*.ts: what the generators write besides manifests (whose comments stay English: messages.ts).
  'fix.valueRejectedTitle': 'Some commands are not shown: a value read from the input is not valid where they need it',
  'fix.valueRejected':
    'The value of {placeholder} is not a valid {grammar} ({failure}), so the commands and manifests that would carry it are left out. Check the input; if the value is real, write those commands by hand with care.',
  'fix.rbacTitle': '{roleKind} + {bindingKind} "{name}" granting {subject} exactly what was denied {scope}',
  'fix.rbacEscalationTitle':
    '{roleKind} + {bindingKind} "{name}" granting {subject} a privilege-escalating permission {scope}',
  'fix.scopeCluster': 'cluster-wide',
  'fix.scopeNamespace': 'in namespace {namespace}',
  'fix.escalationWhat': '{verbs} on {targets}',
  'fix.escalationWarning':
    'ESCALATION: this grant lets {subject} gain more rights than it states ({what}). It is pinned to the names in the denial; apply it only if that is intended. rbac-diagnose --fix leaves it out unless --include-escalation is given.',
  'fix.escalationWarningTitle': 'Escalation: review before granting',
  'fix.refusedTitle': 'No fix generated for a privilege-escalating request',
  'fix.wildcardTitle': 'No fix generated for a wildcard request',
  'fix.invalidTitle': 'No fix generated for a denial whose values are not valid',
  'fix.refusedPrivilegedGroup':
    'The denial on line {line} asks to impersonate a privileged group ({group}): that is cluster admin by another name. rbac-diagnose does not propose it; if a person truly needs admin, grant it deliberately and audit it.',
  'fix.refusedPrivilegedUser':
    'The denial on line {line} asks to impersonate a privileged identity ({user}). rbac-diagnose does not propose it.',
  'fix.refusedAdminRole':
    'The denial on line {line} asks to {verb} the role {role}, which holds (or can grant) unrestricted admin rights. rbac-diagnose does not propose it.',
  'fix.refusedUnpinned':
    'The denial on line {line} asks to {verb} {resource} without naming which one, so a grant could not be pinned with resourceNames and would reach every object (including the most privileged ones). rbac-diagnose does not propose it; name the object and grant only that.',
  'fix.refusedWildcard':
    'The denial on line {line} asks for every verb, resource, API group or path (*). A fix never grants a wildcard: grant the specific verbs and resources the workload uses.',
  'fix.refusedInvalid':
    'The denial on line {line} carries a value that is not a valid {grammar} ({failure}), so no Role or binding is generated for it.',
  'fix.broaderTitle': 'Broader access: no built-in role fits',
  'fix.broaderNone':
    'The built-in view and edit roles cover namespaced resources only, view never reads secrets, and edit can read secrets and exec into pods: for these denials they would not help or would grant far more. Use the least-privilege Role above; never system:masters or cluster-admin for a missing verb.',
  'fix.broaderViewTitle':
    'If this subject needs broader read access in namespace {namespace}: the built-in view role, bound in that namespace only (never system:masters or cluster-admin)',
  'fix.psaPatchTitle':
    'Make the pod template meet the {level} level: change exactly the fields the message names (merge into spec.template.spec of the workload)',
  'fix.psaManualTitle': 'Some failed checks need a change to the workload itself',
  'fix.psaManual':
    'hostPath volumes, restricted volume types, hostPort and procMount cannot be switched off by a patch without breaking the workload: replace the volume (a PersistentVolumeClaim, emptyDir, configMap or secret), remove the hostPort, or run the workload in a namespace whose level allows it.',
  'fix.awsAuthTitle':
    'aws-auth merged: the ConfigMap from the input with {count} {count|mapping|mappings} added, every existing mapping kept',
  'fix.awsAuthIncluded':
    'The mapping is part of the single aws-auth ConfigMap proposed under {rootCause}: apply that one only (two copies of aws-auth applied one after the other would each remove what the other adds).',
  'fix.awsAuthIncludedTitle': 'aws-auth: see the one merged ConfigMap in this report',
  'fix.awsAuthMalformedTitle': 'aws-auth in the input is malformed: it is not rebuilt',
  'fix.awsAuthMalformed':
    'The aws-auth on lines {from}-{to} does not parse as a ConfigMap (first problem on line {line}). A copy rebuilt from what could be read would drop whatever could not, so none is generated. Correct line {line} in place (kubectl edit configmap aws-auth -n kube-system), or add mappings with eksctl create iamidentitymapping or access entries.',
  'fix.awsAuthEntryTitle':
    'Corrected form of the entry near line {line} (paste it over the broken one, same indentation)',
  'fix.awsAuthAmbiguousTitle': 'Several different aws-auth ConfigMaps in the input: none is merged',
  'fix.awsAuthAmbiguous':
    'The input holds more than one aws-auth, and they differ: it cannot tell which one is live, and merging into the wrong one would drop mappings. Read the live one (kubectl get cm aws-auth -n kube-system -o yaml) and add the mapping with eksctl create iamidentitymapping.',
  'fix.awsAuthUnmergeableTitle': 'aws-auth in the input cannot take more mappings as written: it is not rebuilt',
  'fix.awsAuthUnmergeable':
    'The {key} value of the aws-auth on lines {from}-{to} does not read as one list of mappings (a duplicate key, a second document, or a value that is not a list), so no merged copy is generated: the authenticator reads such a value as no mappings at all. Correct it in place (kubectl edit configmap aws-auth -n kube-system), or add the mapping with eksctl create iamidentitymapping or access entries.',
  'fix.awsAuthInvalidTitle': 'No aws-auth mapping generated for a value that is not valid',
  'fix.awsAuthInvalid':
    'The ARN to map is not a valid {grammar} ({failure}), so no aws-auth entry is generated for it.',

  // remediation/grammar.ts: each grammar a value must meet, and each way a value fails, in the notes above.
  'grammar.namespace': 'namespace name (DNS-1123 label)',
  'grammar.dnsLabel': 'DNS-1123 label',
  'grammar.dnsSubdomain': 'object name (DNS-1123 subdomain)',
  'grammar.objectName': 'object name',
  'grammar.userName': 'Kubernetes user name',
  'grammar.groupName': 'Kubernetes group name',
  'grammar.serviceAccountName': 'service account name',
  'grammar.verb': 'RBAC verb',
  'grammar.resource': 'resource name',
  'grammar.apiGroup': 'API group',
  'grammar.nonResourceURL': 'non-resource URL path',
  'grammar.rbacTarget': 'resource or path',
  'grammar.resourceArg': 'resource[.group][/subresource]',
  'grammar.partition': 'AWS partition',
  'grammar.account': 'AWS account id',
  'grammar.region': 'AWS region',
  'grammar.clusterName': 'EKS cluster name',
  'grammar.nodegroupName': 'EKS node group name',
  'grammar.instanceId': 'EC2 instance id',
  'grammar.profileName': 'AWS CLI profile name',
  'grammar.labelKey': 'label or taint key',
  'grammar.labelValue': 'label or taint value',
  'grammar.labelPair': 'label key=value',
  'grammar.taintEffect': 'taint effect',
  'grammar.workloadRef': 'workload kind/name',
  'grammar.iamName': 'IAM role or user name',
  'grammar.iamPath': 'IAM path',
  'grammar.roleArn': 'IAM role ARN',
  'grammar.userArn': 'IAM user ARN',
  'grammar.principalArn': 'IAM role or user ARN',
  'grammar.assumedRoleArn': 'STS assumed-role ARN',
  'grammar.oidcProvider': 'EKS OIDC provider',
  'grammar.ecrRegistry': 'ECR registry',
  'grammar.ecrRepository': 'ECR repository name',
  'grammar.image': 'container image reference',
  'grammar.iamAction': 'IAM action',
  'grammar.command': 'program name',
  'grammar.number': 'number',
  'grammar.psaLevel': 'Pod Security level',
  'grammar.resourceVersion': 'resourceVersion',
  'grammar.text': 'printable text',
  'failure.empty': 'it is empty',
  'failure.too-long': 'it is too long',
  'failure.control-character': 'it contains control, invisible or line-breaking characters',
  'failure.wildcard': 'it contains a wildcard',
  'failure.placeholder': 'it looks like a placeholder',
  'failure.form': 'its characters or form are not allowed there',
  'failure.option': "it begins with '-', which the command would read as an option",
  'failure.privileged': 'it names cluster-admin or system:masters, which a fix never grants',

  // rules/check.ts and @rbac-diagnose/rules/load: problems of a rule, signature, vocabulary or texts file (a
  // problem's `message` is its English text; `problem.*` for the checks, `pattern.*` for a signature's pattern,
  // `zod.*` for schema issues by code, `word.*` the words a value may be (a type, a bound, none)).
  'problem.unknownRootCause': '"{cause}" is not a root cause of the vocabulary (a custom one is named x-…)',
  'problem.noField': '{family} items have no field {field}',
  'problem.needsConditions': 'a rule without subject needs conditions',
  'problem.placeholderNoField': '{placeholder}: {family} items have no field {field}',
  'problem.unboundPlaceholder': 'unbound placeholder {placeholder}',
  'problem.evidenceNeedsSubject': 'evidence from the subject needs a rule subject',
  'problem.generatorNeedsSubject': 'rbac-least-privilege grants the denials of the subject: the rule needs a subject',
  'problem.alreadyDefined': '"{id}" is already defined',
  'problem.noNamedCondition': 'no named condition "{name}"',
  'problem.subjectFactNeedsSubject': 'the subject fact needs a rule subject',
  'problem.subjectNoPath': 'the subject ({family}) has no path {path}',
  'problem.factNoPath': 'fact "{fact}" has no path {path}',
  'problem.unknownSignal': 'unknown signal id {id}',
  'problem.regexNotString': 'a regex must be a string',
  'problem.invalidRegex': 'invalid regex: {error}',
  'problem.noSuchText': 'no such English text',
  'problem.placeholdersDiffer': 'placeholders differ: {found} instead of {expected}',
  'word.none': 'none',
  'problem.exactlyOneAction': 'exactly one of command, yaml, text or generator',
  'problem.kebabCase': 'kebab-case',
  'problem.signatureId': 'a custom signature id is x-… (lower-case letters, digits, - or _)',
  'problem.guardShort': 'a guard is a phrase of 4 characters or more',
  'problem.guardOneLine': 'a guard is on one line',
  'problem.noChain': 'no chain "{chain}"',
  'problem.chainLinks': 'chain "{chain}" has {links} links',
  // @rbac-diagnose/rules/load: reading a --rules directory and its files.
  'problem.unreadable': 'cannot read it: {error}',
  'problem.invalidJson': 'not valid JSON: {error}',
  'problem.invalidYaml': 'not valid YAML: {error}',
  'problem.yamlTag': "YAML tags other than the core schema's are not allowed (found {tag})",
  'problem.unusableYaml': 'not usable YAML: {error}',
  'problem.extensionShape': 'must be an object with chains and rootCauses',
  'problem.extensionField': 'unknown field (a vocabulary extension has chains, rootCauses and texts)',
  'problem.mustBeObject': 'must be an object',
  'problem.customName': 'a custom name starts with x-',
  'problem.builtinName': 'already defined',
  'problem.oneFilePerDirectory': 'one {what} file per directory',
  'problem.oneTextsFile': 'one Japanese texts file per directory',
  'problem.notDirectory': 'not a directory',
  'problem.noDirectory': 'no such directory',
  'problem.permissionDenied': 'permission denied',
  'problem.directoryError': '{error}',
  'problem.oneRuleFile': 'one rule file per folder (found {files})',
  'problem.idNotFolder': 'rule id "{id}" must equal its folder name "{folder}"',
  'problem.translationInRule': '{problem} (rule {id})',
  'problem.textsShape': 'must be { "texts": { "<English text as written in the rule>": "<Japanese text>" } }',
  'problem.textUnused': 'no rule file beside it has this text',
  // parse/pattern-check.ts: why a signature's pattern is refused.
  'pattern.notString': 'is not a string',
  'pattern.guardEmpty': 'it needs at least one non-empty guard phrase',
  'pattern.empty': 'empty',
  'pattern.tooLong': 'longer than {max} characters',
  'pattern.compile': 'does not compile: {error}',
  'pattern.matchesEmpty': 'matches the empty string',
  'pattern.countOver': 'a repetition count over {max} ({quantifier})',
  'pattern.countOrder': '{quantifier}: the counts are out of order',
  'pattern.lookaround': 'lookarounds are not allowed (at {at})',
  'pattern.unclosedGroup': 'unclosed "(" at {at}',
  'pattern.nothingToRepeat': '"{char}" with nothing to repeat (at {at})',
  'pattern.unbalanced': 'unbalanced ")" at {at}',
  'pattern.anchorRepeat': '"{anchor}" cannot repeat',
  'pattern.trailingBackslash': 'a pattern cannot end with "\\"',
  'pattern.boundaryInClass': '"\\B" inside a class',
  'pattern.hexDigits': '"{escape}" needs {digits} hex digits',
  'pattern.backreference': 'backreferences are not allowed',
  'pattern.unsupportedEscape': '"{escape}" is not supported',
  'pattern.unclosedClass': 'unclosed "["',
  'pattern.rangeBetweenClasses': 'a class range between classes',
  'pattern.rangeOrder': 'a class range out of order',
  'pattern.groupRepeats': '{part}: a group may only be optional ("(…)?"); repeat a single class',
  'pattern.alternativesAlike':
    '{part}: two alternatives start alike; write the common start once ("den(?:y|ied)", not "deny|denied")',
  'pattern.overlap':
    '{part}: what it skips or repeats can also match what follows it; make them exclusive ("[^"]*"", not ".*"")',
  // Schema issues, worded as zod words them (the English `message` is zod's own).
  'zod.invalid_type': 'Invalid input: expected {expected}, received {received}',
  'zod.missing': 'Invalid input: expected {expected}, received undefined',
  'zod.invalid_literal': 'Invalid input: expected {value}',
  'zod.invalid_option': 'Invalid option: expected one of {values}',
  'zod.too_small.string': 'Too small: expected string to have {bound}{limit} characters',
  'zod.too_small.array': 'Too small: expected array to have {bound}{limit} items',
  'zod.too_small.number': 'Too small: expected number to be {bound}{limit}',
  'zod.too_big.string': 'Too big: expected string to have {bound}{limit} characters',
  'zod.too_big.array': 'Too big: expected array to have {bound}{limit} items',
  'zod.too_big.number': 'Too big: expected number to be {bound}{limit}',
  'zod.invalid_format.regex': 'Invalid string: must match pattern {pattern}',
  'zod.invalid_format.url': 'Invalid URL',
  'zod.unrecognized_keys': 'Unrecognized key{count||s}: {keys}',
  'zod.invalid_union': 'Invalid input',
  'zod.invalid_key': 'Invalid key in {origin}',
  'zod.other': '{message}',
  'word.string': 'string',
  'word.number': 'number',
  'word.int': 'int',
  'word.boolean': 'boolean',
  'word.object': 'object',
  'word.array': 'array',
  'word.record': 'record',
  'word.null': 'null',
  'word.>=': '>=',
  'word.>': '>',
  'word.<=': '<=',
  'word.<': '<',
  'word.exactly': 'exactly ',

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
  'text.see': 'See:',
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
