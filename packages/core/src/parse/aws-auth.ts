// Format: the aws-auth ConfigMap (kube-system), as YAML (`kubectl get cm aws-auth -o yaml` or a manifest), JSON, or
// `kubectl describe configmap aws-auth` (Data / ==== / key: / ---- / raw value). Every data value is a string
// holding YAML:
//   data:
//     mapRoles: |
//       - rolearn: arn:aws:iam::111122223333:role/eks-node-role
//         username: system:node:{{EC2PrivateDNSName}}
//         groups: [system:bootstrappers, system:nodes]
// Text whose indentation was lost in a paste is still read line by line (and reported as malformed).
import type { Line } from '../input/lines.js';
import { parseArn } from '../aws/arn.js';
import { readJson } from './json.js';
import type { Located } from './located.js';
import type { Text } from '../i18n/t.js';
import { readYaml, readYamlValue, type YamlLibrary } from './yaml.js';

export type AwsAuthFindingCode =
  | 'aws_auth_yaml_syntax'
  | 'aws_auth_indentation_lost'
  | 'aws_auth_missing_block_scalar'
  | 'aws_auth_wrong_top_key'
  | 'aws_auth_not_a_list'
  | 'aws_auth_entry_invalid'
  | 'aws_auth_masters_overgrant'
  | 'aws_auth_no_node_role'
  | 'aws_auth_node_role_missing_groups'
  | 'aws_auth_role_path'
  | 'aws_auth_sts_arn'
  | 'aws_auth_instance_profile_arn'
  | 'aws_auth_group_arn'
  | 'aws_auth_role_in_mapusers'
  | 'aws_auth_username_missing'
  | 'aws_auth_duplicate_arn'
  | 'aws_auth_groups_misindented';

/** One mapping of aws-auth. */
export interface AwsAuthEntry {
  kind: 'role' | 'user';
  arn: string;
  username: string | null;
  groups: string[];
  /** Line where the ARN is written. */
  line: Line | null;
}

/** A lint finding on aws-auth. */
export interface AwsAuthFinding {
  code: AwsAuthFindingCode;
  /** What is wrong, as a text of the core's catalogs: the facts word it in the report's language. */
  message: Text;
  line: Line | null;
  arn?: string;
}

/** Everything read from one aws-auth text. */
export interface AwsAuth {
  format: 'yaml' | 'json' | 'describe' | 'lenient';
  /** True when the text is a structurally valid ConfigMap whose data values all parsed. */
  wellFormed: boolean;
  entries: AwsAuthEntry[];
  accounts: string[];
  findings: AwsAuthFinding[];
  /** The data values exactly as written (for a lossless merge), when the text was well formed. */
  data: Record<string, string> | null;
  name: string | null;
  namespace: string | null;
  resourceVersion: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** How many different aws-auth ConfigMaps this text holds (a multi-document stream may hold several). */
  variants: number;
  lines: Line[];
}

const DATA_KEYS = ['mapRoles', 'mapUsers', 'mapAccounts'] as const;

