import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { FAILURE_TYPES } from '@reform/contracts';
import { toErrorReply } from './error-reply';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { NotFoundError } from './not-found.error';
import { StepConflictError } from './step-conflict.error';

const rejected = (type: string, message: string, details?: unknown) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] }),
  );
const grpcError = (code: number) => Object.assign(new Error(`grpc ${code}`), { code, details: 'detail', metadata: {} });

describe('toErrorReply — workflow rejections', () => {
  it('StepNotAllowed → 409 with the finding status', () => {
    const reply = toErrorReply(rejected(FAILURE_TYPES.stepNotAllowed, 'no report to verify', { status: 'RECTIFYING' }));
    expect(reply.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'no report to verify', status: 'RECTIFYING' });
    expect(reply.unexpected).toBe(false);
  });

  it('CaseClosed → 409 with status CLOSED', () => {
    const reply = toErrorReply(rejected(FAILURE_TYPES.caseClosed, 'case is closed'));
    expect(reply.body).toMatchObject({ statusCode: 409, status: 'CLOSED' });
  });

  it('SeparationOfDuties → 403', () => {
    const reply = toErrorReply(rejected(FAILURE_TYPES.separationOfDuties, 'you made this request'));
    expect(reply.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'you made this request' });
  });

  it('InvalidCommand → 400 with the field-naming message', () => {
    const reply = toErrorReply(rejected(FAILURE_TYPES.invalidCommand, 'newDueAt must be after now', { field: 'newDueAt' }));
    expect(reply.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'newDueAt must be after now' });
  });

  it('an unknown failure type is a logged 500 that does not echo the failure', () => {
    const reply = toErrorReply(rejected('TypeError', 'cannot read x of undefined'));
    expect(reply.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'internal error; it has been logged' });
    expect(reply.unexpected).toBe(true);
  });
});

describe('toErrorReply — Temporal transport', () => {
  it('a finished workflow → 409', () => {
    expect(toErrorReply(new WorkflowNotFoundError('not found', 'finding-1', undefined)).body.statusCode).toBe(409);
  });

  it('RESOURCE_EXHAUSTED → 429 with Retry-After: 1', () => {
    const reply = toErrorReply(new ServiceError('Workflow Update failed', { cause: grpcError(8) }));
    expect(reply.body.statusCode).toBe(429);
    expect(reply.body.error).toBe('Too Many Requests');
    expect(reply.headers).toEqual({ 'Retry-After': '1' });
  });

  it.each([
    ['UNAVAILABLE', new ServiceError('Workflow Update failed', { cause: grpcError(14) })],
    ['DEADLINE_EXCEEDED', grpcError(4)],
    ['ABORTED (an update aborted with its workflow task)', new ServiceError('Workflow Update failed', { cause: grpcError(10) })],
    ['INTERNAL (the server failing inside)', new ServiceError('Workflow Update failed', { cause: grpcError(13) })],
    ['an update RPC timeout', new WorkflowUpdateRPCTimeoutOrCancelledError('timed out', { cause: grpcError(4) })],
    ['a failed connection', new ServiceError('Failed to connect to Temporal server', { cause: new Error('No connection established') })],
  ])('%s → 503 with Retry-After: 5', (_, error) => {
    const reply = toErrorReply(error);
    expect(reply.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(reply.headers).toEqual({ 'Retry-After': '5' });
  });
});

describe('toErrorReply — HTTP and domain errors', () => {
  it('joins ValidationPipe messages into one sentence list', () => {
    const error = new BadRequestException(['findings.0.dueAt must be an ISO-8601 date', 'title must not be empty']);
    expect(toErrorReply(error).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'findings.0.dueAt must be an ISO-8601 date; title must not be empty',
    });
  });

  it('keeps Nest exceptions status and message', () => {
    expect(toErrorReply(new NotFoundException('Cannot GET /api/v1/nothing')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /api/v1/nothing',
    });
    expect(toErrorReply(new PayloadTooLargeException()).body.statusCode).toBe(413);
  });

  it('maps body-parser failures to 400 and 413', () => {
    const malformed = Object.assign(new SyntaxError('Unexpected token } in JSON'), { type: 'entity.parse.failed', status: 400 });
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, limit: 2048 });
    expect(toErrorReply(malformed).body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'request body is not valid JSON' });
    // As Nest's Express adapter hands them over: wrapped, with the parser error as cause.
    const wrapped = new BadRequestException(malformed.message, { cause: malformed });
    expect(toErrorReply(wrapped).body.message).toBe('request body is not valid JSON');
    expect(toErrorReply(tooLarge).body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body exceeds the size limit of 2048 bytes',
    });
  });

  it('maps domain errors', () => {
    expect(toErrorReply(new NotFoundError('finding', 'abc')).body).toEqual({ statusCode: 404, error: 'Not Found', message: 'finding "abc" not found' });
    expect(toErrorReply(new StepConflictError('finding is CLOSED', 'CLOSED')).body.status).toBe('CLOSED');
    expect(toErrorReply(new IdempotencyKeyReusedError()).body).toMatchObject({ statusCode: 409, message: expect.stringContaining('different request body') });
    expect(toErrorReply(new IdempotencyKeyReusedError()).body).not.toHaveProperty('status');
  });

  it('never leaks an unknown error, and flags it for the log', () => {
    const reply = toErrorReply(new Error('relation "findings" does not exist: SELECT * FROM findings'));
    expect(reply.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'internal error; it has been logged' });
    expect(reply.unexpected).toBe(true);
  });

  it('a refused database connection is a 503, not a 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toErrorReply(refused).body.statusCode).toBe(503);
  });

  it.each([
    ['shutting down', '57P03', 'the database system is shutting down'],
    ['terminated by an administrator', '57P01', 'terminating connection due to administrator command'],
    ['a broken connection', '08006', 'connection failure'],
  ])('a database %s is a 503 with Retry-After, not a 500', (_, code, message) => {
    const reply = toErrorReply(Object.assign(new Error(message), { code }));
    expect(reply.body.statusCode).toBe(503);
    expect(reply.headers).toEqual({ 'Retry-After': '5' });
  });
});
