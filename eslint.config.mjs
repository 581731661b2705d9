import nx from '@nx/eslint-plugin';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.tools', '**/.data', '**/*.cjs', '**/*.mjs'],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // The apps' webpack configs share one build file under infra/build, which is no project.
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/infra/build/webpack-app\\.cjs$'],
          depConstraints: [
            { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure'] },
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['type:pure'] },
            { sourceTag: 'type:node', onlyDependOnLibsWithTags: ['type:pure', 'type:node'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:pure', 'type:node'] },
            // The web console (apps/console): the contract's types, nothing that runs on a server.
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:pure'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:pure', 'type:node', 'type:workflows'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Workflow code is replayed: it may use only the workflow SDK and pure code.
    files: ['workflows/src/**/*.ts', 'libs/contracts/src/**/*.ts', 'libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'workflows/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'workflow code must be deterministic: no Node APIs' })),
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg-*'],
              message: 'workflow code must not touch frameworks or the database',
            },
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
              message: 'workflow code may import only @temporalio/workflow',
            },
          ],
        },
      ],
    },
  },
  {
    // Controllers speak HTTP in the contract's shapes (@reform/contracts) and leave data and workflows
    // to their services: no query, entity or Temporal client reaches a controller.
    files: ['**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@reform/persistence', '@reform/persistence/*', 'typeorm', 'typeorm/*'],
              message: 'a controller reads through its service and answers in @reform/contracts shapes',
            },
            { group: ['@temporalio/*'], message: 'a controller reaches Temporal through its service and the workflow client facade' },
          ],
        },
      ],
    },
  },
];
