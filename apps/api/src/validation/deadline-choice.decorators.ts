import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_WORKING_DAYS } from '@reform/domain';
import { IsOptional, registerDecorator, ValidateIf, type ValidationArguments } from 'class-validator';
import { IsFutureDate, IsIsoDate } from './iso-date.validators';

const given = (value: unknown) => value !== undefined && value !== null;
const field = (args: ValidationArguments | undefined, name: string) => (args?.object as Record<string, unknown>)?.[name];

/** Fails when this field and `other` are both given, so a client never wonders which one counted. */
function NotBoth(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notBoth',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property and ${other} cannot both be given; give one of them` },
      validator: { validate: (value: unknown, args?: ValidationArguments) => !given(value) || !given(field(args, other)) },
    });
}

/**
 * A deadline date that may be replaced by a number of working days in `alternative`:
 * exactly one of the two is required, and the date must be in the future.
 */
export const DeadlineDate = (alternative: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'date-time', description: `${description}; required unless ${alternative} is given` }),
    ValidateIf((body: Record<string, unknown>, value: unknown) => value !== undefined || !given(body[alternative])),
    IsIsoDate(`${alternative} is not given`),
    IsFutureDate(),
    NotBoth(alternative),
  );

/** A whole number of working days (1..366), counted from today on the holiday calendar. */
export const WorkingDays = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_WORKING_DAYS, description }),
    IsOptional(),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isWorkingDays',
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message: `$property must be a whole number of working days from 1 to ${MAX_WORKING_DAYS}` },
        validator: {
          validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_WORKING_DAYS,
        },
      }),
  );
