import { probeAnswer, WORKER_PROBES } from './worker-probes';

describe('worker probes', () => {
  it('is ready only while polling with the database up', () => {
    expect(probeAnswer(WORKER_PROBES.readiness, 'RUNNING', 'up')?.status).toBe(200);
    expect(probeAnswer(WORKER_PROBES.readiness, 'RUNNING', 'down')).toEqual({
      status: 503,
      body: { status: 'error', checks: { worker: 'RUNNING', database: 'down' } },
    });
    expect(probeAnswer(WORKER_PROBES.readiness, 'DRAINING', 'up')?.status).toBe(503);
  });

  it('stays alive while starting or draining, not once failed', () => {
    expect(probeAnswer(WORKER_PROBES.liveness, 'STARTING', 'down')?.status).toBe(200);
    expect(probeAnswer(WORKER_PROBES.liveness, 'DRAINING', 'down')?.status).toBe(200);
    expect(probeAnswer(WORKER_PROBES.liveness, 'FAILED', 'up')?.status).toBe(503);
  });

  it('knows no other route', () => {
    expect(probeAnswer('/metrics', 'RUNNING', 'up')).toBeNull();
  });
});
