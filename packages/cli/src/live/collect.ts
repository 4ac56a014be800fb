// Collection: read the objects behind a pod, a node or a namespace (GET/LIST and the self-review POSTs only) and
// render each as the kubectl output a person would have pasted. Failures of a step become input too: a 403 is the
// apiserver's Forbidden line, a 401 / exec / network failure the line kubectl prints (plus the kubeconfig's exec entry).
import type { CoreV1Event, V1ConfigMap, V1Node, V1NodeList, V1Pod } from '@kubernetes/client-node';
import type { Target } from '../args.js';
import { KubeError, type Kube } from './kube.js';
import { canIList, describeNode, describePod, eventsJson, kubeconfigExec, objectJson, whoami } from './render.js';

/** One rendered input (also the file name used by --save). */
export interface LiveInput {
  name: string;
  text: string;
}

/** What a live command collected. */
export interface Collection {
  inputs: LiveInput[];
  /** Human-readable: what was read. */
  collected: string[];
  /** Human-readable: what could not be read, and why. */
  missing: string[];
  /** The failure that stopped collection (401, exec plugin, connection refused, timeout), if any. */
  fatal: KubeError | null;
}

const MAX_NODES = 10;
const MAX_PODS = 20;
const prompt = (cmd: string): string => `$ ${cmd}\n`;

class Collector {
  readonly inputs: LiveInput[] = [];
  readonly collected: string[] = [];
  readonly missing: string[] = [];
  readonly errors: string[] = [];
  fatal: KubeError | null = null;
  /** @param primary the command a person would have run; a fatal failure is shown as its output (whichever read hit it first). */
  constructor(
    readonly kube: Kube,
    readonly primary: string,
  ) {}

  add(name: string, command: string, text: string): void {
    this.inputs.push({ name, text: `${prompt(command)}${text}` });
  }

