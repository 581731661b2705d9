/** The entity exists but its workflow has finished, so it accepts no more steps; `status` as last stored. */
export class WorkflowEndedError extends Error {
  constructor(
    message = 'this item no longer accepts steps',
    readonly status?: string,
  ) {
    super(message);
    this.name = 'WorkflowEndedError';
  }
}
