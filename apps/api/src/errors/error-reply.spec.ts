import {
  BadRequestException,
  ForbiddenException,
  NotAcceptableException,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ERROR_CODES } from '@reform/contracts';
import { ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { CaseClosedError } from './case-closed.error';
import { toErrorReply } from './error-reply';
import { ForbiddenError } from './forbidden.error';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { IdentityProviderUnavailableError } from './identity-provider-unavailable.error';
import { InvalidInputError } from './invalid-input.error';
import { NotFoundError } from './not-found.error';
import { RecusalRequiredError } from './recusal-required.error';
import { StepConflictError } from './step-conflict.error';
import { TemporalUnavailableError } from './temporal-unavailable.error';
import { TooManyExportsError } from './too-many-exports.error';
import { TooManyInFlightError } from './too-many-in-flight.error';
import { WorkflowEndedError } from './workflow-ended.error';

describe('toErrorReply — domain errors: one status and one code each', () => {
  it.each([
    [new InvalidInputError('newDueAt must be in the future', 'newDueAt'), 400, 'VALIDATION_FAILED'],
    [new ForbiddenError('only responsible unit U1 may take this step'), 403, 'FORBIDDEN'],
    [new RecusalRequiredError('a plan must be decided by someone other than the user who made the request'), 403, 'RECUSAL_REQUIRED'],
    [new NotFoundError('finding', 'abc'), 404, 'NOT_FOUND'],
    [new StepConflictError('no report to verify', 'RECTIFYING'), 409, 'STEP_NOT_ALLOWED'],
    [CaseClosedError.of('ZG-2026-0001'), 409, 'CASE_CLOSED'],
    [new WorkflowEndedError('finding is CLOSED and accepts no more steps', 'CLOSED'), 409, 'WORKFLOW_ENDED'],
    [new IdempotencyKeyReusedError(), 409, 'IDEMPOTENCY_CONFLICT'],
    [new TooManyInFlightError(), 429, 'RATE_LIMITED'],
    [new TooManyExportsError(2), 429, 'RATE_LIMITED'],
    [new TemporalUnavailableError(), 503, 'SERVICE_UNAVAILABLE'],
    [new IdentityProviderUnavailableError(), 503, 'SERVICE_UNAVAILABLE'],
  ])('%s → %i %s, with its own message', (error, statusCode, code) => {
    const reply = toErrorReply(error);
    expect(reply.body).toMatchObject({ statusCode, code, message: error.message });
    expect(ERROR_CODES).toContain(reply.body.code);
    expect(reply.unexpected).toBe(false);
  });

  it('names the field and its rule on 400 and the status on 409, and nothing else', () => {
    const refused = InvalidInputError.of('findings[0].dueAt', 'notInFuture', 'findings[0].dueAt must be in the future');
    expect(toErrorReply(refused).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'findings[0].dueAt must be in the future',
      code: 'VALIDATION_FAILED',
      field: 'findings[0].dueAt',
      problems: [{ field: 'findings[0].dueAt', rule: 'notInFuture' }],
    });
    expect(toErrorReply(new InvalidInputError('from must not be after to')).body).not.toHaveProperty('field');
    expect(toErrorReply(new StepConflictError('no report to verify', 'RECTIFYING')).body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'no report to verify',
      code: 'STEP_NOT_ALLOWED',
      status: 'RECTIFYING',
    });
    expect(toErrorReply(CaseClosedError.of('ZG-1')).body).toMatchObject({
      status: 'CLOSED',
      message: 'case ZG-1 is closed; findings can be added to open cases only',
    });
    expect(toErrorReply(new WorkflowEndedError()).body).not.toHaveProperty('status');
    expect(toErrorReply(new IdempotencyKeyReusedError()).body).not.toHaveProperty('status');
    expect(toErrorReply(new IdempotencyKeyReusedError()).body.message).toContain('different request body');
  });

  it('asks for a retry after 1 s on 429 and 5 s on 503', () => {
    expect(toErrorReply(new TooManyInFlightError()).headers).toEqual({ 'Retry-After': '1' });
    expect(toErrorReply(new TemporalUnavailableError()).headers).toEqual({ 'Retry-After': '5' });
    expect(toErrorReply(new NotFoundError('case', 'x')).headers).toEqual({});
  });
});

