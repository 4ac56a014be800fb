import { diagnose, type Diagnosis } from '@rbac-diagnose/core';
import { builtinRules, builtinVocabulary } from '@rbac-diagnose/rules';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixYaml } from './fix.js';

const wall = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/seed-walls/${name}`, import.meta.url), 'utf8');

describe('fixYaml', () => {
  it('is the manifests of the diagnosis, one document each, that parse back to the same objects', async () => {
    const report = await diagnose(
      [
        { name: 'wall3.txt', text: wall('wall3-pending-not-ready-disk.txt') },
        { name: 'aws-auth.yaml', text: wall('aws-auth-users-only.yaml') },
      ],
      {
        rules: builtinRules,
        vocabulary: builtinVocabulary,
        trustedRules: true,
      },
    );
    const top = report.diagnoses[0] as Diagnosis;
    const manifests = top.remediation.filter((r) => r.kind === 'manifest');
    expect(manifests.length).toBeGreaterThan(0);
    const yaml = fixYaml(top) ?? '';
    expect(yaml.startsWith(`# ${top.rootCause} (${top.ruleId}): ${manifests[0]?.title}\n# EDIT FIRST`)).toBe(true);
    expect(parseAllDocuments(yaml).map((d) => d.toJS() as unknown)).toEqual(
      manifests.map((m): unknown => parseAllDocuments(m.yaml ?? '')[0]?.toJS()),
    );
  });

  it('is null when the fix has no manifest (commands and notes only)', async () => {
    const report = await diagnose(wall('wall0-no-aws-credentials.txt'), {
      rules: builtinRules,
      vocabulary: builtinVocabulary,
      trustedRules: true,
    });
    const top = report.diagnoses[0] as Diagnosis;
    expect(top.remediation.some((r) => r.kind === 'manifest')).toBe(false);
    expect(fixYaml(top)).toBeNull();
  });

  it('keeps a title on its comment line', () => {
    const d = {
      rootCause: 'rbac_permission_missing',
      ruleId: 'r',
      remediation: [{ kind: 'manifest', title: 'a\nkind: Secret', yaml: 'kind: Role\n', safety: 'mutating' }],
    } as unknown as Diagnosis;
    expect(parseAllDocuments(fixYaml(d) ?? '').map((x) => x.toJS() as unknown)).toEqual([{ kind: 'Role' }]);
  });
});
