import { FAILURE_TYPES, type FailureDetails, type FailureType, type ValidationRule } from '@reform/contracts';

/** A step refused by the rules (not now, 回避, invalid); the workflow turns it into a failure the API maps to 4xx. */
export class Rejection extends Error {
  constructor(
    readonly failureType: FailureType,
    message: string,
    readonly details: FailureDetails = {},
  ) {
    super(message);
  }

  static notNow(step: string, status: string, why?: string, entity: 'finding' | 'recommendation' | 'interview' = 'finding'): Rejection {
    return new Rejection(FAILURE_TYPES.stepNotAllowed, `${step} is not allowed while the ${entity} is ${status}${why ? `: ${why}` : ''}`, {
      status,
    });
  }

  static recusal(step: string): Rejection {
    return new Rejection(FAILURE_TYPES.recusal, `${step} must be decided by someone other than the user who made the request (回避)`);
  }

  /** A recommendation's finding takes its plan from the recommendation's written reply, not on its own. */
  static replyAwaited(recommendationId: string): Rejection {
    return new Rejection(
      FAILURE_TYPES.replyAwaited,
      `the plan of this finding comes with the written reply (书面回复) to recommendation ${recommendationId}, which has not been given yet`,
      { status: 'ASSIGNED' },
    );
  }

  static invalid(field: string, message: string, rule: ValidationRule = 'invalid'): Rejection {
    return new Rejection(FAILURE_TYPES.invalidCommand, `${field} ${message}`, { field, rule });
  }
}
