import type { Bindings } from '../engine/bindings.js';
import type { Lang } from '../i18n/lang.js';
import type { Matcher } from '../engine/operators.js';
import { lineKey, type SubjectGroup } from '../engine/subject.js';
import type { ForbiddenFact, Facts } from '../facts/schema.js';
import type { Remediation } from '../report.js';
import type { GENERATORS, ItemFamily, Pattern } from '../rules/schema.js';
import { parseArn, stripRolePath } from '../aws/arn.js';
import type { YamlLibrary } from '../parse/yaml.js';
import type { AwsAuthPlan } from './aws-auth.js';
import { podSecurityRemediation } from './pod-security.js';
import { broaderAccess, rbacRemediation } from './rbac.js';
import { yamlWriter } from './yaml-out.js';

/** What a generator reads: the facts, the context values and the subject of the rule that fired. */
export interface GeneratorInput {
  facts: Facts;
  matcher: Matcher;
  bindings: Bindings;
  subject: SubjectGroup | null;
  /** The fact family the subject is drawn from. */
  family: ItemFamily | null;
  /** The report's aws-auth additions (one merged ConfigMap per report). */
  awsAuth: AwsAuthPlan;
  /** The report's language: titles and notes are written in it, manifests and commands are not. */
  lang: Lang;
  /** The library manifests are written with, loaded when a generator of WRITES_MANIFESTS may run. */
  yaml: YamlLibrary | null;
}

type Generator = (input: GeneratorInput) => Remediation[];

// Signals that change what a denied client needs next (see DenialContext).
const INFORMER_LIST: Pattern = { id: 'informer_list_failed' };
const APPLY_GET: Pattern = { id: 'kubectl_apply_get' };

/** The subject's denials; a subject drawn from another family (a missing role named in a denial) grants its lines. */
function subjectDenials(facts: Facts, subject: SubjectGroup | null, family: ItemFamily | null): ForbiddenFact[] {
  const items = subject?.items ?? [];
  if (family === 'forbidden') return items as unknown as ForbiddenFact[];
  const lines = new Set(items.map((it) => lineKey(it['source'] as string | undefined, it['line'] as number)));
  return facts.forbidden.filter((f) => lines.has(lineKey(f.source, f.line)));
}

/**
 * Whether a generator may write a manifest itself (with the yaml library). The aws-auth ones propose mappings to the
 * report's AwsAuthPlan, which writes only when the input holds the ConfigMap.
 */
export const WRITES_MANIFESTS: Readonly<Record<(typeof GENERATORS)[number], boolean>> = {
  'rbac-least-privilege': true,
  'rbac-broader-access': false,
  'aws-auth-merge-node-role': false,
  'aws-auth-merge-caller': false,
  'pod-security-patch': true,
};

/** Remediations that need code (merging, least-privilege synthesis); rules name them by id. */
export const REMEDIATION_GENERATORS: Record<(typeof GENERATORS)[number], Generator> = {
  // The subject's denials only: one Role and binding per subject. A subject drawn from another family (a missing role
  // named in a denial) grants the denials on its lines.
  'rbac-least-privilege': ({ facts, matcher, subject, family, lang, yaml }) => {
    const denials = subjectDenials(facts, subject, family);
    return rbacRemediation(denials, {
      informerLines: matcher.lines(facts.signals, INFORMER_LIST),
      applyLines: matcher.lines(facts.signals, APPLY_GET),
      admins: new Set(
        facts.bindings
          .filter((b) => b.roleKind === 'ClusterRole' && b.roleName === 'cluster-admin')
          .flatMap((b) => b.subjects.map((s) => `${s.kind}:${s.name}`)),
      ),
      lang,
      yaml,
    });
  },
  'rbac-broader-access': ({ facts, subject, family, lang }) =>
    broaderAccess(subjectDenials(facts, subject, family), lang),
  // The mappings go to the report's one aws-auth plan (see AwsAuthPlan); the rules carry the eksctl and access-entry
  // commands for when aws-auth is not in the input.
  'aws-auth-merge-node-role': ({ bindings, awsAuth }) =>
    awsAuth.propose({
      kind: 'role',
      arn: bindings.nodeRoleArn,
      username: 'system:node:{{EC2PrivateDNSName}}',
      groups: ['system:bootstrappers', 'system:nodes'],
    }),
  // The level and failed checks of the subject's PodSecurity messages (all at the first one's level).
  'pod-security-patch': ({ subject, lang, yaml }) => {
    const groups = (subject?.items ?? []).map((it) => (it['groups'] ?? {}) as Record<string, string>);
    const level = groups[0]?.['level'] ?? '';
    return podSecurityRemediation(
      yamlWriter(yaml),
      level,
      groups.filter((g) => g['level'] === level).map((g) => g['details'] ?? ''),
      lang,
    );
  },
  'aws-auth-merge-caller': ({ facts, awsAuth }) => {
    const c = facts.callerIdentity;
    if (c === null || c.mappedInAwsAuth !== false) return [];
    const info = parseArn(c.canonicalArn);
    const isRole = info?.type === 'role';
    return awsAuth.propose({
      kind: isRole ? 'role' : 'user',
      arn: isRole ? stripRolePath(c.canonicalArn) : c.canonicalArn,
      username: isRole ? `${info.name}:{{SessionName}}` : (info?.name ?? 'user'),
      groups: ['<team-group>'],
    });
  },
};
