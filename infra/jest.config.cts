// The deployment files (Dockerfiles, Kubernetes manifests, Helm values) checked against the code, and the Node versions it runs on.
module.exports = require('../jest.project.cjs')(__dirname, {
  testMatch: ['<rootDir>/deployment/**/*.spec.ts', '<rootDir>/runtime/**/*.spec.ts'],
});
