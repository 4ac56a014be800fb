import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@rbac-diagnose\/core$/, replacement: src('./packages/core/src/index.ts') },
      { find: /^@rbac-diagnose\/core\/schemas$/, replacement: src('./packages/core/src/schemas.ts') },
      { find: /^@rbac-diagnose\/rules$/, replacement: src('./packages/rules/src/index.ts') },
      { find: /^@rbac-diagnose\/rules\/load$/, replacement: src('./packages/rules/src/load.ts') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'fixtures/**/*.test.ts',
      'eval/**/*.test.ts',
    ],
    globalSetup: ['./vitest.setup.ts'],
    // The CLIs spawned by tests pick their language from the environment: goldens are English unless a test asks.
    env: { RBAC_DIAGNOSE_LANG: 'en' },
    testTimeout: 20000,
  },
});
