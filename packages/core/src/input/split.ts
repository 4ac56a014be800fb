// Format: a paste such as
//   $ kubectl get pods
//   error: You must be logged in to the server (Unauthorized)
//   ```yaml
//   apiVersion: v1 …
//   ```
// is cut into sections (prompt lines name the command; fences and blank lines delimit), each sniffed for its kind.
import { readJson } from '../parse/json.js';
import type { Located } from '../parse/located.js';
import type { InputKind } from '../report.js';
import type { Line } from './lines.js';
import { ERROR_START, plainLine, travelled, unemphasise } from './travel.js';

/** A contiguous run of input lines of one kind. */
export interface Section {
  kind: InputKind;
  lines: Line[];
  /** Command from the shell prompt line that preceded the section, if any. */
  command: string | null;
  /** The section read as JSON (values with line positions), when it is JSON; else null. */
  json: Located | null;
}

type Shape = 'json' | 'yaml' | 'describe' | 'table' | 'error' | 'text' | 'empty';

/** The section being read: lines[from..to] of the input, which are always consecutive. */
interface Draft {
  shape: Shape;
  from: number;
  to: number;
  command: string | null;
  jsonDepth: number;
  jsonInString: boolean;
  jsonClosed: boolean;
  /** Inside a klog multi-line value (`err=<` … ` >`, kubectl ≥1.31), which may hold blank lines. */
  klogBlock: boolean;
}

const KNOWN_COMMANDS =
  /^(?:sudo\s+)?(?:kubectl|k|kc|kubecolor|oc|aws|eksctl|helm|terraform|tofu|cat|less|more|journalctl|curl|jq|yq|grep|egrep|export|echo|git|kubectl-[\w-]+|rbac-diagnose|docker|crictl|ctr|nerdctl|systemctl|tail|head|ssh|watch|aws-iam-authenticator|kubectx|kubens|k9s|stern|argocd|flux|kustomize|minikube|kind|vim|nano|env|printenv|source|\.|python3?|node|npm|pnpm|make)\b/;
