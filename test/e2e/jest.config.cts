module.exports = {
  displayName: 'e2e',
  preset: './jest.preset.js',
  rootDir: '../..',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 120_000,
};
