// Bundles workflows/src for the Temporal worker. The bundler does not read tsconfig paths,
// so the @reform/* aliases are handed to its webpack config here.
const { mkdirSync, writeFileSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');

function bundleOptions() {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const alias = Object.fromEntries(Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, join(root, target)]));
  return {
    workflowsPath: join(__dirname, 'src/index.ts'),
    // OpenTelemetry's, for calls that come with a trace only (see the module).
    workflowInterceptorModules: [join(__dirname, 'src/tracing.interceptors.ts')],
    // Evaluated once in the worker's shared V8 context instead of once per workflow: without this
    // every open workflow kept its own copy of these modules, ~0.4 MB each (README, Performance).
    // Safe because they keep no per-workflow state at module scope; what they export is frozen.
    preloadModules: ['@temporalio/workflow', '@reform/contracts', '@reform/domain'],
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, alias: { ...(config.resolve && config.resolve.alias), ...alias } };
      return config;
    },
  };
}

async function writeBundle(outFile = join(root, 'dist/workflows/workflow-bundle.js')) {
  const { bundleWorkflowCode } = require('@temporalio/worker');
  const { code } = await bundleWorkflowCode({ ...bundleOptions(), logger: quietLogger() });
  mkdirSync(resolve(outFile, '..'), { recursive: true });
  writeFileSync(outFile, code);
  return outFile;
}

function quietLogger() {
  const { DefaultLogger } = require('@temporalio/worker');
  return new DefaultLogger('WARN');
}

module.exports = { bundleOptions, writeBundle };

if (require.main === module) {
  writeBundle(process.argv[2]).then(
    (file) => console.log(`workflow bundle written to ${file}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
