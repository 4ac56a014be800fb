// Format: a paste such as
//   $ kubectl get pods
//   error: You must be logged in to the server (Unauthorized)
//   ```yaml
//   apiVersion: v1 …
//   ```
// is cut into sections (prompt lines name the command; fences and blank lines delimit), each sniffed for its kind.
// Lines are pushed one at a time (a stream is split as it is read): first through the unquoting stage, which undoes
// how the text travelled, then through the splitter, which tells a SectionSink where sections open and close. A line
// waits only where a decision needs what follows it (up to three lines, a run of quote marks, an indented start, a
// fenced block). Both stages are plain data, so a stream's state can be copied with structuredClone.
import { readJson } from '../parse/json.js';
import type { Located } from '../parse/located.js';
import type { InputKind } from '../report.js';
import type { Line } from './lines.js';
import { ERROR_START, plainLine, unemphasise } from './travel.js';

/** A contiguous run of input lines of one kind. */
export interface Section {
  kind: InputKind;
  lines: Line[];
  /** Command from the shell prompt line that preceded the section, if any. */
  command: string | null;
  /** The section read as JSON (values with line positions), when it is JSON; else null. */
  json: Located | null;
}

/** The format a section opens with; its kind is sniffed from it and its lines. */
export type Shape = 'json' | 'yaml' | 'describe' | 'table' | 'error' | 'text' | 'empty';

/** Where the splitter's sections open and close: `line` gives every line of the open section after its first. */
export interface SectionSink {
  open(shape: Shape, command: string | null, first: Line): void;
  line(line: Line): void;
  close(): void;
}

/** The section being read. */
interface Draft {
  shape: Shape;
  json: JsonScan;
  jsonClosed: boolean;
  /** Inside a klog multi-line value (`err=<` … ` >`, kubectl ≥1.31), which may hold blank lines. */
  klogBlock: boolean;
  /** Closed already (a JSON value ended): the next line opens another section. */
  done: boolean;
}

