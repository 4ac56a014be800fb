// Facts of one input: each section is searched for error messages, then read by the extractor of its kind, then
// checked for cut and redacted lines; the families collected are aggregated into Facts at the end.
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import type { Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import type { Issue } from '../report.js';
import { sameArn } from '../aws/arn.js';
import { extractAwsAuth } from './aws-auth.js';
import { extractCallerIdentityJson } from './aws-json.js';
import { extractCanI } from './can-i.js';
import { newCollected, type Collected } from './collected.js';
import { extractDescribeNode } from './describe-node.js';
import { extractDescribeOther } from './describe-other.js';
import { extractDescribePod } from './describe-pod.js';
import { elisionIssues } from './elisions.js';
import { longLineIssues, searchLines, searchObjectMessages } from './error-lines.js';
import { aggregateEvents } from './events.js';
import { extractGetTable } from './get-table.js';
import { extractLogLines } from './log-lines.js';
import { extractObjects } from './objects.js';
import { extractPolicyBlocks } from './policy-blocks.js';
import { relateAccessEntries, relateAwsAuth, relateForbidden, relateWhoami } from './relations.js';
import type { Signature } from '../parse/signatures.js';
import type { Facts, FitItemFact } from './schema.js';
import { extractWhoami } from './whoami.js';

const OBJECT_KINDS: ReadonlySet<string> = new Set([
  'events-json',
  'object-json',
  'object-yaml',
  'describe-cluster-json',
  'access-entries-json',
]);

/** Options of {@link extractFacts}. */
export interface ExtractOptions {
  /**
   * Longest line searched for error messages, in characters (default 1 MiB): a longer line is searched in its first
   * `maxLineChars` only, with a `line_too_long` issue. JSON and YAML on such a line are still read whole.
   */
  maxLineChars?: number;
  /** Message signatures of this run besides the built-in ones (compiled from data, see compileSignatures). */
  signatures?: readonly Signature[];
  /** The language of the issues' messages and the aws-auth findings. Default en. */
  lang?: Lang;
}

/** Default of {@link ExtractOptions.maxLineChars}. */
export const DEFAULT_MAX_LINE_CHARS = 1024 * 1024;

/** Builds the facts of one input from its sections, collecting parse problems as issues. */
export function extractFacts(sections: readonly Section[], issues: Issue[], options: ExtractOptions = {}): Facts {
  const c = newCollected(issues, options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS, options.signatures, options.lang);
  for (const section of sections) extractSection(section, c);
  extractPolicyBlocks(sections, c);
  longLineIssues(c);
  return finish(c, emptyNodeList(sections));
}

/** Reads one section: its error messages, then what its kind holds, then its cut and redacted lines. */
function extractSection(section: Section, c: Collected): void {
  const firstSignal = c.signals.length;
  // Objects first: in JSON, the lines inside an event are searched through its message.
  const objects = OBJECT_KINDS.has(section.kind) ? extractObjects(section, c) : null;
  const found = searchLines(section, objects?.events ?? null, c);
  if (objects) searchObjectMessages(objects.messages, firstSignal, c);
  let recognised = section.kind !== 'log-lines' || found.explained || found.fit;
  switch (section.kind) {
    case 'describe-pod':
      extractDescribePod(section, c);
      break;
    case 'describe-node':
      extractDescribeNode(section, c);
      break;
    case 'describe-other':
    case 'describe-configmap':
      extractDescribeOther(section, c);
      break;
    case 'aws-auth':
      extractAwsAuth(section, c);
      break;
    case 'caller-identity-json':
      extractCallerIdentityJson(section, c);
      break;
    case 'get-table':
      extractGetTable(section, c);
      break;
    case 'can-i':
      extractCanI(section, c);
      break;
    case 'whoami':
      extractWhoami(section, c);
      break;
    case 'log-lines':
      if (extractLogLines(section, c)) recognised = true;
      break;
    default:
      break;
  }
  elisionIssues(section, c);
  const first = section.lines[0]?.no ?? 0;
  const source = section.lines[0]?.source;
  if ((section.kind === 'kubectl-error' || section.kind === 'aws-cli-error') && !found.explained) {
    c.issues.push({
      code: 'error_not_catalogued',
      line: first,
      message: t(c.lang, 'issue.error_not_catalogued', { line: first }),
      ...(source === undefined ? {} : { source }),
    });
  }
  if (!recognised) {
    c.issues.push({
      code: 'unrecognised_section',
      line: first,
      message: t(c.lang, 'issue.unrecognised_section', {
        from: first,
        to: section.lines[section.lines.length - 1]?.no ?? 0,
      }),
      ...(source === undefined ? {} : { source }),
    });
  }
}

/** The facts of everything collected: events aggregated, one scheduler fact per line, the caller's aws-auth mapping. */
function finish(c: Collected, nodeListEmpty: boolean): Facts {
  const { signals, forbidden, scheduling, pods, nodes } = c;
  const cluster = c.clusters.find((x) => x.authMode !== null) ?? c.clusters[0] ?? null;
  const events = aggregateEvents(c.events);
  const chosen = c.awsAuths.find((a) => a.wellFormed) ?? c.awsAuths[0] ?? null;
  // Copies of one ConfigMap (pasted twice) are one; different ones leave a merge unsure which is live.
  const variants =
    new Set(
      c.awsAuths.map((a) => JSON.stringify([a.data, a.entries.map((e) => [e.kind, e.arn, e.username, e.groups])])),
    ).size + c.awsAuths.reduce((n, a) => n + a.variants - 1, 0);
  const accessEntries = relateAccessEntries(c.accessEntries);
  const awsAuth = relateAwsAuth(chosen === null ? null : { ...chosen, variants }, accessEntries);
  // Whether the pasted aws-auth maps the caller: a relation of two facts, kept on the caller.
  const caller = c.callerIdentity;
  const callerIdentity =
    caller === null || awsAuth === null
      ? caller
      : {
          ...caller,
          mappedInAwsAuth: awsAuth.entries.some(
            (e) => sameArn(e.arn, caller.canonicalArn) || sameArn(e.arn, caller.arn),
          ),
        };
  const sched = dedupeByLine(scheduling);
  const fitItems: FitItemFact[] = sched.flatMap((f) => {
    const most = Math.max(0, ...f.items.map((i) => i.count));
    return f.items.map((i) =>
      Object.assign(f.source === undefined ? { line: f.line } : { line: f.line, source: f.source }, {
        reason: i.reason,
        count: i.count,
        total: f.total,
        allNodes: f.total > 0 && i.count >= f.total,
        largest: i.count >= most,
        nodeState: i.nodeState,
      }),
    );
  });
  return {
    signals,
    forbidden: relateForbidden(forbidden, c),
    events,
    scheduling: sched,
    fitItems,
    pods,
    containers: c.containers,
    nodes,
    awsAuth,
    callerIdentity,
    conditions: c.conditions,
    roles: c.roles,
    bindings: c.bindings,
    accessEntries,
    cluster,
    authChecks: c.authChecks,
    authRules: c.authRules,
    whoami: relateWhoami(c.whoami, c.bindings),
    nodeListEmpty,
  };
}

function dedupeByLine<T extends { line: number; source?: string | undefined }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.source ?? ''}:${x.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const GET_NODES = /(?:^|[\s/])(?:kubectl|k|oc)\s(?:.*\s)?get\s+(?:nodes?|no)\b/;

/** "No resources found" printed by `kubectl get nodes` (its prompt, or the command quoted on the line before). */
function emptyNodeList(sections: readonly Section[]): boolean {
  let prev = '';
  for (const section of sections) {
    if (section.command !== null) prev = section.command;
    const lines = section.lines;
    // The line before is looked up only at a hit.
    for (let i = 0; i < lines.length; i++) {
      if (
        !(lines[i] as Line).text.includes('No resources found') ||
        !(lines[i] as Line).text.trim().startsWith('No resources found')
      )
        continue;
      if (GET_NODES.test(lastNonBlank(lines, i) ?? prev)) return true;
    }
    prev = lastNonBlank(lines, lines.length) ?? prev;
  }
  return false;
}

/** The trimmed text of the last non-blank line before index `end`, or null. */
function lastNonBlank(lines: readonly Line[], end: number): string | null {
  for (let j = end - 1; j >= 0; j--) {
    const t = (lines[j] as Line).text.trim();
    if (t !== '') return t;
  }
  return null;
}
