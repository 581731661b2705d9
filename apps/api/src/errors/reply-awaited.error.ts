import { StepConflictError } from './step-conflict.error';

/** 409 REPLY_AWAITED: the finding's plan comes with its recommendation's written reply (书面回复), not yet given. */
export class ReplyAwaitedError extends StepConflictError {
  constructor(message: string) {
    super(message, 'ASSIGNED');
    this.name = 'ReplyAwaitedError';
  }
}
