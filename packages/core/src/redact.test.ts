import fc from 'fast-check';
import { expect, test } from 'vitest';
import { builtinRules, builtinRuleSet } from '@rbac-diagnose/rules';
import { diagnose } from './diagnose.js';
import { renderMarkdown } from './render/markdown.js';
import { renderSarif } from './render/sarif.js';
import { renderText } from './render/text.js';
import { renderYaml } from './sync-yaml.js';

// The values a paste carries about its owner, each placed where such a value really appears: a kubeconfig command,
// caller identity, Forbidden messages for a user and a service account, a pod's logs with an IRSA role and an IP.
const word = (prefix: string): fc.Arbitrary<string> => fc.stringMatching(/^[a-z]{4,8}$/).map((s) => `${prefix}${s}`);
const secretsArb = fc.record({
  cluster: word('zqc'),
  region: fc.stringMatching(/^[a-z]{3,6}$/).map((s) => `zq${s.slice(0, 2)}-${s}-${s.length}`),
  account: fc.stringMatching(/^[1-9]\d{11}$/),
  role: word('zqr'),
  session: word('zqs'),
  user: word('zqu'),
  domain: word('zqd'),
  namespace: word('zqn'),
  saNamespace: word('zqm'),
  serviceAccount: word('zqa'),
  pod: word('zqp'),
  secret: word('zqo'),
  irsaRole: word('zqi'),
  ip: fc
    .tuple(fc.integer({ min: 11, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
    .map((o) => o.join('.')),
});
type Secrets = typeof secretsArb extends fc.Arbitrary<infer T> ? T : never;

function paste(s: Secrets): string {
  const email = `${s.user}@${s.domain}.example`;
  return [
    `$ aws eks update-kubeconfig --name ${s.cluster} --region ${s.region}`,
    `Added new context arn:aws:eks:${s.region}:${s.account}:cluster/${s.cluster} to /home/me/.kube/config`,
    '$ aws sts get-caller-identity',
    '{',
    `    "UserId": "AROAEXAMPLEID:${s.session}",`,
    `    "Account": "${s.account}",`,
    `    "Arn": "arn:aws:sts::${s.account}:assumed-role/${s.role}/${s.session}"`,
    '}',
    `$ kubectl get pods -n ${s.namespace}`,
    `Error from server (Forbidden): pods is forbidden: User "${email}" cannot list resource "pods" in API group "" in the namespace "${s.namespace}"`,
    `Error from server (Forbidden): secrets "${s.secret}" is forbidden: User "system:serviceaccount:${s.saNamespace}:${s.serviceAccount}" cannot get resource "secrets" in API group "" in the namespace "${s.saNamespace}"`,
    `$ kubectl logs ${s.pod} -n ${s.namespace}`,
    'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity',
    `  AWS_ROLE_ARN:  arn:aws:iam::${s.account}:role/${s.irsaRole}`,
    `Get "https://${s.ip}:443/api": dial tcp ${s.ip}:443: i/o timeout`,
  ].join('\n');
}

test('property: under --redact no account, ARN, IP, email, cluster, region, role, user, namespace or pod name from the input appears in any output form', async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(secretsArb, async (s) => {
      runs++;
      const report = await diagnose(paste(s), { ...builtinRuleSet, trustedRules: true, redact: true });
      expect(report.diagnoses.length).toBeGreaterThan(0);
      const forms = {
        json: JSON.stringify(report),
        yaml: renderYaml(report),
        text: renderText(report, { color: false, verbose: true }),
        markdown: renderMarkdown(report),
        sarif: JSON.stringify(renderSarif(report, { toolVersion: '0', rules: builtinRules })),
      };
      for (const [form, out] of Object.entries(forms))
        for (const [field, value] of Object.entries(s))
          expect(out.includes(value), `${field} "${value}" leaks into ${form}`).toBe(false);
    }),
    { numRuns: 150 },
  );
  expect(runs).toBe(150);
}, 120000);
