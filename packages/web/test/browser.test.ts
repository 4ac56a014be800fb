// The built page (dist/index.html) in Debian's Chromium: each seed wall pasted gives what the built CLI prints as JSON
// for the same input, nothing leaves file:// (or 127.0.0.1 when served), and the page works by keyboard and on small
// screens. Needs `pnpm build` first (the page and the CLI) and /usr/bin/chromium (scripts/ensure-chromium.mjs).
import { diagnoseDetailed, type Diagnosis, type Report } from '@rbac-diagnose/core';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { serveWeb } from '../../cli/src/web/serve.js';
import { dropFiles, launchChromium, waitForDiagnosis } from '../scripts/chromium.mjs';
import { englishProse } from '../../../test-support/english.js';
import { t } from '../src/i18n.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dist = join(repo, 'packages/web/dist');
const PAGE = pathToFileURL(join(dist, 'index.html')).href;
const CLI = join(repo, 'packages/cli/dist/rbac-diagnose.js');
const WALLS = join(repo, 'fixtures/seed-walls');
const wall = (name: string) => readFileSync(join(WALLS, name), 'utf8');
const PENDING = ['wall3-pending-not-ready-disk.txt', 'aws-auth-users-only.yaml'];

/** What the built CLI prints as JSON for these files (named as given, from the walls' folder), in `lang`. */
function cliReport(files: readonly string[], lang: 'en' | 'ja' = 'en'): Report {
  const r = spawnSync(process.execPath, [CLI, '-o', 'json', '--lang', lang, ...files], {
    cwd: WALLS,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`rbac-diagnose exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

let browser: Browser;

beforeAll(async () => {
  for (const [file, hint] of [
    [join(dist, 'index.html'), 'pnpm build'],
    [CLI, 'pnpm build'],
  ] as const)
    if (!existsSync(file)) throw new Error(`${file} is missing: run "${hint}" before the browser tests`);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A page in a fresh context that records every request, page error and CSP violation, checked after each test. */
interface Watched {
  page: Page;
  context: BrowserContext;
  requests: string[];
  outside: string[];
  errors: string[];
  violations: () => Promise<string[]>;
}
let watched: Watched[] = [];

async function open(
  url = PAGE,
  options: { locale?: string; viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    acceptDownloads: true,
  });
  const origin = url.startsWith('file:') ? 'file://' : new URL(url).origin;
  const w: Watched = {
    page: await context.newPage(),
    context,
    requests: [],
    outside: [],
    errors: [],
    violations: () => w.page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []),
  };
  // Every request the page makes is recorded; one to any other origin is aborted as well as recorded.
  context.on('request', (r) => w.requests.push(r.url()));
  await context.route(
    (u) => !u.href.startsWith(origin === 'file://' ? 'file:' : origin),
    async (route) => {
      w.outside.push(route.request().url());
      await route.abort();
    },
  );
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  w.page.on('pageerror', (e) => w.errors.push(e.message));
  w.page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  await w.page.goto(url);
  await w.page.waitForFunction(() => document.body.dataset.status !== undefined);
  watched.push(w);
  return w;
}

afterEach(async () => {
  const pages = watched;
  watched = [];
  try {
    for (const w of pages) {
      const origin = w.page.url().startsWith('file:') ? 'file://' : new URL(w.page.url()).origin;
      expect(w.requests.length, 'the page load itself is seen').toBeGreaterThan(0);
      for (const url of w.requests) expect(url.startsWith(origin) || /^(blob|data):/.test(url), url).toBe(true);
      expect(w.outside).toEqual([]);
      expect(await w.violations()).toEqual([]);
      expect(w.errors).toEqual([]);
    }
  } finally {
    for (const w of pages) await w.context.close();
  }
});

/** The page's top diagnosis and everything it shows of it, read from the DOM. */
async function shown(page: Page) {
  return page.evaluate(() => {
    const top = document.querySelector<HTMLElement>('.diagnosis.top');
    const texts = (sel: string) => [...(top?.querySelectorAll(sel) ?? [])].map((e) => e.textContent ?? '');
    return {
      rootCauses: [...document.querySelectorAll<HTMLElement>('.diagnosis')].map((e) => e.dataset.rootCause),
      ruleId: top?.dataset.ruleId,
      title: top?.querySelector('.title')?.textContent,
      misleading: top?.querySelector('.misleading p')?.textContent ?? null,
      marked: [...(top?.querySelectorAll<HTMLElement>('.input-view') ?? [])].flatMap((view) =>
        [...view.querySelectorAll<HTMLElement>('.line.evidence')].map((l) => ({
          source: view.dataset.source ?? null,
          line: Number(l.dataset.line),
          text: l.querySelector('mark')?.childNodes[1]?.textContent ?? '',
        })),
      ),
      nextSteps: texts('.confirm pre'),
      fixTitles: [...(top?.querySelectorAll('.fix-title') ?? [])].map((e) => e.firstElementChild?.textContent ?? ''),
      fixYaml: texts('.fix pre.fix-yaml'),
      fixCommands: texts('.fix pre.fix-command'),
      chainStates: [...(top?.querySelectorAll('.chain g.link') ?? [])].map((g) => g.getAttribute('class')),
      chainEvidence: texts('.chain text.evidence'),
      nodeRows: texts('.nodes-figure .reason'),
    };
  });
}

/** What the page must show for the CLI's top diagnosis. */
function expected(report: Report) {
  const top = report.diagnoses[0] as Diagnosis;
  const marked = new Map<string, { source: string | null; line: number; text: string }>();
  for (const e of top.evidence)
    marked.set(`${e.source}:${e.line}`, { source: e.source ?? null, line: e.line, text: e.text });
  return {
    // The page, like the text report, lists the other causes (errors) before the other findings, each in report order.
    rootCauses: [
      top,
      ...report.diagnoses.slice(1).filter((d) => d.severity === 'error'),
      ...report.diagnoses.slice(1).filter((d) => d.severity !== 'error'),
    ].map((d) => d.rootCause),
    ruleId: top.ruleId,
    title: top.title,
    misleading: top.misleading ?? null,
    marked: [...marked.values()],
    nextSteps: top.nextSteps.map((s) => s.command),
    fixTitles: top.remediation.map((r) => r.title),
    fixYaml: top.remediation.flatMap((r) => (r.yaml === undefined ? [] : [r.yaml])),
    fixCommands: top.remediation.flatMap((r) => (r.command === undefined ? [] : [r.command])),
  };
}

const sortMarked = (m: { source: string | null; line: number }[]) =>
  [...m].sort((a, b) => `${a.source}`.localeCompare(`${b.source}`) || a.line - b.line);

describe('the page from file://, against the built CLI', () => {
  const walls = readdirSync(WALLS).filter((f) => f.endsWith('.txt'));

  const cases = walls.flatMap((name) => (['en', 'ja'] as const).map((lang): [string, 'en' | 'ja'] => [name, lang]));
  it.each(cases)(
    '%s pasted in %s: same top cause, texts, marked evidence lines and fix as the CLI',
    async (name, lang) => {
      const cli = expected(cliReport([name], lang));
      const { page } = await open(PAGE, { locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
      await page.fill('#input', wall(name));
      await waitForDiagnosis(page);
      const got = await shown(page);
      expect({ ...got, marked: sortMarked(got.marked) }).toMatchObject({ ...cli, marked: sortMarked(cli.marked) });
      // The chain picture marks exactly one link broken, and names the evidence lines on it.
      expect(got.chainStates.filter((c) => c?.includes('broken'))).toHaveLength(1);
      const lines = [...new Set(cli.marked.map((m) => m.line))];
      expect(got.chainEvidence.join(' ')).toContain(lines.join(t(lang, 'listSeparator')));
    },
  );

  it('the Pending wall and its aws-auth dropped as two files: diagnosed together, nodes grouped by reason', async () => {
    const report = cliReport(PENDING);
    const cli = expected(report);
    const { page } = await open();
    await dropFiles(
      page,
      PENDING.map((name) => ({ name, text: wall(name) })),
    );
    await waitForDiagnosis(page, 2);
    const got = await shown(page);
    expect({ ...got, marked: sortMarked(got.marked) }).toMatchObject({ ...cli, marked: sortMarked(cli.marked) });
    expect(new Set(got.marked.map((m) => m.source))).toEqual(new Set(PENDING));
    // The scheduler message's reasons, as the core reads them.
    const { facts } = await diagnoseDetailed(
      PENDING.map((name) => ({ name, text: wall(name) })),
      { ...builtinRuleSet, trustedRules: true },
    );
    const scheduling = facts.scheduling[0];
    expect(scheduling?.items.length).toBeGreaterThan(0);
    expect(got.nodeRows).toEqual(
      scheduling?.items.map((i) =>
        t('en', 'nodesReason', { count: i.count, total: scheduling.total, reason: i.reason }),
      ),
    );

    // fix.yaml holds exactly the top cause's manifests.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.diagnosis.top button.download')]);
    expect(download.suggestedFilename()).toBe('fix.yaml');
    const file = readFileSync((await download.path()) ?? '', 'utf8');
    const manifests = (report.diagnoses[0] as Diagnosis).remediation.filter((r) => r.kind === 'manifest');
    expect(parseAllDocuments(file).map((d) => d.toJS() as unknown)).toEqual(
      manifests.map((m): unknown => parseAllDocuments(m.yaml ?? '')[0]?.toJS()),
    );
  });

  it('files added with the button are diagnosed with the text, and can be removed', async () => {
    const { page } = await open();
    await page.setInputFiles('#files', join(WALLS, 'wall2-forbidden.txt'));
    await waitForDiagnosis(page, 1);
    expect((await shown(page)).rootCauses[0]).toBe(cliReport(['wall2-forbidden.txt']).diagnoses[0]?.rootCause);
    await page.click('#file-list button');
    await page.waitForFunction(() => document.body.dataset.status === 'empty');
    expect(await page.locator('.diagnosis').count()).toBe(0);
    // A binary file is not read; a second file of the same name gets a name of its own.
    await page.setInputFiles('#files', {
      name: 'core.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0, 1, 2]),
    });
    await page.waitForFunction(() => document.getElementById('notice')?.textContent !== '');
    expect(await page.textContent('#notice')).toBe(t('en', 'fileBinary', { name: 'core.bin' }));
    expect(await page.locator('#file-list li').count()).toBe(0);
    await dropFiles(page, [{ name: 'e.txt', text: wall('wall1-unauthorized.txt') }]);
    await waitForDiagnosis(page, 1);
    await dropFiles(page, [{ name: 'e.txt', text: wall('wall2-forbidden.txt') }]);
    await waitForDiagnosis(page, 2);
    expect(await page.locator('#file-list .file-name').allTextContents()).toEqual(['e.txt', 'e.txt (2)']);
  });

  it('copies a fix to the clipboard', async () => {
    const { page, context } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.fill('#input', wall('wall2-forbidden.txt'));
    await waitForDiagnosis(page);
    await page.click('.diagnosis.top .fix .copy');
    await page.waitForFunction(() => document.getElementById('announce')?.textContent === 'Copied.');
    const yaml = cliReport(['wall2-forbidden.txt']).diagnoses[0]?.remediation[0]?.yaml;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(yaml);
  });

  it('forbids connections: the policy refuses a request the page does not make', async () => {
    const w = await open();
    const csp = await w.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    const result = await w.page.evaluate(() =>
      fetch('https://example.com/upload', { method: 'POST', body: 'x' }).then(
        () => 'sent',
        (e: Error) => e.name,
      ),
    );
    expect(result).toBe('TypeError');
    expect(await w.violations()).toEqual(['connect-src https://example.com/upload']);
    expect(w.errors.length).toBeGreaterThan(0);
    for (const e of w.errors) expect(e).toContain('Content Security Policy');
    // Expected here: cleared, so that the check after each test still holds for everything else.
    await w.page.evaluate(() => ((window as unknown as { __violations: string[] }).__violations.length = 0));
    w.errors.length = 0;
    expect(w.outside).toEqual([]);
  });
});

describe('languages', () => {
  it('starts in Japanese for a Japanese browser and switches to English and back', async () => {
    const { page } = await open(PAGE, { locale: 'ja-JP' });
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.textContent('#results-heading')).toBe(t('ja', 'resultsHeading'));
    await page.fill('#input', wall('wall3-pending-not-ready-disk.txt'));
    await waitForDiagnosis(page);
    expect(await page.textContent('.diagnosis.top .kicker')).toBe(t('ja', 'topCause'));
    expect(await page.textContent('.chain title')).toBe(t('ja', 'chainHeading'));
    // The diagnosis texts are the CLI's Japanese ones, in the page's language (no lang attribute of their own).
    expect(await page.textContent('.diagnosis.top .title')).toBe(
      cliReport(['wall3-pending-not-ready-disk.txt'], 'ja').diagnoses[0]?.title,
    );
    expect(await page.getAttribute('.diagnosis.top .title', 'lang')).toBeNull();
    // Everything the page shows of the report is Japanese, but for quoted messages, commands, manifests and the paste.
    const visible = await page.evaluate(() => {
      const report = document.querySelector('#report')?.cloneNode(true) as HTMLElement | undefined;
      for (const e of report?.querySelectorAll('pre, code, .input-view, svg') ?? []) e.remove();
      return report?.innerText ?? '';
    });
    expect(visible).toMatch(/[\u3040-\u30ff]/);
    expect(englishProse(visible, wall('wall3-pending-not-ready-disk.txt'))).toEqual([]);
    await page.selectOption('#lang', 'en');
    await waitForDiagnosis(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#results-heading')).toBe(t('en', 'resultsHeading'));
    expect(await page.textContent('.diagnosis.top .kicker')).toBe(t('en', 'topCause'));
    // The same diagnosis in either language: machine fields do not change.
    expect((await shown(page)).rootCauses).toEqual(
      cliReport(['wall3-pending-not-ready-disk.txt']).diagnoses.map((d) => d.rootCause),
    );
  });

  it('starts in English for any other browser language', async () => {
    const { page } = await open(PAGE, { locale: 'de-DE' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });
});

describe('sharing', () => {
  it('a permalink carries the paste redacted by default; opening it diagnoses the same cause', async () => {
    const { page } = await open();
    await dropFiles(
      page,
      PENDING.map((name) => ({ name, text: wall(name) })),
    );
    await waitForDiagnosis(page, 2);
    expect(await page.isChecked('#redact')).toBe(true);
    const preview = await page.inputValue('#share-preview');
    expect(preview).not.toContain('123456789012');
    expect(preview).not.toContain('sample-username');
    expect(preview).toContain('node(s) were not ready');
    const link = await page.inputValue('#permalink');
    expect(link.startsWith(`${PAGE}#paste=1.`)).toBe(true);

    const shared = await open(link);
    await waitForDiagnosis(shared.page, 2);
    expect(await shared.page.textContent('#notice')).toBe(t('en', 'permalinkLoaded'));
    expect((await shown(shared.page)).rootCauses[0]).toBe('node_role_not_mapped');
    // What the link carries is exactly what the preview showed.
    expect(await shared.page.inputValue('#share-preview')).toBe(preview);

    await page.uncheck('#redact');
    await page.waitForFunction(() => document.body.dataset.share === 'ready');
    expect(await page.inputValue('#share-preview')).toContain('arn:aws:iam::123456789012:user/sample-username');
  });

  it('says so when a link is damaged', async () => {
    const { page } = await open(`${PAGE}#paste=1.AAAA`);
    await page.waitForFunction(() => document.getElementById('notice')?.textContent !== '');
    expect(await page.textContent('#notice')).toBe(
      t('en', 'permalinkBad', { message: t('en', 'linkError_bad-encoding') }),
    );
  });
});