/** Reads an aws-auth ConfigMap from a section of YAML, JSON (`json`: the section read as JSON) or describe output. */
export function readAwsAuth(yaml: YamlLibrary, lines: readonly Line[], json: Located | null = null): AwsAuth {
  const text = lines.map((l) => l.text).join('\n');
  const first = lines.find((l) => l.text.trim() !== '')?.text.trim() ?? '';
  if (/^Name:\s/.test(first) || /^Data\s*$/m.test(text)) return fromDescribe(yaml, lines);
  if (first.startsWith('{')) {
    const j = json ?? readJson(text);
    if (j.errors.length === 0 && j.values.length === 1) return fromObject(yaml, j.values[0], lines, 'json');
    return lenient(lines, [
      { code: 'aws_auth_yaml_syntax', message: { key: 'finding.jsonUnparsed' }, line: lines[0] ?? null },
    ]);
  }
  // A key written twice is malformed, not "the last one": a merge must not drop the mappings of the other.
  const y = readYaml(yaml, text, { uniqueKeys: true });
  const doc = y.values.find(
    (v) => isRecord(v) && (v['kind'] === 'ConfigMap' || 'data' in v || 'mapRoles' in v || 'mapUsers' in v),
  );
  if (y.errors.length === 0 && isRecord(doc)) {
    const maps = y.values.filter((v): v is Record<string, unknown> => isRecord(v) && v['kind'] === 'ConfigMap');
    return {
      ...fromObject(yaml, doc, lines, 'yaml'),
      variants: Math.max(1, new Set(maps.map((m) => JSON.stringify(m['data']))).size),
    };
  }
  const firstErr = y.errors[0];
  const errLine = firstErr ? (lines[firstErr.line - 1] ?? null) : null;
  const flat =
    isRecord(y.values[0]) && y.values[0]['metadata'] === null && ('name' in y.values[0] || 'mapUsers' in y.values[0]);
  const finding: AwsAuthFinding =
    flat || looksFlattened(lines)
      ? {
          code: 'aws_auth_indentation_lost',
          message: { key: 'finding.indentationLost' },
          line: errLine ?? lines[0] ?? null,
        }
      : {
          code: 'aws_auth_yaml_syntax',
          message: firstErr
            ? { key: 'finding.yamlSyntax', params: { error: firstErr.message } }
            : { key: 'finding.yamlSyntaxUnknown' },
          line: errLine ?? lines[0] ?? null,
        };
  return lenient(lines, [finding]);
}

function looksFlattened(lines: readonly Line[]): boolean {
  return (
    lines.some((l) => /^(?:name|namespace|mapRoles|mapUsers):/.test(l.text)) &&
    !lines.some((l) => /^\s+\S/.test(l.text))
  );
}

