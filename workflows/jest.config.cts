module.exports = {
  displayName: 'workflows',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '../test/support/temporal-global-setup.cjs',
  globalTeardown: '../test/support/temporal-global-teardown.cjs',
  testTimeout: 120_000,
  coverageDirectory: '../coverage/workflows',
};
