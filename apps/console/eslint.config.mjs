import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The console runs in a browser and talks to the API over HTTP: from the workspace it takes
      // the contract's types only, never code that would drag Temporal or Node into the bundle —
      // save the demo register, plain data the sign-in page lists (aliased in vite.config.mts).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Values only from the modules aliased in vite.config.mts, each plain code with no imports of its own.
              regex: '^@reform/(?!(contracts/demo-organisation|contracts/errors|domain/zoned-time)$)',
              allowTypeImports: true,
              message: 'the console imports only types from the workspace (import type …)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.spec.ts', 'src/**/*.spec.tsx', 'src/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'browser code: no Node APIs' }] }],
    },
  },
];
