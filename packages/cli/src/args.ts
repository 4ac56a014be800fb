// Command lines, read by node:util parseArgs: `rbac-diagnose [options] [FILE...]`, `rules list`, `explain ID`,
// `live pod|node|namespace …` and `watch …`. Every mistake is a UsageError: exit code 2 and one line on stderr.
import { parseArgs as parseCommandLine } from 'node:util';

/** Output forms of the report. */
export type OutputForm = 'text' | 'json' | 'yaml' | 'markdown' | 'sarif';
/** Log levels accepted by --log-level. */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** What `live` reads: a pod, a node or a namespace ('' = the kubeconfig context's namespace). */
export type Target =
  | { kind: 'pod'; name: string; namespace: string }
  | { kind: 'node'; name: string }
  | { kind: 'namespace'; namespace: string };

/** Options of the live and watch commands. */
export interface LiveOptions {
  command: 'live' | 'watch';
  /** What `live` reads; null for `watch`. */
  target: Target | null;
  namespace: string | null;
  allNamespaces: boolean;
  context: string | null;
  kubeconfig: string | null;
  save: string | null;
  requestTimeoutMs: number;
  maxEvents: number | null;
  timeoutMs: number | null;
}

/** Parsed command line. */
export interface CliArgs {
  /** `rules list`, `explain <id>`, `mcp`, `web`; null for diagnosing inputs or live mode. */
  command:
    { name: 'rules-list' } | { name: 'explain'; id: string } | { name: 'mcp' } | { name: 'web'; port: number } | null;
  /** `live …` and `watch …`; null otherwise. */
  live: LiveOptions | null;
  files: string[];
  fix: boolean;
  /** `--include-escalation`: let `--fix` print grants labelled `escalation` too. */
  includeEscalation: boolean;
  explain: boolean;
  explainAll: boolean;
  redact: boolean;
  output: OutputForm;
  color: boolean | null;
  logLevel: LogLevel;
  minConfidence: number;
  failOn: 'error' | 'warning' | 'info' | null;
  rulesDirs: string[];
  maxSizeMiB: number;
  /** Longest line searched for error messages, in KiB (longer: its start only, with an input note). */
  maxLineKiB: number;
  verbose: boolean;
  demo: boolean;
  /** `--follow`: read standard input until it closes, printing NDJSON records as diagnoses appear, change or go. */
  follow: boolean;
  help: boolean;
  version: boolean;
}

/** A usage error: exit code 2 with a one-line reason. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const OUTPUTS: readonly OutputForm[] = ['text', 'json', 'yaml', 'markdown', 'sarif'];
const LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug', 'trace'];
const FAIL_ON = ['error', 'warning', 'info'] as const;

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  fix: { type: 'boolean' },
  'include-escalation': { type: 'boolean' },
  explain: { type: 'boolean' },
  'explain-all': { type: 'boolean' },
  redact: { type: 'boolean' },
  color: { type: 'boolean' },
  'log-level': { type: 'string' },
  'min-confidence': { type: 'string' },
  'fail-on': { type: 'string' },
  rules: { type: 'string', multiple: true },
  'max-size': { type: 'string' },
  'max-line-size': { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  all: { type: 'boolean' },
  demo: { type: 'boolean' },
  follow: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  port: { type: 'string' },
} as const;

const LIVE_OPTIONS = {
  ...OPTIONS,
  namespace: { type: 'string', short: 'n' },
  'all-namespaces': { type: 'boolean', short: 'A' },
  context: { type: 'string' },
  kubeconfig: { type: 'string' },
  save: { type: 'string' },
  'request-timeout': { type: 'string' },
  'max-events': { type: 'string' },
  timeout: { type: 'string' },
} as const;

type OptionTable = Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;

/** Runs parseArgs; a command line it refuses becomes a UsageError naming the option and what is wrong with it. */
function parse<T extends typeof OPTIONS | typeof LIVE_OPTIONS>(args: string[], options: T) {
  const config = { args, options, allowPositionals: true, allowNegative: true, tokens: true } as const;
  try {
    return parseCommandLine({ ...config, strict: true });
  } catch (e) {
    if (!(e instanceof Error) || !String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_')) throw e;
    throw new UsageError(describeRefusal(parseCommandLine({ ...config, strict: false }).tokens, options) ?? e.message);
  }
}

/** The first option token that strict parsing refuses, in words. */
function describeRefusal(
  tokens: readonly {
    kind: string;
    name?: string;
    rawName?: string;
    value?: string | undefined;
    inlineValue?: boolean | undefined;
  }[],
  options: OptionTable,
): string | null {
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === undefined || t.rawName === undefined) continue;
    const type = Object.hasOwn(options, t.name) ? options[t.name]?.type : undefined;
    if (type === undefined || (t.rawName.startsWith('--no-') && type !== 'boolean'))
      return `unknown option ${t.rawName} (see --help)`;
    if (type === 'boolean' && t.value !== undefined) return `${t.rawName} takes no value`;
    if (
      type === 'string' &&
      (t.value === undefined || (!t.inlineValue && t.value.length > 1 && t.value.startsWith('-')))
    )
      return `${t.rawName} needs a value`;
  }
  return null;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], message: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(message);
  return value as T;
}

