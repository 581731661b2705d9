module.exports = require('../jest.project.cjs')(__dirname, {
  // One Temporal dev server per run, shared by the specs that need one.
  globalSetup: '<rootDir>/../test/support/temporal-global-setup.cjs',
  globalTeardown: '<rootDir>/../test/support/temporal-global-teardown.cjs',
  testTimeout: 120_000,
});
