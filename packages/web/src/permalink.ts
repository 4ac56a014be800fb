// A paste carried in the URL fragment (after "#", which browsers never send to a server): JSON, deflated with the
// browser's CompressionStream, base64url. Format: `#paste=1.<base64url(deflate-raw(JSON))>`.

/** The inputs a link carries. */
export interface SharedPaste {
  inputs: { name?: string; text: string }[];
}

/** Why a fragment could not be read. */
export type PermalinkError = 'not-a-paste' | 'bad-encoding' | 'too-large' | 'bad-content';

const PREFIX = 'paste=1.';
/** Largest paste a link may unpack to, in bytes: a link is untrusted input and deflate expands up to 1000-fold. */
export const MAX_PASTE_BYTES = 16 * 1024 * 1024;
const MAX_INPUTS = 64;
const MAX_NAME = 256;

/** The fragment (without "#") that carries `paste`. */
export async function encodePermalink(paste: SharedPaste): Promise<string> {
  const inputs = paste.inputs.map((i) => (i.name === undefined ? { text: i.text } : { name: i.name, text: i.text }));
  const json = new TextEncoder().encode(JSON.stringify({ inputs }));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Infinity);
  return PREFIX + toBase64Url(packed);
}

/** Whether a fragment (with or without "#") looks like a paste link at all. */
export function isPermalink(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(PREFIX);
}

/** Reads the paste a fragment carries, checking its shape and size; errors are values. */
export async function decodePermalink(
  fragment: string,
): Promise<{ ok: true; paste: SharedPaste } | { ok: false; error: PermalinkError }> {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) return { ok: false, error: 'not-a-paste' };
  const bytes = fromBase64Url(body.slice(PREFIX.length));
  if (bytes === null) return { ok: false, error: 'bad-encoding' };
  let json: Uint8Array;
  try {
    json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_PASTE_BYTES);
  } catch (e) {
    return { ok: false, error: e instanceof TooLarge ? 'too-large' : 'bad-encoding' };
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { ok: false, error: 'bad-content' };
  }
  const paste = asPaste(value);
  return paste === null ? { ok: false, error: 'bad-content' } : { ok: true, paste };
}

function asPaste(v: unknown): SharedPaste | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const inputs = (v as { inputs?: unknown }).inputs;
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > MAX_INPUTS) return null;
  const out: SharedPaste['inputs'] = [];
  for (const i of inputs) {
    if (typeof i !== 'object' || i === null) return null;
    const { name, text } = i as { name?: unknown; text?: unknown };
    if (typeof text !== 'string') return null;
    if (name === undefined) out.push({ text });
    else if (typeof name === 'string' && name.length > 0 && name.length <= MAX_NAME) out.push({ name, text });
    else return null;
  }
  return { inputs: out };
}

class TooLarge extends Error {}

/** Runs bytes through a (de)compression stream, refusing output beyond `limit` bytes. */
async function pipe(input: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number) {
  const writer = stream.writable.getWriter();
  // Errors surface on the reader below; the writer's own promises must not reject unhandled.
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: feed it bounded slices.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
