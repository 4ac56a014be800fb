// Talking to the cluster, read-only, through @kubernetes/client-node's typed API: the kubeconfig (KUBECONFIG,
// --kubeconfig, --context), credentials (exec plugins are run here the way client-go runs them, so their failures read
// like kubectl's), reads of pods, events, nodes and the aws-auth ConfigMap, the self-reviews, and the events watch.
// There is no method that writes.
import { spawn } from 'node:child_process';
import { STATUS_CODES } from 'node:http';
import {
  ApiException,
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  Observable,
  Watch,
  type ConfigurationOptions,
  type CoreV1EventList,
  type ObservableMiddleware,
  type User,
  type V1ConfigMap,
  type V1Node,
  type V1NodeList,
  type V1Pod,
  type V1PodList,
  type V1ResourceAttributes,
  type V1SelfSubjectAccessReview,
  type V1SelfSubjectReview,
  type V1SelfSubjectRulesReview,
} from '@kubernetes/client-node';

/** Why a request failed, in kubectl's words (these are the texts fed to the diagnosis). */
export class KubeError extends Error {
  override readonly name = 'KubeError';
  constructor(
    /** 'status' (the server answered with an error Status), 'unauthorized', 'forbidden', 'refused', 'timeout', 'exec', 'network', 'config'. */
    readonly kind:
      'status' | 'unauthorized' | 'forbidden' | 'notfound' | 'refused' | 'timeout' | 'exec' | 'network' | 'config',
    message: string,
    /** Lines kubectl would have printed for this failure. */
    readonly kubectlText: string,
    readonly code: number | null = null,
  ) {
    super(message);
  }
}

/** The kubeconfig's exec credential entry of the current user. */
export interface ExecConfig {
  apiVersion: string;
  command: string;
  args: string[];
  env: { name: string; value: string }[];
}

/** Where we connect and as whom (for the header and the kubeconfig evidence). */
export interface Target {
  context: string;
  cluster: string;
  server: string;
  user: string;
  exec: ExecConfig | null;
  namespace: string | null;
}

/** Whether a value parsed from JSON is an object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A kubeconfig scalar as text: a string or number as written, anything else (absent, a map) as ''. */
function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function execConfig(user: User | null): ExecConfig | null {
  const e: unknown = user?.exec;
  if (!isRecord(e)) return null;
  return {
    apiVersion: text(e['apiVersion']),
    command: text(e['command']),
    args: Array.isArray(e['args']) ? e['args'].map(String) : [],
    env: Array.isArray(e['env'])
      ? e['env'].filter(isRecord).map((v) => ({ name: text(v['name']), value: text(v['value']) }))
      : [],
  };
}

/** The message and reason of a Status the API server answered with. */
function statusOf(body: unknown): { message: string | null; reason: string | null; text: string } {
  const text = typeof body === 'string' ? body : '';
  let status: unknown = null;
  try {
    status = JSON.parse(text);
  } catch {
    status = null;
  }
  const field = (k: string): string | null => (isRecord(status) && typeof status[k] === 'string' ? status[k] : null);
  return { message: field('message'), reason: field('reason'), text };
}

/** ExecCredential versions client-go accepts. */
const EXEC_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];

/** A connected, read-only client. */
export class Kube {
  readonly target: Target;
  private readonly core: CoreV1Api;
  private readonly authn: AuthenticationV1Api;
  private readonly authz: AuthorizationV1Api;
  private credentialsReady: Promise<void> | null = null;

  private constructor(
    private readonly kc: KubeConfig,
    private readonly timeoutMs: number,
  ) {
    const ctx = kc.getContextObject(kc.getCurrentContext());
    const cluster = kc.getCurrentCluster();
    const user = kc.getCurrentUser();
    this.target = {
      context: kc.getCurrentContext() ?? '',
      cluster: cluster?.name ?? '',
      server: cluster?.server ?? '',
      user: user?.name ?? '',
      exec: execConfig(user),
      namespace: ctx?.namespace ?? null,
    };
    this.core = kc.makeApiClient(CoreV1Api);
    this.authn = kc.makeApiClient(AuthenticationV1Api);
    this.authz = kc.makeApiClient(AuthorizationV1Api);
  }

