/** 回避 — the caller would decide their own request, or verify a case they opened; someone else must. */
export class RecusalRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecusalRequiredError';
  }
}
