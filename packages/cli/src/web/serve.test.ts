import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findWebRoot, serveWeb, type WebServer } from './serve.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One real HTTP request on loopback, with the path sent exactly as written (no client-side normalising). */
function fetchRaw(url: string, path: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: options.method ?? 'GET',
        ...(options.host === undefined ? {} : { setHost: false, headers: { Host: options.host } }),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const SECRET = 'the secret next to the web root';
let base: string;
let root: string;
let server: WebServer;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'rbac-web-serve-'));
  root = join(base, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, '.env'), SECRET);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  // A sibling whose name starts like the root's: a prefix check on paths would let it through.
  mkdirSync(join(base, 'dist-private'));
  writeFileSync(join(base, 'dist-private', 'index.html'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(root, 'link-out.txt'));
  server = await serveWeb({ root });
});

afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

describe('serveWeb', () => {
  it('listens on 127.0.0.1 on a port of its own', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const other = await serveWeb({ root });
    try {
      expect(other.url).not.toBe(server.url);
    } finally {
      await other.close();
    }
  });

  it('serves the page and its assets with their content types', async () => {
    const page = await fetchRaw(server.url, '/');
    expect(page).toMatchObject({ status: 200, body: '<!doctype html><title>page</title>' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-security-policy']).toContain("connect-src 'none'");
    expect((await fetchRaw(server.url, '/index.html?x=1')).status).toBe(200);
    expect((await fetchRaw(server.url, '/assets/app.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await fetchRaw(server.url, '/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD with the length and no body', async () => {
    const head = await fetchRaw(server.url, '/', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String('<!doctype html><title>page</title>'.length));
  });

  it('accepts no other method: there is nothing to upload to', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await fetchRaw(server.url, '/', { method });
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
  });

  it('refuses every path that leads out of the root, to a hidden file or through a symlink', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      `/${encodeURIComponent(join(base, 'secret.txt'))}`,
      '//../secret.txt',
      '/../dist-private/index.html',
      '/.env',
      '/%2eenv',
      '/link-out.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/assets',
      '/assets/',
      'http://127.0.0.1/../secret.txt',
      '*',
    ];
    for (const path of attempts) {
      const r = await fetchRaw(server.url, path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body, path).not.toContain(SECRET);
    }
  });

  it('answers only to its own loopback name (a rebound DNS name is refused)', async () => {
    const { port } = new URL(server.url);
    expect((await fetchRaw(server.url, '/', { host: `localhost:${port}` })).status).toBe(200);
    expect((await fetchRaw(server.url, '/', { host: `attacker.example:${port}` })).status).toBe(421);
    expect((await fetchRaw(server.url, '/', { host: '127.0.0.1:1' })).status).toBe(421);
  });
});

describe('findWebRoot', () => {
  it('prefers a copy beside the bundle, then the workspace page, else none', () => {
    const ws = mkdtempSync(join(tmpdir(), 'rbac-web-root-'));
    try {
      const bundle = join(ws, 'packages', 'cli', 'dist');
      mkdirSync(bundle, { recursive: true });
      expect(findWebRoot(bundle)).toBeNull();
      mkdirSync(join(ws, 'packages', 'web', 'dist'), { recursive: true });
      writeFileSync(join(ws, 'packages', 'web', 'dist', 'index.html'), 'x');
      expect(findWebRoot(bundle)).toBe(join(ws, 'packages', 'web', 'dist'));
      mkdirSync(join(bundle, 'web'));
      writeFileSync(join(bundle, 'web', 'index.html'), 'x');
      expect(findWebRoot(bundle)).toBe(join(bundle, 'web'));
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