  /**
   * Runs one collection step. A 403 on a required step is kept as kubectl's Forbidden line (the core diagnoses it);
   * on an optional one it is only reported. 401 and transport failures stop the collection.
   */
  async step<T>(what: string, fn: () => Promise<T>, opts: { required: boolean; command: string }): Promise<T | null> {
    if (this.fatal) return null;
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      // Steps run in parallel: after a 401 or a transport failure the others fail the same way; report it once.
      if (this.fatal) return null;
      if (e.kind === 'forbidden') {
        this.missing.push(`${what}: forbidden (${e.message})`);
        if (opts.required) this.errors.push(`${prompt(opts.command)}${e.kubectlText}`);
        return null;
      }
      if (e.kind === 'notfound' || e.kind === 'status') {
        this.missing.push(`${what}: ${e.message}`);
        if (opts.required) this.errors.push(`${prompt(opts.command)}${e.kubectlText}`);
        return null;
      }
      this.fatal = e;
      this.missing.push(e.message);
      this.errors.push(`${prompt(this.primary)}${e.kubectlText}`);
      return null;
    }
  }

  finish(): Collection {
    // Reads ran in parallel: order the failures deterministically (the primary command first).
    const first = prompt(this.primary);
    this.errors.sort(
      (a, b) => Number(b.startsWith(first)) - Number(a.startsWith(first)) || (a < b ? -1 : a > b ? 1 : 0),
    );
    if (this.errors.length) this.inputs.push({ name: 'errors.txt', text: `${this.errors.join('\n')}\n` });
    const t = this.kube.target;
    // A credential failure: the kubeconfig's exec entry is the evidence of which identity/cluster/region was used.
    if (
      this.fatal &&
      t.exec &&
      (this.fatal.kind === 'unauthorized' || this.fatal.kind === 'exec' || this.fatal.kind === 'forbidden')
    ) {
      this.inputs.push({
        name: 'kubeconfig.yaml',
        text: `${prompt('kubectl config view --minify')}${kubeconfigExec({ ...t, exec: t.exec })}`,
      });
    }
    const order = [
      /^identity/,
      /^pod /,
      /events of pod/,
      /events of /,
      /^\d+ non-running/,
      /warning event/,
      /node/,
      /^aws-auth/,
      /^permissions/,
    ];
    const rank = (x: string): number => order.findIndex((re) => re.test(x)) >>> 0;
    this.collected.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    this.missing.sort();
    // File-name order: the order `rbac-diagnose DIR/*` reads the saved files back in, so both give the same report.
    this.inputs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { inputs: this.inputs, collected: this.collected, missing: this.missing, fatal: this.fatal };
  }

  /** SelfSubjectReview → `kubectl auth whoami`. First, so a 401 stops everything early. */
  async identity(): Promise<void> {
    const review = await this.step('identity (SelfSubjectReview)', () => this.kube.whoami(), {
      required: false,
      command: 'kubectl auth whoami',
    });
    if (review) {
      this.add('whoami.txt', 'kubectl auth whoami', whoami(review));
      this.collected.push(`identity: ${review.status?.userInfo?.username ?? '?'}`);
    }
  }

  /** SelfSubjectRulesReview → `kubectl auth can-i --list -n NS`. */
  async permissions(namespace: string): Promise<void> {
    const review = await this.step(
      `permissions in ${namespace} (SelfSubjectRulesReview)`,
      () => this.kube.rulesReview(namespace),
      { required: false, command: `kubectl auth can-i --list -n ${namespace}` },
    );
    if (review) {
      this.add('can-i-list.txt', `kubectl auth can-i --list -n ${namespace}`, canIList(review));
      this.collected.push(`permissions in namespace ${namespace}`);
    }
  }

  /**
   * aws-auth when readable: supporting evidence, not required. The SelfSubjectAccessReview runs beside the GET and
   * explains a refusal without turning it into a Forbidden diagnosis of its own.
   */
  async awsAuth(): Promise<void> {
    const [ssar, cm] = await Promise.all([
      this.step(
        'permission check for the aws-auth ConfigMap (SelfSubjectAccessReview)',
        () =>
          this.kube.accessReview({ namespace: 'kube-system', verb: 'get', resource: 'configmaps', name: 'aws-auth' }),
        { required: false, command: 'kubectl auth can-i get configmap/aws-auth -n kube-system' },
      ),
      this.kube
        .configMap('kube-system', 'aws-auth')
        .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
    ]);
    if (this.fatal) return;
    if (cm instanceof KubeError && (cm.kind === 'forbidden' || ssar?.status?.allowed === false)) {
      this.missing.push('aws-auth ConfigMap: not readable with your permissions (get configmaps in kube-system)');
      return;
    }
    if (cm instanceof KubeError && cm.kind === 'notfound') {
      this.missing.push('aws-auth ConfigMap: none in kube-system (the cluster may use access entries only)');
      return;
    }
    const got = await this.step(
      'aws-auth ConfigMap',
      (): Promise<V1ConfigMap> => (cm instanceof Error ? Promise.reject(cm) : Promise.resolve(cm)),
      { required: false, command: 'kubectl get configmap aws-auth -n kube-system -o json' },
    );
    if (got) {
      this.add(
        'aws-auth.json',
        'kubectl get configmap aws-auth -n kube-system -o json',
        objectJson(got, 'v1', 'ConfigMap'),
      );
      this.collected.push('aws-auth ConfigMap');
    }
  }

  async events(
    namespace: string | null,
    selector: string,
    what: string,
    command: string,
  ): Promise<CoreV1Event[] | null> {
    const list = await this.step(what, () => this.kube.events(namespace, selector), { required: true, command });
    return list ? list.items : null;
  }

  /**
   * The nodes a pod could run on — its node when scheduled, else those its nodeSelector allows — described with
   * their events. `pod` may be a promise: the node list and node events are read meanwhile.
   */
  async nodes(podP: Promise<V1Pod | null> | null, names: string[] | null): Promise<void> {
    const now = Date.now();
    const listP = names
      ? null
      : this.kube.nodes().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    const eventsP = this.events(
      null,
      'involvedObject.kind=Node',
      'node events',
      'kubectl get events -A --field-selector involvedObject.kind=Node',
    );
    const pod = podP ? await podP : null;
    if (this.fatal) return;
    let wanted = names;
    if (!wanted && pod?.spec?.nodeName) wanted = [pod.spec.nodeName];
    let nodes: V1Node[] = [];
    const list = listP ? await listP : null;
    if (wanted) {
      for (const n of wanted) {
        const fromList = list && !(list instanceof Error) ? list.items.find((x) => x.metadata?.name === n) : undefined;
        const node =
          fromList ??
          (await this.step(`node ${n}`, () => this.kube.node(n), {
            required: true,
            command: `kubectl describe node ${n}`,
          }));
        if (node) nodes.push(node);
      }
    } else {
      const got = await this.step(
        'nodes',
        (): Promise<V1NodeList | null> => (list instanceof Error ? Promise.reject(list) : Promise.resolve(list)),
        { required: true, command: 'kubectl describe nodes' },
      );
      if (!got) return;
      const sel = pod?.spec?.nodeSelector ?? {};
      const all = got.items;
      nodes = all.filter((n) => Object.entries(sel).every(([k, v]) => n.metadata?.labels?.[k] === v));
      if (all.length === 0) {
        this.add('nodes.txt', 'kubectl get nodes', 'No resources found\n');
        this.collected.push('nodes: none in the cluster');
        return;
      }
      if (nodes.length > MAX_NODES) {
        this.missing.push(
          `nodes: ${nodes.length - MAX_NODES} more nodes the pod could run on were not described (limit ${MAX_NODES})`,
        );
        nodes = nodes.slice(0, MAX_NODES);
      }
    }
    if (nodes.length === 0) return;
    const events = (await eventsP) ?? [];
    const text = nodes
      .map((n) =>
        describeNode(
          n,
          events.filter((e) => e.involvedObject.name === n.metadata?.name),
          now,
        ),
      )
      .join('\n');
    this.add(
      'nodes.describe.txt',
      wanted?.length === 1 ? `kubectl describe node ${wanted[0]}` : 'kubectl describe nodes',
      text,
    );
    this.collected.push(
      `${nodes.length} node${nodes.length === 1 ? '' : 's'} (${nodes.map((n) => n.metadata?.name ?? '').join(', ')})`,
    );
  }
}

