import { yamlLib } from '../yaml-lib.js';
import type { Report } from '../report.js';

/** Renders a report as YAML (the same object as `-o json`). From `@rbac-diagnose/core/lite`, `await loadYaml()` first. */
export function renderYaml(report: Report): string {
  return yamlLib().stringify(report, { lineWidth: 0, blockQuote: 'literal' });
}
