// Reading inputs (files and standard input, with a size limit and binary detection) and writing the report.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
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

/**
 * Decodes input bytes as text: UTF-8 (a byte order mark dropped), or UTF-16 with its byte order mark, little- or
 * big-endian (what Windows PowerShell's `>` writes). Refuses binary data: a NUL character in the first 8 KiB. `name`
 * is the file's, null for standard input.
 */
export function decodeText(buf: Buffer, name: string | null): string {
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = buf.toString('utf16le', 2, buf.length - (buf.length % 2));
  else if (buf[0] === 0xfe && buf[1] === 0xff)
    text = Buffer.from(buf.subarray(2, buf.length - (buf.length % 2)))
      .swap16()
      .toString('utf16le');
  else {
    const nul = buf.subarray(0, BINARY_PROBE).indexOf(0);
    if (nul !== -1) throw binary(name, nul);
    text = buf.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  const nul = text.slice(0, BINARY_PROBE).indexOf('\0');
  if (nul !== -1) throw binary(name, nul);
  return text;
}

function binary(name: string | null, offset: number): InputError {
  return name === null ? new InputError('binaryStdin', { offset }) : new InputError('binary', { name, offset });
}

/** Reads standard input to the end, up to `maxBytes`. */
export async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new InputError('stdinTooLarge', { mib: Math.round(maxBytes / 1048576) });
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

/** Reads the named files ("-" is standard input); the paste hint at a terminal is in `lang`. */
export async function readInputs(files: readonly string[], maxBytes: number, lang: Lang = 'en'): Promise<NamedText[]> {
  const out: NamedText[] = [];
  for (const f of files) {
    if (f === '-') {
      // `rbac-diagnose -` typed at a prompt waits for a paste: say so, or it looks hung.
      if (stdinIsTerminal()) process.stderr.write(`rbac-diagnose: ${msg(lang, 'pasteHint')}\n`);
      out.push({ name: 'stdin', text: decodeText(await readStdin(maxBytes), null) });
      continue;
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
    out.push({ name: basename(f), text: decodeText(readFileSync(f), f), path: f });
  }
  return out;
}
