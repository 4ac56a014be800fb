import type { Bindings } from '../engine/bindings.js';
import type { Facts } from '../facts/schema.js';
import type { Remediation } from '../report.js';
import type { GENERATORS } from '../rules/schema.js';
import { parseArn, stripRolePath } from '../aws/arn.js';
import { mergedAwsAuth } from './aws-auth.js';
import { lineKey, rbacRemediation } from './rbac.js';

type Generator = (facts: Facts, bindings: Bindings) => Remediation[];

/** Remediations that need code (merging, least-privilege synthesis); rules name them by id. */
export const REMEDIATION_GENERATORS: Record<(typeof GENERATORS)[number], Generator> = {
  'rbac-least-privilege': (facts) => {
    const linesOf = (id: string): Set<string> =>
      new Set(facts.signals.filter((s) => s.id === id).map((s) => lineKey(s.source, s.line)));
    return rbacRemediation(facts.forbidden, {
      informerLines: linesOf('informer_list_failed'),
      applyLines: linesOf('kubectl_apply_get'),
    });
  },
  'aws-auth-merge-node-role': (facts, b) =>
    mergedAwsAuth(
      facts.awsAuth,
      {
        kind: 'role',
        arn: b.nodeRoleArn,
        username: 'system:node:{{EC2PrivateDNSName}}',
        groups: ['system:bootstrappers', 'system:nodes'],
      },
      'Replace <node-instance-role> with the node group role (aws eks describe-nodegroup --cluster-name <cluster-name> --nodegroup-name <nodegroup> --query nodegroup.nodeRole); a role ARN without path, not the instance profile.',
    ),
  'aws-auth-merge-caller': (facts) => {
    const c = facts.callerIdentity;
    if (c === null || facts.derived.awsAuthMapsCaller !== false) return [];
    const info = parseArn(c.canonicalArn);
    const isRole = info?.type === 'role';
    const arn = isRole ? stripRolePath(c.canonicalArn) : c.canonicalArn;
    const name = info?.name ?? 'user';
    return mergedAwsAuth(
      facts.awsAuth,
      {
        kind: isRole ? 'role' : 'user',
        arn,
        username: isRole ? `${name}:{{SessionName}}` : name,
        groups: ['<team-group>'],
      },
      'Replace <team-group> with a group that a RoleBinding grants only what this person needs (never system:masters).',
    );
  },
};
