// Command lines, read by node:util parseArgs: `rbac-diagnose [options] [FILE...]`, `rules list`, `explain ID`,
// `live pod|node|namespace …` and `watch …`. Every mistake is a UsageError: exit code 2 and one line on stderr.
import { parseArgs as parseCommandLine } from 'node:util';
import type { Lang, MessageParams } from '@rbac-diagnose/core';
import type { CliMessageKey } from './i18n/en.js';
import { msg } from './i18n/t.js';

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
  /** --lang; null when not given (the environment decides). */
  lang: Lang | null;
}

/** A usage error: exit code 2 with a one-line reason (`message` is English; {@link UsageError.in} any language). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly key: CliMessageKey,
    /** The values of the text, or (for values that are texts themselves, like a rule file's problem) per language. */
    readonly params: MessageParams | ((lang: Lang) => MessageParams) = {},
    /** A second message appended to the first (e.g. how many more problems there are). */
    readonly tail: readonly [CliMessageKey, MessageParams] | null = null,
  ) {
    super(
      msg('en', key, typeof params === 'function' ? params('en') : params) + (tail ? msg('en', tail[0], tail[1]) : ''),
    );
  }

  /** The reason in `lang`. */
  in(lang: Lang): string {
    const params = typeof this.params === 'function' ? this.params(lang) : this.params;
    return msg(lang, this.key, params) + (this.tail ? msg(lang, this.tail[0], this.tail[1]) : '');
  }
}

const OUTPUTS: readonly OutputForm[] = ['text', 'json', 'yaml', 'markdown', 'sarif'];
const LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug', 'trace'];
const FAIL_ON = ['error', 'warning', 'info'] as const;
const LANG_VALUES: readonly Lang[] = ['en', 'ja'];

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
  lang: { type: 'string' },
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
    throw (
      describeRefusal(parseCommandLine({ ...config, strict: false }).tokens, options) ??
      new UsageError('raw', { message: e.message })
    );
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
): UsageError | null {
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === undefined || t.rawName === undefined) continue;
    const type = Object.hasOwn(options, t.name) ? options[t.name]?.type : undefined;
    if (type === undefined || (t.rawName.startsWith('--no-') && type !== 'boolean'))
      return new UsageError('unknownOption', { option: t.rawName });
    if (type === 'boolean' && t.value !== undefined) return new UsageError('takesNoValue', { option: t.rawName });
    if (
      type === 'string' &&
      (t.value === undefined || (!t.inlineValue && t.value.length > 1 && t.value.startsWith('-')))
    )
      return new UsageError('needsValue', { option: t.rawName });
  }
  return null;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError('oneOf', { option, allowed: allowed.join(', '), value });
  return value as T;
}

function failLevel(value: string): (typeof FAIL_ON)[number] {
  const level = FAIL_ON.find((l) => l === value);
  if (level === undefined) throw new UsageError('failOn');
  return level;
}

function positive(value: string | undefined, fallback: number, key: CliMessageKey): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(key);
  return n;
}

/** Parses "10", "10s", "1500ms", "2m" into milliseconds. */
function duration(value: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  if (!m) throw new UsageError('duration', { option: flag, value });
  const unit = m[2] ?? 's';
  return Math.round(Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60000 : 3600000));
}

const COMMANDS = ['live', 'watch', 'rules', 'explain', 'mcp', 'web'];

/**
 * Where the command is: the first word that is not an option or an option's value, so that options may come before it
 * (`--lang ja explain X`) as after it. -1 when the first such word is not a command (it is then an input file).
 */
function commandIndex(argv: readonly string[]): number {
  const { tokens } = parseCommandLine({
    args: [...argv],
    options: LIVE_OPTIONS,
    allowPositionals: true,
    allowNegative: true,
    strict: false,
    tokens: true,
  });
  const word = tokens.find((t) => t.kind === 'positional' || t.kind === 'option-terminator');
  return word?.kind === 'positional' && COMMANDS.includes(word.value) ? word.index : -1;
}

