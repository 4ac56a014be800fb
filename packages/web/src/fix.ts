// The `fix.yaml` a person downloads: the manifests of one diagnosis as a multi-document stream, each headed by a
// comment naming the cause, for `kubectl apply -f` after review.
import type { Diagnosis } from '@rbac-diagnose/core';

/** The manifests of `d` as one YAML stream, or null when its fix has none (only commands or notes). */
export function fixYaml(d: Diagnosis): string | null {
  const docs = d.remediation
    // Escalating grants stay on the page, never in the file applied as a whole.
    .filter((r) => r.kind === 'manifest' && r.yaml !== undefined && r.safety !== 'escalation')
    .map((r) => {
      const edit = /<[a-z][\w-]*>/.test(r.yaml ?? '') ? '# EDIT FIRST: replace every <placeholder> below.\n' : '';
      // A title on one line, so nothing in it can end the comment and become YAML.
      const title = r.title.replace(/\s+/g, ' ');
      return `# ${d.rootCause} (${d.ruleId}): ${title}\n${edit}${(r.yaml ?? '').trimEnd()}\n`;
    });
  return docs.length === 0 ? null : docs.join('---\n');
}
