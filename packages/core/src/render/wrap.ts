// Wrapping for a terminal: widths are display columns (East Asian Width, emoji, ANSI colour taking none), prose breaks
// at spaces and between CJK characters (never inside a grapheme), shell commands break only between arguments.
// Measuring needs string-width and Intl.Segmenter, whose set-up costs more than the rest of a run's start-up: they are
// loaded by terminalLayout() when something is laid out for a terminal, never for pipes, files or JSON.

/** A terminal to lay text out for: its width, how many columns a string takes there, and its grapheme clusters. */
export interface Layout {
  columns: number;
  /** Display width: wide (CJK, emoji) characters count two, ANSI colour sequences none. */
  measure: (s: string) => number;
  /** The grapheme clusters of a string (a line never breaks inside one). */
  graphemes: (s: string) => string[];
}

/** The layout of a terminal `columns` wide (loads string-width). */
export async function terminalLayout(columns: number): Promise<Layout> {
  const { default: stringWidth } = await import('string-width');
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return {
    columns,
    measure: (s) => stringWidth(s),
    graphemes: (s) => Array.from(segmenter.segment(s), (g) => g.segment),
  };
}

/** Pads `s` with spaces to `width` display columns. */
export function padDisplay(s: string, width: number, layout: Layout): string {
  return s + ' '.repeat(Math.max(0, width - layout.measure(s)));
}

const SGR = /(\u001b\[[0-9;]*m)/;
// Kinsoku: a line never starts with a closing mark, a small kana or a prolonged sound mark, and never ends with an
// opening mark, as Japanese typesetting (JIS X 4051) has it.
const NO_BREAK_BEFORE =
  /^[、。，．・：；？！゛゜ヽヾゝゞ々ー〜）］｝〕〉》」』】〙〗’”｠»ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ…‥)\]}.,:;!?%]/u;
const NO_BREAK_AFTER = /[（［｛〔〈《「『【〘〖‘“｟«([{]$/u;

/** One piece of a word that is never split: a grapheme, with the kinsoku marks that stick to it. */
interface Piece {
  text: string;
  width: number;
}

/** A word: the blanks before it, and its pieces (a line may break between two pieces without a blank). */
interface Word {
  sep: string;
  pieces: Piece[];
}

function blankWidth(sep: string): number {
  let w = 0;
  // A tab is counted as a full tab stop: the wrapped line may come out shorter, never longer.
  for (const c of sep) w += c === '\t' ? 8 : 1;
  return w;
}

/** The graphemes of one word, ANSI sequences attached to the grapheme that follows them (or the last one). */
function graphemes(word: string, layout: Layout): string[] {
  if (/^[\u0021-\u007e]*$/.test(word)) return [word];
  const out: string[] = [];
  let pending = '';
  for (const part of word.split(SGR)) {
    if (part === '') continue;
    if (SGR.test(part)) {
      pending += part;
      continue;
    }
    for (const segment of layout.graphemes(part)) {
      out.push(pending + segment);
      pending = '';
    }
  }
  if (pending !== '') {
    if (out.length === 0) out.push(pending);
    else out[out.length - 1] += pending;
  }
  return out;
}

/** Splits a word into pieces: a line may break between two graphemes when one of them is wide, kinsoku permitting. */
function pieces(word: string, layout: Layout): Piece[] {
  const gs = graphemes(word, layout);
  if (gs.length === 1) return [{ text: word, width: layout.measure(word) }];
  const out: Piece[] = [];
  let prev: { visible: string; width: number } | null = null;
  for (const g of gs) {
    const visible = g.replace(new RegExp(SGR.source, 'g'), '');
    const width = layout.measure(g);
    const last = out[out.length - 1];
    const breakable =
      prev !== null &&
      (prev.width > 1 || width > 1) &&
      !NO_BREAK_BEFORE.test(visible) &&
      !NO_BREAK_AFTER.test(prev.visible);
    if (last && !breakable) {
      last.text += g;
      last.width += width;
    } else out.push({ text: g, width });
    prev = { visible, width };
  }
  return out;
}

function words(text: string, layout: Layout): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/([ \t]*)([^ \t]+)/g))
    out.push({ sep: m[1] ?? '', pieces: pieces(m[2] ?? '', layout) });
  return out;
}

/**
 * Wraps one line of prose to the layout's width: the first line starts with `first`, the others with `rest`.
 * Breaks at blanks (dropped at the break) and between CJK characters; a piece longer than a whole line is kept whole.
 * Without a layout (pipes, files) the line is returned as it is.
 */
export function wrapLine(text: string, layout: Layout | undefined, first: string, rest: string): string[] {
  if (layout === undefined || layout.measure(first + text) <= layout.columns) return [first + text];
  const { columns: width, measure } = layout;
  const lines: string[] = [];
  let cur = first;
  let curWidth = measure(first);
  let empty = true;
  const newLine = (): void => {
    lines.push(cur);
    cur = rest;
    curWidth = measure(rest);
    empty = true;
  };
  for (const word of words(text, layout)) {
    const total = word.pieces.reduce((s, p) => s + p.width, 0);
    const sepWidth = empty ? 0 : blankWidth(word.sep);
    if (curWidth + sepWidth + total > width && !empty && word.pieces.length === 1) newLine();
    word.pieces.forEach((p, i) => {
      const sep = i === 0 && !empty ? word.sep : '';
      const need = blankWidth(sep) + p.width;
      if (!empty && curWidth + need > width) {
        newLine();
        cur += p.text;
        curWidth += p.width;
      } else {
        cur += sep + p.text;
        curWidth += need;
      }
      empty = false;
    });
  }
  lines.push(cur);
  return lines;
}