describe('keyboard and screen readers', () => {
  it('reaches every control with Tab, and opens evidence, details and copy with the keyboard', async () => {
    const { page, context } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lang');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input');
    await page.keyboard.insertText(wall('wall2-forbidden.txt'));
    await waitForDiagnosis(page);

    // Tab from the text area through the page; every control must come up once.
    const reached = new Set<string>();
    const key = () =>
      page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (e === null || e === document.body) return 'body';
        if (e.dataset.kbd === undefined) e.dataset.kbd = String(document.querySelectorAll('[data-kbd]').length);
        return e.dataset.kbd;
      });
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const k = await key();
      if (k === 'body' || reached.has(k)) break;
      reached.add(k);
    }
    const missed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, textarea, input, summary, a[href], [tabindex="0"]')]
        .filter((e) => e.getClientRects().length > 0 && e.id !== 'skip' && e.id !== 'lang' && e.id !== 'input')
        .filter((e) => e.dataset.kbd === undefined)
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(missed).toEqual([]);

    // An evidence button moves focus to its line in the input view.
    await page.focus('.diagnosis.top .evidence-list button');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('evidence'))).toBe(true);
    // Details open with Enter on their summary.
    await page.focus('.diagnosis.top details.explanation summary');
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(() => document.querySelector('.diagnosis.top details.explanation')?.hasAttribute('open')),
    ).toBe(true);
    // Copy buttons work with Space.
    await page.focus('.diagnosis.top .confirm .copy');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.getElementById('announce')?.textContent === 'Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      cliReport(['wall2-forbidden.txt']).diagnoses[0]?.nextSteps[0]?.command,
    );
    // The skip button takes focus to the diagnosis.
    await page.focus('#skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results');
  });

  it('names every control and picture for screen readers', async () => {
    const { page } = await open();
    await dropFiles(
      page,
      PENDING.map((name) => ({ name, text: wall(name) })),
    );
    await waitForDiagnosis(page, 2);
    const unnamed = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'button, select, textarea, input:not([type=file]), svg:not([aria-hidden=true]), [tabindex="0"]',
        ),
      ]
        .filter((e) => {
          const labelled = (e as HTMLInputElement).labels?.length ?? 0;
          const aria = e.getAttribute('aria-label') ?? e.getAttribute('aria-labelledby') ?? '';
          const text = e.tagName === 'BUTTON' ? (e.textContent ?? '').trim() : '';
          return labelled === 0 && aria.trim() === '' && text === '';
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    expect(await page.getAttribute('.diagnosis.top .chain', 'role')).toBe('img');
    expect(await page.getAttribute('#status', 'role')).toBe('status');
  });
});

