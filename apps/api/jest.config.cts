module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '[\\\\/]node_modules[\\\\/].+\\.m?js$': '<rootDir>/jest-esm-transformer.cjs',
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // Nest 12 is ESM-only: node_modules must reach the transformer above (CommonJS passes through).
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'html'],
  // Specs that start servers or generate keys need headroom when Nx runs projects side by side.
  testTimeout: 30_000,
  coverageDirectory: '../../coverage/apps/api',
};
