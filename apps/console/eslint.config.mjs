// The console's own lint (the root config leaves apps/console to it): run `eslint -c apps/console/eslint.config.mjs apps/console`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/*.js', '**/*.mjs', '**/*.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-console': 'error',
    },
  },
  {
    // Test tooling and the server entry print what they started.
    files: ['**/e2e/**/*.ts', '**/server/main.ts'],
    rules: { 'no-console': 'off' },
  },
];