/** The string values of a map (labels, annotations). */
function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromObject(yaml: YamlLibrary, obj: unknown, lines: readonly Line[], format: 'yaml' | 'json'): AwsAuth {
  const findings: AwsAuthFinding[] = [];
  const o = isRecord(obj) ? obj : {};
  const meta = isRecord(o['metadata']) ? o['metadata'] : {};
  const rawData: Record<string, unknown> = isRecord(o['data'])
    ? o['data']
    : 'mapRoles' in o || 'mapUsers' in o
      ? o
      : {};
  const data: Record<string, string> = {};
  let wellFormed = true;
  for (const [k, v] of Object.entries(rawData)) {
    if (typeof v === 'string') data[k] = v;
    else if (v === null || v === undefined) data[k] = '';
    else if ((DATA_KEYS as readonly string[]).includes(k)) {
      wellFormed = false;
      findings.push({
        code: 'aws_auth_missing_block_scalar',
        message: { key: Array.isArray(v) ? 'finding.blockScalarList' : 'finding.blockScalarMap', params: { key: k } },
        line: findLine(lines, new RegExp(`^\\s*${k}:`)),
      });
    }
  }
  for (const k of Object.keys(rawData)) {
    if (/^map(?:roles|users|accounts)$/i.test(k) && !(DATA_KEYS as readonly string[]).includes(k)) {
      findings.push({
        code: 'aws_auth_wrong_top_key',
        message: { key: 'finding.wrongTopKey', params: { key: k } },
        line: findLine(lines, new RegExp(`^\\s*"?${k}"?\\s*:`)),
      });
    }
  }
  const entries: AwsAuthEntry[] = [];
  const accounts: string[] = [];
  for (const k of DATA_KEYS) {
    const v = rawData[k];
    if (typeof v !== 'string' && !Array.isArray(v)) continue;
    const keyLine = findLine(lines, new RegExp(`^\\s*"?${k}"?\\s*:`));
    let list: unknown;
    if (Array.isArray(v)) list = v;
    else {
      if (v.trim() === '') continue;
      const inner = readYamlValue(yaml, v, { uniqueKeys: true });
      if (inner.errors.length > 0) {
        wellFormed = false;
        // The broken line itself: a block value starts on the line after its key.
        const at = keyLine === null ? -1 : lines.indexOf(keyLine);
        const errLine = inner.errors[0]?.line ?? 0;
        findings.push({
          code: 'aws_auth_yaml_syntax',
          message: { key: 'finding.innerYamlSyntax', params: { key: k, error: inner.errors[0]?.message ?? '' } },
          line: (at >= 0 && errLine > 0 ? lines[at + errLine] : undefined) ?? keyLine,
        });
        // Its entries, read line by line, so a fix can name them (they are not valid as written).
        const kind = k === 'mapRoles' ? 'role' : 'user';
        entries.push(...lenient(lines, []).entries.filter((e) => e.kind === kind));
        continue;
      }
      list = inner.value;
    }
    if (!Array.isArray(list)) {
      wellFormed = false;
      findings.push({
        code: 'aws_auth_not_a_list',
        message: { key: 'finding.notAList', params: { key: k } },
        line: keyLine,
      });
      continue;
    }
    if (k === 'mapAccounts') {
      for (const a of list) if (typeof a === 'string' || typeof a === 'number') accounts.push(String(a));
      continue;
    }
    for (const item of list) {
      if (!isRecord(item)) continue;
      const lower: Record<string, unknown> = {};
      for (const [ik, iv] of Object.entries(item)) lower[ik.toLowerCase()] = iv;
      const arnKey = k === 'mapRoles' ? 'rolearn' : 'userarn';
      const otherKey = k === 'mapRoles' ? 'userarn' : 'rolearn';
      const arn =
        typeof lower[arnKey] === 'string'
          ? lower[arnKey]
          : typeof lower[otherKey] === 'string'
            ? lower[otherKey]
            : null;
      if (arn === null) continue;
      const line = findArnLine(lines, arn);
      if (typeof lower[arnKey] !== 'string') {
        findings.push({
          code: 'aws_auth_entry_invalid',
          message: { key: 'finding.entryInvalid', params: { arn, key: k, otherKey, arnKey } },
          line,
          arn,
        });
      }
      const groupsRaw = lower['groups'];
      let groups: string[] = [];
      if (Array.isArray(groupsRaw)) groups = groupsRaw.filter((g): g is string => typeof g === 'string');
      else if (typeof groupsRaw === 'string') {
        groups = [groupsRaw];
        findings.push({
          code: 'aws_auth_groups_misindented',
          message: { key: 'finding.groupsString', params: { arn } },
          line,
          arn,
        });
      }
      for (const g of groups) {
        if (/\s-\s/.test(g))
          findings.push({
            code: 'aws_auth_groups_misindented',
            message: { key: 'finding.groupLostBreak', params: { arn, group: g } },
            line,
            arn,
          });
      }
      const username = typeof lower['username'] === 'string' ? lower['username'] : null;
      entries.push({ kind: k === 'mapRoles' ? 'role' : 'user', arn, username, groups, line });
    }
  }
  lint(entries, findings, lines);
  return {
    format,
    wellFormed,
    entries,
    accounts,
    findings,
    data: wellFormed ? data : null,
    name: typeof meta['name'] === 'string' ? meta['name'] : null,
    namespace: typeof meta['namespace'] === 'string' ? meta['namespace'] : null,
    resourceVersion: typeof meta['resourceVersion'] === 'string' ? meta['resourceVersion'] : null,
    labels: strings(meta['labels']),
    annotations: strings(meta['annotations']),
    variants: 1,
    lines: [...lines],
  };
}

