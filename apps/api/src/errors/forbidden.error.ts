/** Authenticated, allowed to see the thing, but not to do this to it. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
