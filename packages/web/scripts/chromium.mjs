// Debian's Chromium driven by playwright-core, for the browser tests and the README screenshots. Playwright's own
// browser download is never used: scripts/ensure-chromium.mjs (repository root) installs /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

// Headless, and quiet: without the background-networking flags Chromium reaches for Google's services at start-up.
const ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];

/** Launches headless Chromium (with --no-sandbox when running as root, where its sandbox cannot start). */
export async function launchChromium() {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run "node scripts/ensure-chromium.mjs" (as root) to install it`);
  const root = process.getuid?.() === 0;
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: root ? ['--no-sandbox', ...ARGS] : ARGS });
}

/**
 * Drops files onto the text area as a person dragging them from a file manager would: a drop event whose
 * DataTransfer holds File objects. `files` is a list of { name, text }.
 */
export async function dropFiles(page, files) {
  await page.locator('#input').evaluate((zone, list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

/** Waits until the page has diagnosed its current input (and made its share link), with `files` files listed. */
export async function waitForDiagnosis(page, files = 0) {
  await page.waitForFunction(
    (n) =>
      document.body.dataset.status === 'done' &&
      document.body.dataset.share === 'ready' &&
      document.querySelectorAll('#file-list li').length === n,
    files,
  );
}
