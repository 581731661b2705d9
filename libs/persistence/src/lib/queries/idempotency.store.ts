import type { DataSource } from 'typeorm';

export interface IdempotencyClaim {
  actor: string;
  key: string;
  requestHash: string;
  caseId: string;
}

/** What the key is bound to: the first request's body hash and the case it opened. */
export interface IdempotencyRecord {
  requestHash: string;
  caseId: string;
}

/** Binds an `Idempotency-Key` (per actor) to one case, safely under concurrent replays. */
export class IdempotencyStore {
  constructor(private readonly db: DataSource) {}

  /** The binding of a key, if someone has claimed it. */
  async find(actor: string, key: string): Promise<IdempotencyRecord | null> {
    const rows: Array<{ request_hash: string; case_id: string }> = await this.db.query(
      'SELECT request_hash, case_id FROM idempotency_keys WHERE actor = $1 AND key = $2',
      [actor, key],
    );
    return rows[0] ? { requestHash: rows[0].request_hash, caseId: rows[0].case_id } : null;
  }

  /**
   * Claims the key for `claim.caseId` unless someone already holds it; returns the binding that won.
   * Two statements on purpose: a concurrent INSERT blocks until the winner commits, and the separate
   * SELECT takes a fresh snapshot that sees it (one CTE statement would not).
   */
  async claim(claim: IdempotencyClaim): Promise<IdempotencyRecord> {
    await this.db.query(
      `INSERT INTO idempotency_keys (actor, key, request_hash, case_id, created_at)
       VALUES ($1, $2, $3, $4, now()) ON CONFLICT (actor, key) DO NOTHING`,
      [claim.actor, claim.key, claim.requestHash, claim.caseId],
    );
    const rows: Array<{ request_hash: string; case_id: string }> = await this.db.query(
      'SELECT request_hash, case_id FROM idempotency_keys WHERE actor = $1 AND key = $2',
      [claim.actor, claim.key],
    );
    if (!rows[0]) throw new Error('idempotency key vanished right after it was claimed');
    return { requestHash: rows[0].request_hash, caseId: rows[0].case_id };
  }
}
