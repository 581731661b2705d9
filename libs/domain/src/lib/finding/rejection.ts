import { FAILURE_TYPES, type FailureDetails, type FailureType } from '@reform/contracts';

/** A step refused by the rules (not now, 回避, invalid); the workflow turns it into a failure the API maps to 4xx. */
export class Rejection extends Error {
  constructor(
    readonly failureType: FailureType,
    message: string,
    readonly details: FailureDetails = {},
  ) {
    super(message);
  }

  static notNow(step: string, status: string, why?: string): Rejection {
    return new Rejection(FAILURE_TYPES.stepNotAllowed, `${step} is not allowed while the finding is ${status}${why ? `: ${why}` : ''}`, {
      status,
    });
  }

  static recusal(step: string): Rejection {
    return new Rejection(FAILURE_TYPES.recusal, `${step} must be decided by someone other than the user who made the request (回避)`);
  }

  static invalid(field: string, message: string): Rejection {
    return new Rejection(FAILURE_TYPES.invalidCommand, `${field} ${message}`, { field });
  }
}
