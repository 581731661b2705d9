const { join } = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.base.json');

// ES-module-only packages on the worker's and API's import paths; see esm-node-modules.babel.cjs.
const ESM_ONLY = ['@nestjs', '@standard-schema', 'file-type'];

module.exports = {
  displayName: 'integration',
  preset: './jest.preset.js',
  rootDir: '../..',
  testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
    '^.+\\.m?js$': ['babel-jest', { babelrc: false, configFile: join(__dirname, '../support/esm-node-modules.babel.cjs') }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // The Nx resolver looks for a tsconfig above rootDir and finds none, so map @reform/* here.
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs'],
  testTimeout: 120_000,
};
