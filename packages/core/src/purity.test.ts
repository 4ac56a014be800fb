// The core stays free of IO: no filesystem, process, console, network, logger or Kubernetes client, in any source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const src = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.test.ts'))
  .map((d) => join(d.parentPath, d.name));

test.each(sources.map((s) => [s.slice(src.length), s]))('%s does no IO', (_name, file) => {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\/.*$/gm, '')
    .replace(/\/\*[\s*\S]*?\*\//g, '');
  expect(code).not.toMatch(/from ['"](?:node:|fs|path|os|child_process|http|https|net|pino|@kubernetes\/client-node)/);
  expect(code).not.toMatch(/\b(?:console|process)\.\w+/);
  expect(code).not.toMatch(/\b(?:fetch|XMLHttpRequest|require)\(/);
});
