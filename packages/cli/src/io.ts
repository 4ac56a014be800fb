// Reading inputs (files and standard input, with a size limit and binary detection) and writing the report.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { isatty } from 'node:tty';

/** Unreadable input: exit code 2 with a one-line reason. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** One input text with a display name. */
export interface NamedText {
  name: string;
  text: string;
  /** The path as given on the command line (for SARIF locations); absent for stdin. */
  path?: string;
}

/** Decodes bytes as UTF-8 text, refusing binary data. */
export function decodeText(buf: Buffer, name: string): string {
  const head = buf.subarray(0, 65536);
  let nul = 0;
  for (let i = head.indexOf(0); i !== -1; i = head.indexOf(0, i + 1)) nul++;
  if (nul > 0 && nul * 100 >= head.length)
    throw new InputError(
      `${name} looks binary (NUL bytes), not text output; pass kubectl or AWS CLI text, JSON or YAML`,
    );
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads standard input to the end, up to `maxBytes`. */
export async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes)
      throw new InputError(
        `standard input is larger than ${Math.round(maxBytes / 1048576)} MiB; raise --max-size to read it`,
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Whether standard input is a terminal (nothing was piped in). */
export function stdinIsTerminal(): boolean {
  return isatty(0);
}

/** Whether standard output is a terminal. */
export function stdoutIsTerminal(): boolean {
  return isatty(1);
}

/** Writes to standard output (a closed pipe is handled by the bin). */
export function writeOut(s: string): void {
  process.stdout.write(s);
}

/** Reads the named files ("-" is standard input). */
export async function readInputs(files: readonly string[], maxBytes: number): Promise<NamedText[]> {
  const out: NamedText[] = [];
  for (const f of files) {
    if (f === '-') {
      out.push({ name: 'stdin', text: decodeText(await readStdin(maxBytes), 'standard input') });
      continue;
    }
    let size: number;
    try {
      const s = statSync(f);
      if (s.isDirectory()) throw new InputError(`${f} is a directory, not a file`);
      size = s.size;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(
        `cannot read ${f}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
    if (size > maxBytes)
      throw new InputError(`${f} is larger than ${Math.round(maxBytes / 1048576)} MiB; raise --max-size to read it`);
    out.push({ name: basename(f), text: decodeText(readFileSync(f), f), path: f });
  }
  return out;
}
