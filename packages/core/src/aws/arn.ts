// IAM ARN handling exactly as aws-iam-authenticator does it (pkg/arn/arn.go Canonicalize):
//   arn:aws:sts::123456789012:assumed-role/RoleName/session → arn:aws:iam::123456789012:role/RoleName
// aws-auth compares ARNs case-insensitively and verbatim, so a role path in aws-auth never matches.

// Account ids are 12 digits, but pastes redact them (XXXXXXXXXXXX, ***, <account-id>): accept those too.
const ACCT = String.raw`(\d{12}|[Xx*#]{3,12}|<[^<>/:]{1,40}>)`;
const ASSUMED = new RegExp(String.raw`^arn:(aws[a-z-]*):sts::${ACCT}:assumed-role\/(.+)\/([^/]+)$`);
const IAM = new RegExp(String.raw`^arn:(aws[a-z-]*):iam::${ACCT}:(user|role|root|group|instance-profile)(?:\/(.+))?$`);
const ANY_ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):[a-z0-9-]*:(\d{12}|aws)?:(.+)$/;

/** What an IAM/STS ARN denotes. */
export interface ArnInfo {
  partition: string;
  account: string;
  type: 'user' | 'role' | 'root' | 'assumed-role' | 'group' | 'instance-profile' | 'federated-user' | 'other';
  /** Name without path (role or user name). */
  name: string;
  /** Path between the type and the name, e.g. `/teams/platform/`, or `/`. */
  path: string;
  session: string | null;
}

/** Parses an IAM or STS ARN; null when it is not one. */
export function parseArn(arn: string): ArnInfo | null {
  const a = ASSUMED.exec(arn);
  if (a?.[1] && a[2] && a[3] && a[4])
    return { partition: a[1], account: a[2], type: 'assumed-role', name: a[3], path: '/', session: a[4] };
  const m = IAM.exec(arn);
  if (m?.[1] && m[2] && m[3]) {
    const rest = m[4] ?? '';
    const cut = rest.lastIndexOf('/');
    const name = cut >= 0 ? rest.slice(cut + 1) : rest;
    const path = cut >= 0 ? `/${rest.slice(0, cut)}/` : '/';
    return { partition: m[1], account: m[2], type: m[3] as ArnInfo['type'], name, path, session: null };
  }
  const f = new RegExp(String.raw`^arn:(aws[a-z-]*):sts::${ACCT}:federated-user\/(.+)$`).exec(arn);
  if (f?.[1] && f[2] && f[3])
    return { partition: f[1], account: f[2], type: 'federated-user', name: f[3], path: '/', session: null };
  const o = ANY_ARN.exec(arn);
  if (o?.[1])
    return { partition: o[1], account: o[3] ?? '', type: 'other', name: o[4] ?? '', path: '/', session: null };
  return null;
}

/** The principal ARN the EKS authenticator matches against mappings (assumed-role → role, no path). */
export function canonicalArn(arn: string): string {
  const a = ASSUMED.exec(arn);
  if (a?.[1] && a[2] && a[3]) return `arn:${a[1]}:iam::${a[2]}:role/${a[3]}`;
  return arn;
}

/** Removes an IAM path from a role ARN, as aws-auth requires (`role/a/b/Name` → `role/Name`). */
export function stripRolePath(arn: string): string {
  const info = parseArn(arn);
  if (info?.type !== 'role' || info.path === '/') return arn;
  return `arn:${info.partition}:iam::${info.account}:role/${info.name}`;
}

/** Whether two ARNs denote the same mapping key (aws-auth compares case-insensitively). */
export function sameArn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
