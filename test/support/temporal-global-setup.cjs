// Once per Jest run: provision the Temporal binaries and start one dev server (in memory) that
// every spec file shares, unless TEMPORAL_TEST_ADDRESS points at an existing server.
module.exports = async () => {
  const { temporalCli, temporalTestServer } = await import('../../infra/local/tools.mjs');
  process.env.TEMPORAL_TEST_SERVER ??= temporalTestServer();
  if (process.env.TEMPORAL_TEST_ADDRESS) return;
  const { startTemporalDevServer } = await import('../../infra/local/temporal-server.mjs');
  const { freePort } = await import('../../infra/local/processes.mjs');
  const server = await startTemporalDevServer({ cli: temporalCli(), port: await freePort(), name: 'temporal-test', logLevel: 'error' });
  globalThis.__temporalDevServer = server.child;
  process.env.TEMPORAL_TEST_ADDRESS = server.address;
};
