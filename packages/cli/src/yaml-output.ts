// `-o yaml`: the yaml library is imported for the runs that ask for it, never with the others.
import { importYaml, renderYamlWith, type Report } from '@rbac-diagnose/core';

/** The report as YAML. */
export async function renderYaml(report: Report): Promise<string> {
  return renderYamlWith(await importYaml(), report);
}
