import type { Diagnosis } from '@rbac-diagnose/core';
import { builtinRules } from '@rbac-diagnose/rules';
import { describe, expect, it } from 'vitest';
import { chainOf } from './chain.js';

const diagnosis = (ruleId: string, extra: object = {}) => ({ ruleId, ...extra }) as unknown as Diagnosis;

describe('chainOf', () => {
  it("takes the diagnosis's own chain when it has one", () => {
    const chain = { links: ['node IAM role', 'aws-auth / access entry', 'kubelet joins'], broken: 1 };
    expect(chainOf(diagnosis('pending-pod-nodes-never-ready', { chain }), builtinRules, 'en')).toEqual(chain);
  });

  it('draws nothing for a chain field that is not a chain', () => {
    for (const chain of [null, {}, { links: [], broken: 0 }, { links: ['a'], broken: 1 }, { links: [1], broken: 0 }])
      expect(chainOf(diagnosis('pending-pod-nodes-never-ready', { chain }), builtinRules, 'en')).toBeNull();
  });

  it("otherwise places the rule's layer on its chain, for every built-in rule", () => {
    for (const rule of builtinRules) {
      const chain = chainOf(diagnosis(rule.id), builtinRules, 'en');
      expect(chain, rule.id).not.toBeNull();
      expect(chainOf(diagnosis(rule.id), builtinRules, 'ja')?.broken).toBe(chain?.broken);
    }
    const rbac = chainOf(diagnosis('forbidden-rbac-permission-missing'), builtinRules, 'en');
    expect(rbac?.links[rbac.broken]).toBe('RBAC');
    const nodes = chainOf(diagnosis('pending-pod-nodes-never-ready'), builtinRules, 'ja');
    expect(nodes?.links[nodes.broken]).toBe('ノード');
  });

  it('draws nothing for a rule it does not know', () => {
    expect(chainOf(diagnosis('x-custom'), builtinRules, 'en')).toBeNull();
  });
});
