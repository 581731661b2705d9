import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** The Java SDK's time-skipping test server, provisioned by `infra/local/setup.mjs`. */
export function timeSkippingServerPath(): string {
  const path = process.env['TEMPORAL_TEST_SERVER'] ?? join(ROOT, '.tools/venv/bin/temporal-test-server');
  if (!existsSync(path)) throw new Error(`no Temporal test server at ${path}: run "node infra/local/setup.mjs"`);
  return path;
}

/** The dev server the test run started (see test/support/temporal-global-setup.cjs). */
export function devServerAddress(): string {
  const address = process.env['TEMPORAL_TEST_ADDRESS'];
  if (!address) throw new Error('TEMPORAL_TEST_ADDRESS is not set: the Jest global setup starts a dev server');
  return address;
}

export function temporalCliPath(): string {
  return process.env['TEMPORAL_CLI'] ?? join(ROOT, '.tools/venv/bin/temporal');
}