/** Collects what `live pod|node|namespace` needs. Independent reads run in parallel (two round trips for a pod). */
export async function collect(kube: Kube, target: Target): Promise<Collection> {
  const now = Date.now();
  if (target.kind === 'pod') {
    const { name, namespace } = target;
    const c = new Collector(kube, `kubectl describe pod ${name} -n ${namespace}`);
    const podP = c.step(`pod ${namespace}/${name}`, () => kube.pod(namespace, name), {
      required: true,
      command: `kubectl describe pod ${name} -n ${namespace}`,
    });
    const eventsP = c.events(
      namespace,
      `involvedObject.kind=Pod,involvedObject.name=${name}`,
      `events of pod ${name}`,
      `kubectl get events -n ${namespace} --field-selector involvedObject.name=${name}`,
    );
    const ownerEvents = async (): Promise<void> => {
      const pod = await podP;
      const owner = pod?.metadata?.ownerReferences?.find((o) => o.controller) ?? null;
      if (!owner) return;
      const sel = `involvedObject.kind=${owner.kind},involvedObject.name=${owner.name}`;
      const ev = await c.events(
        namespace,
        sel,
        `events of ${owner.kind}/${owner.name}`,
        `kubectl get events -n ${namespace} --field-selector ${sel}`,
      );
      if (ev && ev.length)
        c.add(
          'events.owner.json',
          `kubectl get events -n ${namespace} --field-selector ${sel} -o json`,
          eventsJson(ev),
        );
      if (ev) c.collected.push(`${ev.length} event${ev.length === 1 ? '' : 's'} of ${owner.kind}/${owner.name}`);
    };
    await Promise.all([
      c.identity(),
      podP,
      eventsP,
      ownerEvents(),
      c.permissions(namespace),
      c.awsAuth(),
      c.nodes(podP, null),
    ]);
    const [pod, events] = [await podP, await eventsP];
    if (pod) {
      c.add('pod.describe.txt', `kubectl describe pod ${name} -n ${namespace}`, describePod(pod, events ?? [], now));
      c.collected.push(
        `pod ${namespace}/${name} with ${(events ?? []).length} event${(events ?? []).length === 1 ? '' : 's'}`,
      );
    } else if (events && events.length) {
      c.add(
        'events.pod.json',
        `kubectl get events -n ${namespace} --field-selector involvedObject.name=${name} -o json`,
        eventsJson(events),
      );
      c.collected.push(`${events.length} events of pod ${name}`);
    }
    return c.finish();
  }
  if (target.kind === 'node') {
    const c = new Collector(kube, `kubectl describe node ${target.name}`);
    await Promise.all([c.identity(), c.nodes(null, [target.name]), c.awsAuth()]);
    return c.finish();
  }
  const { namespace } = target;
  const c = new Collector(kube, `kubectl describe pods -n ${namespace}`);
  const podsP = c.step(`pods in ${namespace}`, () => kube.pods(namespace), {
    required: true,
    command: `kubectl get pods -n ${namespace}`,
  });
  const pendingP = podsP.then(
    (pods) => pods?.items.find((p) => p.status?.phase === 'Pending' && !p.spec?.nodeName) ?? null,
  );
  const [pods, events] = await Promise.all([
    podsP,
    c.events(namespace, '', `events in ${namespace}`, `kubectl get events -n ${namespace}`),
    c.identity(),
    c.permissions(namespace),
    c.awsAuth(),
    pendingP.then((p) => (p ? c.nodes(Promise.resolve(p), null) : undefined)),
  ]);
  const all = (pods?.items ?? []).filter((p) => notRunning(p));
  const chosen = all.slice(0, MAX_PODS);
  if (all.length > MAX_PODS)
    c.missing.push(`pods: ${all.length - MAX_PODS} more non-running pods were not described (limit ${MAX_PODS})`);
  const evs = events ?? [];
  const described = new Set<string>();
  if (chosen.length) {
    c.add(
      'pods.describe.txt',
      `kubectl describe pods -n ${namespace}`,
      chosen
        .map((p) => {
          described.add(p.metadata?.name ?? '');
          return describePod(
            p,
            evs.filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === p.metadata?.name),
            now,
          );
        })
        .join('\n'),
    );
  }
  if (pods)
    c.collected.push(
      `${chosen.length} non-running pod${chosen.length === 1 ? '' : 's'} of ${pods.items.length} in ${namespace}`,
    );
  const warnings = evs.filter(
    (e) => e.type === 'Warning' && !(e.involvedObject.kind === 'Pod' && described.has(e.involvedObject.name ?? '')),
  );
  if (warnings.length)
    c.add(
      'events.warnings.json',
      `kubectl get events -n ${namespace} --field-selector type=Warning -o json`,
      eventsJson(warnings),
    );
  if (events)
    c.collected.push(`${warnings.length} other warning event${warnings.length === 1 ? '' : 's'} in ${namespace}`);
  return c.finish();
}

/** Pending, Failed, Unknown, or Running with a container waiting or not ready. */
function notRunning(p: V1Pod): boolean {
  const phase = p.status?.phase;
  if (phase === 'Succeeded') return false;
  if (phase !== 'Running') return true;
  return (p.status?.containerStatuses ?? []).some((s) => s.state?.waiting || !s.ready);
}
