import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ForbiddenError } from './forbidden.error';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { IdentityProviderUnavailableError } from './identity-provider-unavailable.error';
import { InvalidInputError } from './invalid-input.error';
import { NotFoundError } from './not-found.error';
import { StepConflictError } from './step-conflict.error';
import { fromTemporalError, isConnectionFailure } from './temporal-failures';
import { TemporalUnavailableError } from './temporal-unavailable.error';
import { TooManyInFlightError } from './too-many-in-flight.error';
import { WorkflowEndedError } from './workflow-ended.error';

/** The contract's error body; `status` only on 409, naming where the entity stands. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  status?: string;
}

export interface ErrorReply {
  body: ErrorBody;
  headers: Record<string, string>;
  /** A server-side fault worth a stack trace in the log. */
  unexpected: boolean;
}

const DOMAIN_STATUS: Array<[new (...args: never[]) => Error, number]> = [
  [NotFoundError, 404],
  [StepConflictError, 409],
  [WorkflowEndedError, 409],
  [IdempotencyKeyReusedError, 409],
  [ForbiddenError, 403],
  [InvalidInputError, 400],
  [TooManyInFlightError, 429],
  [TemporalUnavailableError, 503],
  [IdentityProviderUnavailableError, 503],
];
const RETRY_AFTER_SECONDS: Record<number, string> = { 429: '1', 503: '5' };

/** Maps anything thrown while serving a request to what the client sees; the one place that decides. */
export function toErrorReply(exception: unknown): ErrorReply {
  const error = fromTemporalError(exception) ?? exception;
  if (error instanceof HttpException) {
    // Nest's Express adapter wraps body-parser failures; their own messages are raw parser output.
    return bodyParserReply(error.cause) ?? reply(error.getStatus(), httpMessage(error), error.getStatus() >= 500);
  }
  const domain = DOMAIN_STATUS.find(([type]) => error instanceof type);
  if (domain) {
    const status = error instanceof StepConflictError ? error.status : undefined;
    return reply(domain[1], (error as Error).message, false, status);
  }
  const parser = bodyParserReply(error);
  if (parser) return parser;
  if (isConnectionFailure(error)) return reply(503, 'a backing service is unavailable; retry shortly', true);
  return reply(500, 'internal error; it has been logged', true);
}

function reply(statusCode: number, message: string, unexpected: boolean, status?: string): ErrorReply {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (statusCode === 409 && status !== undefined) body.status = status;
  const retryAfter = RETRY_AFTER_SECONDS[statusCode];
  return { body, headers: retryAfter ? { 'Retry-After': retryAfter } : {}, unexpected };
}

/** ValidationPipe reports one message per broken rule; the client gets them as one sentence list. */
function httpMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : error.message;
}

/** body-parser's errors (http-errors with a `type`): malformed or oversized bodies. */
function bodyParserReply(error: unknown): ErrorReply | undefined {
  const { type, status, limit } = (error ?? {}) as { type?: unknown; status?: unknown; limit?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (type === 'entity.parse.failed') return reply(400, 'request body is not valid JSON', false);
  if (type === 'entity.too.large') {
    const within = typeof limit === 'number' ? ` of ${limit} bytes` : '';
    return reply(413, `request body exceeds the size limit${within}`, false);
  }
  return reply(status, (error as Error).message, false);
}
