const { basename, join, relative } = require('node:path');

/** The Jest config every library and the workflows share: ts-jest on the project's spec tsconfig. */
module.exports = (projectDir, overrides = {}) => ({
  displayName: basename(projectDir),
  preset: `./${relative(projectDir, join(__dirname, 'jest.preset.js'))}`,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: join(projectDir, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: join(__dirname, 'coverage', relative(__dirname, projectDir)),
  ...overrides,
});