/** Wraps text of several lines (paragraphs) line by line; empty lines stay empty, without indentation. */
export function wrapText(text: string, layout: Layout | undefined, first: string, rest: string): string[] {
  return text.split('\n').flatMap((l, i) => (l === '' ? [''] : wrapLine(l, layout, i === 0 ? first : rest, rest)));
}

/** Where a shell line can be cut: between arguments outside quotes, `$(…)` and `${…}`; a comment is one argument. */
interface ShellLine {
  /** The line's arguments with the blanks before each. */
  args: { sep: string; arg: string }[];
  /** The line ends inside a quote or a substitution, or starts a here-document: the next lines are not cut. */
  open: boolean;
}

function shellLine(line: string): ShellLine {
  const args: { sep: string; arg: string }[] = [];
  // Open quotes and substitutions, innermost last: inside `$(…)` quoting starts afresh.
  const open: ("'" | '"' | '$(' | '${')[] = [];
  let sep = '';
  let arg = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    const top = open[open.length - 1];
    if (top === undefined && (c === ' ' || c === '\t')) {
      if (arg !== '') {
        args.push({ sep, arg });
        sep = '';
        arg = '';
      }
      sep += c;
      continue;
    }
    if (top === undefined && c === '#' && arg === '') {
      arg = line.slice(i);
      break;
    }
    arg += c;
    const next = line.charAt(i + 1);
    if (top === "'") {
      if (c === "'") open.pop();
    } else if (c === '\\') {
      arg += next;
      i++;
    } else if (c === '$' && (next === '(' || next === '{')) {
      arg += next;
      i++;
      open.push(next === '(' ? '$(' : '${');
    } else if (top === '"') {
      if (c === '"') open.pop();
    } else if (c === "'" || c === '"') open.push(c);
    else if ((top === '$(' && c === ')') || (top === '${' && c === '}')) open.pop();
  }
  if (arg !== '') args.push({ sep, arg });
  return { args, open: open.length > 0 || /<</.test(line) };
}

/**
 * Lays out a shell command (one or more lines) for a terminal: a line that is too long breaks
 * between two arguments, the line ending in ` \` and the next one indented two columns more, so that the shell reads
 * the same command back. Arguments are never cut; lines inside quotes or here-documents are kept as they are. The
 * first line starts with `first`, the others with `rest`.
 */
export function wrapCommand(command: string, layout: Layout | undefined, first: string, rest: string): string[] {
  const out: string[] = [];
  let open = false;
  let continued = false;
  command.split('\n').forEach((line, k) => {
    const prefix = k === 0 ? first : rest;
    const parsed = shellLine(line);
    const was = { open, continued };
    open ||= parsed.open;
    continued = /(^|[^\\])(\\\\)*\\$/.test(line);
    if (was.open || layout === undefined || layout.measure(prefix + line) <= layout.columns) {
      out.push(prefix + line);
      return;
    }
    const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
    // A line that continues a command lines up with the lines before it; the first is followed by a deeper indent.
    const more = `${rest}${lead}${was.continued ? '' : '  '}`;
    let cur = prefix + lead;
    const units = shellUnits(parsed.args);
    units.forEach(({ sep, arg }, i) => {
      // Room for " \" unless this unit ends the line (a comment always does: it runs to the end of the line).
      const tail = i === units.length - 1 ? 0 : 2;
      if (i > 0 && layout.measure(cur + sep + arg) + tail > layout.columns) {
        out.push(`${cur} \\`);
        cur = more + arg;
      } else cur += (i === 0 ? '' : sep) + arg;
    });
    out.push(cur);
  });
  return out;
}

/**
 * Arguments that stay on one line: an option with its value (`--region <region>`, `-o wide`), and a backslash that
 * already continues the line with the argument before it.
 */
function shellUnits(args: readonly { sep: string; arg: string }[]): { sep: string; arg: string }[] {
  const units: { sep: string; arg: string }[] = [];
  for (const a of args) {
    const prev = units[units.length - 1];
    const option = prev !== undefined && /^--?[A-Za-z][\w-]*$/.test(prev.arg);
    const value = /^<[\w.-]+>/.test(a.arg) || !/^(?:[-|&;<>#\\]|\d+[<>])/.test(a.arg);
    if (prev && ((option && value) || a.arg === '\\')) prev.arg += a.sep + a.arg;
    else units.push({ ...a });
  }
  return units;
}

/**
 * Lays out `parts` joined by `joiner` (e.g. ` → `) in the layout's width, never cutting a part: a line that breaks ends
 * with the joiner's mark and the next starts with `rest`.
 */
export function wrapParts(
  parts: readonly string[],
  joiner: string,
  layout: Layout | undefined,
  first: string,
  rest: string,
): string[] {
  const out: string[] = [];
  // The joiner without its trailing blanks (a colour sequence around it kept).
  const mark = joiner.replace(/[ \t]+((?:\u001b\[[0-9;]*m)*)$/, '$1');
  let cur = first;
  parts.forEach((part, i) => {
    // Room for the mark that ends the line if the next part has to go on the next one.
    const tail = i === parts.length - 1 || layout === undefined ? 0 : layout.measure(mark);
    if (i === 0) cur += part;
    else if (layout !== undefined && layout.measure(cur + joiner + part) + tail > layout.columns) {
      out.push(cur + mark);
      cur = rest + part;
    } else cur += joiner + part;
  });
  out.push(cur);
  return out;
}