function positive(value: string | undefined, fallback: number, message: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(message);
  return n;
}

/** Parses "10", "10s", "1500ms", "2m" into milliseconds. */
function duration(value: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  if (!m) throw new UsageError(`${flag} must be a duration such as 10s, 1500ms or 2m (got "${value}")`);
  const unit = m[2] ?? 's';
  return Math.round(Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60000 : 3600000));
}

/** Parses argv (without node and the script path). */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [first = '', ...rest] = argv;
  const liveCommand = first === 'live' || first === 'watch' ? first : null;
  const withCommand = liveCommand !== null || ['rules', 'explain', 'mcp', 'web'].includes(first);
  const { values, positionals, tokens } = parse(withCommand ? rest : [...argv], liveCommand ? LIVE_OPTIONS : OPTIONS);
  const v: Partial<Record<keyof typeof LIVE_OPTIONS, string | boolean | string[]>> = values;
  const str = (name: keyof typeof LIVE_OPTIONS): string | undefined => {
    const x = v[name];
    return typeof x === 'string' ? x : undefined;
  };
  const flag = (name: keyof typeof LIVE_OPTIONS): boolean => v[name] === true;
  // -o and --json both set the form; the later one counts.
  const lastForm = tokens.findLast((t) => t.kind === 'option' && (t.name === 'output' || t.name === 'json'));
  const output = str('output');
  const logLevel = str('log-level');
  const failOn = str('fail-on');
  const minConfidence = str('min-confidence');
  const args: CliArgs = {
    command: null,
    live: null,
    files: [],
    fix: flag('fix'),
    includeEscalation: flag('include-escalation'),
    explain: flag('explain') || flag('explain-all'),
    explainAll: flag('explain-all'),
    redact: flag('redact'),
    output:
      lastForm?.kind === 'option' && lastForm.name === 'json'
        ? 'json'
        : output === undefined
          ? 'text'
          : oneOf(output, OUTPUTS, `--output must be one of ${OUTPUTS.join(', ')} (got "${output}")`),
    color: typeof v.color === 'boolean' ? v.color : null,
    logLevel:
      logLevel === undefined
        ? 'warn'
        : oneOf(logLevel, LEVELS, `--log-level must be one of ${LEVELS.join(', ')} (got "${logLevel}")`),
    minConfidence: 0,
    failOn: failOn === undefined ? null : oneOf(failOn, FAIL_ON, '--fail-on must be error, warning or info'),
    rulesDirs: Array.isArray(v.rules) ? v.rules : [],
    maxSizeMiB: positive(str('max-size'), 256, '--max-size is in MiB and must be positive'),
    maxLineKiB: positive(str('max-line-size'), 1024, '--max-line-size is in KiB and must be positive'),
    verbose: flag('verbose') || flag('all'),
    demo: flag('demo'),
    follow: flag('follow'),
    help: flag('help'),
    version: flag('version'),
  };
  if (minConfidence !== undefined) {
    const n = Number(minConfidence);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError('--min-confidence must be a number from 0 to 1');
    args.minConfidence = n;
  }
  if (args.help || args.version) return args;
  const port = str('port');
  if (port !== undefined && first !== 'web') throw new UsageError('--port is an option of `rbac-diagnose web`');

  if (first === 'rules') {
    if (positionals.length !== 1 || positionals[0] !== 'list')
      throw new UsageError('usage: rbac-diagnose rules list [-o json]');
    args.command = { name: 'rules-list' };
  } else if (first === 'explain') {
    const [id, extra] = positionals;
    if (id === undefined || extra !== undefined)
      throw new UsageError('usage: rbac-diagnose explain <rootCause|ruleId>');
    args.command = { name: 'explain', id };
  } else if (first === 'mcp' || first === 'web') {
    if (positionals.length > 0)
      throw new UsageError(
        `unexpected argument "${positionals[0]}" (usage: rbac-diagnose ${first}${first === 'web' ? ' [--port N]' : ' [--rules DIR]'})`,
      );
    if (first === 'mcp') args.command = { name: 'mcp' };
    else {
      const n = port === undefined ? 0 : Number(port);
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new UsageError(`--port must be a number from 0 (a free port, the default) to 65535 (got "${port}")`);
      args.command = { name: 'web', port: n };
    }
  } else if (liveCommand !== null) {
    const maxEvents = str('max-events');
    const timeout = str('timeout');
    const requestTimeout = str('request-timeout');
    args.live = {
      command: liveCommand,
      target: liveCommand === 'live' ? liveTarget(positionals, str('namespace') ?? null) : null,
      namespace: str('namespace') ?? null,
      allNamespaces: flag('all-namespaces'),
      context: str('context') ?? null,
      kubeconfig: str('kubeconfig') ?? null,
      save: str('save') ?? null,
      requestTimeoutMs: requestTimeout === undefined ? 10000 : duration(requestTimeout, '--request-timeout'),
      maxEvents: null,
      timeoutMs: timeout === undefined ? null : duration(timeout, '--timeout'),
    };
    if (maxEvents !== undefined) {
      const n = Number(maxEvents);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError('--max-events must be a positive integer');
      args.live.maxEvents = n;
    }
    if (liveCommand === 'watch' && positionals.length > 0)
      throw new UsageError(`unexpected argument "${positionals[0]}" (see --help)`);
  } else {
    args.files = positionals;
  }
  if (args.follow) checkFollow(args, first, tokens);
  return args;
}

