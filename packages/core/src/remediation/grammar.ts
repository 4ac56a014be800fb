// The grammar of every value a fix may carry. A value read from a paste reaches a manifest, a command, a comment or a
// title only after it passed the grammar of what it claims to be (a namespace, a verb, an IAM role ARN…); a value that
// fails is not used, and the fix says why with the grammar's description (no input text).

/** The kinds of values a fix may carry. */
export const GRAMMAR_NAMES = [
  'namespace',
  'dnsLabel',
  'dnsSubdomain',
  'objectName',
  'userName',
  'groupName',
  'serviceAccountName',
  'verb',
  'resource',
  'apiGroup',
  'nonResourceURL',
  'rbacTarget',
  'resourceArg',
  'partition',
  'account',
  'region',
  'clusterName',
  'nodegroupName',
  'instanceId',
  'profileName',
  'labelKey',
  'labelValue',
  'labelPair',
  'taintEffect',
  'workloadRef',
  'iamName',
  'iamPath',
  'roleArn',
  'userArn',
  'principalArn',
  'assumedRoleArn',
  'oidcProvider',
  'ecrRegistry',
  'ecrRepository',
  'image',
  'iamAction',
  'command',
  'number',
  'psaLevel',
  'resourceVersion',
  'text',
] as const;
export type GrammarName = (typeof GRAMMAR_NAMES)[number];

/** Why a value failed its grammar. */
export type GrammarFailure =
  'empty' | 'too-long' | 'control-character' | 'wildcard' | 'placeholder' | 'form' | 'option' | 'privileged';

const PARTITIONS = new Set([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
]);
const LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
const ACCOUNT = /^\d{12}$/;
// Control and format characters (bidi overrides, zero-width), line and paragraph separators, lone surrogates,
// and any blank other than the plain space: none belongs in a name, and each can disguise what a reviewer reads.
const UNSAFE_CHAR = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?! )\s/u;

function dnsLabel(v: string): boolean {
  return v.length <= 63 && LABEL.test(v);
}

function dnsSubdomain(v: string): boolean {
  return v.length <= 253 && v.split('.').every((l) => l.length > 0 && LABEL.test(l));
}

/** `/a/b/` or `/`: IAM paths, segments of IAM-name characters (IAM allows more; a fix does not need it). */
function iamPath(v: string): boolean {
  if (v === '/') return true;
  if (v.length > 512 || !v.startsWith('/') || !v.endsWith('/')) return false;
  return v
    .slice(1, -1)
    .split('/')
    .every((s) => /^[\w+=,.@-]+$/.test(s));
}

/** `arn:PARTITION:iam::ACCOUNT:KIND/[PATH/]NAME`. */
function iamArn(v: string, kinds: readonly string[]): boolean {
  const parts = v.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== 'iam' || parts[3] !== '') return false;
  if (!PARTITIONS.has(parts[1] ?? '') || !ACCOUNT.test(parts[4] ?? '')) return false;
  const rest = parts[5] ?? '';
  const slash = rest.indexOf('/');
  const last = rest.lastIndexOf('/');
  if (slash < 0 || !kinds.includes(rest.slice(0, slash))) return false;
  return iamPath(rest.slice(slash, last + 1)) && IAM_NAME.test(rest.slice(last + 1));
}

function assumedRoleArn(v: string): boolean {
  const parts = v.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== 'sts' || parts[3] !== '') return false;
  if (!PARTITIONS.has(parts[1] ?? '') || !ACCOUNT.test(parts[4] ?? '')) return false;
  const segs = (parts[5] ?? '').split('/');
  return (
    segs.length === 3 &&
    segs[0] === 'assumed-role' &&
    IAM_NAME.test(segs[1] ?? '') &&
    /^[\w+=,.@-]{2,64}$/.test(segs[2] ?? '')
  );
}

/** A label (or taint) key: `[prefix/]name`, the prefix a DNS subdomain, the name 63 characters of [-A-Za-z0-9_.]. */
function labelKey(v: string): boolean {
  const slash = v.lastIndexOf('/');
  const name = v.slice(slash + 1);
  return (slash < 0 || dnsSubdomain(v.slice(0, slash))) && labelValue(name) && name !== '';
}

