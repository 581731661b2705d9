import { registerDecorator, isISO8601, type ValidationOptions } from 'class-validator';

/** Strict ISO-8601 that JavaScript can also read (week dates like 2026-W10 are valid ISO but not a Date). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isISO8601(value, { strict: true, strictSeparator: true }) && Number.isFinite(Date.parse(value));
}

/** `requiredWhen` names the condition under which a missing value is an error, for its message. */
export function IsIsoDate(requiredWhen?: string): PropertyDecorator {
  const missing = requiredWhen ? `is required when ${requiredWhen}` : 'is required';
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (args) => `${args.property} ${args.value == null ? missing : 'must be an ISO-8601 date'}` },
      validator: { validate: isIsoDate },
    });
}

/** Leaves malformed values to IsIsoDate so the client gets one message per problem. */
export function IsFutureDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFutureDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be in the future', ...options },
      validator: { validate: (value: unknown) => !isIsoDate(value) || Date.parse(value) > Date.now() },
    });
}

/** The canonical form the workflows and the database receive. */
export function normaliseIsoDate(value: string): string {
  return new Date(value).toISOString();
}

/** A date of something already decided: now or earlier. Leaves malformed values to IsIsoDate. */
export function IsNotFutureDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotFutureDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must not be in the future', ...options },
      validator: { validate: (value: unknown) => !isIsoDate(value) || Date.parse(value) <= Date.now() },
    });
}