/** `--follow` reads standard input and prints records: options about a report or files do not go with it. */
function checkFollow(args: CliArgs, first: string, tokens: readonly { kind: string; name?: string }[]): void {
  if (args.command !== null || args.live !== null)
    throw new UsageError(`--follow is an option of reading standard input, not of \`${first}\``);
  if (args.files.some((f) => f !== '-'))
    throw new UsageError('--follow reads standard input until it closes: pipe the stream in instead of naming files');
  const clash = tokens.find(
    (t) =>
      t.kind === 'option' &&
      ['fix', 'include-escalation', 'explain', 'explain-all', 'fail-on', 'demo', 'verbose', 'all'].includes(
        t.name ?? '',
      ),
  );
  if (clash?.name !== undefined)
    throw new UsageError(`--${clash.name} does not go with --follow, which prints NDJSON records`);
  if (args.output !== 'text' && args.output !== 'json')
    throw new UsageError(`--follow prints NDJSON records (one JSON object per line), not ${args.output}`);
}

/** `live pod NAME`, `live node NAME`, `live namespace [NS]`. */
function liveTarget(positionals: readonly string[], namespace: string | null): Target {
  const [kind, name, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}" (see --help)`);
  switch (kind) {
    case undefined:
      throw new UsageError(
        'usage: rbac-diagnose live pod NAME [-n NS] | live node NAME | live namespace NS (see --help)',
      );
    case 'pod':
    case 'po':
    case 'pods':
      if (!name) throw new UsageError('live pod needs a pod name (see --help)');
      return { kind: 'pod', name, namespace: namespace ?? '' };
    case 'node':
    case 'no':
    case 'nodes':
      if (!name) throw new UsageError('live node needs a node name (see --help)');
      return { kind: 'node', name };
    case 'namespace':
    case 'ns':
      return { kind: 'namespace', namespace: name ?? namespace ?? '' };
    default:
      throw new UsageError(`live: unknown target "${kind}" (pod, node or namespace)`);
  }
}

