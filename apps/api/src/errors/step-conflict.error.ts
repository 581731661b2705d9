/** A step the entity's current state does not allow; `status` is where it stands now. */
export class StepConflictError extends Error {
  constructor(
    message: string,
    readonly status?: string,
  ) {
    super(message);
    this.name = 'StepConflictError';
  }
}
