/** An upload refused for what it is, not for a field: too large (413), of a type not taken (415) or stalled (408). */
export class FileRefusedError extends Error {
  constructor(
    readonly statusCode: 408 | 413 | 415 | 416,
    message: string,
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}
