// Talking to the cluster, read-only: kubeconfig (KUBECONFIG, --kubeconfig, --context), credentials (including exec
// plugins, run here the way client-go runs them so failures read like kubectl's), and GET/LIST/WATCH plus the
// self-review POSTs. @kubernetes/client-node is imported lazily by the caller (it costs ~1 s to load).
import { spawn } from 'node:child_process';

/** The subset of @kubernetes/client-node used here (the module is passed in, loaded with a dynamic import). */
export type ClientNode = typeof import('./client-node.js');
// Kubernetes objects are handled as plain JSON, exactly as the API server sent them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = any;

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

/** Where we connect and as whom (for the header and the kubeconfig evidence). */
export interface Target {
  context: string;
  cluster: string;
  server: string;
  user: string;
  /** The kubeconfig's exec entry of the current user, if any. */
  exec: J | null;
  namespace: string | null;
}

interface Closable {
  close?: () => Promise<void>;
  destroy?: () => Promise<void>;
}

/** ExecCredential versions client-go accepts. */
const EXEC_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];

/** A connected, read-only client. */
export class Kube {
  readonly target: Target;
  private readonly http: InstanceType<ClientNode['IsomorphicFetchHttpLibrary']>;
  private credentialsReady: Promise<void> | null = null;
  private dispatcher: Closable | null = null;

