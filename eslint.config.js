// Lint rules that carry architecture: the domain core may not import adapters (storage, services, HTTP, CLI, web).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'web/dist/**',
      'web/src/api/schema.ts',
      'test/browser/artifacts/**',
      'data/**',
      'coverage/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**', '**/services/**', '**/api/**', '**/cli/**', '**/web/**'],
              message: 'The domain core is pure: no adapter imports.',
            },
            {
              group: ['node:*', 'fs', 'path', 'pg', '@electric-sql/*', 'fastify*'],
              message: 'The domain core does no I/O.',
            },
          ],
        },
      ],
    },
  },
  { files: ['bin/**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