describe('small screens', () => {
  for (const [label, viewport, deviceScaleFactor] of [
    ['a phone', { width: 360, height: 780 }, 3],
    ['200 % zoom of a 1280-pixel window', { width: 640, height: 450 }, 2],
  ] as const)
    it(`fits ${label} without sideways scrolling of the page`, async () => {
      const { page } = await open(PAGE, { viewport, deviceScaleFactor });
      await dropFiles(
        page,
        PENDING.map((name) => ({ name, text: wall(name) })),
      );
      await waitForDiagnosis(page, 2);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        controls: [...document.querySelectorAll<HTMLElement>('button, select, textarea, input, summary, svg')]
          .filter(
            (e) =>
              e.getClientRects().length > 0 &&
              e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
          )
          .map((e) => e.outerHTML.slice(0, 60)),
      }));
      expect(overflow).toEqual({ page: 0, controls: [] });
    });
});

describe('served by rbac-diagnose web', () => {
  it('works from 127.0.0.1 with no request elsewhere', async () => {
    const server = await serveWeb({ root: dist });
    try {
      const w = await open(server.url);
      await w.page.fill('#input', wall('wall1-unauthorized.txt'));
      await waitForDiagnosis(w.page);
      expect((await shown(w.page)).rootCauses).toEqual(
        cliReport(['wall1-unauthorized.txt']).diagnoses.map((d) => d.rootCause),
      );
      expect(w.requests.every((u) => u.startsWith(server.url))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
