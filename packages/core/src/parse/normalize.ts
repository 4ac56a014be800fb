// Format: log wrappers around the messages we match, outermost first:
//   Mar 01 10:00:00 host kubelet[123]: E0611 10:22:33.123456   12345 memcache.go:265] "Unhandled Error" err="couldn't get … \"x\" …"
//   │ Error: Kubernetes cluster unreachable: …          (Terraform box characters)
// normaliseMessage() removes them so one set of signature regexes applies everywhere.

// kubectl's basic-auth prompt, answered by nothing, glues the next stderr line to itself.
const AUTH_PROMPT = /^Please enter (?:Username|Password): (?=[IWEF]\d{4} )/;
const JOURNALD = /^[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \S+ [\w.-]+\[\d+\]: /;
const KLOG = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [\w.-]+:\d+\] /;
const TERRAFORM_BOX = /^[│╷╵]\s?/;
const UNHANDLED = /^"Unhandled Error" err="((?:[^"\\]|\\.)*)"/;
const STRUCTURED_ERR = /^"[^"\\]*(?:\\.[^"\\]*)*" err="((?:[^"\\]|\\.)*)"/;

const GO_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * Unescapes a Go %q / klog-quoted value body: every escape strconv.Quote writes (`\r`, `\u202e`, `\x1b`…), so a name
 * is read as the characters it has, not as the text of their escapes (which would be another, printable, name). A byte
 * that is not UTF-8 (`\xff`) becomes U+FFFF, a noncharacter no grammar accepts.
 */
export function unquoteGo(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(
    /\\(?:(["'\\abfnrtv])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3}))/g,
    (
      whole,
      c: string | undefined,
      x: string | undefined,
      u: string | undefined,
      U: string | undefined,
      o: string | undefined,
    ) => {
      if (c !== undefined) return GO_ESCAPES[c] ?? c;
      const code = parseInt(x ?? u ?? U ?? o ?? '', x !== undefined || u !== undefined || U !== undefined ? 16 : 8);
      if ((x !== undefined || o !== undefined) && code > 0x7f) return '\uffff';
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/** Strips journald, klog and Terraform prefixes and unwraps klog's structured `err="…"` so signatures match. */
export function normaliseMessage(text: string): string {
  // Each wrapper opens with a character of its own: most lines are tested for none of them.
  let s = text.startsWith('Please enter ') ? strip(AUTH_PROMPT, text) : text;
  if (isUpper(s.charCodeAt(0))) s = strip(JOURNALD, s);
  if (isKlogLevel(s.charCodeAt(0))) s = strip(KLOG, s);
  if (s.charCodeAt(0) >= 0x2500) s = strip(TERRAFORM_BOX, s);
  if (s.charCodeAt(0) !== 34) return s;
  const un = UNHANDLED.exec(s);
  if (un?.[1] !== undefined) return unquoteGo(un[1]);
  const st = STRUCTURED_ERR.exec(s);
  if (st?.[1] !== undefined) return `${s.slice(0, s.indexOf(' err="'))}: ${unquoteGo(st[1])}`;
  return s;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** I, W, E or F: a klog header's level. */
function isKlogLevel(c: number): boolean {
  return c === 73 || c === 87 || c === 69 || c === 70;
}

/** `s` without the prefix `re` (anchored at the start) matches, if it does. */
function strip(re: RegExp, s: string): string {
  const m = re.exec(s);
  return m ? s.slice(m[0].length) : s;
}
