// Shell quoting for the commands a report prints. Rule templates are trusted text; the values put into them are not.
// Each value is written for the quoting context its placeholder sits in, so that a shell reads it as exactly the
// characters of the value, inside the word the template meant.

/** Characters a POSIX shell never treats specially inside a word. */
const SAFE = /^[\w@%+=:,./-]+$/;

/** One shell word holding exactly `value` (single-quoted when anything in it is special). */
export function shellQuote(value: string): string {
  if (SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Where a position in a command template is, for quoting what goes there. */
export type ShellContext = 'plain' | 'single' | 'double' | 'heredoc';

/** Writes `value` for a position in context `ctx`; null when no quoting can keep it literal there. */
export function quoteIn(ctx: ShellContext, value: string): string | null {
  switch (ctx) {
    case 'plain':
      return value === '' ? "''" : shellQuote(value);
    case 'single':
      // Inside '…': close, write an escaped quote, reopen.
      return value.replace(/'/g, `'\\''`);
    case 'double':
      return value.replace(/[\\$`"]/g, (c) => `\\${c}`);
    case 'heredoc':
      // A quoted heredoc body is literal up to its end word; the templates hold JSON, so a value must be a plain JSON
      // string body on one line.
      return /^[\w@%+=:,./ -]*$/.test(value) ? value : null;
  }
}

/**
 * The quoting context at each offset of a command template, as a POSIX shell reads it: quotes, backslashes, `$(…)`
 * (a fresh context inside double quotes too) and quoted here-documents (`<<'END'` … `END`).
 */
export function contextAt(template: string, offsets: readonly number[]): ShellContext[] {
  const out: ShellContext[] = [];
  const stack: ('plain' | 'double' | 'sub')[] = ['plain'];
  let single = false;
  let heredocEnd: string | null = null;
  let pendingHeredoc: string | null = null;
  let lineStart = 0;
  let next = 0;
  const want = [...offsets].map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 0; i <= template.length; i++) {
    while (next < want.length && want[next]?.[0] === i) {
      const top = stack[stack.length - 1];
      out[want[next]?.[1] ?? 0] =
        heredocEnd !== null ? 'heredoc' : single ? 'single' : top === 'double' ? 'double' : 'plain';
      next++;
    }
    if (i === template.length) break;
    const c = template[i] ?? '';
    if (heredocEnd !== null) {
      if (c === '\n') {
        if (template.slice(lineStart, i) === heredocEnd) heredocEnd = null;
        lineStart = i + 1;
      }
      continue;
    }
    if (c === '\n') {
      lineStart = i + 1;
      if (pendingHeredoc !== null && !single) {
        heredocEnd = pendingHeredoc;
        pendingHeredoc = null;
      }
      continue;
    }
    if (single) {
      if (c === "'") single = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$' && template[i + 1] === '(') {
      stack.push('sub');
      i++;
      continue;
    }
    if (top === 'double') {
      if (c === '"') stack.pop();
      continue;
    }
    if (c === ')' && top === 'sub') stack.pop();
    else if (c === "'") single = true;
    else if (c === '"') stack.push('double');
    else if (c === '<' && template.startsWith('<<', i)) {
      const m = /^<<-?\s*(['"]?)([A-Za-z_]\w*)\1/.exec(template.slice(i));
      if (m) {
        pendingHeredoc = m[2] ?? null;
        i += m[0].length - 1;
      }
    }
  }
  return out;
}