function fromDescribe(yaml: YamlLibrary, lines: readonly Line[]): AwsAuth {
  // Data values start after "key:" + "----" and run to the next such pair, "BinaryData" or "Events:".
  const data: Record<string, string> = {};
  let name: string | null = null;
  let namespace: string | null = null;
  let key: string | null = null;
  let buf: string[] = [];
  const flush = (): void => {
    if (key !== null) {
      while (buf.length > 0 && buf[buf.length - 1]?.trim() === '') buf.pop();
      data[key] = buf.length > 0 ? `${buf.join('\n')}\n` : '';
    }
    key = null;
    buf = [];
  };
  let inData = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]?.text ?? '';
    if (!inData) {
      const n = /^Name:\s+(\S+)/.exec(t);
      if (n?.[1]) name = n[1];
      const ns = /^Namespace:\s+(\S+)/.exec(t);
      if (ns?.[1]) namespace = ns[1];
      if (/^Data\s*$/.test(t) && /^=+\s*$/.test(lines[i + 1]?.text ?? '')) {
        inData = true;
        i++;
      }
      continue;
    }
    if (/^BinaryData\s*$/.test(t) || /^Events:/.test(t)) {
      flush();
      inData = false;
      continue;
    }
    const k = /^([A-Za-z0-9_.-]+):\s*$/.exec(t);
    if (k?.[1] && /^-{4,}\s*$/.test(lines[i + 1]?.text ?? '')) {
      flush();
      key = k[1];
      i++;
      continue;
    }
    if (key !== null) buf.push(t);
  }
  flush();
  const result = fromObject(yaml, { kind: 'ConfigMap', metadata: { name, namespace }, data }, lines, 'yaml');
  return { ...result, format: 'describe' };
}

