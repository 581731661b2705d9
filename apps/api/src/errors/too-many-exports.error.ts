/** Every export holds a database connection while it streams, so only a few may run at once (429). */
export class TooManyExportsError extends Error {
  constructor(limit: number) {
    super(`${limit} ledger exports are already running; retry in a moment`);
    this.name = 'TooManyExportsError';
  }
}
