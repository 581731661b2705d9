/** The id names nothing the caller may see — unknown, malformed, or another unit's. */
export class NotFoundError extends Error {
  constructor(entity: string, id: string) {
    super(`${entity} ${JSON.stringify(id.slice(0, 100))} not found`);
    this.name = 'NotFoundError';
  }
}
