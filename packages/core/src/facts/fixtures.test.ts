// Golden facts for every captured kubectl output: fixtures/<kind>/<version>/<case>.txt → <case>.facts.json beside it.
// Absolute dates, klog headers and ages differ between captures, so they are projected out (test-support/fixtures.ts).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { listCaptures, listPublicPastes, readAll } from '../../../../test-support/fixtures.js';

const captures = listCaptures();

describe('golden facts of captured kubectl output', () => {
  test('captures exist for every kind', () => {
    expect(new Set(captures.map((c) => c.kind)).size).toBeGreaterThanOrEqual(14);
  });
  test.each(captures.map((c) => [`${c.kind}/${c.version}/${c.name}`, c] as const))('%s', async (_, c) => {
    const text = readFileSync(c.path, 'utf8');
    await expect(`${JSON.stringify(readAll(text), null, 2)}\n`).toMatchFileSnapshot(
      c.path.replace(/\.txt$/, '.facts.json'),
    );
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
