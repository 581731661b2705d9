/** The workflow service cannot be reached; nothing was changed, so retrying is safe. */
export class TemporalUnavailableError extends Error {
  constructor() {
    super('the workflow service is unavailable; retry shortly');
    this.name = 'TemporalUnavailableError';
  }
}
