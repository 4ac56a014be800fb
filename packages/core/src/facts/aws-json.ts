// Facts from aws CLI output: `sts get-caller-identity` (JSON, or `--output text`), `eks describe-cluster` (or its
// `--query cluster.accessConfig`), `eks list-access-entries`, `describe-access-entry` and
// `list-associated-access-policies`.
import { t } from '../i18n/t.js';
import { canonicalArn, parseArn } from '../aws/arn.js';
import type { Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { lineIn, type Located } from '../parse/located.js';
import { arr, isObj, obj, str, strs } from '../parse/objects.js';
import { ref, src, type Collected } from './collected.js';
import type { AccessEntryFact, CallerIdentityFact } from './schema.js';

/** A `sts get-caller-identity` JSON section: its identity replaces any read before. */
export function extractCallerIdentityJson(section: Section, c: Collected): void {
  const v = section.json?.errors.length === 0 && section.json.values.length === 1 ? section.json.values[0] : null;
  const arn = str(v, 'Arn');
  const line = section.lines.find((l) => l.text.includes('"Arn"')) ?? section.lines[0];
  if (arn !== null && line) c.callerIdentity = callerIdentity(arn, str(v, 'Account'), str(v, 'UserId'), line);
  else
    c.issues.push({
      code: 'json_unparsed',
      line: section.lines[0]?.no ?? 0,
      message: t(c.lang, 'issue.json_unparsed'),
      ...src(section),
    });
}

// The account may be redacted as people do in pastes (`XXXXXXXXX`, `***`, `<account-id>`), as the JSON form may.
const ACCOUNT = String.raw`(?:\d{12}|[X*x]{3,16}|<[\w-]{1,30}>)`;
const CALLER_TEXT = new RegExp(String.raw`^\s*(${ACCOUNT})\s+(arn:aws[\w-]*:(?:iam|sts)::${ACCOUNT}:\S+)\s+(\S+)\s*$`);

/** `aws sts get-caller-identity --output text` (Account, Arn, UserId on one tab-separated line), or null. */
export function callerIdentityOfText(l: Line): CallerIdentityFact | null {
  if (l.text.length > 400) return null;
  const m = CALLER_TEXT.exec(l.text);
  return m?.[1] && m[2] && m[3] ? callerIdentity(m[2], m[1], m[3], l) : null;
}

function callerIdentity(arn: string, account: string | null, userId: string | null, l: Line): CallerIdentityFact {
  const info = parseArn(arn);
  return Object.assign(ref(l), {
    arn,
    account: account ?? info?.account ?? '',
    userId,
    canonicalArn: canonicalArn(arn),
    type: info?.type ?? 'other',
    mappedInAwsAuth: null,
  });
}

const AUTH_MODES: ReadonlySet<string> = new Set(['API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP']);

/** An aws CLI JSON object (no `kind`): describe-cluster, access entries, caller identity inside other JSON. */
export function readAwsObject(
  o: Record<string, unknown>,
  loc: Located,
  line: (k?: string | number, inObj?: unknown) => Line,
  at: (n: number | null) => Line,
  c: Collected,
): void {
  // describe-cluster (full, or `--query cluster`, or `--query cluster.accessConfig`).
  const cluster = isObj(o['cluster'])
    ? o['cluster']
    : o['accessConfig'] !== undefined || (str(o, 'arn') ?? '').includes(':cluster/')
      ? o
      : null;
  const accessConfig = cluster ? obj(cluster, 'accessConfig') : typeof o['authenticationMode'] === 'string' ? o : null;
  if (cluster || accessConfig) {
    const cl = cluster ?? {};
    const mode = accessConfig ? str(accessConfig, 'authenticationMode') : null;
    const full = cluster !== null && (cl['endpoint'] !== undefined || cl['arn'] !== undefined);
    c.clusters.push({
      ...ref(cluster ? line(isObj(o['cluster']) ? 'cluster' : undefined) : line('authenticationMode')),
      name: str(cl, 'name'),
      arn: str(cl, 'arn'),
      version: str(cl, 'version'),
      endpoint: str(cl, 'endpoint'),
      oidcIssuer: str(obj(obj(cl, 'identity'), 'oidc'), 'issuer'),
      authMode:
        mode !== null && AUTH_MODES.has(mode)
          ? mode
          : mode === null && full && cl['accessConfig'] === undefined
            ? 'CONFIG_MAP'
            : mode,
      authModeLine: mode !== null && accessConfig ? line('authenticationMode', accessConfig).no : null,
    });
  }
  // list-access-entries
  const list = arr(o, 'accessEntries');
  list.forEach((a, i) => {
    if (typeof a === 'string') upsertEntry(c, a, at(lineIn(loc, list, i)), {});
  });
  // describe-access-entry
  const entry = obj(o, 'accessEntry');
  const p = str(entry, 'principalArn');
  if (p !== null) {
    upsertEntry(c, p, line('principalArn', entry), {
      username: str(entry, 'username'),
      kubernetesGroups: strs(entry, 'kubernetesGroups'),
      type: str(entry, 'type'),
      clusterName: str(entry, 'clusterName'),
    });
  }
  // list-associated-access-policies
  if (Array.isArray(o['associatedAccessPolicies'])) {
    const principal = str(o, 'principalArn') ?? '';
    const policies = arr(o, 'associatedAccessPolicies')
      .filter(isObj)
      .map((x) => {
        const policyArn = str(x, 'policyArn') ?? '';
        return {
          ...ref(line('policyArn', x)),
          policyArn,
          policy: policyArn.slice(policyArn.lastIndexOf('/') + 1),
          scopeType: str(obj(x, 'accessScope'), 'type'),
          namespaces: strs(obj(x, 'accessScope'), 'namespaces'),
        };
      });
    const e = upsertEntry(c, principal, line(principal === '' ? 'associatedAccessPolicies' : 'principalArn'), {
      clusterName: str(o, 'clusterName'),
    });
    e.policies = [...(e.policies ?? []), ...policies];
  }
  // sts get-caller-identity inside other JSON (a section of its own is read by extractCallerIdentityJson).
  const arn = str(o, 'Arn');
  if (arn !== null && str(o, 'Account') !== null && c.callerIdentity === null)
    c.callerIdentity = callerIdentity(arn, str(o, 'Account'), str(o, 'UserId'), line('Arn'));
}

function upsertEntry(
  c: Collected,
  principalArn: string,
  l: Line,
  more: Partial<Pick<AccessEntryFact, 'username' | 'kubernetesGroups' | 'type' | 'clusterName'>>,
): AccessEntryFact {
  let e = c.accessEntries.find((x) => x.principalArn === principalArn);
  if (!e) {
    e = {
      ...ref(l),
      principalArn,
      canonicalArn: canonicalArn(principalArn),
      username: null,
      kubernetesGroups: [],
      type: null,
      clusterName: null,
      policies: null,
    };
    c.accessEntries.push(e);
  }
  if (more.username !== undefined && more.username !== null) e.username = more.username;
  if (more.kubernetesGroups !== undefined && more.kubernetesGroups.length > 0)
    e.kubernetesGroups = more.kubernetesGroups;
  if (more.type !== undefined && more.type !== null) e.type = more.type;
  if (more.clusterName !== undefined && more.clusterName !== null) e.clusterName = more.clusterName;
  // describe-access-entry is the authoritative line for the entry.
  if (more.username !== undefined) e.line = l.no;
  return e;
}
