// The parts of @kubernetes/client-node live mode uses, imported from their modules rather than the package index:
// the index re-exports every generated API and model (17 MB once bundled); these pull in far less.
import '@kubernetes/client-node/dist/polyfill.js';

export { KubeConfig } from '@kubernetes/client-node/dist/config.js';
export { HttpMethod, IsomorphicFetchHttpLibrary, RequestContext } from '@kubernetes/client-node/dist/gen/http/http.js';
export { Watch } from '@kubernetes/client-node/dist/watch.js';
