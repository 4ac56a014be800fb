// Reading inputs: files and standard input, with a size limit and binary detection.
// Synchronous fs calls on file descriptors, not fs/promises and process.stdin/stdout streams: a one-shot CLI gains
// nothing from async IO here, and creating the stdio streams and loading fs/promises cost ~30 ms of a ~60 ms start-up
// budget (measured with bench/run.mjs). Streams remain the fallback when a descriptor is non-blocking (EAGAIN).
import { fstatSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { basename } from 'node:path';

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
  // indexOf first: the usual text has no NUL, and a for-of over 64 KiB of a Buffer ran cold (~20 ms on a large input).
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
  const add = (b: Buffer): void => {
    size += b.length;
    if (size > maxBytes)
      throw new InputError(
        `standard input is larger than ${Math.round(maxBytes / 1048576)} MiB; raise --max-size to read it`,
      );
    chunks.push(b);
  };
  for (;;) {
    const buf = Buffer.allocUnsafe(size < 1 << 20 ? 1 << 16 : 1 << 20);
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return readStdinStream(chunks, add);
      if (code === 'EOF') break;
      throw new InputError(`cannot read standard input: ${(e as Error).message}`);
    }
    if (n === 0) break;
    add(n === buf.length ? buf : buf.subarray(0, n));
  }
  return Buffer.concat(chunks, size);
}

/** The rest of a non-blocking standard input, through the process.stdin stream. */
async function readStdinStream(chunks: Buffer[], add: (b: Buffer) => void): Promise<Buffer> {
  for await (const chunk of process.stdin) add(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Whether standard input is a terminal (nothing was piped in), without creating the process.stdin stream. */
export function stdinIsTerminal(): boolean {
  return isTerminal(0);
}

/** Whether standard output is a terminal. */
export function stdoutIsTerminal(): boolean {
  return isTerminal(1);
}

// A terminal is a character device: pipes and files, the usual case, are answered by fstat without loading node:tty
// (which loads node:net, a few ms of start-up). /dev/null is a character device too, so isatty decides.
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

let stdoutClosed = false;

/**
 * Writes to standard output synchronously and completely. A closed pipe (`| head`) ends output quietly; a non-blocking
 * descriptor falls back to the process.stdout stream for the rest.
 */
export function writeOut(s: string): void {
  if (stdoutClosed || s === '') return;
  let buf = Buffer.from(s, 'utf8');
  while (buf.length > 0) {
    let n: number;
    try {
      n = writeSync(1, buf);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        stdoutClosed = true;
        return;
      }
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
        process.stdout.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        });
        process.stdout.write(buf);
        return;
      }
      throw e;
    }
    buf = buf.subarray(n);
  }
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
