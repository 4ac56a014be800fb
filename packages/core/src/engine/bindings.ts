import type { Facts } from '../facts/schema.js';
import { parseArn } from '../aws/arn.js';

/** Placeholders rule text may use as `{{name}}`. A placeholder with no value in the input keeps a `<…>` hint. */
export const BINDING_NAMES = [
  'account',
  'partition',
  'region',
  'cluster',
  'callerArn',
  'principalArn',
  'nodeRoleArn',
  'execCommand',
  'execExitCode',
  'profile',
  'forbiddenUser',
  'forbiddenVerb',
  'forbiddenResource',
  'forbiddenNamespace',
  'forbiddenScope',
  'forbiddenNamespaceFlag',
  'notReadyNodes',
  'totalNodes',
  'podName',
  'podNamespace',
  'namespaceFlag',
] as const;
export type BindingName = (typeof BINDING_NAMES)[number];
export type Bindings = Record<BindingName, string>;

/** Template words of aws-auth itself, written literally in remediation (`{{EC2PrivateDNSName}}`). */
export const LITERAL_TEMPLATES = ['EC2PrivateDNSName', 'SessionName', 'SessionNameRaw', 'AccountID', 'AccessKeyID'] as const;

const EKS_ENDPOINT = /https:\/\/[0-9A-Fa-f]{32}\.(?:[a-z0-9]{3}\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\.eks\.amazonaws\.com/;

/** Computes every binding from the facts and the raw lines. */
export function computeBindings(facts: Facts, lineTexts: readonly string[]): Bindings {
  const caller = facts.callerIdentity;
  const arns = [caller?.arn, ...(facts.awsAuth?.entries.map((e) => e.arn) ?? [])].filter((a): a is string => typeof a === 'string');
  const firstArn = arns.map((a) => parseArn(a)).find((a) => a !== null && /^\d{12}$/.test(a.account)) ?? null;
  const account = caller?.account || firstArn?.account || '<ACCOUNT_ID>';
  const partition = firstArn?.partition ?? 'aws';
  let region = '<region>';
  for (const t of lineTexts) {
    const m = EKS_ENDPOINT.exec(t);
    if (m?.[1]) {
      region = m[1];
      break;
    }
  }
  const exec = facts.signals.find((s) => s.id === 'exec_failed' || s.id === 'exec_not_found');
  const profile = facts.signals.find((s) => s.id === 'aws_profile_not_found')?.groups['profile'];
  const f = facts.forbidden[0];
  const sched = facts.scheduling.find((s) => s.total > 0);
  const pod = facts.pods[0];
  const ns = pod?.namespace ?? f?.namespace ?? null;
  return {
    account,
    partition,
    region,
    cluster: '<cluster-name>',
    callerArn: caller?.arn ?? '<your IAM ARN: the Arn printed by aws sts get-caller-identity>',
    principalArn: caller?.canonicalArn ?? `arn:${partition}:iam::${account}:role/<role-name>`,
    nodeRoleArn: `arn:${partition}:iam::${account}:role/<node-instance-role>`,
    execCommand: exec?.groups['cmd'] ?? 'aws',
    execExitCode: exec?.groups['code'] ?? '<exit code>',
    profile: profile ?? '<profile>',
    forbiddenUser: f?.username ?? '<user>',
    forbiddenVerb: f?.verb ?? '<verb>',
    forbiddenResource: f ? [f.resource ?? f.path ?? '', f.subresource].filter(Boolean).join('/') : '<resource>',
    forbiddenNamespace: f?.namespace ?? '<namespace>',
    forbiddenScope: f ? (f.namespace !== null ? `in the namespace "${f.namespace}"` : 'at the cluster scope') : '',
    forbiddenNamespaceFlag: f?.namespace ? `-n ${f.namespace}` : '',
    notReadyNodes: sched ? String(sched.notReadyNodes) : String(facts.derived.nodesReportedNotReady),
    totalNodes: sched ? String(sched.total) : String(facts.nodes.length),
    podName: pod?.name ?? '<pod>',
    podNamespace: ns ?? '<namespace>',
    namespaceFlag: ns ? `-n ${ns}` : '',
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** Fills `{{name}}` placeholders; aws-auth's own template words are left as written. */
export function fill(template: string, bindings: Bindings, item?: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('item.') && item) {
      const v = item[name.slice(5)];
      return v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
    }
    return (bindings as Record<string, string>)[name] ?? whole;
  });
}

/** Placeholder names used in a template (for the rule meta-tests). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}
