/** The same Idempotency-Key came back with a different body: refusing beats guessing which one was meant. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('Idempotency-Key was already used with a different request body; use a new key for a new case');
    this.name = 'IdempotencyKeyReusedError';
  }
}