/** The splitter's state between lines. */
export interface Splitter {
  /** Lines not yet placed: the first waits for the lines after it. */
  queue: Line[];
  cur: Draft | null;
  command: string | null;
  /** Blank lines of the open section not yet given to the sink: a section does not end in blank lines. */
  blanks: Line[];
  ended: boolean;
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
const PROMPT_MARK = /[$#%>❯λ»➜]/;
const PROMPT_ZSH = /^➜\s+\S{1,120}\s+(?:git:\([^)\n]{0,80}\)\s+)?(?:✗\s+)?(\S.*)$/;

/** Returns the command of a shell prompt line, or null when the line is not a prompt. */
export function matchPrompt(text: string): string | null {
  // Every prompt holds one of these characters (most lines hold none).
  if (!PROMPT_MARK.test(text)) return null;
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
  // Most lines start with a visible character.
  const c = text.charCodeAt(0);
  return text === '' || ((c <= 32 || c > 127) && BLANK.test(text));
}

/** The first character after up to three blanks: what a fence (a backtick or a tilde) or a quote mark starts with. */
function markAt(text: string): number {
  let i = 0;
  while (i < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return text.charCodeAt(i);
}

function mayBeFence(text: string): boolean {
  const c = markAt(text);
  // Other blanks (FENCE's \s) are left to the pattern.
  return c === 96 || c === 126 || c < 32 || c > 127;
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
// A sentence that starts with a command (`kubectl get pods returns Unauthorized for my SSO role`, an issue title) is
// told, not run: its words are read as text. A verb counts only as a word of its own with words after it, so an
// argument that starts with one (`kubectl describe pod failed-job-1`) keeps the line a command.
const TOLD =
  /\s(?:returns?|returned|gives?|gave|throws?|threw|fails?|failed|results? in|says|shows? (?:an?|the)|I get|I got)(?= [^\s-])|\s(?:is (?:not )?working|doesn't work|does not work)\b/;
/** Whether the line starts as BARE_COMMAND needs: sudo, kubectl, kubecolor, k, oc, aws, eksctl or helm. */
function mayBeCommand(t: string): boolean {
  const c = t.charCodeAt(0);
  return c === 115 || c === 107 || c === 111 || c === 97 || c === 101 || c === 104;
}
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

function startShape(sp: Splitter, t: string): Shape | null | typeof WAIT {
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
    const next = nextNonBlank(sp);
    if (next === WAIT) return WAIT;
    if (next === null || DESCRIBE_SECOND_KEY.test(next)) return 'describe';
    return null;
  }
  if (EVENTS_KEY.test(t) || EVENTS_HEADER.test(t)) return 'describe';
  // A describe fragment that starts at one of its blocks (`Conditions:` then `  Type  Status`).
  if (DESCRIBE_BLOCK.test(t)) {
    const next = nextNonBlank(sp);
    if (next === WAIT) return WAIT;
    if (/^\s{2}\S/.test(next ?? '')) return 'describe';
  }
  if (TABLE_HEADER.test(t)) return 'table';
  return null;
}

/** A splitter at the start of an input. */
export function newSplitter(): Splitter {
  return { queue: [], cur: null, command: null, blanks: [], ended: false };
}

/** Gives the splitter the next line (after unquoting); sections it opens, extends or closes go to `sink`. */
export function splitLine(sp: Splitter, line: Line, sink: SectionSink): void {
  sp.queue.push(line);
  drain(sp, sink);
}

/** Ends the input: waiting lines are placed and the open section closes. */
export function endSplit(sp: Splitter, sink: SectionSink): void {
  sp.ended = true;
  drain(sp, sink);
  closeDraft(sp, sink);
}

function drain(sp: Splitter, sink: SectionSink): void {
  while (sp.queue.length > 0 && place(sp, sink)) sp.queue.shift();
}

/** The answer to a look at the lines ahead when they have not arrived yet. */
const WAIT = Symbol('wait');
type Ahead = string | null | typeof WAIT;

/** The first non-empty text among the three lines after the first queued one; WAIT until they are known. */
function nextNonBlank(sp: Splitter): Ahead {
  for (let j = 1; j <= 3; j++) {
    const l = sp.queue[j];
    if (l === undefined) return sp.ended ? null : WAIT;
    if (l.text !== '') return l.text;
  }
  return null;
}

function closeDraft(sp: Splitter, sink: SectionSink): void {
  const c = sp.cur;
  if (c === null) return;
  sp.blanks.length = 0;
  if (!c.done) sink.close();
  sp.cur = null;
}

function openDraft(sp: Splitter, shape: Shape, line: Line, sink: SectionSink): Draft {
  closeDraft(sp, sink);
  const d: Draft = { shape, json: newJsonScan(), jsonClosed: false, klogBlock: false, done: false };
  sp.cur = d;
  sink.open(shape, sp.command, line);
  return d;
}

/** Adds a line to the open section; trailing blank lines wait until a line that is not blank follows them. */
function extend(sp: Splitter, line: Line, sink: SectionSink): void {
  if (isBlank(line.text)) {
    sp.blanks.push(line);
    return;
  }
  for (const b of sp.blanks) sink.line(b);
  sp.blanks.length = 0;
  sink.line(line);
}

/** A JSON section ends with its value: nothing after it can join it, so it closes at once. */
function jsonLine(sp: Splitter, d: Draft, t: string, sink: SectionSink): void {
  scanJsonLine(d.json, t);
  if (d.json.depth > 0) return;
  d.jsonClosed = true;
  sp.blanks.length = 0;
  d.done = true;
  sink.close();
}

/**
 * Places the first queued line: in the open section, a new one, or none (prompts, fences, blank lines between
 * sections). False when the decision needs lines that have not arrived yet; nothing was changed then.
 */
function place(sp: Splitter, sink: SectionSink): boolean {
  const line = sp.queue[0] as Line;
  const t = line.text;
  const c = sp.cur;
  if (c?.shape === 'json' && !c.jsonClosed) {
    extend(sp, line, sink);
    jsonLine(sp, c, t, sink);
    return true;
  }
  if (c?.klogBlock) {
    extend(sp, line, sink);
    if (KLOG_BLOCK_END.test(t)) c.klogBlock = false;
    return true;
  }
  if (mayBeFence(t) && FENCE.test(t)) {
    closeDraft(sp, sink);
    return true;
  }
  const prompt = matchPrompt(t) ?? (mayBeCommand(t) && BARE_COMMAND.test(t) && !TOLD.test(t) ? t.trim() : null);
  if (prompt !== null) {
    closeDraft(sp, sink);
    sp.command = prompt;
    return true;
  }
  if (isBlank(t)) {
    // Go errors with embedded newlines (the exec plugin's "It looks like you are trying to use…" help) go on.
    if (c?.shape === 'error') {
      const next = nextNonBlank(sp);
      if (next === WAIT) return false;
      if (ERROR_CONTINUATION.test(next ?? '')) {
        extend(sp, line, sink);
        return true;
      }
    }
    if (
      c &&
      (c.shape === 'table' || c.shape === 'error' || c.shape === 'text' || c.shape === 'empty' || c.shape === 'json')
    )
      closeDraft(sp, sink);
    else if (c) extend(sp, line, sink);
    return true;
  }
  let shape = startShape(sp, t);
  if (shape === WAIT) return false;
  const command = sp.command;
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
    extend(sp, line, sink);
    if (shape === 'error' && KLOG_BLOCK_START.test(t)) c.klogBlock = true;
    return true;
  }
  if (shape !== null) {
    const d = openDraft(sp, shape, line, sink);
    if (shape === 'error' && KLOG_BLOCK_START.test(t)) d.klogBlock = true;
    if (shape === 'json') jsonLine(sp, d, t, sink);
    return true;
  }
  if (c && absorbs(c, t)) {
    extend(sp, line, sink);
    return true;
  }
  if (c?.shape === 'text') {
    extend(sp, line, sink);
    return true;
  }
  openDraft(sp, 'text', line, sink);
  return true;
}

/**
 * Cuts lines into sections by prompts, fences and changes of format, sniffs each section's kind and reads JSON
 * sections: the whole input at once (a stream is split with newSplitter and splitLine).
 */
export function splitSections(input: readonly Line[]): Section[] {
  const sections: Section[] = [];
  let shape: Shape = 'text';
  let command: string | null = null;
  let lines: Line[] = [];
  const sink: SectionSink = {
    open: (s, cmd, first) => {
      shape = s;
      command = cmd;
      lines = [first];
    },
    line: (l) => lines.push(l),
    close: () => sections.push(toSection(shape, lines, command)),
  };
  const sp = newSplitter();
  for (const l of unquote(input)) splitLine(sp, l, sink);
  endSplit(sp, sink);
  return sections;
}

const ERROR_CONTINUATION =
  /^(?:It looks like you are trying to use a client-go credential plugin|To learn more about this feature|To further debug and diagnose cluster problems|\s+https?:\/\/\S+$)/;

// klog prints a multi-line value as `key=<` then tab-indented lines then ` >` (`"Unhandled Error" err=<`).
const KLOG_BLOCK_START = /\s[\w.-]{1,40}=<$/;
const KLOG_BLOCK_END = /^\s*>$/;
const QUOTE = /^[ \t]{0,3}>(?: ?>)* ?/;
const KLOG_BLOCK_END_QUOTE = /^\s+>$/;

/**
 * Undoing how the text travelled, line by line (see unquoteLine). A line waits while its fate depends on lines after
 * it: a first quoted line (a lone `> kubectl …` is a prompt), indented lines before the first unindented one (the
 * indentation every line shares is removed), and a fenced block until it closes (so is the block's). `maxHeld` bounds
 * the lines held for indentation: past it, what the held lines share is decided.
 */
export interface Unquoter {
  quoteHeld: Line | null;
  /** In a run of two or more quoted lines. */
  quoteRun: boolean;
  /** Lines before the first unindented one (null once one came), and the least indentation among them. */
  indentHeld: Line[] | null;
  indentMin: number;
  /** Inside a fenced block, and its lines while they are held (null once past maxHeld). */
  inFence: boolean;
  fenceHeld: Line[] | null;
  maxHeld: number;
}

/** An unquoting stage at the start of an input. */
export function newUnquoter(maxHeld = Number.POSITIVE_INFINITY): Unquoter {
  return {
    quoteHeld: null,
    quoteRun: false,
    indentHeld: [],
    indentMin: Number.POSITIVE_INFINITY,
    inFence: false,
    fenceHeld: null,
    maxHeld,
  };
}

/** The line with another text; `printed` keeps the text as the input had it. */
function withText(l: Line, text: string): Line {
  return text === l.text ? l : { ...l, text, printed: l.printed ?? l.text };
}

/**
 * Undoes what travelling did to one more line, keeping line numbers: HTML escapes, typographic quotes, bold or
 * inline-code marks around a line (plainLine, unemphasise), `> ` e-mail/markdown quote marks on runs of two or more
 * lines, and indentation shared by every line of the input or of a fenced block. Lines go to `emit` in order.
 */
export function unquoteLine(u: Unquoter, line: Line, emit: (line: Line) => void): void {
  const l = withText(line, plainLine(line.text));
  // Quote marks: a run of lines that all start with `>` (a lone `> kubectl …` line is a prompt; ` >` ends a klog block).
  if (markAt(l.text) === 62 && QUOTE.test(l.text) && !KLOG_BLOCK_END_QUOTE.test(l.text)) {
    if (u.quoteRun) return afterQuotes(u, unquoted(l), emit);
    if (u.quoteHeld === null) {
      u.quoteHeld = l;
      return;
    }
    const first = u.quoteHeld;
    u.quoteHeld = null;
    u.quoteRun = true;
    afterQuotes(u, unquoted(first), emit);
    return afterQuotes(u, unquoted(l), emit);
  }
  u.quoteRun = false;
  flushQuote(u, emit);
  afterQuotes(u, l, emit);
}

/** Ends the input: every held line is decided and emitted. */
export function endUnquote(u: Unquoter, emit: (line: Line) => void): void {
  flushQuote(u, emit);
  if (u.indentHeld !== null) releaseIndent(u, emit);
  releaseFence(u, emit);
}

const unquoted = (l: Line): Line => withText(l, l.text.replace(QUOTE, ''));

/** A single quoted line is a prompt when it reads as one; otherwise its mark goes too. */
function flushQuote(u: Unquoter, emit: (line: Line) => void): void {
  const held = u.quoteHeld;
  if (held === null) return;
  u.quoteHeld = null;
  afterQuotes(u, matchPrompt(held.text) === null ? unquoted(held) : held, emit);
}

function afterQuotes(u: Unquoter, line: Line, emit: (line: Line) => void): void {
  const l = withText(line, unemphasise(line.text));
  // Shared indentation of the whole input: known at the first line that is not indented.
  const held = u.indentHeld;
  if (held !== null) {
    held.push(l);
    if (!isBlank(l.text)) u.indentMin = Math.min(u.indentMin, indentOf(l.text));
    if (u.indentMin === 0 || held.length > u.maxHeld) releaseIndent(u, emit);
    return;
  }
  fenced(u, l, emit);
}

function releaseIndent(u: Unquoter, emit: (line: Line) => void): void {
  const held = u.indentHeld ?? [];
  u.indentHeld = null;
  for (const l of dedent(held, u.indentMin)) fenced(u, l, emit);
}

/** Shared indentation of a fenced block: known when the block closes (a block that never closes keeps it). */
function fenced(u: Unquoter, l: Line, emit: (line: Line) => void): void {
  const fence = mayBeFence(l.text) && FENCE.test(l.text);
  if (!u.inFence) {
    emit(l);
    if (fence) {
      u.inFence = true;
      u.fenceHeld = [];
    }
    return;
  }
  const held = u.fenceHeld;
  if (!fence) {
    if (held === null) emit(l);
    else {
      held.push(l);
      if (held.length > u.maxHeld) releaseFence(u, emit);
    }
    return;
  }
  u.inFence = false;
  u.fenceHeld = null;
  if (held !== null) {
    let min = Number.POSITIVE_INFINITY;
    for (const h of held) if (!isBlank(h.text)) min = Math.min(min, indentOf(h.text));
    for (const h of dedent(held, min)) emit(h);
  }
  emit(l);
}

/** The held lines of a fenced block, as they are. */
function releaseFence(u: Unquoter, emit: (line: Line) => void): void {
  const held = u.fenceHeld ?? [];
  u.fenceHeld = null;
  for (const h of held) emit(h);
}

function indentOf(t: string): number {
  let i = 0;
  while (t.charCodeAt(i) === 32) i++;
  return i;
}

function dedent(lines: readonly Line[], min: number): readonly Line[] {
  if (min === Number.POSITIVE_INFINITY || min === 0) return lines;
  return lines.map((l) => (l.text === '' ? l : withText(l, l.text.slice(Math.min(min, indentOf(l.text))))));
}

/** Undoes what travelling did to whole lines (unquoteLine over all of them). */
export function unquote(lines: readonly Line[]): readonly Line[] {
  const out: Line[] = [];
  const u = newUnquoter();
  const push = (l: Line): void => {
    out.push(l);
  };
  for (const l of lines) unquoteLine(u, l, push);
  endUnquote(u, push);
  return out;
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

/** The nesting of JSON text read line by line: brackets open, and whether a string is open at the line's end. */
export interface JsonScan {
  depth: number;
  inString: boolean;
}

/** Before the first line of JSON text. */
export function newJsonScan(): JsonScan {
  return { depth: 0, inString: false };
}

/** Follows the nesting of JSON text over one more line (strings may hold brackets and escaped quotes). */
export function scanJsonLine(d: JsonScan, t: string): void {
  if (!JSON_SPECIAL.test(t)) {
    for (let q = t.indexOf('"'); q !== -1; q = t.indexOf('"', q + 1)) d.inString = !d.inString;
    return;
  }
  for (let k = 0; k < t.length; k++) {
    const ch = t.charCodeAt(k);
    if (d.inString) {
      if (ch === 92) k++;
      else if (ch === 34) d.inString = false;
    } else if (ch === 34) d.inString = true;
    else if (ch === 123 || ch === 91) d.depth++;
    else if (ch === 125 || ch === 93) d.depth--;
  }
}

const KUBECTL_ERROR =
  /^(?:Error from server|error: |Unable to connect to the server|The connection to the server|Please enter Username: |[IWEF]\d{4} .*(?:memcache|round_trippers|helpers|request)\.go)/;
const AWS_ERROR =
  /aws: \[ERROR\]|An error occurred \(|Unable to locate credentials|The config profile \(|could not get token|Error when retrieving token from sso|You must specify a region/;

const JSON_KINDS: ReadonlySet<InputKind> = new Set([
  'events-json',
  'object-json',
  'caller-identity-json',
  'access-entries-json',
  'describe-cluster-json',
]);

/** A section of lines read whole: its kind sniffed, its JSON read. */
export function toSection(shape: Shape, lines: Line[], command: string | null): Section {
  const joined = (): string => lines.map((l) => l.text).join('\n');
  if (shape === 'json') {
    const text = joined();
    return { kind: sniffJson(text), lines, command, json: readJson(text) };
  }
  const kind = sniff(shape, lines, command ?? '');
  // A JSON object on a line of its own (`aws sts get-caller-identity --output json | jq -c`).
  const json = shape === 'text' && (JSON_KINDS.has(kind) || kind === 'aws-auth') ? readJson(joined()) : null;
  return { kind, lines, command, json };
}

const DATA_LINE = /^Data\s*$/;
const RULE_LINE = /^====\s*$/;
const AWS_AUTH_NAME = /^Name:\s+aws-auth\s*$/;
// Keys only a pod's describe has at the left margin (a paste that starts below the containers still is a pod's).
const CONTAINERS_KEY = /^(?:Containers|Init Containers|QoS Class|Node-Selectors):/;
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
      return tableKind(first);
    case 'yaml': {
      // Joined: `name:` and `aws-auth` may stand on two lines (a folded plain scalar).
      const body = lines.map((l) => l.text).join('\n');
      return YAML_AWS_AUTH_NAME.test(body) || YAML_MAP_KEY.test(body) ? 'aws-auth' : 'object-yaml';
    }
    case 'error': {
      let kind: InputKind = 'log-lines';
      for (const l of lines) kind = errorKind(kind, l.text);
      return kind;
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

/** The kind of a table section, by its header. */
export function tableKind(header: string): InputKind {
  if (/^ATTRIBUTE\s+VALUE/.test(header)) return 'whoami';
  if (/^Resources\s+Non-Resource URLs/.test(header)) return 'can-i';
  return 'get-table';
}

/**
 * The kind of an error section read so far (`kind`, from 'log-lines') after one more line: any kubectl error makes it
 * kubectl-error, else any aws CLI error aws-cli-error.
 */
export function errorKind(kind: InputKind, text: string): InputKind {
  if (kind === 'kubectl-error' || KUBECTL_ERROR.test(text)) return 'kubectl-error';
  if (kind === 'aws-cli-error' || AWS_ERROR.test(text)) return 'aws-cli-error';
  return 'log-lines';
}

// The keys (and kinds) a JSON section's kind is sniffed from, one bit each, found in one scan: no match can start
// inside another (a key, blanks and a colon; or a key, a colon and one of the values named).
const JSON_KEY =
  /"(Arn|Account|UserId|accessEntries|accessEntry|associatedAccessPolicies|cluster|accessConfig|endpoint|authenticationMode)"\s*:|"kind"\s*:\s*"(Event|EventList|ConfigMap)"|"name"\s*:\s*"(aws-auth)"/g;
const KEY_BIT: Readonly<Record<string, number>> = {
  Arn: 0,
  Account: 1,
  UserId: 2,
  accessEntries: 3,
  accessEntry: 3,
  associatedAccessPolicies: 3,
  cluster: 4,
  accessConfig: 5,
  endpoint: 5,
  authenticationMode: 6,
  Event: 7,
  EventList: 7,
  ConfigMap: 8,
  'aws-auth': 9,
};

/** The sniffing keys JSON text holds, added to `known` (a list read item by item adds each item's). */
export function jsonKeys(text: string, known = 0): number {
  let keys = known;
  for (const m of text.matchAll(JSON_KEY)) keys |= 1 << (KEY_BIT[m[1] ?? m[2] ?? m[3] ?? ''] ?? 0);
  return keys;
}

/** The kind of a JSON section whose text holds these sniffing keys. */
export function jsonKindOf(keys: number): InputKind {
  const has = (...bits: number[]): boolean => bits.every((b) => (keys & (1 << b)) !== 0);
  if (has(0, 1, 2)) return 'caller-identity-json';
  if (has(3)) return 'access-entries-json';
  if (has(4, 5)) return 'describe-cluster-json';
  if (has(6)) return 'describe-cluster-json';
  if (has(7)) return 'events-json';
  if (has(8, 9)) return 'aws-auth';
  return 'object-json';
}

/** The kind of a JSON section, by the keys its text holds. */
export function sniffJson(body: string): InputKind {
  return jsonKindOf(jsonKeys(body));
}
