// The `yaml` library, loaded on demand. Importing it costs ~40 ms at start-up, and most pastes (describe output,
// errors, tables, events) never need it: only YAML/aws-auth sections, generated manifests and `-o yaml` do.
// The main entry (index.ts) provides it eagerly, so library users see plain synchronous functions; the narrow
// CLI entry (lite.ts) leaves it to diagnose() and the CLI to `await loadYaml()` first.
import type * as Yaml from 'yaml';

export type YamlLib = typeof Yaml;

let lib: YamlLib | undefined;

/** Registers an already imported `yaml` module (the main entry does this at import time). */
export function provideYaml(mod: YamlLib): void {
  lib = mod;
}

/** Imports `yaml` once; later calls return the same module. */
export async function loadYaml(): Promise<YamlLib> {
  if (lib === undefined) {
    const mod = (await import('yaml')) as YamlLib & { default?: YamlLib };
    // Bundled as CommonJS interop, the named exports may sit on `default`.
    lib = typeof mod.parseAllDocuments === 'function' ? mod : (mod.default ?? mod);
  }
  return lib;
}

/** Forgets the loaded module (tests only: each case then proves it loads what it needs). */
export function forgetYaml(): void {
  lib = undefined;
}

/** Thrown by {@link yamlLib} before {@link loadYaml}: a bug, unless the caller catches it to load `yaml` and retry. */
export class YamlNotLoadedError extends Error {
  constructor() {
    super('internal error: the yaml library was used before loadYaml() (this is a bug in rbac-diagnose)');
  }
}

/** The loaded `yaml` module; a bug (not bad input) when nothing loaded it first. */
export function yamlLib(): YamlLib {
  if (lib === undefined) throw new YamlNotLoadedError();
  return lib;
}
