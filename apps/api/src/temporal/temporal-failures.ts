import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { FAILURE_TYPES, type FailureDetails } from '@reform/contracts';
import { causeChain } from '../errors/backing-service-failures';
import { CaseClosedError } from '../errors/case-closed.error';
import { InvalidInputError } from '../errors/invalid-input.error';
import { RecusalRequiredError } from '../errors/recusal-required.error';
import { ReplyAwaitedError } from '../errors/reply-awaited.error';
import { StepConflictError } from '../errors/step-conflict.error';
import { TemporalUnavailableError } from '../errors/temporal-unavailable.error';
import { TooManyInFlightError } from '../errors/too-many-in-flight.error';
import { WorkflowEndedError } from '../errors/workflow-ended.error';

/** gRPC status codes (numbers, so this file needs no direct @grpc/grpc-js dependency). */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;
const GRPC_UNKNOWN = 2;
const GRPC_ABORTED = 10;
const GRPC_INTERNAL = 13;
/** Temporal's WorkflowNotReady: an update that came before the workflow's first task completed. */
const GRPC_FAILED_PRECONDITION = 9;
/**
 * The server could not take the call now: unreachable, overloaded past its deadlines, failing
 * inside (a persistence timeout, an update aborted with its workflow task), or the workflow not
 * ready for it yet. Retrying is the answer.
 */
const UNREACHABLE_CODES: unknown[] = [
  GRPC_CANCELLED,
  GRPC_DEADLINE_EXCEEDED,
  GRPC_UNAVAILABLE,
  GRPC_UNKNOWN,
  GRPC_ABORTED,
  GRPC_INTERNAL,
  GRPC_FAILED_PRECONDITION,
];

/** The workflow exists but cannot take an update yet (its first workflow task has not completed). */
export function workflowNotReady(error: unknown): boolean {
  return causeChain(error).some((e) => grpcCode(e) === GRPC_FAILED_PRECONDITION);
}

/** What the caller knows of the entity, for what Temporal cannot say itself. */
export interface Standing {
  /** Where the entity stands as last stored: the 409's `status` when the workflow names none. */
  status?: string;
  /** What a finished workflow means for this entity (a case's: it is closed). */
  ended?: () => Error;
}

/** Translates what the Temporal client throws into the API's domain errors; undefined if it is not Temporal's. */
export function fromTemporalError(error: unknown, standing: Standing = {}): Error | undefined {
  if (error instanceof WorkflowUpdateFailedError) return fromRejectedUpdate(error, standing);
  if (error instanceof WorkflowNotFoundError) return standing.ended?.() ?? new WorkflowEndedError(undefined, standing.status);
  const chain = causeChain(error);
  if (chain.some((e) => grpcCode(e) === GRPC_RESOURCE_EXHAUSTED)) return new TooManyInFlightError();
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return new TemporalUnavailableError();
  if (chain.some((e) => UNREACHABLE_CODES.includes(grpcCode(e)))) return new TemporalUnavailableError();
  // A ServiceError without a gRPC status behind it means the call never reached the server.
  if (error instanceof ServiceError && !chain.some((e) => grpcCode(e) !== undefined)) return new TemporalUnavailableError();
  return undefined;
}

function fromRejectedUpdate(error: WorkflowUpdateFailedError, standing: Standing): Error | undefined {
  const failure = error.cause;
  if (!(failure instanceof ApplicationFailure)) return undefined;
  const details = (failure.details?.[0] ?? {}) as FailureDetails;
  const message = failure.message || error.message;
  switch (failure.type) {
    case FAILURE_TYPES.stepNotAllowed:
      // The contract promises the current status on every 409; the stored one stands in.
      return new StepConflictError(message, details.status ?? standing.status);
    case FAILURE_TYPES.replyAwaited:
      return new ReplyAwaitedError(message);
    case FAILURE_TYPES.caseClosed:
      return new CaseClosedError(message);
    case FAILURE_TYPES.recusal:
      return new RecusalRequiredError(message);
    case FAILURE_TYPES.invalidCommand:
      return details.field === undefined
        ? new InvalidInputError(message)
        : new InvalidInputError(message, details.field, [{ field: details.field, rule: details.rule ?? 'invalid' }]);
    default:
      return undefined;
  }
}

function grpcCode(error: Error): number | undefined {
  const { code, details, metadata } = error as { code?: unknown; details?: unknown; metadata?: unknown };
  const looksGrpc = typeof code === 'number' && (typeof details === 'string' || typeof metadata === 'object');
  return looksGrpc ? code : undefined;
}
