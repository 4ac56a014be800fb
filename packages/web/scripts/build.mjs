// Builds dist/index.html: one self-contained file with the page's script and style inlined, so it works from file://
// (where Chromium refuses module scripts and treats every file as its own origin) and from any static host.
// The Content-Security-Policy allows exactly these two inline blocks, by hash, and forbids every connection.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const bundle = await build({
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0].text;
const style = (
  await transform(readFileSync(join(root, 'src/style.css'), 'utf8'), { loader: 'css', minify: true, charset: 'utf8' })
).code;

// Inside <script> the HTML parser ends the block at "</script" and changes mode at "<!--": neither may occur.
for (const [name, text, bad] of [
  ['script', script, /<\/script|<!--/i],
  ['style', style, /<\/style/i],
]) {
  if (bad.test(text)) {
    console.error(`web build: the inlined ${name} contains ${bad}; it would break out of its element`);
    process.exit(1);
  }
}

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)}`,
  `style-src ${hash(style)}`,
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const template = readFileSync(join(root, 'src/index.html'), 'utf8');
// Function replacements: a "$&" in the bundle must stay as written.
const html = template
  .replace('{{CSP}}', () => csp)
  .replace('{{STYLE}}', () => style)
  .replace('{{SCRIPT}}', () => script);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'index.html'), html);
console.log(`built dist/index.html (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB, script and style inlined)`);
