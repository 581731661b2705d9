/** The entity exists but its workflow has finished, so it accepts no more steps. */
export class WorkflowEndedError extends Error {
  constructor() {
    super('this item no longer accepts steps');
    this.name = 'WorkflowEndedError';
  }
}
