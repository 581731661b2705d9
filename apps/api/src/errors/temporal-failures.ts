import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { FAILURE_TYPES, type FailureDetails } from '@reform/contracts';
import { ForbiddenError } from './forbidden.error';
import { InvalidInputError } from './invalid-input.error';
import { StepConflictError } from './step-conflict.error';
import { TemporalUnavailableError } from './temporal-unavailable.error';
import { TooManyInFlightError } from './too-many-in-flight.error';
import { WorkflowEndedError } from './workflow-ended.error';

/** gRPC status codes (numbers, so this file needs no direct @grpc/grpc-js dependency). */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;
const GRPC_UNKNOWN = 2;
const GRPC_ABORTED = 10;
const GRPC_INTERNAL = 13;
/**
 * The server could not take the call now: unreachable, overloaded past its deadlines, or failing
 * inside (a persistence timeout, an update aborted with its workflow task). Retrying is the answer.
 */
const UNREACHABLE_CODES: unknown[] = [GRPC_CANCELLED, GRPC_DEADLINE_EXCEEDED, GRPC_UNAVAILABLE, GRPC_UNKNOWN, GRPC_ABORTED, GRPC_INTERNAL];
const NETWORK_CODES: unknown[] = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE'];
/** PostgreSQL's own "not now": shutting down or starting up (57P01-03), too many connections (53300). */
const DATABASE_AWAY_CODES: unknown[] = ['57P01', '57P02', '57P03', '53300'];

/** Translates what the Temporal client throws into the API's domain errors; undefined if it is not Temporal's. */
export function fromTemporalError(error: unknown): Error | undefined {
  if (error instanceof WorkflowUpdateFailedError) return fromRejectedUpdate(error);
  if (error instanceof WorkflowNotFoundError) return new WorkflowEndedError();
  const chain = causeChain(error);
  if (chain.some((e) => grpcCode(e) === GRPC_RESOURCE_EXHAUSTED)) return new TooManyInFlightError();
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return new TemporalUnavailableError();
  if (chain.some((e) => UNREACHABLE_CODES.includes(grpcCode(e)))) return new TemporalUnavailableError();
  // A ServiceError without a gRPC status behind it means the call never reached the server.
  if (error instanceof ServiceError && !chain.some((e) => grpcCode(e) !== undefined)) return new TemporalUnavailableError();
  return undefined;
}

/** Whether something in the chain is a refused or dropped network connection (to any backing service). */
export function isConnectionFailure(error: unknown): boolean {
  return causeChain(error).some(
    (e) =>
      NETWORK_CODES.includes((e as { code?: unknown }).code) ||
      DATABASE_AWAY_CODES.includes((e as { code?: unknown }).code) ||
      /^08/.test(String((e as { code?: unknown }).code)) ||
      /failed to connect|connection terminated/i.test(e.message),
  );
}

function fromRejectedUpdate(error: WorkflowUpdateFailedError): Error | undefined {
  const failure = error.cause;
  if (!(failure instanceof ApplicationFailure)) return undefined;
  const details = (failure.details?.[0] ?? {}) as FailureDetails;
  const message = failure.message || error.message;
  switch (failure.type) {
    case FAILURE_TYPES.stepNotAllowed:
      return new StepConflictError(message, details.status);
    case FAILURE_TYPES.caseClosed:
      return new StepConflictError(message, 'CLOSED');
    case FAILURE_TYPES.separationOfDuties:
      return new ForbiddenError(message);
    case FAILURE_TYPES.invalidCommand:
      return new InvalidInputError(message);
    default:
      return undefined;
  }
}

function grpcCode(error: Error): number | undefined {
  const { code, details, metadata } = error as { code?: unknown; details?: unknown; metadata?: unknown };
  const looksGrpc = typeof code === 'number' && (typeof details === 'string' || typeof metadata === 'object');
  return looksGrpc ? code : undefined;
}

function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && chain.length < 10; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}