  /** Loads the kubeconfig the way kubectl does: --kubeconfig, else KUBECONFIG, else ~/.kube/config; --context picks the context. */
  static load(opts: { kubeconfig: string | null; context: string | null; timeoutMs: number }): Kube {
    const kc = new KubeConfig();
    try {
      if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
      else kc.loadFromDefault();
    } catch (e) {
      const file = opts.kubeconfig ?? process.env['KUBECONFIG'] ?? '~/.kube/config';
      throw new KubeError(
        'config',
        `cannot read the kubeconfig ${file}: ${(e as Error).message.split('\n')[0]}`,
        `error: error loading config file "${file}": ${(e as Error).message.split('\n')[0]}`,
      );
    }
    if (opts.context) {
      if (!kc.getContextObject(opts.context))
        throw new KubeError(
          'config',
          `context "${opts.context}" is not in the kubeconfig`,
          `error: context was not found for specified context: ${opts.context}`,
        );
      kc.setCurrentContext(opts.context);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster || !kc.getContextObject(kc.getCurrentContext())) {
      throw new KubeError(
        'config',
        'the kubeconfig has no current context (set one with --context)',
        'error: current-context is not set\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?',
      );
    }
    const server = String(cluster.server ?? '');
    if (server.startsWith('http://') && !cluster.skipTLSVerify) {
      // client-node's fallback when there is no kubeconfig at all is http://localhost:8080, as kubectl's is.
      if (/^http:\/\/(?:localhost|127\.0\.0\.1):8080\/?$/.test(server) && kc.getCurrentContext() === 'loaded-context') {
        throw new KubeError(
          'config',
          'no kubeconfig: KUBECONFIG is not set and ~/.kube/config does not exist (or use --kubeconfig)',
          'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
        );
      }
      throw new KubeError(
        'config',
        `the server ${server} is plain http://, which live mode only uses with insecure-skip-tls-verify: true`,
        `error: the server ${server} is plain http:// (not TLS)`,
      );
    }
    return new Kube(kc, opts.timeoutMs);
  }

  /** host:port of the server, as kubectl prints it. */
  hostPort(): string {
    try {
      const u = new URL(this.target.server);
      return `${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${u.port || (u.protocol === 'http:' ? '80' : '443')}`;
    } catch {
      return this.target.server;
    }
  }

  /**
   * Runs the exec credential plugin once (as client-go does), so its failures are reported like kubectl reports them,
   * then lets client-node load the rest of the credentials (certificates, tokens) once.
   */
  private ensureCredentials(): Promise<void> {
    this.credentialsReady ??= (async () => {
      await this.runExec();
      try {
        await this.kc.applyToHTTPSOptions({});
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        throw new KubeError(
          'config',
          `cannot use the kubeconfig's credentials: ${msg}`,
          `error: ${msg.split('\n')[0]}`,
        );
      }
    })();
    return this.credentialsReady;
  }

