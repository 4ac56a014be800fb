// Golden facts for every captured kubectl output: fixtures/<kind>/<version>/<case>.txt. Most kubectl versions print
// what the version before printed, so a case's golden <case>.facts.json sits in the directory of the oldest version and
// of each version whose facts differ from the version before; a version without one has the facts of the latest
// earlier golden. Every capture of every version is read. Absolute dates, klog headers and ages differ between
// captures, so they are projected out (test-support/fixtures.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listCaptures, listPublicPastes, readAll } from '../../../../test-support/fixtures.js';

const captures = listCaptures();
const byMinor = (v: string): number => Number(v.split('.')[1]);
const versionsOf = (kind: string): string[] =>
  [...new Set(captures.filter((c) => c.kind === kind).map((c) => c.version))].sort((a, b) => byMinor(a) - byMinor(b));
const goldenPath = (c: (typeof captures)[number], version = c.version): string =>
  join(c.path, '..', '..', version, `${c.name}.facts.json`);

/** The golden a capture inherits: the latest earlier version's own golden of the same case, or null. */
function inherited(c: (typeof captures)[number]): string | null {
  const earlier = versionsOf(c.kind).filter((v) => byMinor(v) < byMinor(c.version));
  for (const v of earlier.reverse()) {
    const p = goldenPath(c, v);
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  return null;
}

describe('golden facts of captured kubectl output', () => {
  test('captures exist for every kind', () => {
    expect(new Set(captures.map((x) => x.kind)).size).toBeGreaterThanOrEqual(14);
  });
  test.each(captures.map((c) => [`${c.kind}/${c.version}/${c.name}`, c] as const))('%s', async (_, c) => {
    const facts = `${JSON.stringify(readAll(readFileSync(c.path, 'utf8')), null, 2)}\n`;
    const own = goldenPath(c);
    // Facts equal to the inherited golden need no file of their own; others are compared with (or written to) it.
    const before = existsSync(own) ? null : inherited(c);
    if (before !== null && facts === before) expect(facts).toBe(before);
    else await expect(facts).toMatchFileSnapshot(own);
  });
  test("no version's golden repeats the one it would inherit", () => {
    const repeated = captures.filter(
      (c) => existsSync(goldenPath(c)) && readFileSync(goldenPath(c), 'utf8') === inherited(c),
    );
    expect(repeated.map((c) => `${c.kind}/${c.version}/${c.name}`)).toEqual([]);
  });
});

describe('empty input for every kind', () => {
  test.each([...new Set(captures.map((c) => c.kind))])('%s: empty and blank input give empty facts', (kind) => {
    for (const text of ['', '\n', '   \n\t\n']) {
      const r = readAll(text);
      expect(r.sections).toEqual([]);
      expect(r.issues).toEqual([]);
      const f = r.facts as Record<string, unknown>;
      for (const [k, v] of Object.entries(f))
        expect(v === null || v === false || (Array.isArray(v) && v.length === 0), `${kind}: ${k}`).toBe(true);
    }
  });
});

const pastes = listPublicPastes();

describe('golden facts of real public pastes (fixtures/public)', () => {
  test.each(pastes.map((p) => [`${p.kind}/${p.name}`, p] as const))('%s', async (_, p) => {
    const source = JSON.parse(readFileSync(p.path.replace(/\.txt$/, '.source.json'), 'utf8')) as {
      url?: unknown;
      note?: unknown;
    };
    expect(typeof source.url === 'string' && source.url.startsWith('https://'), 'source.json has the paste url').toBe(
      true,
    );
    expect(typeof source.note).toBe('string');
    await expect(`${JSON.stringify(readAll(readFileSync(p.path, 'utf8')), null, 2)}\n`).toMatchFileSnapshot(
      p.path.replace(/\.txt$/, '.facts.json'),
    );
  });
  test('every paste has its source', () => {
    for (const p of pastes) expect(existsSync(p.path.replace(/\.txt$/, '.source.json')), p.path).toBe(true);
  });
});
