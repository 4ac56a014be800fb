// Format: a paste such as
//   $ kubectl get pods
//   error: You must be logged in to the server (Unauthorized)
//   ```yaml
//   apiVersion: v1 …
//   ```
// is cut into sections (prompt lines name the command; fences and blank lines delimit), each sniffed for its kind.
import type { InputKind } from '../report.js';
import type { Line } from './lines.js';

/** A contiguous run of input lines of one kind. */
export interface Section {
  kind: InputKind;
  lines: Line[];
  /** Command from the shell prompt line that preceded the section, if any. */
  command: string | null;
}

type Shape = 'json' | 'yaml' | 'describe' | 'table' | 'error' | 'text' | 'empty';

interface Draft {
  shape: Shape;
  lines: Line[];
  command: string | null;
  jsonDepth: number;
  jsonInString: boolean;
  jsonClosed: boolean;
  /** Inside a klog multi-line value (`err=<` … ` >`, kubectl ≥1.31), which may hold blank lines. */
  klogBlock: boolean;
  /** A JSON section read whole from the input text (see Origin.wholeJson). */
  whole?: WholeJson;
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
  if (!mayBePrompt(text)) return null;
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

// What every prompt pattern above needs: `@` (user@host, [user@host]), » or ❯ (zsh themes), or a line start of
// `(`, `#`, `➜`, or up to four blanks and `$ % > λ` / `PS `. Lines without any skip seven regexes.
const PROMPT_START = /^(?:[(#➜]|\s{0,4}(?:[$%>λ]|PS ))/;

function mayBePrompt(text: string): boolean {
  return text.includes('@') || text.includes('❯') || text.includes('»') || PROMPT_START.test(text);
}

const BLANK = /^\s*$/;

/** `text.trim() === ''` without allocating a trimmed copy of every indented line. */
function isBlank(text: string): boolean {
  if (text === '') return true;
  const c = text.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return BLANK.test(text);
}

const FENCE = /^\s{0,3}(?:`{3,}|~{3,})[\w+-]*\s*$/;
const KLOG =
  /^(?:[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \S+ [\w.-]+\[\d+\]: )?[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [\w.-]+:\d+\] /;
const ERROR_START =
  /^(?:Error from server|error: |Error: |Unable to connect to the server|The connection to the server|could not get token:|aws: \[ERROR\]|An error occurred \(|Unable to locate credentials|The config profile \(|Kubernetes cluster unreachable|Warning: |W\d{4} |E\d{4} |F\d{4} |getting credentials: |exec plugin: |Error when retrieving token from sso|You must specify a region|Could not connect to the endpoint URL|Please enter Username: |\[[✖!ℹ✔]\] )/;
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

/** Cuts lines into sections by prompts, fences and changes of format, and sniffs each section's kind (`text`: the input the lines came from, which lets a large JSON section be sliced and parsed whole). */
export function splitSections(input: readonly Line[], text?: string): Section[] {
  const lines = unquote(input);
  // The text the lines were split from lets a JSON section be sliced and parsed whole instead of scanned and joined.
  const origin = text === undefined ? null : new Origin(text, lines);
  const sections: Section[] = [];
  let command: string | null = null;
  let cur: Draft | null = null;

  const close = (): void => {
    if (cur && cur.lines.length > 0)
      sections.push({ kind: sniff(cur, origin), lines: cur.lines, command: cur.command });
    cur = null;
  };
  const open = (shape: Shape, line: Line): Draft => {
    close();
    const d: Draft = {
      shape,
      lines: [line],
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
      c.lines.push(line);
      scanJson(c, t);
      if (c.jsonDepth <= 0) c.jsonClosed = true;
      continue;
    }
    if (c?.klogBlock) {
      c.lines.push(line);
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
        c.lines.push(line);
        continue;
      }
      if (
        c &&
        (c.shape === 'table' || c.shape === 'error' || c.shape === 'text' || c.shape === 'empty' || c.shape === 'json')
      )
        close();
      else if (c) c.lines.push(line);
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
      c.lines.push(line);
      if (shape === 'error' && KLOG_BLOCK_START.test(t)) c.klogBlock = true;
      continue;
    }
    if (shape !== null) {
      const d = open(shape, line);
      if (shape === 'error' && KLOG_BLOCK_START.test(t)) d.klogBlock = true;
      if (shape === 'json') {
        const whole = origin?.wholeJson(i) ?? null;
        if (whole) {
          // The rest of the input is this one JSON value: scanJson would close the section at its last line.
          // One slice, not a push per line (240k for a 10 MB event list).
          d.lines = lines.slice(i, whole.last + 1);
          d.whole = whole;
          d.jsonClosed = true;
          i = whole.last;
          continue;
        }
        scanJson(d, t);
        if (d.jsonDepth <= 0) d.jsonClosed = true;
      }
      continue;
    }
    if (c && absorbs(c, t)) {
      c.lines.push(line);
      continue;
    }
    if (c?.shape === 'text') {
      c.lines.push(line);
      continue;
    }
    open('text', line);
  }
  close();
  // Trailing blank lines inside describe/yaml sections are not part of them.
  for (const s of sections) {
    while (s.lines.length > 1 && isBlank(s.lines[s.lines.length - 1]?.text ?? '')) s.lines.pop();
  }
  return sections;
}

const ERROR_CONTINUATION =
  /^(?:It looks like you are trying to use a client-go credential plugin|To learn more about this feature|To further debug and diagnose cluster problems|\s+https?:\/\/\S+$)/;

// klog prints a multi-line value as `key=<` then tab-indented lines then ` >` (`"Unhandled Error" err=<`).
const KLOG_BLOCK_START = /\s[\w.-]{1,40}=<$/;
const KLOG_BLOCK_END = /^\s*>$/;
const QUOTE = /^[ \t]{0,3}>(?: ?>)* ?/;

/**
 * Removes quoting that is not part of any kubectl format, keeping line numbers: `> ` e-mail/markdown quote marks on
 * runs of two or more lines, and indentation shared by every line of the input or of a fenced block.
 */
export function unquote(lines: readonly Line[]): readonly Line[] {
  let out: Line[] | null = null;
  const set = (i: number, text: string): void => {
    out ??= lines.slice();
    const l = out[i] as Line;
    out[i] = { ...l, text };
  };
  // Quote marks: a run of lines that all start with `>` (a lone `> kubectl …` line is a prompt; ` >` ends a klog block).
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && QUOTE.test(lines[j]?.text ?? '') && !/^\s+>$/.test(lines[j]?.text ?? '')) j++;
    if (j - i >= 2 || (j - i === 1 && matchPrompt(lines[i]?.text ?? '') === null))
      for (let k = i; k < j; k++) set(k, (lines[k]?.text ?? '').replace(QUOTE, ''));
    i = j > i ? j : i + 1;
  }
  // Shared indentation: the whole input, then each fenced block.
  const cur = (): readonly Line[] => out ?? lines;
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

// Most lines of pretty-printed JSON (`"key": "value",`) hold no bracket and no backslash: then only their quotes
// matter, found with indexOf instead of a JS loop over every character.
const JSON_SPECIAL = /[[\]{}\\]/;

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
  /^(?:Error from server|error: |Unable to connect to the server|The connection to the server|Please enter Username: |[IWEF]\d{4} .*(?:memcache|round_trippers|helpers|request)\.go)/m;
// KUBECTL_ERROR for one line: without /m, `^` is tried at the start only, not at every position of the line.
const KUBECTL_ERROR_LINE = new RegExp(KUBECTL_ERROR.source);
const AWS_ERROR =
  /aws: \[ERROR\]|An error occurred \(|Unable to locate credentials|The config profile \(|could not get token|Error when retrieving token from sso|You must specify a region/;

/** A JSON section that is the rest of its input: its index of last line, its text (a slice of the input) and value. */
interface WholeJson {
  last: number;
  text: string;
  value: unknown;
}

/**
 * The input text beside its lines. Every change toLines and unquote make to a line removes characters, so lines whose
 * texts add up to the length of their span in the input are that span unchanged: it is sliced (no copy), not joined
 * (measured: joining 240k lines of a 10 MB `-o json` ≈ 80 ms; JSON.parse of it ≈ 20 ms).
 */
class Origin {
  private no = 1;
  private off = 0;
  private tried = false;
  /** No line holds a line terminator: the input has no U+2028/U+2029 (\n and \r never stay in a line). */
  readonly singleLineTexts: boolean;

  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
  ) {
    this.singleLineTexts = !text.includes('\u2028') && !text.includes('\u2029');
  }

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

  /** The span of lines[from..to] in the input when their texts are that span unchanged, else null. */
  span(from: number, to: number): string | null {
    const a = this.lines[from];
    const b = this.lines[to];
    if (!a || !b) return null;
    let total = to - from;
    for (let k = from; k <= to; k++) total += (this.lines[k] as Line).text.length;
    const start = this.offsetOf(a.no);
    const bStart = this.offsetOf(b.no);
    if (start < 0 || bStart < 0) return null;
    const nl = this.text.indexOf('\n', bStart);
    const end = nl === -1 ? this.text.length : nl;
    return end - start === total ? this.text.slice(start, end) : null;
  }

  /** The text of a run of consecutive input lines (a JSON section's), sliced when unchanged, else null. */
  sectionSpan(ls: readonly Line[]): string | null {
    const first = ls[0];
    const lastLine = ls[ls.length - 1];
    if (!first || !lastLine) return null;
    const from = first.no - (this.lines[0]?.no ?? 1);
    const to = from + ls.length - 1;
    return this.lines[from] === first && this.lines[to] === lastLine ? this.span(from, to) : null;
  }

  /**
   * When the JSON section starting at line index `i` runs to the end of the input and parses as one value: its last
   * line, text and value. Tried once per input, so a failed try (JSON then more text) costs at most one parse.
   */
  wholeJson(i: number): WholeJson | null {
    if (this.tried) return null;
    this.tried = true;
    let last = this.lines.length - 1;
    while (last > i && (this.lines[last] as Line).text.trim() === '') last--;
    const lastText = (this.lines[last] as Line).text;
    if (!lastText.endsWith('}') && !lastText.endsWith(']')) return null;
    const text = this.span(i, last);
    if (text === null) return null;
    try {
      return { last, text, value: JSON.parse(text) as unknown };
    } catch {
      return null;
    }
  }
}

// The text (and value, when parsed whole) of JSON sections, made once here and read again by the JSON reader.
const JOINED = new WeakMap<readonly Line[], { n: number; text: string; parsed: { value: unknown } | null }>();

/** The lines' texts joined with newlines (kept from sniffing for JSON sections, whose lines do not change after). */
export function sectionText(lines: readonly Line[]): string {
  const j = JOINED.get(lines);
  return j !== undefined && j.n === lines.length ? j.text : lines.map((l) => l.text).join('\n');
}

/** The value of a JSON section that was parsed whole while splitting, if it was; handed over once, so the parsed
 * tree is not kept alive with the sections once its facts are read. */
export function takeParsedSection(lines: readonly Line[]): { value: unknown } | null {
  const j = JOINED.get(lines);
  if (j === undefined || j.n !== lines.length) return null;
  const parsed = j.parsed;
  j.parsed = null;
  return parsed;
}

function sniff(d: Draft, origin: Origin | null): InputKind {
  if (d.shape === 'json') {
    const text = d.whole?.text ?? origin?.sectionSpan(d.lines) ?? d.lines.map((l) => l.text).join('\n');
    JOINED.set(d.lines, { n: d.lines.length, text, parsed: d.whole ? { value: d.whole.value } : null });
    return sniffJson(text);
  }
  // Lines split from an input without U+2028/U+2029 hold no line terminator at all (toLines splits at \n and drops
  // \r; unquote only removes characters): then each /m test below is a test of single lines, made without joining
  // the section (joining every section of a 10 MB describe dump cost ~120 ms and 20 MB of garbage).
  return origin?.singleLineTexts === true
    ? sniffLines(d.shape, d.lines, d.command ?? '')
    : sniffJoined(d.shape, d.lines, d.command ?? '');
}

const DATA_LINE = /^Data\s*$/m;
const RULE_LINE = /^====\s*$/m;
const AWS_AUTH_NAME = /^Name:\s+aws-auth\s*$/m;
const CONTAINERS_KEY = /^(?:Containers|Init Containers):/m;
const NODE_KEY = /^(?:Taints|Roles|Unschedulable|Kubelet Version):/m;
const YAML_AWS_AUTH_NAME = /^[^\S\r\n\u2028\u2029]*name:\s*["']?aws-auth["']?\s*$/m;
const YAML_MAP_KEY = /^[^\S\r\n\u2028\u2029]*map(?:Roles|Users|Accounts):/m;
const CM_COMMAND = /\bdescribe\s+(?:cm|configmaps?)\b/;
const POD_COMMAND = /\bdescribe\s+(?:po|pods?)\b/;
const NODE_COMMAND = /\bdescribe\s+(?:no|nodes?)\b/;
const AWS_AUTH_WORD = /\baws-auth\b/;
const CAN_I_ANSWER = /^(?:yes|no)(?: - .*)?$/;
const ONE_LINE_OBJECT = /^\s*\{.*\}\s*$/;

/** The kind of a section, from its lines joined with newlines: the reference for {@link sniffLines}. */
function sniffJoined(shape: Exclude<Shape, 'json'>, lines: readonly Line[], cmd: string): InputKind {
  // Joined only where a whole-body test needs it (tables and text read their first or only line).
  const joined = (): string => lines.map((l) => l.text).join('\n');
  const first = lines[0]?.text ?? '';
  switch (shape) {
    case 'empty':
      return 'empty-result';
    case 'describe': {
      const body = joined();
      // Each /m regex scans the whole section: the `includes` before it (a literal it needs) is a much cheaper no.
      const isConfigMap =
        body.includes('Data') && DATA_LINE.test(body) && body.includes('====') && RULE_LINE.test(body);
      if (isConfigMap || CM_COMMAND.test(cmd)) {
        return AWS_AUTH_NAME.test(body) || AWS_AUTH_WORD.test(cmd) ? 'aws-auth' : 'describe-configmap';
      }
      if ((body.includes('Containers:') && CONTAINERS_KEY.test(body)) || POD_COMMAND.test(cmd)) return 'describe-pod';
      if (NODE_KEY.test(body) || NODE_COMMAND.test(cmd)) return 'describe-node';
      return 'describe-other';
    }
    case 'table': {
      const head = first;
      if (/^ATTRIBUTE\s+VALUE/.test(head)) return 'whoami';
      if (/^Resources\s+Non-Resource URLs/.test(head)) return 'can-i';
      return 'get-table';
    }
    case 'yaml':
      // `[^\S\r\n\u2028\u2029]*`, not `\s*`, after `^` in /m mode: `\s*` runs across line breaks, so scanning from every line start is quadratic (ReDoS).
      return YAML_AWS_AUTH_NAME.test(joined()) || YAML_MAP_KEY.test(joined()) ? 'aws-auth' : 'object-yaml';
    case 'error': {
      const body = joined();
      if (KUBECTL_ERROR.test(body)) return 'kubectl-error';
      if (AWS_ERROR.test(body)) return 'aws-cli-error';
      return 'log-lines';
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

/** Whether some line starts with `first` (a character code) and matches `re`. */
function someLine(lines: readonly Line[], first: number, re: RegExp): boolean {
  for (const l of lines) if (l.text.charCodeAt(0) === first && re.test(l.text)) return true;
  return false;
}

/**
 * {@link sniffJoined} line by line, for lines without line terminators: every /m regex there matches the joined body
 * only where it matches one line (`.` and the classes after `^` stop at a newline; a `\s*$` that runs over a newline
 * already matched at it), except the YAML ones (`name:\s*` may run on to the next line), which still join. Each
 * anchored key is pre-tested by its first character. Agrees with sniffJoined (fastpaths.test.ts).
 */
function sniffLines(shape: Exclude<Shape, 'json'>, lines: readonly Line[], cmd: string): InputKind {
  switch (shape) {
    case 'describe': {
      const isConfigMap = someLine(lines, 68 /* D */, DATA_LINE) && someLine(lines, 61 /* = */, RULE_LINE);
      if (isConfigMap || CM_COMMAND.test(cmd)) {
        return someLine(lines, 78 /* N */, AWS_AUTH_NAME) || AWS_AUTH_WORD.test(cmd)
          ? 'aws-auth'
          : 'describe-configmap';
      }
      if (
        someLine(lines, 67 /* C */, CONTAINERS_KEY) ||
        someLine(lines, 73 /* I */, CONTAINERS_KEY) ||
        POD_COMMAND.test(cmd)
      )
        return 'describe-pod';
      for (const l of lines) {
        const c = l.text.charCodeAt(0);
        if ((c === 84 /* T */ || c === 82 /* R */ || c === 85 /* U */ || c === 75) /* K */ && NODE_KEY.test(l.text))
          return 'describe-node';
      }
      return NODE_COMMAND.test(cmd) ? 'describe-node' : 'describe-other';
    }
    case 'error': {
      for (const l of lines) if (KUBECTL_ERROR_LINE.test(l.text)) return 'kubectl-error';
      for (const l of lines) if (AWS_ERROR.test(l.text)) return 'aws-cli-error';
      return 'log-lines';
    }
    case 'empty':
    case 'table':
    case 'yaml':
    case 'text':
      // These read the first line, a single line, or (YAML, rare in large inputs) the joined body.
      return sniffJoined(shape, lines, cmd);
  }
}

/** Both sniffers, for the property test that they agree on lines without line terminators. */
export const sniffForTesting = {
  joined: (shape: Exclude<Shape, 'json'>, lines: readonly Line[], cmd: string): InputKind =>
    sniffJoined(shape, lines, cmd),
  lines: (shape: Exclude<Shape, 'json'>, lines: readonly Line[], cmd: string): InputKind =>
    sniffLines(shape, lines, cmd),
};

function sniffJson(body: string): InputKind {
  if (/"Arn"\s*:/.test(body) && /"Account"\s*:/.test(body) && /"UserId"\s*:/.test(body)) return 'caller-identity-json';
  if (/"(?:accessEntries|accessEntry|associatedAccessPolicies)"\s*:/.test(body)) return 'access-entries-json';
  if (/"cluster"\s*:/.test(body) && /"(?:accessConfig|endpoint)"\s*:/.test(body)) return 'describe-cluster-json';
  if (/"authenticationMode"\s*:/.test(body)) return 'describe-cluster-json';
  if (/"kind"\s*:\s*"(?:Event|EventList)"/.test(body)) return 'events-json';
  if (/"kind"\s*:\s*"ConfigMap"/.test(body) && /"name"\s*:\s*"aws-auth"/.test(body)) return 'aws-auth';
  return 'object-json';
}
