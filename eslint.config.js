// typescript-eslint with type information over every TypeScript file, tests included (tsconfig.lint.json).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'packages/rules/src/builtin.generated.ts',
      'packages/rules/src/builtin-ja.generated.ts',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { project: ['./tsconfig.lint.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The product reads terminal output: its regexes match ANSI escapes and control characters on purpose.
      'no-control-regex': 'off',
      // `_`-prefixed names mark values a destructuring or signature must take but the code does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
