// What a reader sees in a paste, read with plain patterns of its own (not the core's extractors): the cluster, the
// region, the pod, its service account, node selector and owner, the node group, the taint, the container… A value
// found here once, and only once, is a value the report must not ask for as a `<placeholder>`.

/** The kinds of values a paste may show and a fix may need. */
export type ValueKind =
  | 'cluster'
  | 'region'
  | 'profile'
  | 'nodegroup'
  | 'node'
  | 'pod'
  | 'podNamespace'
  | 'serviceAccount'
  | 'workload'
  | 'container'
  | 'taint'
  | 'nodeSelector'
  | 'namespace'
  | 'quota'
  | 'serviceAccountWanted'
  | 'webhookNamespace'
  | 'requests'
  | 'instanceId'
  | 'accessEntryPrincipal';

const CLUSTER = /^[A-Za-z0-9][\w-]{0,99}$/;
const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
const DNS = /^[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?$/;

/** The distinct values of each kind the paste shows (only values that are well formed for their kind). */
export function valuesInPaste(text: string): Record<ValueKind, Set<string>> {
  const found = {} as Record<ValueKind, Set<string>>;
  const add = (kind: ValueKind, v: string | undefined, form: RegExp = /^\S+$/): void => {
    found[kind] ??= new Set();
    if (v !== undefined && form.test(v)) found[kind].add(v);
  };
  for (const k of [
    'cluster',
    'region',
    'profile',
    'nodegroup',
    'node',
    'pod',
    'podNamespace',
    'serviceAccount',
    'workload',
    'container',
    'taint',
    'nodeSelector',
    'namespace',
    'quota',
    'serviceAccountWanted',
    'webhookNamespace',
    'requests',
    'instanceId',
    'accessEntryPrincipal',
  ] as const)
    add(k, undefined);
  const lines = text.replace(/\r/g, '').split('\n');
  let section = '';
  // a pod's node selector, all its labels as one value
  const selector: string[] = [];
  for (const [i, line] of lines.entries()) {
    const next = lines[i + 1] ?? '';
    // command lines: aws eks … --name/--cluster-name, eksctl … --cluster, --region, --profile, --nodegroup-name
    if (/\b(?:update-kubeconfig|get-token|describe-cluster)\b/.test(line))
      for (const m of line.matchAll(/--(?:name|cluster-name)[= ]+["']?([^\s"'`]+)/g)) add('cluster', m[1], CLUSTER);
    if (/\beksctl\b/.test(line))
      for (const m of line.matchAll(/--cluster[= ]+["']?([^\s"'`]+)/g)) add('cluster', m[1], CLUSTER);
    for (const m of line.matchAll(/\barn:aws[\w-]*:eks:([a-z0-9-]+):[^:\s]*:cluster\/([\w-]+)/g)) {
      add('cluster', m[2], CLUSTER);
      add('region', m[1], REGION);
    }
    for (const m of line.matchAll(
      /(?:EKS cluster|eksctl-)\s*"?([\w-]+?)"?(?:-cluster|\s+in\s+"([a-z0-9-]+)" region)/g,
    )) {
      add('cluster', m[1], CLUSTER);
      add('region', m[2], REGION);
    }
    if (/\b(?:aws|eksctl)\b/.test(line))
      for (const m of line.matchAll(/--region[= ]+["']?([a-z0-9-]+)/g)) add('region', m[1], REGION);
    for (const m of line.matchAll(/\b(?:AWS_REGION|AWS_DEFAULT_REGION)=["']?([a-z0-9-]+)/g))
      add('region', m[1], REGION);
    for (const m of line.matchAll(/\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.eks\.amazonaws\.com/g)) add('region', m[1], REGION);
    for (const m of line.matchAll(/--profile[= ]+["']?([\w.@-]+)/g)) add('profile', m[1]);
    for (const m of line.matchAll(/\bAWS_PROFILE=["']?([\w.@-]+)/g)) add('profile', m[1]);
    for (const m of line.matchAll(/config profile \(([\w.@-]+)\) could not be found/g)) add('profile', m[1]);
    for (const m of line.matchAll(
      /(?:--nodegroup-name[= ]+|eks\.amazonaws\.com\/nodegroup[=:]\s*|nodegroup "|alpha\.eksctl\.io\/nodegroup-name[=:]\s*)([\w-]+)/g,
    ))
      add('nodegroup', m[1]);
    for (const m of line.matchAll(/\b(i-[0-9a-f]{8}(?:[0-9a-f]{9})?)\b/g)) add('instanceId', m[1]);
    for (const m of line.matchAll(/"principalArn":\s*"(arn:[^"]+)"/g)) add('accessEntryPrincipal', m[1]);
    // kubectl describe pod
    const field = /^([A-Z][\w -]*?):\s+(.*)$/.exec(line);
    if (field) {
      const [, key, value = ''] = field;
      section = key ?? '';
      if (key === 'Service Account') add('serviceAccount', value.trim(), DNS);
      if (key === 'Controlled By') add('workload', workload(value.trim()), /^\w+\/[\w.-]+$/);
      if (key === 'Node-Selectors' && /^[\w./-]+=\S*$/.test(value.trim())) selector.push(value.trim());
      if (key === 'Node' && /^[a-z0-9][-a-z0-9.]*(?:\/[\d.]+)?$/.test(value.trim()))
        add('node', value.trim().split('/')[0], DNS);
      if (key === 'Taints' && value.trim() !== '<none>' && !/^node\.kubernetes\.io\//.test(value.trim()))
        add('taint', /^([^=:\s]+)=?([^:\s]*)/.exec(value.trim())?.slice(1, 3).join('='));
      if (key === 'Namespace') add('namespace', value.trim(), DNS);
    } else if (/^\S/.test(line) && !/^\s/.test(line)) section = '';
    // a describe pod: Name, Namespace, … and a Node: field before the next Name:
    const rest = lines.slice(i + 1, i + 40);
    const end = rest.findIndex((l) => /^Name:\s/.test(l));
    const isPod = (end < 0 ? rest : rest.slice(0, end)).some((l) => /^(?:Node|Containers):/.test(l));
    if (isPod && /^Name:\s/.test(line) && /^Namespace:\s+(\S+)/.test(next)) {
      add('pod', /^Name:\s+(\S+)/.exec(line)?.[1], DNS);
      add('podNamespace', /^Namespace:\s+(\S+)/.exec(next)?.[1], DNS);
    }
    if (section === 'Containers' || section === 'Init Containers') {
      const c = /^ {2}([a-z0-9][-a-z0-9]*):\s*$/.exec(line);
      if (c) add('container', c[1], DNS);
    }
    if (section === 'Node-Selectors' && /^\s{10,}[\w./-]+=\S*\s*$/.test(line)) selector.push(line.trim());
    // a container's requests in describe pod: `    Requests:` then `      cpu:  250m`
    if (section === 'Containers' && /^ {4}Requests:\s*$/.test(line) && /^ {6}\w[\w./-]*:\s+\S/.test(next))
      add('requests', next.trim().replace(/:\s+/, '='));
    // scheduler: had untolerated taint {key: value}
    for (const m of line.matchAll(/(?:untolerated|had) taint \{([^:}\s]+): ?([^}\s]*)\}/g))
      if (!m[1]?.startsWith('node.kubernetes.io/')) add('taint', `${m[1]}=${m[2]}`);
    for (const m of line.matchAll(/\bkubectl\b.* (?:-n|--namespace)[= ]([a-z0-9][-a-z0-9]*)(?:\s|$)/g))
      add('namespace', m[1]);
    for (const m of line.matchAll(/exceeded quota: ([\w.-]+)/g)) add('quota', m[1]);
    // kubectl get events: the OBJECT column (`pod/web-1`, `Node/ip-…`, `replicaset/web-7c9f8d6b5`)
    for (const m of line.matchAll(
      /\s(pod|node|replicaset|deployment|statefulset|daemonset|job)\/([a-z0-9][-a-z0-9.]*)\s/gi,
    )) {
      const kind = (m[1] ?? '').toLowerCase();
      if (kind === 'pod') add('pod', m[2], DNS);
      else if (kind === 'node') add('node', m[2], DNS);
      else add('workload', workload(`${m[1]}/${m[2]}`));
    }
    for (const m of line.matchAll(/\bassigned \S+ to ([a-z0-9][-a-z0-9.]*)\s*$/g)) add('node', m[1], DNS);
    for (const m of line.matchAll(/\bNodegroup ([\w-]+) failed/g)) add('nodegroup', m[1]);
    for (const m of line.matchAll(/service account ([a-z0-9-]+\/[a-z0-9.-]+)(?::| was not found)/g))
      add('serviceAccountWanted', m[1]);
    for (const m of line.matchAll(/https:\/\/[a-z0-9-]+\.([a-z0-9-]+)\.svc\b/g)) add('webhookNamespace', m[1]);
  }
  if (selector.length > 0) add('nodeSelector', selector.join(' '), /./);
  return found;
}

/** A pod's controller as the workload a command names: a Deployment's ReplicaSet (`web-7c9f8d6b5`) is the Deployment. */
function workload(owner: string): string {
  const [kind = '', name = ''] = owner.toLowerCase().split('/');
  const hash = /^(.+)-[a-z0-9]{8,10}$/.exec(name);
  return kind === 'replicaset' && hash ? `deployment/${hash[1]}` : `${kind}/${name}`;
}

/** The kind of value a `<hint>` of a rule's fix stands for, when a paste can show it. */
export function kindOfHint(hint: string, ruleId: string): ValueKind | null {
  switch (hint) {
    case 'cluster-name':
    case 'cluster':
      return 'cluster';
    case 'region':
    case 'cluster-region':
      return ruleId === 'eks-cluster-not-found-in-region' ? null : 'region';
    case 'profile':
      return ruleId === 'no-credentials-profile-not-found' ? null : 'profile';
    case 'nodegroup':
      return 'nodegroup';
    case 'node':
    case 'node-name':
      return 'node';
    case 'pod':
      // a pod to delete to free quota, or the pod that runs as a service account: not the pod of the paste
      return ruleId === 'admission-quota-exceeded' || ruleId === 'forbidden-serviceaccount-binding-mismatch'
        ? null
        : 'pod';
    case 'service-account':
    case 'sa-name':
      return 'serviceAccount';
    case 'deployment':
    case 'workload':
    case 'kind':
      return 'workload';
    case 'namespace':
      return /^admission-(?:podsecurity|quota|service-account|policy)/.test(ruleId) ? 'namespace' : null;
    case 'quota':
      return 'quota';
    case 'saName':
    case 'saNamespace':
      return 'serviceAccountWanted';
    case 'webhook-namespace':
      return 'webhookNamespace';
    case 'container':
      return 'container';
    case 'taint-key':
    case 'taint-value':
      return 'taint';
    case 'key=value':
    case 'key':
    case 'value':
      return ruleId === 'pending-pod-node-selector-mismatch' ? 'nodeSelector' : null;
    case 'instance-id':
    case 'node-instance-id':
      return 'instanceId';
    case 'principal-arn':
    case 'node-role-arn':
      return ruleId.startsWith('access-entry') || ruleId.includes('access-entry') ? 'accessEntryPrincipal' : null;
    default:
      return null;
  }
}
