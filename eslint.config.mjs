// Lint is part of `npm test`: module boundaries (STYLE.md §1), a pure engine, and the house rules of §3.
import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import globals from 'globals';

const runtimePackages = ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'ioredis', 'kafkajs', 'bullmq', 'pino*', 'prom-client', 'nodemailer', 'express', 'rxjs'];

const impureCalls = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read time from the injected Clock (STYLE.md "Time").' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read time from the injected Clock (STYLE.md "Time").' },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', 'coverage/**', '.nx/**', 'apps/console/**', '**/*.js', '**/*.cjs'] },
  {
    // The plain-Node tooling (npm start/test/bench, the brokers, deploy renderers) is linted too (#22 §5): it is
    // what every run starts with, and was 3,000 unchecked lines.
    files: ['tools/**/*.mjs', 'deploy/**/*.mjs', '*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      ...js.configs.recommended.rules,
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-console': 'error',
      'no-restricted-syntax': ['error', ...impureCalls],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [], bannedExternalImports: runtimePackages },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: [...runtimePackages, 'ajv', 'ajv-*', 'zod', 'class-*', 'reflect-metadata'] },
            // Scopes: a service, the console or the e2e harness builds on the shared libraries only, never on another's code.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...['pricing', 'code-inventory', 'redemption-ledger', 'campaigns', 'console', 'e2e'].map((scope) => ({
              sourceTag: `scope:${scope}`,
              onlyDependOnLibsWithTags: ['scope:shared', `scope:${scope}`],
            })),
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: no clock, randomness, environment or logging (STYLE.md §1).
    files: ['libs/pricing-engine/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...impureCalls,
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'The engine is deterministic.' },
        { selector: "MemberExpression[object.name='process']", message: 'The engine reads no environment.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'] }],
    },
  },
  {
    // process.env is read only by config loading (STYLE.md "Config"), tests and tools.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['apps/platform-e2e/**', '**/config/**', '**/main.ts', '**/migrate.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**', '**/test/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from the typed config (STYLE.md "Config").' }],
    },
  },
  {
    // A function over 60 lines is a list of steps without names (#22 §5): split it. Tests, migrations (DDL) and the
    // e2e harness are left out; lint fails on any warning.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['apps/platform-e2e/**', '**/migrations/**', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**'],
    rules: { 'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The contract harness is test tooling: it drives processes, reads wall time and its environment.
    files: ['apps/platform-e2e/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts', '**/bench/**/*.ts', 'tools/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off', 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Every test runs: a focused or skipped test left in the tree silently drops the rest (#22 §5).
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.spec.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) =>
          ['only', 'skip', 'todo'].map((property) => ({ object, property, message: 'Every test runs in npm test: no focused, skipped or to-do tests.' })),
        ),
      ],
      'no-restricted-globals': ['error', ...['fit', 'fdescribe', 'xit', 'xdescribe', 'xtest'].map((name) => ({ name, message: 'Every test runs in npm test: no focused or skipped tests.' }))],
    },
  },
];
