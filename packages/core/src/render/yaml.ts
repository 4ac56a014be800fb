import { stringify } from 'yaml';
import type { Report } from '../report.js';

/** Renders a report as YAML (the same object as `-o json`). */
export function renderYaml(report: Report): string {
  return stringify(report, { lineWidth: 0, blockQuote: 'literal' });
}