/** A label value: empty, or up to 63 characters of [-A-Za-z0-9_.] that begin and end alphanumeric. */
function labelValue(v: string): boolean {
  return v === '' || (v.length <= 63 && /^[A-Za-z0-9](?:[-\w.]*[A-Za-z0-9])?$/.test(v));
}

function region(v: string): boolean {
  return v.length <= 32 && /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/.test(v);
}

function ecrRepository(v: string): boolean {
  return v.length <= 256 && v.split('/').every((s) => /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(s));
}

/** Each grammar: its test and how a message names it. */
const GRAMMARS: Record<GrammarName, { test: (v: string) => boolean; max: number }> = {
  namespace: { test: dnsLabel, max: 63 },
  dnsLabel: { test: dnsLabel, max: 63 },
  dnsSubdomain: { test: dnsSubdomain, max: 253 },
  // Object names in API paths: anything but `/` and `%`, never `.` or `..` (what RBAC object names accept).
  objectName: { test: (v) => v !== '.' && v !== '..' && !/[/%\s]/.test(v), max: 253 },
  // RBAC accepts any non-empty user or group name; printable, without leading or trailing blanks.
  userName: { test: (v) => v.trim() === v, max: 1024 },
  groupName: { test: (v) => v.trim() === v, max: 1024 },
  serviceAccountName: { test: dnsSubdomain, max: 253 },
  verb: { test: (v) => /^[a-z]+$/.test(v), max: 64 },
  resource: { test: dnsLabel, max: 63 },
  apiGroup: { test: (v) => v === '' || dnsSubdomain(v), max: 253 },
  nonResourceURL: { test: (v) => /^\/[\w.~/-]*$/.test(v), max: 1024 },
  // What `kubectl auth can-i VERB TARGET` takes: resource[/subresource] or a non-resource path.
  rbacTarget: {
    test: (v) =>
      v.startsWith('/') ? /^\/[\w.~/-]*$/.test(v) : v.split('/').length <= 2 && v.split('/').every(dnsLabel),
    max: 1024,
  },
  // What `kubectl create role --resource=` takes: resource[.group][/subresource].
  resourceArg: {
    test: (v) => {
      const [rg = '', sub, ...more] = v.split('/');
      const dot = rg.indexOf('.');
      const resource = dot < 0 ? rg : rg.slice(0, dot);
      return (
        more.length === 0 &&
        dnsLabel(resource) &&
        (dot < 0 || dnsSubdomain(rg.slice(dot + 1))) &&
        (sub === undefined || dnsLabel(sub))
      );
    },
    max: 400,
  },
  partition: { test: (v) => PARTITIONS.has(v), max: 16 },
  account: { test: (v) => ACCOUNT.test(v), max: 12 },
  region: { test: region, max: 32 },
  clusterName: { test: (v) => /^[A-Za-z0-9][\w-]*$/.test(v), max: 100 },
  nodegroupName: { test: (v) => /^[A-Za-z0-9][\w-]*$/.test(v), max: 63 },
  instanceId: { test: (v) => /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(v), max: 19 },
  // AWS CLI profile names: a conservative subset (what `aws configure --profile` writes in practice).
  profileName: { test: (v) => /^[\w.@+-]+$/.test(v), max: 128 },
  labelKey: { test: labelKey, max: 317 },
  labelValue: { test: labelValue, max: 63 },
  // `key=value`, as `kubectl label` takes it.
  labelPair: {
    test: (v) => {
      const eq = v.indexOf('=');
      return eq > 0 && labelKey(v.slice(0, eq)) && labelValue(v.slice(eq + 1));
    },
    max: 381,
  },
  // A toleration's effect; empty tolerates every effect of the key.
  taintEffect: { test: (v) => ['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(v), max: 16 },
  // What `kubectl rollout restart` / `kubectl set` take: kind/name of a pod's controller.
  workloadRef: {
    test: (v) => {
      const [kind = '', name = '', ...more] = v.split('/');
      return (
        more.length === 0 &&
        /^(?:deployment|statefulset|daemonset|replicaset|job|cronjob)$/.test(kind) &&
        dnsSubdomain(name)
      );
    },
    max: 270,
  },
  iamName: { test: (v) => IAM_NAME.test(v), max: 64 },
  iamPath: { test: iamPath, max: 512 },
  roleArn: { test: (v) => iamArn(v, ['role']), max: 2048 },
  userArn: { test: (v) => iamArn(v, ['user']), max: 2048 },
  principalArn: { test: (v) => iamArn(v, ['role', 'user']), max: 2048 },
  assumedRoleArn: { test: assumedRoleArn, max: 2048 },
  oidcProvider: {
    test: (v) => {
      const [host = '', id = '', ...more] = v.split('/id/');
      return (
        more.length === 0 && /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/.test(host) && /^\w{1,64}$/.test(id)
      );
    },
    max: 256,
  },
  ecrRegistry: { test: (v) => /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/.test(v), max: 128 },
  ecrRepository: { test: ecrRepository, max: 256 },
  image: { test: (v) => /^[\w][\w.:/@-]*$/.test(v), max: 512 },
  iamAction: { test: (v) => /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(v), max: 128 },
  // A program named in an exec stanza: a name or a path.
  command: { test: (v) => /^[\w./+-]+$/.test(v), max: 256 },
  number: { test: (v) => /^\d{1,9}$/.test(v), max: 9 },
  psaLevel: { test: (v) => v === 'privileged' || v === 'baseline' || v === 'restricted', max: 10 },
  resourceVersion: { test: (v) => /^\d+$/.test(v), max: 32 },
  // Any printable text (a value with no more specific grammar): quoting makes it one word.
  text: { test: () => true, max: 1024 },
};

// Where `*` means "all" to Kubernetes or IAM: a fix never carries it there.
const WILDCARD_MATTERS = new Set<GrammarName>([
  'verb',
  'resource',
  'apiGroup',
  'nonResourceURL',
  'rbacTarget',
  'resourceArg',
  'objectName',
  'userName',
  'groupName',
  'iamAction',
  'roleArn',
  'userArn',
  'principalArn',
]);

// Where the empty string is a value: the core API group, a taint without value, a toleration of every effect.
const EMPTY_ALLOWED = new Set<GrammarName>(['apiGroup', 'labelValue', 'taintEffect']);

/**
 * Whether a value names the unrestricted admin role or group. A rule's manifest never takes it from a paste: whatever
 * position the template gives it (a roleRef, a group), a fix never proposes cluster-admin or system:masters.
 */
export function isAdminName(v: string): boolean {
  return /^(?:cluster-admin|system:masters)$/i.test(v.trim());
}

/** Whether a value looks like one of the tool's own `<hint>` placeholders. */
export function isHint(v: string): boolean {
  return /^<[^<>\n]*>$/.test(v);
}

/** Why `value` is not a valid `grammar` value; null when it is. */
export function grammarFailure(grammar: GrammarName, value: string): GrammarFailure | null {
  if (value === '') return EMPTY_ALLOWED.has(grammar) ? null : 'empty';
  if (UNSAFE_CHAR.test(value)) return 'control-character';
  if (value.length > GRAMMARS[grammar].max) return 'too-long';
  if (WILDCARD_MATTERS.has(grammar) && value.includes('*')) return 'wildcard';
  if (isHint(value)) return 'placeholder';
  return GRAMMARS[grammar].test(value) ? null : 'form';
}

/** Whether `value` is a valid `grammar` value. */
export function isValid(grammar: GrammarName, value: string): boolean {
  return grammarFailure(grammar, value) === null;
}

/** The value when it is valid, else null. */
export function valid(grammar: GrammarName, value: string | null | undefined): string | null {
  return value !== null && value !== undefined && isValid(grammar, value) ? value : null;
}
