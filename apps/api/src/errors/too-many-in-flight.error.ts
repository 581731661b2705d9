/** Temporal refused more concurrent updates on one workflow; the client should retry shortly. */
export class TooManyInFlightError extends Error {
  constructor() {
    super('too many requests are in flight for this item; retry in a moment');
    this.name = 'TooManyInFlightError';
  }
}
