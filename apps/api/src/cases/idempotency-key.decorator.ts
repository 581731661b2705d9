import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidInputError } from '../errors/invalid-input.error';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** The optional Idempotency-Key header, 1..200 characters when present. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw InvalidInputError.of(
      IDEMPOTENCY_KEY_HEADER,
      'format',
      `${IDEMPOTENCY_KEY_HEADER} header must be a single value of 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
    );
  }
  return value;
});
