// aws-auth fixes never lose a mapping. When the current ConfigMap is in the input, the fix is that ConfigMap with the
// new entries appended (every existing data value kept byte for byte, labels, annotations and resourceVersion kept so
// that a stale copy fails to apply instead of overwriting). A report proposes at most one such ConfigMap, carrying
// every addition of every diagnosis: two copies applied one after the other would each remove what the other added.
// A malformed aws-auth is never rebuilt: the fix points at the broken line and gives the corrected entry only.
import type { AwsAuthFact } from '../facts/schema.js';
import type { Diagnosis, Remediation } from '../report.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import { grammarFailure, isHint, isValid, type GrammarFailure, type GrammarName } from './grammar.js';
import { comment as manifestComment } from './messages.js';
import type { YamlLibrary } from '../parse/yaml.js';
import { toYamlDocuments, yamlWriter } from './yaml-out.js';

/** One mapping to add. */
export interface NewMapping {
  kind: 'role' | 'user';
  arn: string;
  username: string;
  groups: string[];
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function entryObject(m: NewMapping): Record<string, unknown> {
  return { [m.kind === 'role' ? 'rolearn' : 'userarn']: m.arn, username: m.username, groups: m.groups };
}

function entryYaml(yaml: YamlLibrary, m: NewMapping): string {
  return toYamlDocuments(yaml, [[entryObject(m)]]);
}

function appendEntry(existing: string | undefined, entry: string): string {
  if (existing === undefined || existing.trim() === '') return entry;
  return existing.endsWith('\n') ? existing + entry : `${existing}\n${entry}`;
}

/**
 * The list a mapRoles/mapUsers value holds, read as the authenticator reads it (YAML 1.1, one document, unique keys);
 * null when it does not read as one list (the authenticator would then drop every mapping of the key).
 */
function mappingsOf(yaml: YamlLibrary, value: string | undefined): unknown[] | null {
  if (value === undefined || value.trim() === '') return [];
  const docs = yaml.parseAllDocuments(value, { version: '1.1', uniqueKeys: true, logLevel: 'silent' });
  if (!Array.isArray(docs) || docs.length !== 1) return null;
  const [doc] = docs;
  if (!doc || doc.errors.length > 0 || doc.warnings.length > 0) return null;
  try {
    const v: unknown = doc.toJS({ maxAliasCount: 100 });
    return v === null ? [] : Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * `existing` with `added` after its mappings: appended as text when that reads back as exactly the existing mappings
 * then the new ones (every byte kept), else written anew from the mappings it holds (a flow list such as `[]`, a list
 * indented inside the string, one closed by `...`); null when `existing` does not read as one list.
 */
function withMappings(yaml: YamlLibrary, existing: string | undefined, added: readonly NewMapping[]): string | null {
  const before = mappingsOf(yaml, existing);
  if (before === null) return null;
  const want = JSON.stringify([...before, ...added.map(entryObject)]);
  const appended = added.reduce((text: string | undefined, m) => appendEntry(text, entryYaml(yaml, m)), existing) ?? '';
  if (JSON.stringify(mappingsOf(yaml, appended)) === want) return appended;
  const rewritten = toYamlDocuments(yaml, [JSON.parse(want) as unknown]);
  return JSON.stringify(mappingsOf(yaml, rewritten)) === want ? rewritten : null;
}

/** The ARN with `<hints>` standing in for unknown parts: checked on a stand-in for each hint. */
function arnFailure(m: NewMapping): { grammar: GrammarName; failure: GrammarFailure } | null {
  const grammar: GrammarName = m.kind === 'role' ? 'roleArn' : 'principalArn';
  const probe = m.arn.replace(/<ACCOUNT_ID>|<account>/g, '111122223333').replace(/<[\w-]+>/g, 'Name');
  const failure = grammarFailure(grammar, probe);
  return failure === null ? null : { grammar, failure };
}

/**
 * The merged ConfigMap: the pasted one with `mappings` added after its own, nothing else changed; a note when a data
 * value it must add to does not read as one list (merging into it would lose the mappings it holds).
 */
export function mergedAwsAuth(
  yaml: YamlLibrary,
  a: AwsAuthFact,
  mappings: readonly NewMapping[],
  lang: Lang = 'en',
): Remediation {
  const data: Record<string, string> = { ...(a.data ?? {}) };
  // A mapping the ConfigMap already holds, identically, is not written twice.
  const fresh = mappings.filter(
    (m) =>
      !a.entries.some(
        (e) =>
          e.kind === m.kind &&
          e.arn.toLowerCase() === m.arn.toLowerCase() &&
          e.username === m.username &&
          JSON.stringify(e.groups) === JSON.stringify(m.groups),
      ),
  );
  for (const key of ['mapRoles', 'mapUsers'] as const) {
    const add = fresh.filter((m) => (m.kind === 'role' ? 'mapRoles' : 'mapUsers') === key);
    if (add.length === 0) continue;
    const value = withMappings(yaml, data[key], add);
    if (value === null)
      return {
        kind: 'note',
        title: t(lang, 'fix.awsAuthUnmergeableTitle'),
        text: t(lang, 'fix.awsAuthUnmergeable', { key, from: a.line, to: a.endLine }),
        safety: 'read-only',
      };
    data[key] = value;
  }
  const added = fresh.length;
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(data).sort()) sorted[k] = data[k] ?? '';
  const annotations = Object.fromEntries(Object.entries(a.annotations).filter(([k]) => k !== LAST_APPLIED));
  const version =
    a.resourceVersion !== null && isValid('resourceVersion', a.resourceVersion) ? a.resourceVersion : null;
  const metadata = {
    name: 'aws-auth',
    namespace: 'kube-system',
    ...(version === null ? {} : { resourceVersion: version }),
    ...(Object.keys(a.labels).length > 0 ? { labels: a.labels } : {}),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: sorted };
  const comment = manifestComment('awsAuth', {
    from: a.line,
    to: a.endLine,
    count: added,
    stale: manifestComment(version === null ? 'awsAuthNoVersion' : 'awsAuthStale'),
  });
  const text = JSON.stringify(mappings);
  const hints = [
    text.includes('<node-instance-role>') ? manifestComment('awsAuthNodeRoleHint') : '',
    text.includes('<team-group>') ? manifestComment('awsAuthGroupHint') : '',
  ].filter(Boolean);
  return {
    kind: 'manifest',
    title: t(lang, 'fix.awsAuthTitle', { count: added }),
    yaml: toYamlDocuments(yaml, [cm], [comment, ...hints, manifestComment('apply')].join(' ')),
    safety: 'mutating',
  };
}

/** The note and corrected entry for a malformed aws-auth (never a rebuilt ConfigMap). */
function malformed(yaml: YamlLibrary, a: AwsAuthFact, lang: Lang): Remediation[] {
  const broken = a.findings.find((f) => f.code !== 'aws_auth_no_node_role')?.line ?? a.line;
  const out: Remediation[] = [
    {
      kind: 'note',
      title: t(lang, 'fix.awsAuthMalformedTitle'),
      text: t(lang, 'fix.awsAuthMalformed', { from: a.line, to: a.endLine, line: broken }),
      safety: 'read-only',
    },
  ];
  // The entry the broken line belongs to: the last one written at or before it.
  const entry = [...a.entries].reverse().find((e) => e.line <= broken) ?? a.entries[0];
  if (
    entry &&
    entry.username !== null &&
    isValid('text', entry.arn) &&
    isValid('userName', entry.username) &&
    entry.groups.every((g) => isValid('groupName', g))
  )
    out.push({
      kind: 'patch',
      title: t(lang, 'fix.awsAuthEntryTitle', { line: entry.line }),
      yaml: entryYaml(yaml, { kind: entry.kind, arn: entry.arn, username: entry.username, groups: entry.groups }),
      safety: 'mutating',
    });
  return out;
}

/**
 * The aws-auth additions of one report. Generators propose mappings and get a stand-in remediation; once the report's
 * diagnoses are final, {@link AwsAuthPlan.finish} turns the first stand-in into the one merged ConfigMap holding every
 * addition still in the report, and the others into notes pointing at it. One plan per diagnose() run.
 */
export class AwsAuthPlan {
  private readonly proposals: { mapping: NewMapping; stand: Remediation }[] = [];
  private readonly fact: AwsAuthFact | null;
  private readonly lang: Lang;
  private readonly yaml: YamlLibrary | null;

  /**
   * `lang`: the language of the titles and notes (the ConfigMap is the same in every language); `yaml`: the library
   * the ConfigMap is read and written with, needed when the input holds one.
   */
  constructor(fact: AwsAuthFact | null, lang: Lang = 'en', yaml: YamlLibrary | null = null) {
    this.fact = fact;
    this.lang = lang;
    this.yaml = yaml;
  }

  /** What a diagnosis shows for `mapping`; nothing when aws-auth is not in the input (the rules' commands apply). */
  propose(mapping: NewMapping): Remediation[] {
    const { fact: a, lang } = this;
    if (a === null) return [];
    if (!a.wellFormed || a.data === null) return malformed(yamlWriter(this.yaml), a, lang);
    if (a.variants > 1)
      return [
        {
          kind: 'note',
          title: t(lang, 'fix.awsAuthAmbiguousTitle'),
          text: t(lang, 'fix.awsAuthAmbiguous'),
          safety: 'read-only',
        },
      ];
    const bad = arnFailure(mapping);
    if (bad !== null || !mapping.groups.every((g) => isHint(g) || isValid('groupName', g)))
      return [
        {
          kind: 'note',
          title: t(lang, 'fix.awsAuthInvalidTitle'),
          text: t(lang, 'fix.awsAuthInvalid', {
            grammar: t(lang, `grammar.${bad?.grammar ?? 'groupName'}`),
            failure: t(lang, `failure.${bad?.failure ?? 'form'}`),
          }),
          safety: 'read-only',
        },
      ];
    // A distinct title per stand-in, so that merging diagnoses (which drops remediations by title) keeps each.
    const stand: Remediation = { kind: 'manifest', title: `aws-auth ${this.proposals.length}`, safety: 'mutating' };
    this.proposals.push({ mapping, stand });
    return [stand];
  }

  /** Writes the single merged ConfigMap into the first stand-in of the final diagnoses; the others point at it. */
  finish(diagnoses: readonly Diagnosis[]): void {
    const { fact: a, lang } = this;
    const present = new Map<Remediation, { diagnosis: Diagnosis; mapping: NewMapping }>();
    for (const d of diagnoses)
      for (const r of d.remediation) {
        const p = this.proposals.find((x) => x.stand === r);
        if (p && !present.has(r)) present.set(r, { diagnosis: d, mapping: p.mapping });
      }
    if (a === null || present.size === 0) return;
    const mappings: NewMapping[] = [];
    for (const { mapping } of present.values())
      if (!mappings.some((m) => JSON.stringify(m) === JSON.stringify(mapping))) mappings.push(mapping);
    const merged = mergedAwsAuth(yamlWriter(this.yaml), a, mappings, lang);
    const [first, ...rest] = [...present];
    if (first) Object.assign(first[0], merged);
    for (const [stand] of rest) {
      if (merged.kind !== 'manifest') {
        Object.assign(stand, merged);
        continue;
      }
      Object.assign(stand, {
        kind: 'note',
        title: t(lang, 'fix.awsAuthIncludedTitle'),
        text: t(lang, 'fix.awsAuthIncluded', { rootCause: first?.[1].diagnosis.rootCause ?? '' }),
        safety: 'read-only',
      });
    }
    // A diagnosis that received the same stand-in twice (merged candidates) keeps one.
    for (const d of diagnoses) d.remediation = d.remediation.filter((r, i) => d.remediation.indexOf(r) === i);
  }
}
