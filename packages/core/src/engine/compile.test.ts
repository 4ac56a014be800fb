import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { builtinRules } from '@rbac-diagnose/rules';
import { diagnoseDetailed } from '../diagnose.js';
import type { Facts } from '../facts/schema.js';
import { compileRules } from './compile.js';
import { runRules, type Firing } from './run.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const names = (fired: Firing[]): string[] =>
  fired.map(
    (f) => `${f.rule.id}[${f.rule.adjustments?.map((a, i) => (f.adjustments.includes(a) ? i : '-')).join('') ?? ''}]`,
  );

test('compiled rules fire exactly what json-rules-engine fires, on every rule case and corpus input', async () => {
  const inputs: string[] = [];
  for (const dir of ['packages/rules/rules', 'eval/corpus']) {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
      if (e.isFile() && (e.name.endsWith('.input.txt') || e.name === 'input.txt'))
        inputs.push(join(e.parentPath, e.name));
    }
  }
  expect(inputs.length).toBeGreaterThan(100);
  const compiled = compileRules(builtinRules);
  for (const file of inputs) {
    const { facts } = await diagnoseDetailed(readFileSync(file, 'utf8'), { rules: builtinRules, trustedRules: true });
    expect(names(compiled(facts)), file).toEqual(names((await runRules(builtinRules, facts)).fired));
  }
}, 120000);

test('property: same firings on generated facts (mutations of real facts)', async () => {
  const base = (
    await diagnoseDetailed(readFileSync(join(root, 'fixtures/seed-walls/wall3-pending-not-ready-disk.txt'), 'utf8'), {
      rules: builtinRules,
    })
  ).facts;
  const compiled = compileRules(builtinRules);
  const derived = fc.record({
    hasUnauthorized: fc.boolean(),
    allNodesNotReady: fc.boolean(),
    awsAuthPresent: fc.boolean(),
    awsAuthHasNodeRole: fc.boolean(),
    awsAuthMapsCaller: fc.constantFrom(true, false, null),
    nodesCniNotReady: fc.nat(3),
    nodesKubeletStopped: fc.nat(3),
    notReadyNodes: fc.nat(3),
  });
  const signalIds = fc.subarray([
    'unauthorized',
    'aws_no_credentials',
    'exec_failed',
    'exec_not_found',
    'cni_not_initialized',
    'kubelet_unauthorized',
    'endpoint_timeout',
    'aws_expired_token',
    'aws_sdk_v1_no_credentials',
  ]);
  await fc.assert(
    fc.asyncProperty(derived, signalIds, async (d, ids) => {
      const facts: Facts = {
        ...base,
        derived: { ...base.derived, ...d },
        signals: ids.map((id, i) => ({ id, line: i + 1, groups: {} })),
      };
      expect(names(compiled(facts))).toEqual(names((await runRules(builtinRules, facts)).fired));
    }),
    { numRuns: 300 },
  );
});
