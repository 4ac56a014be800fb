// Writes the README's pictures of the page: the seed's Pending wall pasted and its aws-auth dropped as a file, in
// English and Japanese (docs/web-wall3.en.png, docs/web-wall3.ja.png). Run after `pnpm build`:
//   node scripts/ensure-chromium.mjs --cjk && pnpm --filter @rbac-diagnose/web screenshots
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dropFiles, launchChromium, waitForDiagnosis } from './chromium.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const page = pathToFileURL(join(repo, 'packages/web/dist/index.html')).href;
const walls = join(repo, 'fixtures/seed-walls');
const pasted = readFileSync(join(walls, 'wall3-pending-not-ready-disk.txt'), 'utf8');
const awsAuth = {
  name: 'aws-auth-users-only.yaml',
  text: readFileSync(join(walls, 'aws-auth-users-only.yaml'), 'utf8'),
};

// Without a Japanese font Chromium draws boxes: refuse rather than commit that picture.
if (spawnSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).stdout.trim() === '') {
  console.error('screenshots: no Japanese font; run "node scripts/ensure-chromium.mjs --cjk" (as root) first');
  process.exit(1);
}

const browser = await launchChromium();
try {
  for (const lang of ['en', 'ja']) {
    const context = await browser.newContext({
      locale: lang === 'ja' ? 'ja-JP' : 'en-US',
      viewport: { width: 1200, height: 1600 },
      colorScheme: 'light',
    });
    const tab = await context.newPage();
    await tab.goto(page);
    await tab.fill('#input', pasted);
    await dropFiles(tab, [awsAuth]);
    await waitForDiagnosis(tab, 1);
    await tab.evaluate(() => document.fonts.ready);
    const out = join(repo, 'docs', `web-wall3.${lang}.png`);
    await tab.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await context.close();
  }
} finally {
  await browser.close();
}
