/**
 * Input refused: by the DTO's checks (the ValidationPipe), a workflow's validator, or a rule needing
 * stored state (e.g. a later dueAt). `field` is the first offending field as a path (`findings[0].dueAt`).
 */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
