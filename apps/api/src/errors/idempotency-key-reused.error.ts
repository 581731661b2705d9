/** The same Idempotency-Key (or import file) came back with a different body: refusing beats guessing which one was meant. */
export class IdempotencyKeyReusedError extends Error {
  constructor(message = 'Idempotency-Key was already used with a different request body; use a new key for a new case') {
    super(message);
    this.name = 'IdempotencyKeyReusedError';
  }
}