  private async runExec(): Promise<void> {
    const user = this.kc.getCurrentUser();
    const exec = this.target.exec;
    if (user === null || exec === null) return;
    const { apiVersion } = exec;
    if (!EXEC_VERSIONS.includes(apiVersion)) {
      throw new KubeError(
        'exec',
        `the kubeconfig's exec plugin uses apiVersion "${apiVersion}", which clients no longer accept`,
        `error: exec plugin: invalid apiVersion "${apiVersion}"`,
      );
    }
    const { command } = exec;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const e of exec.env) env[e.name] = e.value;
    env['KUBERNETES_EXEC_INFO'] = JSON.stringify({ kind: 'ExecCredential', apiVersion, spec: { interactive: false } });
    const r = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
      error: NodeJS.ErrnoException | null;
    }>((resolve) => {
      let stdout = '';
      let stderr = '';
      let error: NodeJS.ErrnoException | null = null;
      let child;
      try {
        child = spawn(command, exec.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        resolve({ code: null, stdout, stderr, error: e as NodeJS.ErrnoException });
        return;
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), Math.max(this.timeoutMs, 30000));
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', (e) => (error = e));
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, error });
      });
    });
    if (r.error) {
      if (r.error.code === 'ENOENT') {
        const hint =
          '\n\nIt looks like you are trying to use a client-go credential plugin that is not installed.\n\nTo learn more about this feature, consult the documentation available at:\n      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins';
        throw new KubeError(
          'exec',
          `the exec credential plugin "${command}" was not found on PATH`,
          `Unable to connect to the server: getting credentials: exec: executable ${command} not found${hint}`,
        );
      }
      throw new KubeError(
        'exec',
        `the exec credential plugin "${command}" could not be run: ${r.error.message}`,
        `Unable to connect to the server: getting credentials: exec: ${r.error.message}`,
      );
    }
    const stderr = r.stderr.replace(/\s+$/, '');
    if (r.code !== 0) {
      const msg = `getting credentials: exec: executable ${command} failed with exit code ${r.code ?? 'signal'}`;
      throw new KubeError(
        'exec',
        `the exec credential plugin "${command}" failed with exit code ${r.code ?? '(killed)'}`,
        `${stderr ? `${stderr}\n` : ''}Unable to connect to the server: ${msg}`,
      );
    }
    let cred: unknown;
    try {
      cred = JSON.parse(r.stdout);
    } catch {
      throw new KubeError(
        'exec',
        `the exec credential plugin "${command}" printed something that is not an ExecCredential`,
        `${stderr ? `${stderr}\n` : ''}Unable to connect to the server: getting credentials: decoding stdout: couldn't get version/kind; json parse error`,
      );
    }
    const returned = isRecord(cred) ? cred['apiVersion'] : undefined;
    if (returned !== apiVersion) {
      throw new KubeError(
        'exec',
        `the exec plugin returned ${String(returned)}, the kubeconfig expects ${apiVersion}`,
        `Unable to connect to the server: getting credentials: exec plugin is configured to use API version ${apiVersion}, plugin returned version ${String(returned)}`,
      );
    }
    const status = isRecord(cred) ? cred['status'] : undefined;
    const token = isRecord(status) ? status['token'] : undefined;
    if (typeof token !== 'string' || token === '')
      throw new KubeError(
        'exec',
        `the exec credential plugin "${command}" returned no token`,
        'Unable to connect to the server: getting credentials: exec: plugin returned no token',
      );
    // Hand the token to client-node instead of letting it run the plugin again.
    const withToken: User = { ...user, token };
    delete (withToken as { exec?: unknown }).exec;
    this.kc.users = this.kc.users.map((u) => (u === user ? withToken : u));
  }

  /**
   * Runs one typed API call with the request timeout; a failure becomes a KubeError in kubectl's words. The calls
   * below are GETs, LISTs and the self-reviews (POSTs that change nothing).
   */
  private async call<T>(fn: (options: ConfigurationOptions) => Promise<T>): Promise<T> {
    await this.ensureCredentials();
    const timeout: ObservableMiddleware = {
      pre: (ctx) => {
        ctx.setSignal(AbortSignal.timeout(this.timeoutMs));
        return new Observable(Promise.resolve(ctx));
      },
      post: (res) => new Observable(Promise.resolve(res)),
    };
    try {
      return await fn({ middleware: [timeout], middlewareMergeStrategy: 'append' });
    } catch (e) {
      throw e instanceof ApiException ? this.statusError(e.code, e.body) : this.networkError(e);
    }
  }

  /** An error Status from the API server, as kubectl reports it. */
  private statusError(code: number, body: unknown): KubeError {
    const { message: said, reason, text } = statusOf(body);
    const message = said ?? (text.trim().slice(0, 300) || STATUS_CODES[code] || `HTTP ${code}`);
    if (code === 401)
      return new KubeError(
        'unauthorized',
        `the API server rejected the credentials (401 ${message})`,
        `error: You must be logged in to the server (${message})`,
        401,
      );
    if (code === 403) return new KubeError('forbidden', message, `Error from server (Forbidden): ${message}`, 403);
    if (code === 404) return new KubeError('notfound', message, `Error from server (NotFound): ${message}`, 404);
    return new KubeError('status', message, `Error from server${reason ? ` (${reason})` : ''}: ${message}`, code);
  }

  /** `kubectl auth whoami`: who the credentials authenticate as. */
  whoami(): Promise<V1SelfSubjectReview> {
    const body = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };
    return this.call((o) => this.authn.createSelfSubjectReview({ body }, o));
  }

  /** `kubectl auth can-i --list -n NS`: what the credentials may do in a namespace. */
  rulesReview(namespace: string): Promise<V1SelfSubjectRulesReview> {
    const body = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } };
    return this.call((o) => this.authz.createSelfSubjectRulesReview({ body }, o));
  }

  /** `kubectl auth can-i VERB RESOURCE`: whether one request would be allowed. */
  accessReview(resourceAttributes: V1ResourceAttributes): Promise<V1SelfSubjectAccessReview> {
    const body = {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes },
    };
    return this.call((o) => this.authz.createSelfSubjectAccessReview({ body }, o));
  }

  pod(namespace: string, name: string): Promise<V1Pod> {
    return this.call((o) => this.core.readNamespacedPod({ namespace, name }, o));
  }

  pods(namespace: string): Promise<V1PodList> {
    return this.call((o) => this.core.listNamespacedPod({ namespace }, o));
  }

  node(name: string): Promise<V1Node> {
    return this.call((o) => this.core.readNode({ name }, o));
  }

  nodes(): Promise<V1NodeList> {
    return this.call((o) => this.core.listNode({}, o));
  }

  configMap(namespace: string, name: string): Promise<V1ConfigMap> {
    return this.call((o) => this.core.readNamespacedConfigMap({ namespace, name }, o));
  }

  /** Events of a namespace (all namespaces when null), optionally filtered by a field selector. */
  events(namespace: string | null, fieldSelector = ''): Promise<CoreV1EventList> {
    const selector = fieldSelector ? { fieldSelector } : {};
    return this.call((o) =>
      namespace === null
        ? this.core.listEventForAllNamespaces(selector, o)
        : this.core.listNamespacedEvent({ namespace, ...selector }, o),
    );
  }

  /** Classifies a transport failure: refused, timeout, DNS, TLS. */
  networkError(e: unknown): KubeError {
    const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const hp = this.hostPort();
    if (
      err?.name === 'TimeoutError' ||
      err?.name === 'AbortError' ||
      err?.cause?.code === 'UND_ERR_CONNECT_TIMEOUT' ||
      err?.cause?.code === 'UND_ERR_HEADERS_TIMEOUT'
    ) {
      return new KubeError(
        'timeout',
        `no answer from ${hp} within ${Math.round(this.timeoutMs / 100) / 10}s`,
        'Unable to connect to the server: context deadline exceeded',
      );
    }
    const code = err?.cause?.code ?? '';
    if (code === 'ECONNREFUSED')
      return new KubeError(
        'refused',
        `connection to ${hp} refused`,
        `The connection to the server ${hp} was refused - did you specify the right host or port?`,
      );
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      const host = (() => {
        try {
          return new URL(this.target.server).hostname;
        } catch {
          return hp;
        }
      })();
      return new KubeError(
        'network',
        `the server name ${host} does not resolve`,
        `Unable to connect to the server: dial tcp: lookup ${host}: no such host`,
      );
    }
    if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
      const what =
        code === 'ETIMEDOUT'
          ? 'i/o timeout'
          : code === 'EHOSTUNREACH'
            ? 'connect: no route to host'
            : 'connect: network is unreachable';
      return new KubeError(
        code === 'ETIMEDOUT' ? 'timeout' : 'network',
        `cannot reach ${hp} (${code})`,
        `Unable to connect to the server: dial tcp ${hp}: ${what}`,
      );
    }
    const m = err?.cause?.message ?? err?.message ?? String(e);
    if (/certificate|self[- ]signed|CERT_|SSL|TLS/i.test(`${code} ${m}`)) {
      return new KubeError(
        'network',
        `TLS to ${hp} failed: ${m}`,
        `Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority (${m})`,
      );
    }
    if (/HTTP protocol is not allowed/.test(m)) return new KubeError('config', m, `error: ${m}`);
    return new KubeError('network', `cannot reach ${hp}: ${m}`, `Unable to connect to the server: ${m}`);
  }

  /**
   * Watches the events of a namespace (all namespaces when null) from a resource version; resolves with a function
   * that stops the watch. `onEvent` receives the watch event's type and object as the server sent them.
   */
  async watchEvents(
    namespace: string | null,
    resourceVersion: string,
    onEvent: (type: string, obj: unknown) => void,
    onDone: (err: unknown) => void,
  ): Promise<() => void> {
    await this.ensureCredentials();
    const path = namespace === null ? '/api/v1/events' : `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`;
    const query = { allowWatchBookmarks: true, ...(resourceVersion ? { resourceVersion } : {}) };
    const ctl = await new Watch(this.kc).watch(path, query, (type: string, obj: unknown) => onEvent(type, obj), onDone);
    return () => ctl.abort();
  }
}
