import { ApplicationFailure } from '@temporalio/workflow';
import { Rejection } from '@reform/domain';

/** Turns a rule's refusal into the failure an update validator throws to the caller. */
export function asFailure(error: unknown): unknown {
  if (error instanceof Rejection) {
    return ApplicationFailure.create({
      type: error.failureType,
      message: error.message,
      details: [error.details],
      nonRetryable: true,
    });
  }
  return error;
}
