import type { Client } from '@temporalio/client';
import { TemporalUnavailableError } from '../errors/temporal-unavailable.error';
import { TemporalGate } from './temporal-gate';

function gateWith(getSystemInfo: jest.Mock) {
  const client = {
    workflowService: { getSystemInfo },
    connection: { withDeadline: (_deadline: number, call: () => Promise<unknown>) => call() },
  } as unknown as Client;
  return new TemporalGate(client);
}

describe('TemporalGate', () => {
  it('lets commands through while Temporal answers, probing once for a burst', async () => {
    const getSystemInfo = jest.fn(async () => ({}));
    const gate = gateWith(getSystemInfo);
    await Promise.all([gate.ensureReachable(), gate.ensureReachable(), gate.ensureReachable()]);
    await gate.ensureReachable();
    expect(getSystemInfo).toHaveBeenCalledTimes(1);
  });

  it('refuses at once while Temporal is away, and probes again after a command found it away', async () => {
    const getSystemInfo = jest.fn(async () => ({}));
    getSystemInfo.mockRejectedValueOnce(new Error('14 UNAVAILABLE'));
    const gate = gateWith(getSystemInfo);
    await expect(gate.ensureReachable()).rejects.toBeInstanceOf(TemporalUnavailableError);
    await gate.ensureReachable();
    gate.distrust();
    await gate.ensureReachable();
    expect(getSystemInfo).toHaveBeenCalledTimes(3);
  });
});