/** Reads entries line by line when the YAML structure is broken (e.g. indentation lost in a blog). */
function lenient(lines: readonly Line[], findings: AwsAuthFinding[]): AwsAuth {
  const entries: AwsAuthEntry[] = [];
  let section: 'role' | 'user' | null = null;
  let cur: AwsAuthEntry | null = null;
  let inGroups = false;
  let name: string | null = null;
  let namespace: string | null = null;
  for (const line of lines) {
    // `(?<!\s)`: start only at the first blank of a run, and `[^]*` (not `.*`, which stops at U+2028): `\s+#.*$` is
    // quadratic on a long run of blanks (ReDoS).
    const t = line.text.replace(/(?<!\s)\s+#[^]*$/, '').trim();
    const sec = /^"?map(Roles|Users|Accounts)"?\s*:/.exec(t);
    if (sec) {
      section = sec[1] === 'Roles' ? 'role' : sec[1] === 'Users' ? 'user' : null;
      cur = null;
      inGroups = false;
      continue;
    }
    const nm = /^name:\s*["']?([\w.-]+)/.exec(t);
    if (nm?.[1] && cur === null) name = nm[1];
    const ns = /^namespace:\s*["']?([\w.-]+)/.exec(t);
    if (ns?.[1] && cur === null) namespace = ns[1];
    const arn = /^(?:-\s*)?(rolearn|userarn)\s*:\s*["']?(arn:[^\s"']+)/i.exec(t);
    if (arn?.[1] && arn[2]) {
      cur = {
        kind: arn[1].toLowerCase() === 'rolearn' ? 'role' : section === 'role' ? 'role' : 'user',
        arn: arn[2],
        username: null,
        groups: [],
        line,
      };
      entries.push(cur);
      inGroups = false;
      continue;
    }
    if (!cur) continue;
    const un = /^(?:-\s*)?username\s*:\s*["']?([^"'\s]+)/.exec(t);
    if (un?.[1]) {
      cur.username = un[1];
      inGroups = false;
      continue;
    }
    const gr = /^(?:-\s*)?groups\s*:\s*(.*)$/.exec(t);
    if (gr) {
      const inline = gr[1]?.trim() ?? '';
      if (inline.startsWith('['))
        cur.groups.push(
          ...inline
            .replace(/[[\]"']/g, '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      inGroups = inline === '';
      continue;
    }
    const item = /^-\s*["']?([^"'\s]+)["']?$/.exec(t);
    if (inGroups && item?.[1]) {
      cur.groups.push(item[1]);
      continue;
    }
    inGroups = false;
  }
  lint(entries, findings, lines);
  return {
    format: 'lenient',
    wellFormed: false,
    entries,
    accounts: [],
    findings,
    data: null,
    name,
    namespace,
    resourceVersion: null,
    labels: {},
    annotations: {},
    variants: 1,
    lines: [...lines],
  };
}

/** A node entry's missing groups: one of the two, or both. */
function nodeGroupsMissing(e: AwsAuthEntry): Text {
  const missing = ['system:bootstrappers', 'system:nodes'].filter((g) => !e.groups.includes(g));
  const [group] = missing;
  return missing.length === 1 && group !== undefined
    ? { key: 'finding.nodeMissingGroup', params: { arn: e.arn, group } }
    : { key: 'finding.nodeMissingGroups', params: { arn: e.arn } };
}

const NODE_USERNAME = /^system:node:\{\{(?:EC2PrivateDNSName|SessionName)\}\}$/;

/** Static checks on the mappings. */
function lint(entries: readonly AwsAuthEntry[], findings: AwsAuthFinding[], lines: readonly Line[]): void {
  const seen = new Map<string, AwsAuthEntry>();
  for (const e of entries) {
    const info = parseArn(e.arn);
    if (e.groups.includes('system:masters')) {
      findings.push({
        code: 'aws_auth_masters_overgrant',
        message: { key: 'finding.mastersOvergrant', params: { arn: e.arn } },
        line: e.line,
        arn: e.arn,
      });
    }
    if (info?.type === 'assumed-role') {
      findings.push({
        code: 'aws_auth_sts_arn',
        message: {
          key: 'finding.stsArn',
          params: { arn: e.arn, roleArn: `arn:${info.partition}:iam::${info.account}:role/${info.name}` },
        },
        line: e.line,
        arn: e.arn,
      });
    } else if (info?.type === 'instance-profile') {
      findings.push({
        code: 'aws_auth_instance_profile_arn',
        message: { key: 'finding.instanceProfile', params: { arn: e.arn } },
        line: e.line,
        arn: e.arn,
      });
    } else if (info?.type === 'group') {
      findings.push({
        code: 'aws_auth_group_arn',
        message: { key: 'finding.groupArn', params: { arn: e.arn } },
        line: e.line,
        arn: e.arn,
      });
    } else if (info?.type === 'role' && info.path !== '/') {
      findings.push({
        code: 'aws_auth_role_path',
        message: {
          key: 'finding.rolePath',
          params: {
            arn: e.arn,
            path: info.path,
            roleArn: `arn:${info.partition}:iam::${info.account}:role/${info.name}`,
          },
        },
        line: e.line,
        arn: e.arn,
      });
    }
    if (e.kind === 'user' && info?.type === 'role') {
      findings.push({
        code: 'aws_auth_role_in_mapusers',
        message: { key: 'finding.roleInMapUsers', params: { arn: e.arn } },
        line: e.line,
        arn: e.arn,
      });
    }
    if (e.username === null || e.username.trim() === '') {
      findings.push({
        code: 'aws_auth_username_missing',
        message: { key: 'finding.usernameMissing', params: { arn: e.arn } },
        line: e.line,
        arn: e.arn,
      });
    }
    if (
      e.username !== null &&
      NODE_USERNAME.test(e.username) &&
      (!e.groups.includes('system:nodes') || !e.groups.includes('system:bootstrappers'))
    ) {
      findings.push({
        code: 'aws_auth_node_role_missing_groups',
        message: nodeGroupsMissing(e),
        line: e.line,
        arn: e.arn,
      });
    }
    const k = e.arn.toLowerCase();
    const prev = seen.get(k);
    if (prev)
      findings.push({
        code: 'aws_auth_duplicate_arn',
        message: { key: 'finding.duplicateArn', params: { arn: e.arn } },
        line: e.line,
        arn: e.arn,
      });
    seen.set(k, e);
  }
  const hasNode = entries.some((e) => e.kind === 'role' && e.groups.includes('system:nodes'));
  if (!hasNode) {
    findings.push({
      code: 'aws_auth_no_node_role',
      message: { key: 'finding.noNodeRole' },
      line: findLine(lines, /^\s*(?:"?data"?\s*:|"?mapUsers"?\s*:|"?mapRoles"?\s*:)/) ?? lines[0] ?? null,
    });
  }
}

function findLine(lines: readonly Line[], re: RegExp): Line | null {
  return lines.find((l) => re.test(l.text)) ?? null;
}

function findArnLine(lines: readonly Line[], arn: string): Line | null {
  return lines.find((l) => l.text.includes(arn)) ?? null;
}
