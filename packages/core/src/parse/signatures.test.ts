import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusLines } from '../../../../test-support/fixtures.js';
import {
  compileSignatures,
  matchSignatures,
  newSignatureMatcher,
  SIGNATURES,
  type SignatureHit,
} from './signatures.js';

const GUARDS = [...new Set(SIGNATURES.flatMap((s) => s.guard))];
const matcher = newSignatureMatcher();

/** What matchSignatures means: a signature whose guard occurs in the message is tried, in catalogue order. */
function byDefinition(message: string): SignatureHit[] {
  const hits: SignatureHit[] = [];
  for (const sig of SIGNATURES) {
    if (!sig.guard.some((g) => message.includes(g))) continue;
    const m = sig.re.exec(message);
    if (!m) continue;
    const groups: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) groups[k.replace(/\d+$/, '')] = v;
    hits.push({ id: sig.id, groups, at: m.index, role: sig.role ?? 'cause' });
  }
  return hits;
}

// A line that may hold a guard, a guard cut short, or a guard with one character changed, inside arbitrary text.
const fragment = fc.oneof(
  fc.constantFrom(...GUARDS),
  fc.constantFrom(...GUARDS).chain((g) => fc.nat({ max: Math.max(0, g.length - 1) }).map((n) => g.slice(0, n))),
  fc
    .constantFrom(...GUARDS)
    .chain((g) =>
      fc
        .tuple(fc.nat({ max: g.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }))
        .map(([i, c]) => g.slice(0, i) + c + g.slice(i + 1)),
    ),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('\u2028', 'é', '💥', '"', '\\"'),
);
const line = fc.array(fragment, { maxLength: 5 }).map((xs) => xs.join(' '));

describe('the catalogue', () => {
  it('has unique ids, non-empty guards, and regexes without g or y (no lastIndex to share)', () => {
    expect(new Set(SIGNATURES.map((s) => s.id)).size).toBe(SIGNATURES.length);
    for (const s of SIGNATURES) {
      expect(s.guard.length, s.id).toBeGreaterThan(0);
      for (const g of s.guard) expect(g, s.id).not.toBe('');
      expect(s.re.flags, s.id).not.toMatch(/[gy]/);
    }
  });
});

describe('matchSignatures finds what testing every guard with includes finds', () => {
  it('on every corpus line', () => {
    for (const l of corpusLines()) expect(matchSignatures(matcher, l), l).toEqual(byDefinition(l));
  });

  it('on each guard alone, and on overlapping and nested guards', () => {
    for (const g of GUARDS) {
      expect(matchSignatures(matcher, g), g).toEqual(byDefinition(g));
      const s = `${g.slice(0, -1)}${g}${g.slice(1)}`;
      expect(matchSignatures(matcher, s), s).toEqual(byDefinition(s));
    }
    const all = GUARDS.join('');
    expect(matchSignatures(matcher, all)).toEqual(byDefinition(all));
  });

  it('property: guards, cut and changed guards, and noise', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(matchSignatures(matcher, l)).toEqual(byDefinition(l));
      }),
      { numRuns: 3000 },
    );
  });

  it('hits are fresh objects: a caller may keep or change them', () => {
    const m = 'could not get token: Unable to parse config file: /home/dev/.aws/config';
    const a = matchSignatures(matcher, m);
    const b = matchSignatures(matcher, m);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
    for (let i = 0; i < a.length; i++) expect(b[i]?.groups).not.toBe(a[i]?.groups);
  });
});

// Signatures that recognise a status or failure word only next to a context word that may follow it on the line
// (`429 Too Many Requests … pull rate limit`, `/etc/eks/bootstrap.sh: … No such file`), or whose point is the value
// after their first guard (the region eksctl names, the numbers of ipamd's pool, the minutes a run took, the role ARN
// of a mapping, a table row's columns, the requirements Karpenter lists, a binding's name before kubectl's `created`,
// the rules an escalation lists, the sudo after a one-command KUBECONFIG): their first guard is not the end of what
// they need.
const CONTEXT_AFTER = new Set([
  'binding_said_applied',
  'rbac_escalation_applier_lacks',
  'resource_quota_compute_row',
  'kubeconfig_env_exported',
  'registry_rate_limited',
  'registry_server_error',
  'image_pull_unauthorized',
  'image_pull_forbidden',
  'image_pull_network',
  'ecr_pull_unauthorized',
  'ecr_pull_forbidden',
  'node_bootstrap_error',
  'eksctl_using_region',
  'eksctl_no_stacks',
  'eks_auth_mode_update_rejected',
  'ipamd_pool_exhausted',
  'karpenter_incompatible_requirements',
  'karpenter_no_instance_type',
  'karpenter_taint_not_tolerated',
  'kubelet_start_failed',
  'nodeadm_failed',
  'pod_evicted_row',
  'client_default_localhost',
  'elapsed_past_token_life',
  'aws_auth_role_path_mapping',
  'iam_role_arn_with_path',
  'oidc_provider_without_sts_audience',
  'pod_identity_cache_expired_token',
]);

/** Every line of the captured fixtures and of the rules' real inputs (not their texts). */
function inputLines(): string[] {
  const out = new Set<string>();
  const walk = (dir: URL): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(new URL(`${e.name}/`, dir));
      else if (
        /\.(?:txt|log|yaml)$|^(?!.*\.(?:facts|diagnosis)\.json$)(?!(?:rule|cases|ja)\.json$).*\.json$/.test(e.name)
      )
        for (const l of readFileSync(new URL(e.name, dir), 'utf8').split('\n')) out.add(l.replace(/\r$/, ''));
    }
  };
  walk(new URL('../../../../fixtures/', import.meta.url));
  walk(new URL('../../../rules/rules/', import.meta.url));
  return [...out];
}