describe('toErrorReply — Nest and body-parser errors', () => {
  it('keeps a Nest exception status and message, and gives it the code of its status', () => {
    expect(toErrorReply(new NotFoundException('Cannot GET /api/v1/nothing')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /api/v1/nothing',
      code: 'NOT_FOUND',
    });
    expect(toErrorReply(new UnauthorizedException('missing bearer token')).body).toMatchObject({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(toErrorReply(new ForbiddenException('requires one of the roles: officer')).body).toMatchObject({
      statusCode: 403,
      code: 'FORBIDDEN',
    });
    expect(toErrorReply(new NotAcceptableException('the ledger is served as ...')).body).toMatchObject({
      statusCode: 406,
      code: 'NOT_ACCEPTABLE',
    });
    expect(toErrorReply(new PayloadTooLargeException()).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(toErrorReply(new ThrottlerException('at most 5 a minute')).body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(toErrorReply(new BadRequestException('Idempotency-Key header must be a single value')).body.code).toBe('VALIDATION_FAILED');
  });

  it('joins a list of messages from another pipe into one sentence list', () => {
    const error = new BadRequestException(['page must be a positive integer', 'pageSize must not be greater than 200']);
    expect(toErrorReply(error).body.message).toBe('page must be a positive integer; pageSize must not be greater than 200');
  });

  it('maps body-parser failures to 400 MALFORMED_BODY and 413 PAYLOAD_TOO_LARGE', () => {
    const malformed = Object.assign(new SyntaxError('Unexpected token } in JSON'), { type: 'entity.parse.failed', status: 400 });
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, limit: 2048 });
    const charset = Object.assign(new Error('unsupported charset "KOI8-R"'), { type: 'charset.unsupported', status: 415 });
    expect(toErrorReply(malformed).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'request body is not valid JSON',
      code: 'MALFORMED_BODY',
    });
    // As Nest's Express adapter hands them over: wrapped, with the parser error as cause.
    const wrapped = new BadRequestException(malformed.message, { cause: malformed });
    expect(toErrorReply(wrapped).body).toMatchObject({ message: 'request body is not valid JSON', code: 'MALFORMED_BODY' });
    expect(toErrorReply(tooLarge).body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body exceeds the size limit of 2048 bytes',
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(toErrorReply(charset).body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('toErrorReply — what is nobody else’s', () => {
  it('never leaks an unknown error, and flags it for the log', () => {
    const reply = toErrorReply(new Error('relation "findings" does not exist: SELECT * FROM findings'));
    expect(reply.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal error; it has been logged',
      code: 'INTERNAL',
    });
    expect(reply.unexpected).toBe(true);
  });

  it('does not translate Temporal errors: the façade has, so one reaching here is a bug (500)', () => {
    expect(toErrorReply(new WorkflowNotFoundError('not found', 'finding-1', undefined)).body).toMatchObject({
      statusCode: 500,
      code: 'INTERNAL',
    });
  });

  it('a refused database connection is a 503, not a 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toErrorReply(refused).body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    // Also when Temporal's connection failed somewhere the façade does not stand (e.g. at startup).
    const unreached = new ServiceError('Failed to connect to Temporal server', { cause: new Error('No connection established') });
    expect(toErrorReply(unreached).body.statusCode).toBe(503);
  });

  it.each([
    ['shutting down', '57P03', 'the database system is shutting down'],
    ['terminated by an administrator', '57P01', 'terminating connection due to administrator command'],
    ['a broken connection', '08006', 'connection failure'],
  ])('a database %s is a 503 with Retry-After, not a 500', (_, code, message) => {
    const reply = toErrorReply(Object.assign(new Error(message), { code }));
    expect(reply.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(reply.headers).toEqual({ 'Retry-After': '5' });
  });
});