const PROMPT_USER_HOST =
  /^(?:\([^()\n]{0,80}\)\s*)?(?:\[[^\]\n]{0,120}\]\s*)?[\w.-]{1,64}@[\w.-]{1,64}(?::[^\s$#%>]{0,200}|\s[~/][^\s$#%>]{0,200})?\s*[$#%>]\s+(\S.*)$/;
const PROMPT_BRACKET = /^\[[\w.-]{1,64}@[\w.-]{1,64}[^\]\n]{0,120}\][$#%]\s*(\S.*)$/;
const PROMPT_CONTEXT = /^\([^()\n]{0,80}\)\s*(?:[\w.:~/-]{0,120}\s*)?[$#%>❯]\s+(\S.*)$/;
const PROMPT_SIMPLE = /^\s{0,4}(?:[$%>❯λ]|PS [^>\n]{0,200}>)\s+(\S.*)$/;
const PROMPT_HASH = /^#\s+(\S.*)$/;
// zsh themes: `~/bin » kubectl get svc`, `~/src ❯ k get po` (a path, then the arrow).
const PROMPT_ARROW = /^[~/.\w-][^\s]{0,200}\s+[»❯]\s+(\S.*)$/;
const PROMPT_ZSH = /^➜\s+\S{1,120}\s+(?:git:\([^)\n]{0,80}\)\s+)?(?:✗\s+)?(\S.*)$/;

/** Returns the command of a shell prompt line, or null when the line is not a prompt. */
export function matchPrompt(text: string): string | null {
  let m =
    PROMPT_USER_HOST.exec(text) ?? PROMPT_BRACKET.exec(text) ?? PROMPT_CONTEXT.exec(text) ?? PROMPT_ZSH.exec(text);
  if (m?.[1]) return m[1].trim();
  m = PROMPT_SIMPLE.exec(text);
  if (m?.[1]) {
    const cmd = m[1].trim();
    // `$ anything` is a prompt; `> foo` or `% foo` only with a known command (they also start quotes and prose).
    if (text.trimStart().startsWith('$') || KNOWN_COMMANDS.test(cmd)) return cmd;
    return null;
  }
  m = PROMPT_HASH.exec(text) ?? PROMPT_ARROW.exec(text);
  if (m?.[1] && KNOWN_COMMANDS.test(m[1])) return m[1].trim();
  return null;
}

const BLANK = /^\s*$/;

function isBlank(text: string): boolean {
  return BLANK.test(text);
}

const FENCE = /^\s{0,3}(?:`{3,}|~{3,})[\w+-]*\s*$/;
const KLOG =
  /^(?:[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \S+ [\w.-]+\[\d+\]: )?[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [\w.-]+:\d+\] /;
const JSON_START = /^\s{0,3}(?:\{|\[(?:\s*$|\s*[{["\d\]-]))/;
const YAML_START = /^(?:apiVersion|kind):\s*\S|^---\s*$/;
// Not `mapRoles:` / `mapUsers:` alone: a fragment that shows one key says nothing about the keys it does not show.
// A command line pasted without a prompt (`kubectl get pods`), which names the output below it.
const BARE_COMMAND =
  /^(?:sudo\s+)?(?:(?:kubectl|kubecolor|oc|k)\s+(?:get|describe|logs|auth|apply|create|delete|edit|events|top|rollout|cluster-info|version|config|exec|run|patch|scale|drain|cordon|uncordon|debug)|aws\s+(?:sts|eks|iam|ecr|ec2|configure|sso)|eksctl\s+(?:get|create|utils|delete|upgrade|update)|helm\s+(?:install|upgrade|template|list|status))(?:\s[^\n]{0,300})?$/;
const DESCRIBE_BLOCK = /^(?:Conditions|Containers|Init Containers|Tolerations|Volumes|Allocatable|Capacity):$/;
const DESCRIBE_COMMAND = /\bdescribe\s+(?:no|nodes?|po|pods?)\b/;
const DESCRIBE_FIELD = /^[A-Z][\w ()/.-]{0,40}:(?:\s|$)/;
const YAML_FRAGMENT_START = /^(?:data|metadata|spec|status|items|rules|subjects|roleRef):(?:\s*[|>][-+]?)?$/;
const DESCRIBE_START = /^Name:\s+\S/;
const DESCRIBE_SECOND_KEY = /^(?:Namespace|Roles|Labels|Priority|Service Account|Selector|CreationTimestamp):/;
const EVENTS_HEADER = /^\s*Type\s+Reason\s+Age\s+From\s+Message\s*$/;
const EVENTS_KEY = /^Events:\s*$/;
const TABLE_HEADER =
  /^(?:(?:NAMESPACE\s+)?NAME(?:\s+[A-Z][A-Z0-9()_.-]*(?: [A-Z][A-Z0-9()_.-]*)?)+|LAST SEEN\s+TYPE\s+REASON.*|FIRST SEEN\s+LAST SEEN.*|LAST ?SEEN\s+FIRST ?SEEN.*|ATTRIBUTE\s+VALUE|Resources\s+Non-Resource URLs.*|ARN\s+USERNAME\s+GROUPS.*|NAMESPACE\s+LAST SEEN.*)$/;
const EMPTY_RESULT = /^(?:No resources found|No events found)/;
const YAMLISH = /^(?:\s|-(?:\s|$)|#|\.\.\.$|---|[^\s:#][^:]*:(?:\s|$))/;

function startShape(lines: readonly Line[], i: number): Shape | null {
  const t = lines[i]?.text ?? '';
  if (t === '') return null;
  // An indented line (most of a describe dump) can only start JSON or a describe Events header: every other start
  // pattern begins with a visible character.
  const c = t.charCodeAt(0);
  if (c === 32 || c === 9) {
    if (JSON_START.test(t)) return 'json';
    return EVENTS_HEADER.test(t) ? 'describe' : null;
  }
  if (EMPTY_RESULT.test(t)) return 'empty';
  if (KLOG.test(t) || ERROR_START.test(t)) return 'error';
  if (JSON_START.test(t)) return 'json';
  if (YAML_START.test(t)) return 'yaml';
  if (DESCRIBE_START.test(t)) {
    const next = nextNonBlank(lines, i + 1);
    if (next === null || DESCRIBE_SECOND_KEY.test(next)) return 'describe';
    return null;
  }
  if (EVENTS_KEY.test(t) || EVENTS_HEADER.test(t)) return 'describe';
  // A describe fragment that starts at one of its blocks (`Conditions:` then `  Type  Status`).
  if (DESCRIBE_BLOCK.test(t) && /^\s{2}\S/.test(nextNonBlank(lines, i + 1) ?? '')) return 'describe';
  if (TABLE_HEADER.test(t)) return 'table';
  return null;
}

function nextNonBlank(lines: readonly Line[], from: number): string | null {
  for (let j = from; j < lines.length && j < from + 3; j++) {
    const t = lines[j]?.text ?? '';
    if (t !== '') return t;
  }
  return null;
}

/**
 * Cuts lines into sections by prompts, fences and changes of format, sniffs each section's kind and reads JSON
 * sections (`text`: the input the lines came from, which lets a JSON section's text be sliced instead of joined).
 */
export function splitSections(input: readonly Line[], text?: string): Section[] {
  const lines = unquote(input, text);
  const origin = text === undefined ? null : new Origin(text, lines);
  const sections: Section[] = [];
  let command: string | null = null;
  let cur: Draft | null = null;

  const close = (): void => {
    if (cur === null) return;
    const section = toSection(cur, lines.slice(cur.from, cur.to + 1), origin);
    // Trailing blank lines (inside describe and YAML sections) are not part of a section.
    while (section.lines.length > 1 && isBlank((section.lines[section.lines.length - 1] as Line).text))
      section.lines.pop();
    sections.push(section);
    cur = null;
  };
  const open = (shape: Shape, from: number): Draft => {
    close();
    const d: Draft = {
      shape,
      from,
      to: from,
      command,
      jsonDepth: 0,
      jsonInString: false,
      jsonClosed: false,
      klogBlock: false,
    };
    cur = d;
    return d;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const t = line.text;
    const c = cur as Draft | null;
    if (c?.shape === 'json' && !c.jsonClosed) {
      c.to = i;
      scanJson(c, t);
      if (c.jsonDepth <= 0) c.jsonClosed = true;
      continue;
    }
    if (c?.klogBlock) {
      c.to = i;
      if (KLOG_BLOCK_END.test(t)) c.klogBlock = false;
      continue;
    }
    if (FENCE.test(t)) {
      close();
      continue;
    }
    const prompt = matchPrompt(t) ?? (BARE_COMMAND.test(t) ? t.trim() : null);
    if (prompt !== null) {
      close();
      command = prompt;
      continue;
    }
    if (isBlank(t)) {
      // Go errors with embedded newlines (the exec plugin's "It looks like you are trying to use…" help) go on.
      if (c?.shape === 'error' && ERROR_CONTINUATION.test(nextNonBlank(lines, i + 1) ?? '')) {
        c.to = i;
        continue;
      }
      if (
        c &&
        (c.shape === 'table' || c.shape === 'error' || c.shape === 'text' || c.shape === 'empty' || c.shape === 'json')
      )
        close();
      else if (c) c.to = i;
      continue;
    }
    let shape = startShape(lines, i);
    // A bare YAML fragment (`data:` / `mapRoles: |` pasted without apiVersion) starts YAML only outside other formats.
    if (shape === null && (c === null || c.shape === 'text') && YAML_FRAGMENT_START.test(t)) shape = 'yaml';
    // `k describe node x` and then only some of its fields (`Taints: …`): a describe fragment without its Name: line.
    if (
      shape === null &&
      (c === null || c.shape === 'text') &&
      DESCRIBE_COMMAND.test(command ?? '') &&
      DESCRIBE_FIELD.test(t)
    )
      shape = 'describe';
    if (c && shape !== null && continues(c, shape, t)) {
      c.to = i;
      if (shape === 'error' && KLOG_BLOCK_START.test(t)) c.klogBlock = true;
      continue;
    }
    if (shape !== null) {
      const d = open(shape, i);
      if (shape === 'error' && KLOG_BLOCK_START.test(t)) d.klogBlock = true;
      if (shape === 'json') {
        scanJson(d, t);
        if (d.jsonDepth <= 0) d.jsonClosed = true;
      }
      continue;
    }
    if (c && absorbs(c, t)) {
      c.to = i;
      continue;
    }
    if (c?.shape === 'text') {
      c.to = i;
      continue;
    }
    open('text', i);
  }
  close();
  return sections;
}

const ERROR_CONTINUATION =
  /^(?:It looks like you are trying to use a client-go credential plugin|To learn more about this feature|To further debug and diagnose cluster problems|\s+https?:\/\/\S+$)/;

// klog prints a multi-line value as `key=<` then tab-indented lines then ` >` (`"Unhandled Error" err=<`).
const KLOG_BLOCK_START = /\s[\w.-]{1,40}=<$/;
const KLOG_BLOCK_END = /^\s*>$/;
const QUOTE = /^[ \t]{0,3}>(?: ?>)* ?/;

/**
 * Undoes what travelling did to the lines, keeping line numbers: HTML escapes, typographic quotes, bold or inline-code
 * marks around a line (plainLine), `> ` e-mail/markdown quote marks on runs of two or more lines, and indentation
 * shared by every line of the input or of a fenced block.
 */
export function unquote(lines: readonly Line[], text?: string): readonly Line[] {
  const { escaped, emphasis } = text === undefined ? { escaped: true, emphasis: true } : travelled(text);
  let out: Line[] | null = null;
  const set = (i: number, text: string): void => {
    out ??= lines.slice();
    const l = out[i] as Line;
    out[i] = { ...l, text };
  };
  const cur = (): readonly Line[] => out ?? lines;
  for (let i = 0; escaped && i < lines.length; i++) {
    const t = (lines[i] as Line).text;
    const p = plainLine(t);
    if (p !== t) set(i, p);
  }
  // Quote marks: a run of lines that all start with `>` (a lone `> kubectl …` line is a prompt; ` >` ends a klog block).
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && QUOTE.test(cur()[j]?.text ?? '') && !/^\s+>$/.test(cur()[j]?.text ?? '')) j++;
    if (j - i >= 2 || (j - i === 1 && matchPrompt(cur()[i]?.text ?? '') === null))
      for (let k = i; k < j; k++) set(k, (cur()[k]?.text ?? '').replace(QUOTE, ''));
    i = j > i ? j : i + 1;
  }
  for (let i = 0; emphasis && i < lines.length; i++) {
    const t = (cur()[i] as Line).text;
    const p = unemphasise(t);
    if (p !== t) set(i, p);
  }
  // Shared indentation: the whole input, then each fenced block.
  const dedent = (from: number, to: number): void => {
    let min = Infinity;
    for (let k = from; k < to; k++) {
      const t = cur()[k]?.text ?? '';
      if (isBlank(t)) continue;
      const ind = /^ */.exec(t)?.[0].length ?? 0;
      if (ind < min) min = ind;
      if (min === 0) return;
    }
    if (min === Infinity || min === 0) return;
    for (let k = from; k < to; k++) {
      const t = cur()[k]?.text ?? '';
      if (t !== '') set(k, t.slice(Math.min(min, /^ */.exec(t)?.[0].length ?? 0)));
    }
  };
  dedent(0, lines.length);
  let open = -1;
  for (let k = 0; k < lines.length; k++) {
    if (!FENCE.test(cur()[k]?.text ?? '')) continue;
    if (open === -1) open = k + 1;
    else {
      dedent(open, k);
      open = -1;
    }
  }
  return out ?? lines;
}

function continues(c: Draft, shape: Shape, t: string): boolean {
  if (c.shape === 'error' && shape === 'error') return true;
  if (c.shape === 'yaml' && shape === 'yaml') return true;
  if (c.shape === 'describe' && shape === 'describe') return !DESCRIBE_START.test(t);
  if (c.shape === 'empty' && shape === 'empty') return true;
  return false;
}

function absorbs(c: Draft, t: string): boolean {
  switch (c.shape) {
    case 'describe':
    case 'table':
    case 'error':
      return true;
    case 'yaml':
      return YAMLISH.test(t);
    case 'json':
      return false;
    case 'empty':
      return false;
    case 'text':
      return true;
  }
}

// A bracket or a backslash: without one (most lines of pretty-printed JSON), only a line's quotes change the state.
const JSON_SPECIAL = /[[\]{}\\]/;

/** Follows the nesting of a JSON section over one more line (strings may hold brackets and escaped quotes). */
function scanJson(d: Draft, t: string): void {
  if (!JSON_SPECIAL.test(t)) {
    for (let q = t.indexOf('"'); q !== -1; q = t.indexOf('"', q + 1)) d.jsonInString = !d.jsonInString;
    return;
  }
  for (let k = 0; k < t.length; k++) {
    const ch = t.charCodeAt(k);
    if (d.jsonInString) {
      if (ch === 92) k++;
      else if (ch === 34) d.jsonInString = false;
    } else if (ch === 34) d.jsonInString = true;
    else if (ch === 123 || ch === 91) d.jsonDepth++;
    else if (ch === 125 || ch === 93) d.jsonDepth--;
  }
}

const KUBECTL_ERROR =
  /^(?:Error from server|error: |Unable to connect to the server|The connection to the server|Please enter Username: |[IWEF]\d{4} .*(?:memcache|round_trippers|helpers|request)\.go)/;
const AWS_ERROR =
  /aws: \[ERROR\]|An error occurred \(|Unable to locate credentials|The config profile \(|could not get token|Error when retrieving token from sso|You must specify a region/;

/**
 * The input text beside its lines. Every change toLines and unquote make to a line removes characters, so lines whose
 * texts add up to the length of their span in the input are that span unchanged: it is sliced, not joined.
 */
class Origin {
  private no = 1;
  private off = 0;

  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
  ) {}

  /** Offset of line `no` (1-based), moving forward from the last one asked (sections come in order). */
  private offsetOf(no: number): number {
    if (no < this.no) {
      this.no = 1;
      this.off = 0;
    }
    while (this.no < no) {
      const e = this.text.indexOf('\n', this.off);
      if (e === -1) return -1;
      this.off = e + 1;
      this.no++;
    }
    return this.off;
  }

  /** The text of a run of consecutive input lines, sliced from the input when unchanged, else null. */
  span(ls: readonly Line[]): string | null {
    const first = ls[0];
    const last = ls[ls.length - 1];
    if (!first || !last) return null;
    const from = first.no - (this.lines[0]?.no ?? 1);
    if (this.lines[from] !== first || this.lines[from + ls.length - 1] !== last) return null;
    let total = ls.length - 1;
    for (const l of ls) total += l.text.length;
    const start = this.offsetOf(first.no);
    const lastStart = this.offsetOf(last.no);
    if (start < 0 || lastStart < 0) return null;
    const nl = this.text.indexOf('\n', lastStart);
    const end = nl === -1 ? this.text.length : nl;
    return end - start === total ? this.text.slice(start, end) : null;
  }
}

const JSON_KINDS: ReadonlySet<InputKind> = new Set([
  'events-json',
  'object-json',
  'caller-identity-json',
  'access-entries-json',
  'describe-cluster-json',
]);

function toSection(d: Draft, lines: Line[], origin: Origin | null): Section {
  const joined = (): string => lines.map((l) => l.text).join('\n');
  const command = d.command;
  if (d.shape === 'json') {
    const text = origin?.span(lines) ?? joined();
    return { kind: sniffJson(text), lines, command, json: readJson(text) };
  }
  const kind = sniff(d.shape, lines, command ?? '');
  // A JSON object on a line of its own (`aws sts get-caller-identity --output json | jq -c`).
  const json = d.shape === 'text' && (JSON_KINDS.has(kind) || kind === 'aws-auth') ? readJson(joined()) : null;
  return { kind, lines, command, json };
}

const DATA_LINE = /^Data\s*$/;
const RULE_LINE = /^====\s*$/;
const AWS_AUTH_NAME = /^Name:\s+aws-auth\s*$/;
const CONTAINERS_KEY = /^(?:Containers|Init Containers):/;
const NODE_KEY = /^(?:Taints|Roles|Unschedulable|Kubelet Version):/;
const YAML_AWS_AUTH_NAME = /^[^\S\r\n\u2028\u2029]*name:\s*["']?aws-auth["']?\s*$/m;
const YAML_MAP_KEY = /^[^\S\r\n\u2028\u2029]*map(?:Roles|Users|Accounts):/m;
const CM_COMMAND = /\bdescribe\s+(?:cm|configmaps?)\b/;
const POD_COMMAND = /\bdescribe\s+(?:po|pods?)\b/;
const NODE_COMMAND = /\bdescribe\s+(?:no|nodes?)\b/;
const AWS_AUTH_WORD = /\baws-auth\b/;
const CAN_I_ANSWER = /^(?:yes|no)(?: - .*)?$/;
const ONE_LINE_OBJECT = /^\s*\{.*\}\s*$/;

/** The kind of a section that is not JSON, from its shape, its lines and the command that printed it. */
function sniff(shape: Exclude<Shape, 'json'>, lines: readonly Line[], cmd: string): InputKind {
  const first = lines[0]?.text ?? '';
  switch (shape) {
    case 'empty':
      return 'empty-result';
    case 'describe': {
      // Every key tested here starts a line: indented lines (most of a describe dump) are skipped.
      let data = false;
      let rule = false;
      let awsAuthName = false;
      let containers = false;
      let node = false;
      for (const l of lines) {
        const t = l.text;
        if (t === '' || t.charCodeAt(0) === 32 || t.charCodeAt(0) === 9) continue;
        data ||= DATA_LINE.test(t);
        rule ||= RULE_LINE.test(t);
        awsAuthName ||= AWS_AUTH_NAME.test(t);
        containers ||= CONTAINERS_KEY.test(t);
        node ||= NODE_KEY.test(t);
      }
      if ((data && rule) || CM_COMMAND.test(cmd))
        return awsAuthName || AWS_AUTH_WORD.test(cmd) ? 'aws-auth' : 'describe-configmap';
      if (containers || POD_COMMAND.test(cmd)) return 'describe-pod';
      if (node || NODE_COMMAND.test(cmd)) return 'describe-node';
      return 'describe-other';
    }
    case 'table':
      if (/^ATTRIBUTE\s+VALUE/.test(first)) return 'whoami';
      if (/^Resources\s+Non-Resource URLs/.test(first)) return 'can-i';
      return 'get-table';
    case 'yaml': {
      // Joined: `name:` and `aws-auth` may stand on two lines (a folded plain scalar).
      const body = lines.map((l) => l.text).join('\n');
      return YAML_AWS_AUTH_NAME.test(body) || YAML_MAP_KEY.test(body) ? 'aws-auth' : 'object-yaml';
    }
    case 'error': {
      let aws = false;
      for (const l of lines) {
        if (KUBECTL_ERROR.test(l.text)) return 'kubectl-error';
        aws ||= AWS_ERROR.test(l.text);
      }
      return aws ? 'aws-cli-error' : 'log-lines';
    }
    case 'text': {
      if (lines.length === 1 && CAN_I_ANSWER.test(first)) return 'can-i';
      if (lines.length === 1 && ONE_LINE_OBJECT.test(first)) {
        const k = sniffJson(first);
        if (k !== 'object-json') return k;
      }
      return 'log-lines';
    }
  }
}

function sniffJson(body: string): InputKind {
  if (/"Arn"\s*:/.test(body) && /"Account"\s*:/.test(body) && /"UserId"\s*:/.test(body)) return 'caller-identity-json';
  if (/"(?:accessEntries|accessEntry|associatedAccessPolicies)"\s*:/.test(body)) return 'access-entries-json';
  if (/"cluster"\s*:/.test(body) && /"(?:accessConfig|endpoint)"\s*:/.test(body)) return 'describe-cluster-json';
  if (/"authenticationMode"\s*:/.test(body)) return 'describe-cluster-json';
  if (/"kind"\s*:\s*"(?:Event|EventList)"/.test(body)) return 'events-json';
  if (/"kind"\s*:\s*"ConfigMap"/.test(body) && /"name"\s*:\s*"aws-auth"/.test(body)) return 'aws-auth';
  return 'object-json';
}
