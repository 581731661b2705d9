import { HttpException } from '@nestjs/common';
import { CODE_OF_HTTP_STATUS, type ErrorBody, type ErrorCode, type FieldProblem } from '@reform/contracts';
import { STATUS_CODES } from 'node:http';
import { isConnectionFailure } from './backing-service-failures';
import { CaseClosedError } from './case-closed.error';
import { FileRefusedError } from './file-refused.error';
import { ForbiddenError } from './forbidden.error';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { IdentityProviderUnavailableError } from './identity-provider-unavailable.error';
import { InvalidInputError } from './invalid-input.error';
import { NotFoundError } from './not-found.error';
import { RecusalRequiredError } from './recusal-required.error';
import { ReplyAwaitedError } from './reply-awaited.error';
import { StepConflictError } from './step-conflict.error';
import { TemporalUnavailableError } from './temporal-unavailable.error';
import { TooManyExportsError } from './too-many-exports.error';
import { TooManyInFlightError } from './too-many-in-flight.error';
import { UnitInUseError } from './unit-in-use.error';
import { WorkflowEndedError } from './workflow-ended.error';

export interface ErrorReply {
  body: ErrorBody;
  headers: Record<string, string>;
  /** A server-side fault worth a stack trace in the log. */
  unexpected: boolean;
}

/** Each domain error's status and code; the Temporal façade has already turned Temporal's into these. */
const DOMAIN_REPLIES: Array<[new (...args: never[]) => Error, number, ErrorCode]> = [
  [InvalidInputError, 400, 'VALIDATION_FAILED'],
  [ForbiddenError, 403, 'FORBIDDEN'],
  [RecusalRequiredError, 403, 'RECUSAL_REQUIRED'],
  [NotFoundError, 404, 'NOT_FOUND'],
  // Before StepConflictError, which it extends: the first match answers.
  [ReplyAwaitedError, 409, 'REPLY_AWAITED'],
  [StepConflictError, 409, 'STEP_NOT_ALLOWED'],
  [CaseClosedError, 409, 'CASE_CLOSED'],
  [WorkflowEndedError, 409, 'WORKFLOW_ENDED'],
  [IdempotencyKeyReusedError, 409, 'IDEMPOTENCY_CONFLICT'],
  [UnitInUseError, 409, 'UNIT_IN_USE'],
  [TooManyInFlightError, 429, 'RATE_LIMITED'],
  [TooManyExportsError, 429, 'RATE_LIMITED'],
  [TemporalUnavailableError, 503, 'SERVICE_UNAVAILABLE'],
  [IdentityProviderUnavailableError, 503, 'SERVICE_UNAVAILABLE'],
];
const RETRY_AFTER_SECONDS: Record<number, string> = { 429: '1', 503: '5' };

/** Maps anything thrown while serving a request to what the client sees; the one place that decides. */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof HttpException) {
    // Nest's Express adapter wraps body-parser failures; their own messages are raw parser output.
    const status = error.getStatus();
    return bodyParserReply(error.cause) ?? reply(status, httpCode(status), httpMessage(error), status >= 500);
  }
  const domain = DOMAIN_REPLIES.find(([type]) => error instanceof type);
  if (domain) {
    const { message, status, field, problems } = error as Error & { status?: unknown; field?: unknown; problems?: FieldProblem[] };
    return reply(domain[1], domain[2], message, false, {
      status: typeof status === 'string' ? status : undefined,
      field: typeof field === 'string' ? field : undefined,
      problems: Array.isArray(problems) && problems.length > 0 ? problems : undefined,
    });
  }
  if (error instanceof FileRefusedError) return reply(error.statusCode, httpCode(error.statusCode), error.message, false);
  const parser = bodyParserReply(error);
  if (parser) return parser;
  if (isConnectionFailure(error)) return reply(503, 'SERVICE_UNAVAILABLE', 'a backing service is unavailable; retry shortly', true);
  return reply(500, 'INTERNAL', 'internal error; it has been logged', true);
}

function reply(
  statusCode: number,
  code: ErrorCode,
  message: string,
  unexpected: boolean,
  where: Pick<ErrorBody, 'status' | 'field' | 'problems'> = {},
): ErrorReply {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code };
  if (statusCode === 400 && where.field !== undefined) body.field = where.field;
  if (statusCode === 400 && where.problems !== undefined) body.problems = where.problems;
  if (statusCode === 409 && where.status !== undefined) body.status = where.status;
  const retryAfter = RETRY_AFTER_SECONDS[statusCode];
  return { body, headers: retryAfter ? { 'Retry-After': retryAfter } : {}, unexpected };
}

function httpCode(status: number): ErrorCode {
  return CODE_OF_HTTP_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'REQUEST_REFUSED');
}

/** A Nest exception's message; a list (another pipe's) becomes one sentence list. */
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
  if (type === 'entity.parse.failed') return reply(400, 'MALFORMED_BODY', 'request body is not valid JSON', false);
  if (type === 'entity.too.large') {
    const within = typeof limit === 'number' ? ` of ${limit} bytes` : '';
    return reply(413, 'PAYLOAD_TOO_LARGE', `request body exceeds the size limit${within}`, false);
  }
  // An aborted or mis-sized body is as unreadable as a malformed one.
  return reply(status, status === 400 ? 'MALFORMED_BODY' : httpCode(status), (error as Error).message, false);
}