describe('a line cut after its distinctive phrase is still recognised', () => {
  it('every signature found on a real input line is found on every cut of it after its first guard', () => {
    const lost: string[] = [];
    for (const l of inputLines()) {
      for (const hit of matchSignatures(matcher, l)) {
        // A family signature's guards are single words found anywhere (`401`), not a phrase that ends somewhere.
        if (CONTEXT_AFTER.has(hit.id) || hit.role === 'family') continue;
        const guards = (SIGNATURES.find((s) => s.id === hit.id)?.guard ?? []).filter((g) => l.includes(g));
        const from = Math.min(...guards.map((g) => l.indexOf(g) + g.length));
        for (let p = from; p < l.length; p++)
          if (!matchSignatures(matcher, l.slice(0, p)).some((h) => h.id === hit.id)) {
            lost.push(`${hit.id} at ${p}: ${l.slice(0, p)}`);
            break;
          }
      }
    }
    expect(lost).toEqual([]);
  });
});

describe('kubectl finding no built-in type', () => {
  const found = (line: string) =>
    matchSignatures(matcher, line)
      .filter((h) => h.id === 'server_no_resource_type')
      .map((h) => h.groups.resource);
  it('reads a type every cluster has (its discovery was refused), not a custom resource that may be absent', () => {
    expect(found('error: the server doesn\'t have a resource type "svc"')).toEqual(['svc']);
    expect(found('error: the server doesn\'t have a resource type "deployments"')).toEqual(['deployments']);
    expect(found('error: the server doesn\'t have a resource type "policies"')).toEqual([]);
    expect(found('error: the server doesn\'t have a resource type "cronjobs"')).toEqual([]);
    expect(found('error: the server doesn\'t have a resource type "sealedsecrets"')).toEqual([]);
  });
});

describe('families told in words', () => {
  const ids = (line: string) => matchSignatures(matcher, line).map((h) => h.id);
  it.each([
    ['Worker nodes fail to join the EKS cluster', 'family_node_registration'],
    ["Nodes aren't joining the cluster after the upgrade", 'family_node_registration'],
    ['the node group never joined', 'family_node_registration'],
    ['Pods stuck in Pending: 0/3 nodes are available', 'family_scheduling'],
    ['Due to which the pods were in pending state as well.', 'family_scheduling'],
    ['0/3 nodes are available:', 'family_scheduling'],
  ])('%s', (line, id) => {
    expect(ids(line)).toContain(id);
  });
  it.each([
    'I want to join the nodes to the cluster',
    'node joined the cluster',
    '0/3 nodes are available: 3 Insufficient cpu.',
    'pending requests: 3',
  ])('not: %s', (line) => {
    expect(ids(line).filter((id) => id === 'family_node_registration' || id === 'family_scheduling')).toEqual([]);
  });
});

describe('custom signatures (given as data)', () => {
  const acme = compileSignatures([
    {
      id: 'x-acme-denied',
      guard: ['.acme.example.com'],
      pattern: String.raw`webhook "(?<hook>[a-z0-9-]+)\.acme\.example\.com" denied the request(?:: (?<reason>[^\r\n]+))?`,
    },
  ]);
  const custom = newSignatureMatcher(acme.signatures);

  it('join the one matcher of the run, after the built-in ones, with their named groups', () => {
    expect(acme.problems).toEqual([]);
    const message = 'admission webhook "deny-root.acme.example.com" denied the request: runs as root';
    const hits = matchSignatures(custom, message);
    expect(hits.map((h) => h.id)).toEqual([...matchSignatures(matcher, message).map((h) => h.id), 'x-acme-denied']);
    expect(hits.at(-1)).toEqual({
      id: 'x-acme-denied',
      groups: { hook: 'deny-root', reason: 'runs as root' },
      at: 10,
      role: 'cause',
    });
    // a run without them does not see them: no state is kept between matchers
    expect(matchSignatures(matcher, message).some((h) => h.id === 'x-acme-denied')).toBe(false);
  });

  it('read a bounded window around their guard, placed where the message has it', () => {
    const long = `${'x'.repeat(100_000)} webhook "a.acme.example.com" denied the request: no ${'y'.repeat(100_000)}`;
    const hit = matchSignatures(custom, long).find((h) => h.id === 'x-acme-denied');
    expect(hit?.at).toBe(100_001);
    expect(hit?.groups['reason']?.length).toBeLessThanOrEqual(2048);
    // text further than the window before the guard is not read
    const far = `webhook "a${'-'.repeat(600)}.acme.example.com" denied the request`;
    expect(matchSignatures(custom, far).some((h) => h.id === 'x-acme-denied')).toBe(false);
  });

  it('a pattern that fails the linear-time check is left out with its reason', () => {
    const { signatures, problems } = compileSignatures([{ id: 'x-bad', guard: ['acme'], pattern: '(a+)+b' }]);
    expect(signatures).toEqual([]);
    expect(problems).toEqual([
      {
        id: 'x-bad',
        message: expect.stringMatching(
          /^signature x-bad was skipped: pattern .*a group may only be optional/,
        ) as string,
        text: expect.objectContaining({ key: 'issue.signature_skipped' }) as unknown,
      },
    ]);
  });
});
