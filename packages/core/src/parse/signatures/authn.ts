import type { Signature } from './types.js';

/** Authentication and connectivity (signatures-eks.md §3.0, signatures-k8s.md §A.6). */
export const AUTHN_SIGNATURES: readonly Signature[] = [
  // authentication (signatures-eks.md §3.0)
  {
    id: 'unauthorized',
    guard: ['You must be logged in', 'provide credentials', 'Unauthorized'],
    re: /You must be logged in to the server \((?<detail>[^)]*)\)|the server has asked for the client to provide credentials|^(?:Error|error): Unauthorized\s*$/,
  },
  { id: 'server_no_resource_type', guard: ["doesn't have a resource type"], re: /the server doesn't have a resource type "(?<resource>[^"]+)"/ },
  // connectivity
  {
    id: 'connection_refused',
    guard: ['refused'],
    re: /The connection to the server (?<server>\S+) was refused|dial tcp (?<addr>\S+): connect: connection refused/,
  },
  {
    id: 'endpoint_timeout',
    guard: ['i/o timeout', 'TLS handshake timeout', 'context deadline exceeded', 'no such host'],
    re: /dial tcp (?<addr>\S+): i\/o timeout|Unable to connect to the server: (?:net\/http: TLS handshake timeout|context deadline exceeded)|dial tcp: lookup (?<host>\S+?)(?: on \S+)?: no such host/,
  },
  { id: 'x509', guard: ['x509:'], re: /x509: (?<detail>certificate[^"]*)/ },
];
