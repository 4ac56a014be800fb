// Facts from the aws-auth ConfigMap (YAML, JSON or `kubectl describe configmap aws-auth`): its mappings and the
// findings of its lint.
import { say, t } from '../i18n/t.js';
import type { Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { readAwsAuth } from '../parse/aws-auth.js';
import { yamlReader } from '../parse/yaml.js';
import { ref, src, type Collected } from './collected.js';

/** Reads one aws-auth section. */
export function extractAwsAuth(section: Section, c: Collected): void {
  const a = readAwsAuth(yamlReader(c.yaml), section.lines, section.json);
  const first = section.lines[0];
  const r = (l: Line | null): { line: number; source?: string } => (l ? ref(l) : first ? ref(first) : { line: 0 });
  c.awsAuths.push({
    ...r(first ?? null),
    format: a.format,
    wellFormed: a.wellFormed,
    entries: a.entries.map((e) => ({ ...r(e.line), kind: e.kind, arn: e.arn, username: e.username, groups: e.groups })),
    accounts: a.accounts,
    findings: a.findings.map((f) => ({
      ...r(f.line),
      code: f.code,
      message: say(c.lang, f.message),
      ...(f.arn === undefined ? {} : { arn: f.arn }),
    })),
    data: a.data,
    name: a.name,
    namespace: a.namespace,
    resourceVersion: a.resourceVersion,
    labels: a.labels,
    annotations: a.annotations,
    variants: a.variants,
    endLine: section.lines[section.lines.length - 1]?.no ?? 0,
  });
  if (a.entries.length === 0 && !a.findings.some((f) => f.code !== 'aws_auth_no_node_role')) {
    c.issues.push({
      code: 'aws_auth_empty',
      line: first?.no ?? 0,
      message: t(c.lang, 'issue.aws_auth_empty'),
      ...src(section),
    });
  }
}
