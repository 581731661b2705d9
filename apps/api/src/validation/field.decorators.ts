import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateIf } from 'class-validator';
import { IsFutureDate, IsIsoDate, IsNotFutureDate } from './iso-date.validators';
import { IsText } from './text-rule.validator';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const UNIT_ID_PATTERN = /^[A-Za-z0-9_.-]+$/;
/** The longest org-unit code taken, in characters. */
export const UNIT_ID_MAX = 64;
export const UNIT_ID_MESSAGE = 'may contain only letters, digits, "_", "." and "-"';

/** A required, non-blank string of at most `max` characters. */
export const Text = (max: number, description?: string) =>
  applyDecorators(ApiProperty({ minLength: 1, maxLength: max, description }), IsText({ max }));

/** May be left out (or null); when given, non-blank and at most `max` characters. */
export const OptionalText = (max: number, description?: string) =>
  applyDecorators(ApiPropertyOptional({ minLength: 1, maxLength: max, description }), IsOptional(), IsText({ max }));

/** 责任单位: a registered, active org unit of kind `unit` (checked against the register after the body's shape). */
export const UnitId = () =>
  applyDecorators(
    ApiProperty({
      maxLength: UNIT_ID_MAX,
      pattern: UNIT_ID_PATTERN.source,
      example: 'U-FIN',
      description: '责任单位 — a registered, active org unit of kind unit',
    }),
    IsText({ max: UNIT_ID_MAX, pattern: { regex: UNIT_ID_PATTERN, message: UNIT_ID_MESSAGE } }),
  );

/** 跟踪单位: a registered discipline-side org unit; left out, the opener's org unit. */
export const TrackingOfficeId = () =>
  applyDecorators(
    ApiPropertyOptional({
      maxLength: UNIT_ID_MAX,
      pattern: UNIT_ID_PATTERN.source,
      example: 'OFF-1',
      description:
        "跟踪单位 (谁建议、谁跟踪) — a registered discipline-side org unit; left out, the opening officer's orgUnitId (ROOT without one)",
    }),
    IsOptional(),
    IsText({ max: UNIT_ID_MAX, pattern: { regex: UNIT_ID_PATTERN, message: UNIT_ID_MESSAGE } }),
  );

export const FutureDate = (description?: string) =>
  applyDecorators(ApiProperty({ format: 'date-time', description }), IsIsoDate(), IsFutureDate());

/** When something happened: required, not later than now. */
export const PastDate = (description?: string) =>
  applyDecorators(ApiProperty({ format: 'date-time', description }), IsIsoDate(), IsNotFutureDate());

/** A new deadline: optional, unless `required.test` holds for the body (then its absence names the condition). */
export const OptionalFutureDate = (required?: { test: (body: never) => boolean; when: string }) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'date-time', description: required && `required when ${required.when}` }),
    ValidateIf((body: object, value: unknown) => value !== undefined || (required?.test(body as never) ?? false)),
    IsIsoDate(required?.when),
    IsFutureDate(),
  );

/** A decision's comment: required (non-blank) for the refusing decisions, optional otherwise. */
export const DecisionComment = (needsComment: (body: never) => boolean, when: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: 2000, description: `required when ${when}` }),
    IsText({ max: 2000, requiredWhen: { test: needsComment, when } }),
  );
