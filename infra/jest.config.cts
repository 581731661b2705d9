// The deployment files (Dockerfiles, Kubernetes manifests, Helm values), the observability files (alert rules, dashboard) and the Node versions, checked against the code.
module.exports = require('../jest.project.cjs')(__dirname, {
  testMatch: ['<rootDir>/deployment/**/*.spec.ts', '<rootDir>/observability/**/*.spec.ts', '<rootDir>/runtime/**/*.spec.ts'],
});
