// The deployment files (Dockerfiles, Kubernetes manifests, Helm values) and the observability files (alert rules, dashboard) checked against the code.
module.exports = require('../jest.project.cjs')(__dirname, {
  testMatch: ['<rootDir>/deployment/**/*.spec.ts', '<rootDir>/observability/**/*.spec.ts'],
});
