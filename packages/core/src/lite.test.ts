// The narrow entry (lite.ts, used by the CLI) imports `yaml` only when a report needs it. These tests load lite in a
// fresh module graph where nothing has provided `yaml`, and check it diagnoses every captured kind — YAML and aws-auth
// sections, generated manifests — exactly like the main entry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { builtinRules } from '../../rules/src/index.js';
import { listCaptures } from '../../../test-support/fixtures.js';
import * as full from './index.js';

type Lite = typeof import('./lite.js');
let lite: Lite;
let yamlLibFresh: typeof import('./yaml-lib.js');

beforeAll(async () => {
  vi.resetModules();
  lite = await import('./lite.js');
  yamlLibFresh = await import('./yaml-lib.js');
});

const SEED = fileURLToPath(new URL('../../../fixtures/seed-walls/', import.meta.url));

function inputs(): { name: string; text: string }[] {
  const out = listCaptures().map((c) => ({
    name: `${c.kind}/${c.version}/${c.name}`,
    text: readFileSync(c.path, 'utf8'),
  }));
  for (const f of readdirSync(SEED).sort())
    if (/\.(?:txt|ya?ml|json)$/.test(f)) out.push({ name: `seed/${f}`, text: readFileSync(join(SEED, f), 'utf8') });
  return out;
}

describe('lite entry loads yaml on demand', () => {
  it('starts without yaml, and a describe paste needs none', async () => {
    expect(() => yamlLibFresh.yamlLib()).toThrow(/before loadYaml/);
    const text = readFileSync(
      fileURLToPath(new URL('../../../fixtures/describe-pod/1.31/not-ready-current.txt', import.meta.url)),
      'utf8',
    );
    await lite.diagnose(text, { rules: builtinRules, trustedRules: true, validate: false });
    expect(() => yamlLibFresh.yamlLib()).toThrow(/before loadYaml/);
  });

  it('gives the main entry’s report for every capture and seed wall', async () => {
    const all = inputs();
    expect(all.length).toBeGreaterThan(600);
    let needed = 0;
    for (const { name, text } of all) {
      yamlLibFresh.forgetYaml();
      const a = await lite.diagnose(text, {
        rules: builtinRules,
        trustedRules: true,
        engine: 'compiled',
        validate: false,
      });
      const b = await full.diagnose(text, {
        rules: builtinRules,
        trustedRules: true,
        engine: 'compiled',
        validate: false,
      });
      expect(a, name).toEqual(b);
      if (
        a.diagnoses.some((d) => d.remediation.some((r) => r.yaml !== undefined)) ||
        a.inputs.some((i) => i.kind === 'object-yaml' || i.kind === 'aws-auth')
      )
        needed++;
    }
    // Some inputs did need yaml (so the on-demand path was exercised from an unloaded state each time).
    expect(needed).toBeGreaterThan(20);
  });

  it('renders -o yaml after loadYaml()', async () => {
    const report = await lite.diagnose('error: You must be logged in to the server (Unauthorized)\n', {
      rules: builtinRules,
      trustedRules: true,
      validate: false,
    });
    await lite.loadYaml();
    expect(lite.renderYaml(report)).toBe(full.renderYaml(report));
  });
});