  constructor(
    private readonly k: ClientNode,
    readonly kc: InstanceType<ClientNode['KubeConfig']>,
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
      exec: (user as J)?.exec ?? null,
      namespace: ctx?.namespace ?? null,
    };
    this.http = new k.IsomorphicFetchHttpLibrary();
  }

  /** Loads the kubeconfig the way kubectl does: --kubeconfig, else KUBECONFIG, else ~/.kube/config; --context picks the context. */
  static load(k: ClientNode, opts: { kubeconfig: string | null; context: string | null; timeoutMs: number }): Kube {
    const kc = new k.KubeConfig();
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
    return new Kube(k, kc, opts.timeoutMs);
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

  /** Runs the exec credential plugin once (as client-go does), so its failures are reported like kubectl reports them. */
  private ensureCredentials(): Promise<void> {
    this.credentialsReady ??= this.runExec();
    return this.credentialsReady;
  }

  private async runExec(): Promise<void> {
    const user = this.kc.getCurrentUser() as J;
    const exec = user?.exec;
    if (!exec) return;
    const apiVersion = String(exec.apiVersion ?? '');
    if (!EXEC_VERSIONS.includes(apiVersion)) {
      throw new KubeError(
        'exec',
        `the kubeconfig's exec plugin uses apiVersion "${apiVersion}", which clients no longer accept`,
        `error: exec plugin: invalid apiVersion "${apiVersion}"`,
      );
    }
    const command = String(exec.command ?? '');
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const e of (exec.env ?? []) as { name: string; value: string }[]) env[e.name] = e.value;
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
        child = spawn(command, (exec.args ?? []) as string[], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    let cred: J;
    try {
      cred = JSON.parse(r.stdout);
    } catch {
      throw new KubeError(
        'exec',
        `the exec credential plugin "${command}" printed something that is not an ExecCredential`,
        `${stderr ? `${stderr}\n` : ''}Unable to connect to the server: getting credentials: decoding stdout: couldn't get version/kind; json parse error`,
      );
    }
    if (cred?.apiVersion !== apiVersion) {
      throw new KubeError(
        'exec',
        `the exec plugin returned ${String(cred?.apiVersion)}, the kubeconfig expects ${apiVersion}`,
        `Unable to connect to the server: getting credentials: exec plugin is configured to use API version ${apiVersion}, plugin returned version ${String(cred?.apiVersion)}`,
      );
    }
    const token = cred?.status?.token;
    if (typeof token !== 'string' || token === '')
      throw new KubeError(
        'exec',
        `the exec credential plugin "${command}" returned no token`,
        'Unable to connect to the server: getting credentials: exec: plugin returned no token',
      );
    // Hand the token to client-node instead of letting it run the plugin again.
    delete user.exec;
    user.token = token;
  }

  /** GET (or POST for the self-review APIs) one API path; returns the parsed JSON body. */
  async request(path: string, body?: J): Promise<J> {
    // Read-only by construction: GET, or POST to the self-review APIs (which change nothing).
    if (
      body !== undefined &&
      !/^\/apis\/authorization\.k8s\.io\/v1\/selfsubject(?:access|rules)reviews$|^\/apis\/authentication\.k8s\.io\/v1\/selfsubjectreviews$/.test(
        path,
      )
    ) {
      throw new Error(`live mode only reads: refusing to POST to ${path}`);
    }
    await this.ensureCredentials();
    const k = this.k;
    const ctx = new k.RequestContext(
      `${this.target.server.replace(/\/+$/, '')}${path}`,
      body === undefined ? k.HttpMethod.GET : k.HttpMethod.POST,
    );
    try {
      await this.kc.applySecurityAuthentication(ctx);
    } catch (e) {
      throw new KubeError(
        'config',
        `cannot use the kubeconfig's credentials: ${(e as Error).message}`,
        `error: ${(e as Error).message.split('\n')[0]}`,
      );
    }
    // client-node makes a new undici Agent per request: keep the first and reuse it (one TLS connection, kept alive),
    // and close it at the end so the process can exit at once.
    const d = ctx.getDispatcher() as Closable | undefined;
    if (this.dispatcher === null) this.dispatcher = d ?? null;
    else if (d !== undefined) {
      ctx.setDispatcher(this.dispatcher as never);
      void d.close?.().catch(() => undefined);
    }
    ctx.setHeaderParam('Accept', 'application/json');
    if (body !== undefined) {
      ctx.setHeaderParam('Content-Type', 'application/json');
      ctx.setBody(JSON.stringify(body));
    }
    ctx.setSignal(AbortSignal.timeout(this.timeoutMs));
    let status: number;
    let text: string;
    try {
      const res = await this.http.send(ctx).toPromise();
      status = res.httpStatusCode;
      text = await res.body.text();
    } catch (e) {
      throw this.networkError(e);
    }
    let obj: J = null;
    try {
      obj = JSON.parse(text);
    } catch {
      obj = null;
    }
    if (status >= 200 && status < 300) return obj;
    const message = typeof obj?.message === 'string' ? obj.message : text.trim().slice(0, 300) || `HTTP ${status}`;
    const reason = typeof obj?.reason === 'string' ? obj.reason : '';
    if (status === 401)
      throw new KubeError(
        'unauthorized',
        `the API server rejected the credentials (401 ${message})`,
        `error: You must be logged in to the server (${message})`,
        401,
      );
    if (status === 403) throw new KubeError('forbidden', message, `Error from server (Forbidden): ${message}`, 403);
    if (status === 404) throw new KubeError('notfound', message, `Error from server (NotFound): ${message}`, 404);
    throw new KubeError('status', message, `Error from server${reason ? ` (${reason})` : ''}: ${message}`, status);
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

  /** Closes the kept-alive connection (so the process exits without waiting for the server's idle timeout). */
  async close(): Promise<void> {
    const d = this.dispatcher;
    this.dispatcher = null;
    await d?.destroy?.().catch(() => undefined);
  }

  /** Opens a watch (client-node Watch) on an API path; resolves with an abort function. */
  async watch(
    path: string,
    query: Record<string, string>,
    onEvent: (type: string, obj: J) => void,
    onDone: (err: unknown) => void,
  ): Promise<() => void> {
    await this.ensureCredentials();
    const w = new this.k.Watch(this.kc);
    const ctl = await w.watch(path, query, onEvent, onDone);
    return () => ctl.abort();
  }
}
