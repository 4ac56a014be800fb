// The CLI's own messages in English (usage and input errors, notes on stderr, the frames of `rules list` and
// `explain`), with `{name}` placeholders; ja.ts has the same keys and placeholders. --help is HELP in args.ts.

export const en = {
  // Usage errors (exit code 2). `raw` passes a message of Node.js's parser through.
  raw: '{message}',
  unknownOption: 'unknown option {option} (see --help)',
  takesNoValue: '{option} takes no value',
  needsValue: '{option} needs a value',
  oneOf: '{option} must be one of {allowed} (got "{value}")',
  failOn: '--fail-on must be error, warning or info',
  maxSize: '--max-size is in MiB and must be positive',
  maxLineSize: '--max-line-size is in KiB and must be positive',
  duration: '{option} must be a duration such as 10s, 1500ms or 2m (got "{value}")',
  minConfidence: '--min-confidence must be a number from 0 to 1',
  portOnlyWeb: '--port is an option of `rbac-diagnose web`',
  usage: 'usage: {usage}',
  usageSeeHelp: 'usage: {usage} (see --help)',
  unexpectedArgumentUsage: 'unexpected argument "{argument}" (usage: {usage})',
  unexpectedArgument: 'unexpected argument "{argument}" (see --help)',
  port: '--port must be a number from 0 (a free port, the default) to 65535 (got "{value}")',
  maxEvents: '--max-events must be a positive integer',
  livePodName: 'live pod needs a pod name (see --help)',
  liveNodeName: 'live node needs a node name (see --help)',
  liveTarget: 'live: unknown target "{target}" (pod, node or namespace)',
  unknownId: 'no rule or root cause named "{id}" (see `rbac-diagnose rules list`)',
  rulesDir: '--rules {dir}: {message}',
  rulesFile: 'cannot use {file}: {message}',
  rulesFileField: 'cannot use {file}: {field}: {message}',
  moreProblem: ' (and 1 more problem)',
  moreProblems: ' (and {count} more problems)',
  webNotBuilt: 'the web page is not built: run `pnpm build` in the checkout (it writes packages/web/dist/index.html)',
  portInUse: 'port {port} is in use; pick another --port, or leave it out',
  portPrivileged: 'port {port} needs privileges; pick one above 1023',
  followNotHere: '--follow is an option of reading standard input, not of `{command}`',
  followFiles: '--follow reads standard input until it closes: pipe the stream in instead of naming files',
  followClash: '--{option} does not go with --follow, which prints NDJSON records',
  followOutput: '--follow prints NDJSON records (one JSON object per line), not {output}',
  followTerminal:
    '--follow reads a stream on standard input: pipe one in (kubectl get events -A -w -o json | rbac-diagnose --follow)',

  // Unreadable input (exit code 2).
  binaryStdin:
    'standard input looks binary (a NUL character at offset {offset}), not text output; pass kubectl or AWS CLI text, JSON or YAML',
  binary:
    '{name} looks binary (a NUL character at offset {offset}), not text output; pass kubectl or AWS CLI text, JSON or YAML',
  stdinTooLarge: 'standard input is larger than {mib} MiB; raise --max-size to read it',
  isDirectory: '{file} is a directory, not a file',
  noSuchFile: 'cannot read {file}: no such file',
  cannotRead: 'cannot read {file}: {reason}',
  fileTooLarge: '{file} is larger than {mib} MiB; raise --max-size to read it',

  // Notes on stderr.
  nothingToRead:
    'nothing to read: pipe kubectl output in (`kubectl describe pod my-pod | rbac-diagnose`), name files, or run `rbac-diagnose -` and paste (see --help)',
  pasteHint: 'paste the output, then press Ctrl-D on an empty line (Ctrl-Z, Enter on Windows)',
  internalError: 'internal error{kind}: {message}',
  reportBug:
    'This is a bug in rbac-diagnose {version}. Please report it at {url} with the command and, if you can, the input.',
  webServing:
    'rbac-diagnose web: serving the page on this machine only (read-only; pastes stay in the browser). Ctrl-C stops it.',

  // live: the header of the text report, notes of the other forms, evidence from the kubeconfig.
  liveWhere: 'context {context}, server {server}',
  liveNoKubeconfig: 'no usable kubeconfig',
  liveCollected: 'collected: {what}',
  liveNotCollected: 'not collected: {what}',
  liveSavedOne: 'saved 1 file to {dir} (read them back with: rbac-diagnose {glob})',
  liveSaved: 'saved {count} files to {dir} (read them back with: rbac-diagnose {glob})',
  liveExecVersion: "the exec plugin's ExecCredential version ({version})",
  liveExecCommand: 'the credential plugin kubectl runs: {command}',
  liveCluster:
    '--cluster-name {cluster}: the cluster the token is minted for (a token for another cluster is rejected with 401)',
  liveRegion: 'region {region}: the region of the STS endpoint and cluster',
  liveRole: '--role {role}: the token is signed as this assumed role, so that role (not your user) must be mapped',
  liveProfile: 'AWS_PROFILE {profile}: the AWS credentials (profile) the plugin signs with',

  // Output frames.
  demoInput: 'Example input (rbac-diagnose --demo):',
  fixNone: '# rbac-diagnose: no manifest to apply for this input (see the text report for commands).',
  fixEditFirst: '# EDIT FIRST: replace every <placeholder> below.',
  fixHead: '# {rootCause} ({ruleId}, confidence {confidence})',
  fixEscalation: '# ESCALATION: this grant lets its holder gain more rights; see the report.',
  fixHeld:
    '# rbac-diagnose: {count} privilege-escalating {count|grant|grants} left out; review them in the text report, then add --include-escalation.',
  traceSummary: 'Rule trace',
  rulesLayerRule: 'LAYER / RULE',
  rulesRootCause: 'ROOT CAUSE',
  rulesSeverity: 'SEVERITY',
  severityError: 'error',
  severityWarning: 'warning',
  severityInfo: 'info',
  rulesFoot: '{count} rules{custom}; `rbac-diagnose explain <rule or root cause>` for details',
  rulesCustom: ' (* {count} custom, from --rules)',
  explainNoRule: '{id}: a root cause of the vocabulary with no rule in this rule set yet.',
  explainCauseOne: 'Root cause {id} — concluded by 1 rule',
  explainCause: 'Root cause {id} — concluded by {count} rules',
  explainRule: 'Rule {id} — root cause {rootCause}',
  explainHead: '{id} ({custom}{severity}, layer {layer}, base confidence {confidence})',
  explainCustom: 'custom rule from --rules, ',
  explainMisleading: 'Why the message misleads: {text}',
  explainConfirm: 'How to confirm (read-only):',
  safetyReadOnly: 'read-only',
  safetyMutating: 'mutating',
  safetyEscalation: 'escalation',
  explainFixes: 'Fixes:',
  explainDocs: 'Docs: {urls}',
} as const;

/** A key of the CLI's message catalogs. */
export type CliMessageKey = keyof typeof en;
