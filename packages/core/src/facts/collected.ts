// What the extractors collect while the sections of one input are read, one section after another, and the per-run
// state they share (the signature matcher, the line-length limit). extract.ts turns it into Facts at the end.
import type { Lang } from '../i18n/lang.js';
import type { YamlLibrary } from '../parse/yaml.js';
import type { Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { newSignatureMatcher, type Signature, type SignatureMatcher } from '../parse/signatures.js';
import type { Issue } from '../report.js';
import type {
  AccessEntryFact,
  AuthCheckFact,
  AuthRuleFact,
  BindingFact,
  CallerIdentityFact,
  ClusterFact,
  ConditionFact,
  ContainerFact,
  NodeFact,
  PodFact,
  ReadAwsAuthFact,
  ReadForbiddenFact,
  ReadWhoamiFact,
  RoleFact,
  SchedulingFact,
  Signal,
} from './schema.js';

/** An event before aggregation (events.ts aggregates them by type, reason, object and message). */
export interface RawEvent {
  type: string;
  reason: string;
  from: string;
  message: string;
  object: string | null;
  count: number;
  lines: Line[];
}

/** A message read whole from a JSON/YAML object, at the line of its key, searched like an error line. */
export interface ObjectMessage {
  text: string;
  line: Line;
}

/** Facts of every family as read so far, the issues, and the per-run state of one extractFacts call. */
export interface Collected {
  signals: Signal[];
  forbidden: ReadForbiddenFact[];
  scheduling: SchedulingFact[];
  pods: PodFact[];
  containers: ContainerFact[];
  nodes: NodeFact[];
  events: RawEvent[];
  awsAuths: ReadAwsAuthFact[];
  callerIdentity: CallerIdentityFact | null;
  conditions: ConditionFact[];
  roles: RoleFact[];
  bindings: BindingFact[];
  accessEntries: AccessEntryFact[];
  clusters: ClusterFact[];
  authChecks: AuthCheckFact[];
  authRules: AuthRuleFact[];
  whoami: ReadWhoamiFact | null;
  issues: Issue[];
  readonly matcher: SignatureMatcher;
  /** The yaml library, once the reading met a section that needs it (see needsYaml in extract.ts). */
  yaml: YamlLibrary | null;
  /** Longest line searched for error messages; longer ones are searched in their start (see clip). */
  readonly maxLineChars: number;
  /** The language of the issues' messages and the aws-auth findings (the report's). */
  readonly lang: Lang;
  /** Lines over maxLineChars, per input (source): the first, its length, and how many. */
  readonly longLines: Map<string, { first: Line; length: number; count: number }>;
}

/** An empty collection for one run, matching the built-in signatures and the run's custom ones. */
export function newCollected(
  issues: Issue[],
  maxLineChars: number,
  signatures: readonly Signature[] = [],
  lang: Lang = 'en',
  yaml: YamlLibrary | null = null,
): Collected {
  return {
    signals: [],
    forbidden: [],
    scheduling: [],
    pods: [],
    containers: [],
    nodes: [],
    events: [],
    awsAuths: [],
    callerIdentity: null,
    conditions: [],
    roles: [],
    bindings: [],
    accessEntries: [],
    clusters: [],
    authChecks: [],
    authRules: [],
    whoami: null,
    issues,
    matcher: newSignatureMatcher(signatures),
    yaml,
    maxLineChars,
    lang,
    longLines: new Map(),
  };
}

/**
 * The line reference of a fact: its number, and its input when several were given. Facts are built as
 * `Object.assign(ref(line), { … })`: a literal that starts with a spread is much slower to build on Node 20, and a
 * large input makes hundreds of thousands of facts.
 */
export const ref = (l: Line): { line: number; source?: string } =>
  l.source === undefined ? { line: l.no } : { line: l.no, source: l.source };

/** The input of an issue about a section, when several were given. */
export function src(section: Section): { source?: string } {
  const s = section.lines[0]?.source;
  return s === undefined ? {} : { source: s };
}

/** The fact families collected as lists. */
export const FAMILIES = [
  'signals',
  'forbidden',
  'scheduling',
  'pods',
  'containers',
  'nodes',
  'awsAuths',
  'conditions',
  'roles',
  'bindings',
  'accessEntries',
  'clusters',
  'authChecks',
  'authRules',
] as const;

/** How much of each fact family was collected at one moment (signals first). */
export interface Marks {
  lengths: number[];
  callerIdentity: CallerIdentityFact | null;
  whoami: ReadWhoamiFact | null;
}

/** The current length of every family. */
export function markFacts(c: Collected): Marks {
  const lengths: number[] = [];
  for (const k of FAMILIES) lengths.push(c[k].length);
  return { lengths, callerIdentity: c.callerIdentity, whoami: c.whoami };
}

/** Every fact collected since `marks` (events excepted: they are aggregated apart). */
export function factsSince(c: Collected, marks: Marks): object[] {
  const out: object[] = [];
  for (let i = 0; i < FAMILIES.length; i++) {
    const list: readonly object[] = c[FAMILIES[i] as (typeof FAMILIES)[number]];
    for (let j = marks.lengths[i] ?? 0; j < list.length; j++) out.push(list[j] as object);
  }
  if (c.callerIdentity !== null && c.callerIdentity !== marks.callerIdentity) out.push(c.callerIdentity);
  if (c.whoami !== null && c.whoami !== marks.whoami) out.push(c.whoami);
  return out;
}

/** Whether a fact was collected since `marks` (events excepted). */
export function changedSince(c: Collected, marks: Marks): boolean {
  for (let i = 0; i < FAMILIES.length; i++)
    if (c[FAMILIES[i] as (typeof FAMILIES)[number]].length !== marks.lengths[i]) return true;
  return c.callerIdentity !== marks.callerIdentity || c.whoami !== marks.whoami;
}
