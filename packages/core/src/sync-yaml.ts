// The library's synchronous functions that read or write YAML, for its callers: the yaml library is imported here
// statically. The pipeline is handed the library only when a run needs it (see docs/architecture.md, "Loading"), and
// never imports this module, so a bundle that does not call these never holds the library's code in its first load.
import * as yaml from 'yaml';
import type { Line } from './input/lines.js';
import { readAwsAuth, type AwsAuth } from './parse/aws-auth.js';
import type { Located } from './parse/located.js';
import { renderYamlWith } from './render/yaml.js';
import type { Report } from './report.js';

/** Reads an aws-auth ConfigMap (YAML, JSON or `kubectl describe configmap`): its mappings and its lint findings. */
export function parseAwsAuth(lines: readonly Line[], json: Located | null = null): AwsAuth {
  return readAwsAuth(yaml, lines, json);
}

/** Renders a report as YAML (the same object as `-o json`). */
export function renderYaml(report: Report): string {
  return renderYamlWith(yaml, report);
}
