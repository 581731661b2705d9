/** The worker's probe routes, served on WORKER_HEALTH_PORT; the Kubernetes manifests point here. */
export const WORKER_PROBES = {
  /** Ready: polling its task queue and able to reach PostgreSQL. */
  readiness: '/health',
  /** Alive: the worker has not failed or stopped (a drain in progress is still alive). */
  liveness: '/health/live',
} as const;

/** Where Prometheus scrapes the worker's own metrics, on the same port as the probes. */
export const WORKER_METRICS_PATH = '/metrics';

export type WorkerState = 'INITIALIZED' | 'RUNNING' | 'STOPPED' | 'STOPPING' | 'DRAINING' | 'DRAINED' | 'FAILED';

export interface ProbeAnswer {
  status: number;
  body: { status: 'ok' | 'error'; checks: Record<string, string> };
}

const ALIVE: WorkerState[] = ['INITIALIZED', 'RUNNING', 'STOPPING', 'DRAINING', 'DRAINED'];

/** What a probe of `path` answers, given the worker's state and whether the database answered. */
export function probeAnswer(path: string, worker: WorkerState | 'STARTING', database: 'up' | 'down'): ProbeAnswer | null {
  if (path === WORKER_PROBES.liveness) {
    const alive = worker === 'STARTING' || ALIVE.includes(worker);
    return { status: alive ? 200 : 503, body: { status: alive ? 'ok' : 'error', checks: { worker } } };
  }
  if (path === WORKER_PROBES.readiness) {
    const ready = worker === 'RUNNING' && database === 'up';
    return { status: ready ? 200 : 503, body: { status: ready ? 'ok' : 'error', checks: { worker, database } } };
  }
  return null;
}
