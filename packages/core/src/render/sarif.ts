// SARIF 2.1.0 for CI code scanning: one result per diagnosis, located at its first evidence line (the primary
// input), with the other evidence lines as related locations.
import type { Location, Log } from 'sarif';
import { t, textsIn } from '../i18n/t.js';
import type { Diagnosis, Report } from '../report.js';
import type { Rule } from '../rules/schema.js';

/** Options of {@link renderSarif}. */
export interface SarifOptions {
  toolVersion: string;
  /** Rules that may appear (for `tool.driver.rules`). */
  rules: readonly Rule[];
  /** URI of each input: source name → path as given on the command line. Default: the source name, or `stdin`. */
  uris?: Readonly<Record<string, string>>;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const INFO_URI = 'https://github.com/rbac-diagnose/rbac-diagnose';

function location(d: Diagnosis['evidence'][number], uris: Readonly<Record<string, string>>): Location {
  const key = d.source ?? '';
  return {
    physicalLocation: {
      artifactLocation: { uri: uris[key] ?? (d.source || 'stdin') },
      region: { startLine: d.line, snippet: { text: d.text } },
    },
    message: { text: d.why },
  };
}

/** Renders a report as a SARIF 2.1.0 log (as a JSON-serialisable object), its texts in the report's language. */
export function renderSarif(report: Report, options: SarifOptions): Record<string, unknown> {
  const { lang } = report;
  const uris = options.uris ?? {};
  const used = new Set(report.diagnoses.flatMap((d) => [d.ruleId, ...(d.alsoMatched ?? [])]));
  const rules = options.rules.filter((r) => used.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Type-checked against the SARIF 2.1.0 object model (@types/sarif) without exposing it in our API.
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rbac-diagnose',
            version: options.toolVersion,
            informationUri: INFO_URI,
            rules: rules.map((r) => {
              // A rule's own texts, translated where it has them; placeholders stay as written.
              const local = textsIn(r.texts, lang);
              return {
                id: r.id,
                name: r.rootCause,
                shortDescription: { text: local(r.title) },
                fullDescription: { text: local(r.summary) },
                help: { text: local(r.explanation) },
                ...(r.references[0] ? { helpUri: r.references[0] } : {}),
                defaultConfiguration: { level: LEVEL[r.severity] },
                properties: { rootCause: r.rootCause, layer: r.layer },
              };
            }),
          },
        },
        results: report.diagnoses.map((d) => {
          const [first, ...rest] = d.evidence;
          return {
            ruleId: d.ruleId,
            ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
            level: LEVEL[d.severity],
            message: {
              text: `${t(lang, 'sarif.message', { title: d.title, summary: d.summary })}${d.misleading ? t(lang, 'sarif.misleading', { misleading: d.misleading }) : ''}`,
            },
            locations: first ? [location(first, uris)] : [],
            relatedLocations: rest.map((e, i) => ({ id: i + 1, ...location(e, uris) })),
            properties: {
              rootCause: d.rootCause,
              confidence: d.confidence,
              nextSteps: d.nextSteps.map((n) => n.command),
            },
          };
        }),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.issues.map((i) => ({
              level: 'warning' as const,
              message: { text: `${i.code}: ${i.message}` },
              ...(i.line > 0
                ? {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: { uri: uris[i.source ?? ''] ?? (i.source || 'stdin') },
                          region: { startLine: i.line },
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
      },
    ],
  };
  return log as unknown as Record<string, unknown>;
}
