const { join } = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../tsconfig.base.json');

// ES-module-only packages on the worker's and API's import paths; see support/esm-node-modules.babel.cjs.
const ESM_ONLY = ['@nestjs', '@standard-schema', 'file-type', 'jose'];

/** What the integration and end-to-end suites share; each names its own files. */
module.exports = (kind, suffix) => ({
  displayName: kind,
  preset: './jest.preset.js',
  rootDir: join(__dirname, '..'),
  testMatch: [`<rootDir>/test/${kind}/**/*.${suffix}.ts`],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
    '^.+\\.m?js$': ['babel-jest', { babelrc: false, configFile: join(__dirname, 'support/esm-node-modules.babel.cjs') }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // The Nx resolver looks for a tsconfig above rootDir and finds none, so map @reform/* here.
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs'],
  testTimeout: 180_000,
});
