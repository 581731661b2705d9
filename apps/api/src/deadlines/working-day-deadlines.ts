import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { CalendarYearMissingError, localDate, workingDayDeadline } from '@reform/domain';
import { InvalidInputError } from '../errors/invalid-input.error';
import { normaliseIsoDate } from '../validation/iso-date.validators';
import { fieldPath } from '../validation/validation-failure';

/** A deadline as a client may give it: a date, or a number of working days from today. */
export interface DeadlineChoice {
  dueAt?: string;
  workingDays?: number;
}

/**
 * Turns a validated deadline choice into the ISO instant the workflows receive, so that no
 * workflow code needs the holiday calendar (TZ_BUSINESS, DEADLINE_TIME, WORKING_CALENDAR_DIR).
 */
@Injectable()
export class WorkingDayDeadlines implements OnModuleInit {
  private readonly logger = new Logger(WorkingDayDeadlines.name);

  constructor(private readonly config: AppConfigService) {}

  /** Says at boot what the calendar cannot be trusted for, so nobody learns it from a refused request. */
  onModuleInit(): void {
    const { calendar, timeZone } = this.config.workingDays;
    const thisYear = Number(localDate(timeZone, Date.now()).slice(0, 4));
    for (const year of calendar.provisionalYears) {
      this.logger.warn(
        `working-day calendar ${year} is provisional (statutory rules, not the official schedule): replace it once published`,
      );
    }
    for (const year of [thisYear, thisYear + 1].filter((known) => !calendar.years.includes(known))) {
      this.logger.warn(`working-day calendar has no data for ${year}: deadlines in working days that reach it are refused`);
    }
  }

  /** `field` names the working-days field in the error when the calendar lacks a year. */
  resolve(choice: DeadlineChoice, field: string, nowMs: number = Date.now()): string {
    if (choice.workingDays === undefined || choice.workingDays === null) {
      if (choice.dueAt === undefined) throw new Error(`${field}: neither a date nor working days (the DTO should have refused it)`);
      return normaliseIsoDate(choice.dueAt);
    }
    return this.afterWorkingDays(choice.workingDays, field, nowMs);
  }

  afterWorkingDays(workingDays: number, field: string, nowMs: number = Date.now()): string {
    try {
      return workingDayDeadline(this.config.workingDays, nowMs, workingDays);
    } catch (error) {
      if (error instanceof CalendarYearMissingError)
        throw InvalidInputError.of(fieldPath(field), 'outOfRange', `${field} cannot be counted: ${error.message}`);
      throw error;
    }
  }
}