/** The --help text. */
export const HELP = `rbac-diagnose — explains why Kubernetes and Amazon EKS refuse people and pods

Usage:
  kubectl describe pod my-pod | rbac-diagnose
  rbac-diagnose [options] [FILE...]        (no FILE or "-" reads standard input)
  kubectl rbac-diagnose [options] [FILE...] (as a kubectl plugin)
  rbac-diagnose rules list [-o json]        the rules it knows (built-in, plus --rules DIR)
  rbac-diagnose explain ROOT_CAUSE|RULE_ID  what a cause means, how to confirm and fix it
  rbac-diagnose live pod NAME [-n NS]       read the pod, events, nodes, aws-auth and your
                                            identity from the cluster (read-only); diagnose them
  rbac-diagnose live node NAME | live namespace NS
      [--context C] [--kubeconfig F] [--request-timeout 10s]
      [--save DIR]                          keep what was read (rbac-diagnose DIR/* reads it)
  rbac-diagnose watch [-n NS | -A] [--max-events N] [--timeout 60s]
                                            one JSON line per diagnosis as cluster events arrive
  STREAM | rbac-diagnose --follow           the same JSON lines for a stream on standard input
                                            (kubectl get -w, kubectl logs -f, journalctl -f)
  rbac-diagnose mcp [--rules DIR]           the diagnosis as an MCP server on stdio, for AI agents
  rbac-diagnose web [--port N]              the browser page, served on 127.0.0.1

Paste or pipe what you have: kubectl describe/get output, events, kubectl or aws CLI errors,
the aws-auth ConfigMap, aws sts get-caller-identity, controller logs — several at once.
"rbac-diagnose -" at a terminal waits for a paste: end it with Ctrl-D on an empty line.

Options:
  -o, --output FORM        text (default), json (schemaVersion 1), yaml, markdown, sarif
      --fix                print only the fix manifests, one YAML stream for \`kubectl apply -f -\` after review
      --include-escalation with --fix, also print grants that let their holder gain more rights (impersonate, bind,
                           escalate, tokens, exec, node proxy, secrets): left out by default
      --explain            also print the rule trace: each rule that fired, the conditions it
                           matched, and the confidence adjustments that applied and why
      --explain-all        the trace of every rule, also those that did not fire
      --redact             mask secrets, account ids, ARNs, IPs and names, consistently
      --min-confidence N   hide diagnoses below confidence N (0..1)
      --fail-on LEVEL      exit 1 when a diagnosis of LEVEL or worse exists (error|warning|info)
      --rules DIR          add rules from DIR, YAML or JSON (a rule with a built-in id replaces it)
      --max-size MIB       largest input read (default 256)
      --max-line-size KIB  longest line searched whole for error messages (default 1024)
      --follow             read standard input until it closes and print one JSON line (as watch does) each time
                           a diagnosis appears, changes or goes; memory stays bounded (old evidence lines are
                           dropped and the line says how many)
  -v, --verbose, --all     the full report: every cause in full, with all its checks and fixes
      --color, --no-color  force colour on or off (default: on for a terminal, off with NO_COLOR)
      --log-level LEVEL    silent|error|warn|info|debug|trace, to stderr (default warn)
      --demo               diagnose an example: a Pending pod pasted with its aws-auth ConfigMap
      --version            print the version
  -h, --help               this help

Examples:
  kubectl get pods 2>&1 | rbac-diagnose
  kubectl describe pod web-0 | rbac-diagnose --redact -o markdown   # paste into a GitHub issue
  rbac-diagnose --fix forbidden.txt > fix.yaml && kubectl apply -f fix.yaml --dry-run=server
  rbac-diagnose explain node_role_not_mapped
  rbac-diagnose describe.txt aws-auth.yaml
  pbpaste | rbac-diagnose -o json | jq '.diagnoses[0].rootCause'
  kubectl get events -A -w -o json | rbac-diagnose --follow
  kubectl logs -f deploy/aws-load-balancer-controller -n kube-system | rbac-diagnose --follow

Exit codes: 0 ran, 1 --fail-on matched, 2 usage or unreadable input, 70 internal error (a bug).
`;
