// `rbac-diagnose web`: serves the built page (packages/web/dist) on loopback for people who prefer the CLI to open
// it. Read-only: GET and HEAD of regular files under the root, nothing else; there is no endpoint that accepts data.
import { existsSync, realpathSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

/** Options of {@link serveWeb}. */
export interface ServeOptions {
  /** Folder holding index.html and its assets. */
  root: string;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Port; 0 (the default) lets the system pick a free one. */
  port?: number;
}

/** A running server: where it listens and how to stop it. */
export interface WebServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The page carries its own policy in a meta tag; this one forbids framing and connections for every file served.
  'Content-Security-Policy': "connect-src 'none'; frame-ancestors 'none'; form-action 'none'",
};

/** Where the built page is for a CLI bundle in `bundleDir`: a copy beside it, else the workspace's packages/web/dist. */
export function findWebRoot(bundleDir: string): string | null {
  for (const dir of [join(bundleDir, 'web'), join(bundleDir, '..', '..', 'web', 'dist')])
    if (existsSync(join(dir, 'index.html'))) return realpathSync(dir);
  return null;
}

/** Serves `root` read-only on `host:port` (loopback, a free port by default) until closed. */
export async function serveWeb(options: ServeOptions): Promise<WebServer> {
  const root = await realpath(options.root);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(root, req, res).catch(() => send(res, 500, 'internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'only GET and HEAD', { Allow: 'GET, HEAD' });
  // Another page's script reaching this port through a DNS name of its own (rebinding) sends that name as Host.
  const hostHeader = req.headers.host ?? '';
  const local = req.socket.localPort;
  if (![`127.0.0.1:${local}`, `localhost:${local}`, `[::1]:${local}`].includes(hostHeader.toLowerCase()))
    return send(res, 421, 'unexpected Host header');
  const file = await resolveFile(root, req.url ?? '/');
  if (file === null) return send(res, 404, 'not found');
  const handleFile = await open(file, 'r');
  try {
    const stat = await handleFile.stat();
    if (!stat.isFile()) return send(res, 404, 'not found');
    res.writeHead(200, {
      ...HEADERS,
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stat.size,
    });
    if (req.method === 'HEAD') return void res.end();
    res.end(await handleFile.readFile());
  } finally {
    await handleFile.close();
  }
}

/** The file a request path names inside `root`, or null: outside it, malformed, hidden or a symlink leading out. */
async function resolveFile(root: string, url: string): Promise<string | null> {
  const pathname = url.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.') || /[\\\0:]/.test(s))) return null;
  const wanted = join(root, ...segments, decoded.endsWith('/') ? 'index.html' : '');
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    return null;
  }
  const rel = relative(root, real);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return real;
}

function send(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(`${text}\n`);
}
