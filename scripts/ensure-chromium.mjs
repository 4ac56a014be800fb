// Makes sure Debian's Chromium is installed for the web page's browser tests (packages/web/test/). Playwright's own
// browser download is not used: the tests drive the system Chromium at /usr/bin/chromium.
//
//   node scripts/ensure-chromium.mjs          installs chromium with apt-get when it is missing (needs root)
//   node scripts/ensure-chromium.mjs --cjk    also installs a Japanese font (for the Japanese screenshot)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';

const packages = [];
if (!existsSync(CHROMIUM)) packages.push('chromium');
if (process.argv.includes('--cjk') && !existsSync(CJK_FONT_DIR)) packages.push('fonts-noto-cjk');
if (packages.length === 0) process.exit(0);

if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
  console.error(`ensure-chromium: ${CHROMIUM} is missing; install Chromium there to run the browser tests`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.error(
    `ensure-chromium: ${packages.join(', ')} missing; run as root: apt-get install -y ${packages.join(' ')}`,
  );
  process.exit(1);
}

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args) => {
  console.error(`ensure-chromium: apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  return r.status === 0;
};
// A fresh machine has no package lists yet; update once, then install.
if (!run(['update']) || !run(['install', '-y', '--no-install-recommends', ...packages]) || !existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: could not install ${packages.join(', ')}`);
  process.exit(1);
}
