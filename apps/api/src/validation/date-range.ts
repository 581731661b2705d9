import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { zonedInstant } from '@reform/domain';
import type { TimeRange } from '@reform/persistence';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from './iso-date.validators';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** An optional bound of a date range: a day (YYYY-MM-DD, a whole day in TZ_BUSINESS) or an ISO instant. */
export const OptionalRangeBound = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description: `${description}: a day (YYYY-MM-DD, in TZ_BUSINESS) or an ISO-8601 instant`,
      example: '2026-03-31',
    }),
    IsOptional(),
    IsIsoDate(),
  );

/**
 * `from`..`to`, both inclusive as people mean them, as the half-open range SQL wants: a day as `from`
 * starts at its midnight in `timeZone`, a day as `to` includes all of it; instants are taken as given.
 */
export function inclusiveRange(from: string | undefined, to: string | undefined, timeZone: string): TimeRange | undefined {
  if (from === undefined && to === undefined) return undefined;
  const range: TimeRange = {};
  if (from !== undefined)
    range.from = new Date(DATE_ONLY.test(from) ? zonedInstant(timeZone, from, '00:00') : Date.parse(from)).toISOString();
  if (to !== undefined) {
    const before = DATE_ONLY.test(to) ? zonedInstant(timeZone, to, '00:00') + DAY_MS : Date.parse(to) + 1;
    range.before = new Date(before).toISOString();
  }
  return range;
}