/** Parses argv (without node and the script path). */
export function parseArgs(argv: readonly string[]): CliArgs {
  const at = commandIndex(argv);
  const first = at === -1 ? '' : (argv[at] ?? '');
  const rest = argv.filter((_, i) => i !== at);
  const liveCommand = first === 'live' || first === 'watch' ? first : null;
  const { values, positionals, tokens } = parse(at === -1 ? [...argv] : rest, liveCommand ? LIVE_OPTIONS : OPTIONS);
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
  const lang = str('lang');
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
          : oneOf(output, OUTPUTS, '--output'),
    color: typeof v.color === 'boolean' ? v.color : null,
    logLevel: logLevel === undefined ? 'warn' : oneOf(logLevel, LEVELS, '--log-level'),
    minConfidence: 0,
    failOn: failOn === undefined ? null : failLevel(failOn),
    rulesDirs: Array.isArray(v.rules) ? v.rules : [],
    maxSizeMiB: positive(str('max-size'), 256, 'maxSize'),
    maxLineKiB: positive(str('max-line-size'), 1024, 'maxLineSize'),
    verbose: flag('verbose') || flag('all'),
    demo: flag('demo'),
    follow: flag('follow'),
    help: flag('help'),
    version: flag('version'),
    lang: lang === undefined ? null : oneOf(lang, LANG_VALUES, '--lang'),
  };
  if (minConfidence !== undefined) {
    const n = Number(minConfidence);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError('minConfidence');
    args.minConfidence = n;
  }
  if (args.help || args.version) return args;
  const port = str('port');
  if (port !== undefined && first !== 'web') throw new UsageError('portOnlyWeb');

  if (first === 'rules') {
    if (positionals.length !== 1 || positionals[0] !== 'list')
      throw new UsageError('usage', { usage: 'rbac-diagnose rules list [-o json]' });
    args.command = { name: 'rules-list' };
  } else if (first === 'explain') {
    const [id, extra] = positionals;
    if (id === undefined || extra !== undefined)
      throw new UsageError('usage', { usage: 'rbac-diagnose explain <rootCause|ruleId>' });
    args.command = { name: 'explain', id };
  } else if (first === 'mcp' || first === 'web') {
    if (positionals.length > 0)
      throw new UsageError('unexpectedArgumentUsage', {
        argument: positionals[0] ?? '',
        usage: `rbac-diagnose ${first}${first === 'web' ? ' [--port N]' : ' [--rules DIR]'}`,
      });
    if (first === 'mcp') args.command = { name: 'mcp' };
    else {
      const n = port === undefined ? 0 : Number(port);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('port', { value: port ?? '' });
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
      if (!Number.isInteger(n) || n <= 0) throw new UsageError('maxEvents');
      args.live.maxEvents = n;
    }
    if (liveCommand === 'watch' && positionals.length > 0)
      throw new UsageError('unexpectedArgument', { argument: positionals[0] ?? '' });
  } else {
    args.files = positionals;
  }
  if (args.follow) checkFollow(args, first, tokens);
  return args;
}

/** `--follow` reads standard input and prints records: options about a report or files do not go with it. */
function checkFollow(args: CliArgs, first: string, tokens: readonly { kind: string; name?: string }[]): void {
  if (args.command !== null || args.live !== null) throw new UsageError('followNotHere', { command: first });
  if (args.files.some((f) => f !== '-')) throw new UsageError('followFiles');
  const clash = tokens.find(
    (t) =>
      t.kind === 'option' &&
      ['fix', 'include-escalation', 'explain', 'explain-all', 'fail-on', 'demo', 'verbose', 'all'].includes(
        t.name ?? '',
      ),
  );
  if (clash?.name !== undefined) throw new UsageError('followClash', { option: clash.name });
  if (args.output !== 'text' && args.output !== 'json') throw new UsageError('followOutput', { output: args.output });
}

/** `live pod NAME`, `live node NAME`, `live namespace [NS]`. */
function liveTarget(positionals: readonly string[], namespace: string | null): Target {
  const [kind, name, extra] = positionals;
  if (extra !== undefined) throw new UsageError('unexpectedArgument', { argument: extra });
  switch (kind) {
    case undefined:
      throw new UsageError('usageSeeHelp', {
        usage: 'rbac-diagnose live pod NAME [-n NS] | live node NAME | live namespace NS',
      });
    case 'pod':
    case 'po':
    case 'pods':
      if (!name) throw new UsageError('livePodName');
      return { kind: 'pod', name, namespace: namespace ?? '' };
    case 'node':
    case 'no':
    case 'nodes':
      if (!name) throw new UsageError('liveNodeName');
      return { kind: 'node', name };
    case 'namespace':
    case 'ns':
      return { kind: 'namespace', namespace: name ?? namespace ?? '' };
    default:
      throw new UsageError('liveTarget', { target: kind });
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
      --follow             read standard input until it closes; print one JSON line (as watch does)
                           each time a diagnosis appears, changes or goes. Memory stays bounded (old
                           evidence lines are dropped and the line says how many)
  -v, --verbose, --all     the full report: every cause in full, with all its checks and fixes
      --color, --no-color  force colour on or off (default: on for a terminal, off with NO_COLOR)
      --log-level LEVEL    silent|error|warn|info|debug|trace, to stderr (default warn)
      --lang LANG          en or ja, the language of the texts (default: RBAC_DIAGNOSE_LANG,
                           then LC_ALL, LC_MESSAGES, LANG: ja_JP.UTF-8 means ja)
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
