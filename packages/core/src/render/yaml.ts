import type { YamlLibrary } from '../parse/yaml.js';
import type { Report } from '../report.js';

/** Renders a report as YAML (the same object as `-o json`) with the yaml library given (see importYaml). */
export function renderYamlWith(yaml: YamlLibrary, report: Report): string {
  return yaml.stringify(report, { lineWidth: 0, blockQuote: 'literal' });
}
