import { Pool } from 'pg';
import { sleep } from './random';

/** The suite's own reads of PostgreSQL; a query retries while the database is away (a fault). */
export class Database {
  private readonly pool: Pool;

  constructor(url: string) {
    this.pool = new Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 3000 });
    // An idle client whose server went away: the pool drops it, nothing to do here.
    this.pool.on('error', () => undefined);
  }

  async query<T>(sql: string, params: unknown[] = [], patienceMs = 120_000): Promise<T[]> {
    const deadline = Date.now() + patienceMs;
    for (;;) {
      try {
        return (await this.pool.query(sql, params)).rows as T[];
      } catch (error) {
        if (Date.now() > deadline || !isConnectionError(error)) throw error;
        await sleep(1000);
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

function isConnectionError(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(code ?? '') ||
    /terminat|Connection|timeout|closed/i.test(message ?? '')
  );
}

/** A finding as the scripts wait on it. */
export interface FindingState {
  id: string;
  status: string;
  overdue: boolean;
  escalation_level: number;
  accountability: string;
  pending_approval: string | null;
  due_at: Date;
  types: string[];
}

interface Waiter {
  what: string;
  accept: (state: FindingState) => boolean;
  resolve: (state: FindingState) => void;
  reject: (error: Error) => void;
  deadline: number;
}

/**
 * Waits for findings to reach a state (a timer fired, a follow-up fell due), with one query a
 * second for every waiting finding together rather than one per finding.
 */
export class FindingWatcher {
  private readonly waiters = new Map<string, Waiter[]>();
  private running = true;
  private readonly loop: Promise<void>;

  constructor(private readonly db: Database) {
    this.loop = this.run();
  }

  until(id: string, what: string, accept: (state: FindingState) => boolean, timeoutMs: number): Promise<FindingState> {
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(id) ?? [];
      list.push({ what, accept, resolve, reject, deadline: Date.now() + timeoutMs });
      this.waiters.set(id, list);
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      await sleep(1000);
      const ids = [...this.waiters.keys()];
      if (ids.length === 0) continue;
      let rows: FindingState[] = [];
      try {
        rows = await this.db.query<FindingState>(
          `SELECT f.id, f.status, f.overdue, f.escalation_level, f.accountability, f.pending_approval, f.due_at,
             coalesce((SELECT array_agg(e.type ORDER BY e.seq) FROM events e WHERE e.entity_id = f.id), '{}') AS types
           FROM findings f WHERE f.id = ANY($1::uuid[])`,
          [ids],
          0,
        );
      } catch {
        // the database is away (a fault): deadlines still count below
      }
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const id of ids) {
        const row = byId.get(id);
        const left = (this.waiters.get(id) ?? []).filter((waiter) => {
          if (row && waiter.accept(row)) {
            waiter.resolve(row);
            return false;
          }
          if (Date.now() > waiter.deadline) {
            waiter.reject(
              new Error(
                `waited in vain for ${waiter.what}${row ? ` (status ${row.status}, level ${row.escalation_level}, pending ${row.pending_approval})` : ''}`,
              ),
            );
            return false;
          }
          return true;
        });
        if (left.length) this.waiters.set(id, left);
        else this.waiters.delete(id);
      }
    }
  }
}
