// Command-line arguments, parsed by hand (no dependency, nothing loaded at start-up).

/** Output forms of the report. */
export type OutputForm = 'text' | 'json' | 'yaml' | 'markdown' | 'sarif';
/** Log levels accepted by --log-level. */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Parsed command line. */
export interface CliArgs {
  /** `rules list`, `explain <id>`; null for diagnosing inputs. */
  command: { name: 'rules-list' } | { name: 'explain'; id: string } | null;
  files: string[];
  fix: boolean;
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
  help: boolean;
  version: boolean;
}

/** A usage error: exit code 2 with a one-line reason. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const OUTPUTS: readonly OutputForm[] = ['text', 'json', 'yaml', 'markdown', 'sarif'];
const LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug', 'trace'];

/** Parses argv (without node and the script path). */
export function parseArgs(argv: readonly string[]): CliArgs {
  const a: CliArgs = {
    command: null,
    files: [],
    fix: false,
    explain: false,
    explainAll: false,
    redact: false,
    output: 'text',
    color: null,
    logLevel: 'warn',
    minConfidence: 0,
    failOn: null,
    rulesDirs: [],
    maxSizeMiB: 256,
    maxLineKiB: 1024,
    verbose: false,
    demo: false,
    help: false,
    version: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  let onlyFiles = false;
  let start = 0;
  if (argv[0] === 'rules') {
    if (argv[1] !== 'list') throw new UsageError('usage: rbac-diagnose rules list [-o json]');
    a.command = { name: 'rules-list' };
    start = 2;
  } else if (argv[0] === 'explain') {
    const id = argv[1];
    if (id === undefined || id.startsWith('-')) throw new UsageError('usage: rbac-diagnose explain <rootCause|ruleId>');
    a.command = { name: 'explain', id };
    start = 2;
  }
  for (let i = start; i < argv.length; i++) {
    let arg = argv[i] as string;
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      a.files.push(arg);
      continue;
    }
    let inline: string | null = null;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = (): string => (inline !== null ? inline : value(++i, arg));
    switch (arg) {
      case '--':
        onlyFiles = true;
        break;
      case '-o':
      case '--output': {
        const v = take();
        if (!(OUTPUTS as readonly string[]).includes(v))
          throw new UsageError(`--output must be one of ${OUTPUTS.join(', ')} (got "${v}")`);
        a.output = v as OutputForm;
        break;
      }
      case '--json':
        a.output = 'json';
        break;
      case '--fix':
        a.fix = true;
        break;
      case '--explain':
        a.explain = true;
        break;
      case '--explain-all':
        a.explain = true;
        a.explainAll = true;
        break;
      case '--redact':
        a.redact = true;
        break;
      case '--color':
        a.color = true;
        break;
      case '--no-color':
        a.color = false;
        break;
      case '--log-level': {
        const v = take();
        if (!(LEVELS as readonly string[]).includes(v))
          throw new UsageError(`--log-level must be one of ${LEVELS.join(', ')} (got "${v}")`);
        a.logLevel = v as LogLevel;
        break;
      }
      case '--min-confidence': {
        const v = Number(take());
        if (!Number.isFinite(v) || v < 0 || v > 1)
          throw new UsageError('--min-confidence must be a number from 0 to 1');
        a.minConfidence = v;
        break;
      }
      case '--fail-on': {
        const v = take();
        if (v !== 'error' && v !== 'warning' && v !== 'info')
          throw new UsageError('--fail-on must be error, warning or info');
        a.failOn = v;
        break;
      }
      case '--rules':
        a.rulesDirs.push(take());
        break;
      case '--max-size': {
        const v = Number(take());
        if (!Number.isFinite(v) || v <= 0) throw new UsageError('--max-size is in MiB and must be positive');
        a.maxSizeMiB = v;
        break;
      }
      case '--max-line-size': {
        const v = Number(take());
        if (!Number.isFinite(v) || v <= 0) throw new UsageError('--max-line-size is in KiB and must be positive');
        a.maxLineKiB = v;
        break;
      }
      case '-v':
      case '--verbose':
        a.verbose = true;
        break;
      case '--demo':
        a.demo = true;
        break;
      case '-h':
      case '--help':
        a.help = true;
        break;
      case '--version':
        a.version = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg} (see --help)`);
    }
  }
  return a;
}

/** The --help text. */
export const HELP = `rbac-diagnose — explains why Kubernetes and Amazon EKS refuse people and pods

Usage:
  kubectl describe pod my-pod | rbac-diagnose
  rbac-diagnose [options] [FILE...]        (no FILE or "-" reads standard input)
  kubectl rbac-diagnose [options] [FILE...] (as a kubectl plugin)
  rbac-diagnose rules list [-o json]        the built-in rules (plus --rules DIR)
  rbac-diagnose explain ROOT_CAUSE|RULE_ID  what a cause means, how to confirm and fix it
  rbac-diagnose live pod NAME [-n NS]       read the pod, its events, owner events, nodes, aws-auth and your
                                            identity from the cluster (read-only) and diagnose them
  rbac-diagnose live node NAME | live namespace NS
      [--context C] [--kubeconfig F] [--request-timeout 10s] [--save DIR (files offline mode reads back)]
  rbac-diagnose watch [-n NS | -A] [--max-events N] [--timeout 60s]   NDJSON diagnoses as events arrive

Paste or pipe what you have: kubectl describe/get output, events, kubectl or aws CLI errors,
the aws-auth ConfigMap, aws sts get-caller-identity, controller logs — several at once.

Options:
  -o, --output FORM        text (default), json (schemaVersion 1), yaml, markdown (for issues/PRs), sarif (CI)
      --fix                print only the fix manifests, one YAML stream for \`kubectl apply -f -\` after review
      --explain            also print the rule trace: which facts matched which conditions
      --redact             mask secrets, account ids, ARNs, IPs and names (consistently) in every output form
      --min-confidence N   hide diagnoses below confidence N (0..1)
      --fail-on LEVEL      exit 1 when a diagnosis of LEVEL or worse exists (error|warning|info)
      --rules DIR          add rule files from DIR (a rule with a built-in id replaces it)
      --max-size MIB       largest input read (default 256)
      --max-line-size KIB  longest line searched for error messages; longer ones in their start only (default 1024)
  -v, --verbose            show every diagnosis in full
      --color, --no-color  force colour on or off (default: on for a terminal, off with NO_COLOR)
      --log-level LEVEL    silent|error|warn|info|debug|trace, to stderr (default warn)
      --demo               diagnose a built-in example (the seed's Pending pod + aws-auth)
      --version            print the version
  -h, --help               this help

Examples:
  kubectl get pods 2>&1 | rbac-diagnose
  kubectl describe pod web-0 | rbac-diagnose --redact -o markdown   # paste into a GitHub issue
  rbac-diagnose --fix forbidden.txt > fix.yaml && kubectl apply -f fix.yaml --dry-run=server
  rbac-diagnose explain node_role_not_mapped
  rbac-diagnose describe.txt aws-auth.yaml
  pbpaste | rbac-diagnose -o json | jq '.diagnoses[0].rootCause'

Exit codes: 0 ran, 1 --fail-on matched, 2 usage or unreadable input, 70 internal error (a bug).
`;
