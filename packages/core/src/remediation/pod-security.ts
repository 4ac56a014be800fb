// The Pod Security fix for the level in the message, changing exactly the fields its failed checks name, as a
// strategic merge patch of a workload's pod template. Format of the checks (after `violates PodSecurity "L:V": `):
//   privileged (container "app" must not set securityContext.privileged=true), host namespaces (hostNetwork=true,
//   hostPID=true), allowPrivilegeEscalation != false (container "app" must set …), unrestricted capabilities (…),
//   runAsNonRoot != true (pod or container "app" must set …), seccompProfile (…), hostPath volumes (volume "data")
import type { Remediation } from '../report.js';
import { isValid } from './grammar.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import { comment } from './messages.js';
import type { YamlLibrary } from '../parse/yaml.js';
import { toYamlDocuments } from './yaml-out.js';

/** One failed check: its name and the containers (or volumes) it names. */
interface Check {
  name: string;
  containers: string[];
  detail: string;
}

/** Splits the details into checks: `name (detail), name (detail)`, parentheses balanced. */
function checks(details: string): Check[] {
  const out: Check[] = [];
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let i = 0; i < details.length; i++) {
    const c = details[i];
    if (c === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      push(details.slice(start, i), open - start);
      start = i + 1;
      open = -1;
    }
  }
  push(details.slice(start), open - start);
  return out;
  function push(part: string, paren: number): void {
    const name = (paren >= 0 ? part.slice(0, paren) : part).trim();
    const detail = paren >= 0 ? part.slice(paren + 1).replace(/\)\s*$/, '') : '';
    const containers = [...detail.matchAll(/containers? ((?:\\?"[^"\\]{1,253}\\?"(?:, | and )?)+)/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/\\?"([^"\\]{1,253})\\?"/g)].map((x) => x[1] ?? ''),
    );
    if (name) out.push({ name, containers, detail });
  }
}

/** The patch and, when something cannot be patched safely (hostPath volumes, hostPort), a note. */
export function podSecurityRemediation(
  yaml: YamlLibrary,
  level: string,
  details: readonly string[],
  lang: Lang = 'en',
): Remediation[] {
  if (!isValid('psaLevel', level)) return [];
  const all = details.flatMap(checks);
  const containers = new Map<string, Record<string, unknown>>();
  const pod: Record<string, unknown> = {};
  const spec: Record<string, unknown> = {};
  const manual: string[] = [];
  const container = (names: readonly string[]): Record<string, unknown>[] =>
    names
      .filter((n) => isValid('dnsLabel', n))
      .map((n) => {
        const sc = containers.get(n) ?? {};
        containers.set(n, sc);
        return sc;
      });
  for (const c of all) {
    const n = c.name;
    if (n === 'privileged') for (const sc of container(c.containers)) sc['privileged'] = false;
    else if (n === 'allowPrivilegeEscalation != false')
      for (const sc of container(c.containers)) sc['allowPrivilegeEscalation'] = false;
    else if (n === 'unrestricted capabilities')
      for (const sc of container(c.containers)) sc['capabilities'] = { ...(sc['capabilities'] ?? {}), drop: ['ALL'] };
    else if (n === 'non-default capabilities')
      for (const sc of container(c.containers)) sc['capabilities'] = { ...(sc['capabilities'] ?? {}), add: [] };
    else if (n === 'runAsNonRoot != true') pod['runAsNonRoot'] = true;
    else if (n === 'seccompProfile') pod['seccompProfile'] = { type: 'RuntimeDefault' };
    else if (n === 'host namespaces') {
      for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) if (c.detail.includes(`${f}=true`)) spec[f] = false;
    } else if (n === 'hostPath volumes' || n === 'restricted volume types' || n === 'hostPort' || n === 'procMount')
      manual.push(n);
    else manual.push('other');
  }
  if (Object.keys(pod).length > 0) spec['securityContext'] = pod;
  if (containers.size > 0)
    spec['containers'] = [...containers].map(([name, securityContext]) => ({ name, securityContext }));
  const out: Remediation[] = [];
  if (Object.keys(spec).length > 0)
    out.push({
      kind: 'patch',
      title: t(lang, 'fix.psaPatchTitle', { level }),
      yaml: toYamlDocuments(yaml, [{ spec: { template: { spec } } }], comment('psaPatch')),
      safety: 'mutating',
    });
  if (manual.length > 0)
    out.push({
      kind: 'note',
      title: t(lang, 'fix.psaManualTitle'),
      text: t(lang, 'fix.psaManual'),
      safety: 'read-only',
    });
  return out;
}
