// Reading inputs (files and standard input, with a size limit and binary detection) and writing the report.
import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { isatty } from 'node:tty';
import type { Lang, MessageParams } from '@rbac-diagnose/core';
import type { CliMessageKey } from './i18n/en.js';
import { msg } from './i18n/t.js';

/** Unreadable input: exit code 2 with a one-line reason (`message` is English; {@link InputError.in} any language). */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly key: CliMessageKey,
    readonly params: MessageParams = {},
  ) {
    super(msg('en', key, params));
  }

  /** The reason in `lang`. */
  in(lang: Lang): string {
    return msg(lang, this.key, this.params);
  }
}

/** One input text with a display name. */
export interface NamedText {
  name: string;
  text: string;
  /** The path as given on the command line (for SARIF locations); absent for stdin. */
  path?: string;
}

/** How much of an input is searched for NUL characters, the mark of binary data. */
const BINARY_PROBE = 8192;

/** One input to diagnose: its display name, its path as given (files), and its text in pieces as it is read. */
export interface Input {
  name: string;
  path?: string;
  pieces(): AsyncIterable<string>;
}

/** An input already in memory. */
export function textInput(t: NamedText): Input {
  return {
    name: t.name,
    ...(t.path === undefined ? {} : { path: t.path }),
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable of one piece
    pieces: async function* () {
      yield t.text;
    },
  };
}

/**
 * Decodes the bytes of one input as they arrive: UTF-8 (a byte order mark dropped), or UTF-16 with its byte order mark,
 * little- or big-endian (what Windows PowerShell's `>` writes). Refuses binary data: a NUL character in the first
 * 8 KiB. `name` is the file's, null for standard input.
 */
export class InputDecoder {
  readonly #name: string | null;
  #form: 'utf8' | 'utf16le' | 'utf16be' | null = null;
  /** Bytes before the form is known (fewer than two), or the odd byte of UTF-16 not decoded yet. */
  #held: Buffer = Buffer.alloc(0);
  /** Bytes (UTF-8) or characters (UTF-16) already probed for NUL. */
  #probed = 0;
  readonly #utf8 = new StringDecoder('utf8');
  /** Whether text was given yet (a byte order mark starts it). */
  #started = false;

  constructor(name: string | null) {
    this.#name = name;
  }

  /** The text of the next bytes (a character they cut is decoded with the bytes after it). */
  push(bytes: Buffer): string {
    let buf = this.#held.length > 0 ? Buffer.concat([this.#held, bytes]) : bytes;
    this.#held = Buffer.alloc(0);
    if (this.#form === null) {
      if (buf.length < 2) {
        this.#held = buf;
        return '';
      }
      this.#form =
        buf[0] === 0xff && buf[1] === 0xfe ? 'utf16le' : buf[0] === 0xfe && buf[1] === 0xff ? 'utf16be' : 'utf8';
      if (this.#form !== 'utf8') buf = buf.subarray(2);
    }
    if (this.#form === 'utf8') {
      this.#probe(buf.subarray(0, Math.max(0, BINARY_PROBE - this.#probed)).indexOf(0));
      this.#probed += buf.length;
      return this.#text(this.#utf8.write(buf));
    }
    const even = buf.length - (buf.length % 2);
    this.#held = Buffer.from(buf.subarray(even));
    const pairs = buf.subarray(0, even);
    const text = (this.#form === 'utf16be' ? Buffer.from(pairs).swap16() : pairs).toString('utf16le');
    this.#probe(text.slice(0, Math.max(0, BINARY_PROBE - this.#probed)).indexOf('\0'));
    this.#probed += text.length;
    return text;
  }

  /** The text of the last bytes held (an odd byte of UTF-16 is dropped). */
  end(): string {
    if (this.#form === null) {
      this.#form = 'utf8';
      const rest = this.#held;
      this.#held = Buffer.alloc(0);
      return this.push(rest) + this.#text(this.#utf8.end());
    }
    return this.#form === 'utf8' ? this.#text(this.#utf8.end()) : '';
  }

  /** UTF-8 text without the byte order mark that may start it. */
  #text(s: string): string {
    if (this.#started || s === '') return s;
    this.#started = true;
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  #probe(at: number): void {
    if (at !== -1) throw binary(this.#name, this.#probed + at);
  }
}

/** Decodes input bytes as text (see InputDecoder). */
export function decodeText(buf: Buffer, name: string | null): string {
  const d = new InputDecoder(name);
  return d.push(buf) + d.end();
}

/** The text of a byte stream in pieces, decoded as they arrive; more than `maxBytes` is an InputError. */
async function* decodePieces(
  bytes: AsyncIterable<Buffer>,
  file: string | null,
  maxBytes: number,
): AsyncIterable<string> {
  const d = new InputDecoder(file);
  const mib = Math.round(maxBytes / 1048576);
  let size = 0;
  try {
    for await (const chunk of bytes) {
      size += chunk.length;
      if (size > maxBytes)
        throw file === null ? new InputError('stdinTooLarge', { mib }) : new InputError('fileTooLarge', { file, mib });
      const text = d.push(chunk);
      if (text !== '') yield text;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('cannotRead', {
      file: file ?? 'standard input',
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  const rest = d.end();
  if (rest !== '') yield rest;
}

/** Standard input, read in pieces up to `maxBytes`. */
export function stdinInput(maxBytes: number): Input {
  return { name: 'stdin', pieces: () => decodePieces(process.stdin as AsyncIterable<Buffer>, null, maxBytes) };
}

function binary(name: string | null, offset: number): InputError {
  return name === null ? new InputError('binaryStdin', { offset }) : new InputError('binary', { name, offset });
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

/**
 * Writes pieces to standard output, each once the pipe has taken the ones before: writes to a pipe queue in memory, so
 * a large report written at once would be held whole, and more, until its reader catches up.
 */
export async function writeOutPieces(pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
}

/** The named files ("-" is standard input), each checked before any is read; the paste hint at a terminal in `lang`. */
export function fileInputs(files: readonly string[], maxBytes: number, lang: Lang = 'en'): Input[] {
  return files.map((f) => {
    if (f === '-') {
      // `rbac-diagnose -` typed at a prompt waits for a paste: say so, or it looks hung.
      if (stdinIsTerminal()) process.stderr.write(`rbac-diagnose: ${msg(lang, 'pasteHint')}\n`);
      return stdinInput(maxBytes);
    }
    let size: number;
    try {
      const s = statSync(f);
      if (s.isDirectory()) throw new InputError('isDirectory', { file: f });
      size = s.size;
    } catch (e) {
      if (e instanceof InputError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError('noSuchFile', { file: f });
      throw new InputError('cannotRead', { file: f, reason: (e as Error).message });
    }
    if (size > maxBytes) throw new InputError('fileTooLarge', { file: f, mib: Math.round(maxBytes / 1048576) });
    return {
      name: basename(f),
      path: f,
      pieces: () => decodePieces(createReadStream(f, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>, f, maxBytes),
    };
  });
}
