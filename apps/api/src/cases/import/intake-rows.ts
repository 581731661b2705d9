import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { InvalidInputError } from '../../errors/invalid-input.error';
import { NewFindingDto } from '../dto/new-finding.dto';
import { LABELS, mapHeader, type IntakeField } from './intake-columns';
import { readDeadline, readWorkingDays, type DeadlineCell } from './intake-deadline';
import type { RawCell, Sheet, SheetRow } from './intake-file.reader';

/** What intake needs to turn deadlines into moments: the business zone and working-day counting. */
export interface IntakeClock {
  timeZone: string;
  deadlineTime: string;
  /** The deadline `days` working days from now; throws InvalidInputError when the calendar cannot say. */
  afterWorkingDays(days: number): string;
}

/** What intake needs of the org-unit register: a unit's code for a code or name, and why a unit cannot be assigned. */
export interface IntakeUnits {
  idFor(text: string): Promise<string>;
  problem(unitId: string): Promise<string | null>;
}

export interface Intake {
  findings: NewFindingDto[];
  /** Every problem of the file, row by row; empty when the whole file is good. */
  problems: string[];
}

/** An apostrophe the ledger export put before text Excel would take for a formula. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

function text(cell: RawCell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim().replace(ESCAPED_FORMULA, '');
  return value === '' ? undefined : value;
}

/** class-validator names the DTO property first; the user knows the column. */
function messagesOf(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.replace(new RegExp(`^${error.property}\\b`), LABELS[error.property as IntakeField] ?? error.property),
    ),
  );
}

/** The row's deadline cell read, or null when both deadline columns are empty; problems are whole sentences. */
function deadlineOf(row: SheetRow, columns: Partial<Record<IntakeField, number>>, clock: IntakeClock): DeadlineCell | null {
  const dueCell = columns.dueAt === undefined ? null : (row.cells[columns.dueAt] ?? null);
  const daysCell = columns.dueInWorkingDays === undefined ? null : (row.cells[columns.dueInWorkingDays] ?? null);
  const hasDue = text(dueCell) !== undefined;
  const hasDays = text(daysCell) !== undefined;
  if (hasDue && hasDays) return { problem: `give ${LABELS.dueAt} or ${LABELS.dueInWorkingDays}, not both` };
  const labelled = (field: IntakeField, read: DeadlineCell): DeadlineCell =>
    'problem' in read ? { problem: `${LABELS[field]} ${read.problem}` } : read;
  if (hasDue) return labelled('dueAt', readDeadline(dueCell, clock.timeZone, clock.deadlineTime));
  if (hasDays) return labelled('dueInWorkingDays', readWorkingDays(daysCell));
  return null;
}

async function intakeRow(row: SheetRow, columns: Partial<Record<IntakeField, number>>, clock: IntakeClock, units: IntakeUnits) {
  const cell = (field: IntakeField) => (columns[field] === undefined ? undefined : text(row.cells[columns[field]] ?? null));
  const deadline = deadlineOf(row, columns, clock);
  const problems: string[] = [];
  if (deadline === null) problems.push(`${LABELS.dueAt} is required (a date, or a number of working days)`);
  else if ('problem' in deadline) problems.push(deadline.problem);
  const body = {
    title: cell('title'),
    description: cell('description') ?? cell('title'),
    category: cell('category'),
    unitId: cell('unitId') === undefined ? undefined : await units.idFor(cell('unitId') as string),
    responsiblePerson: cell('responsiblePerson'),
    ...(deadline && 'dueAt' in deadline ? { dueAt: deadline.dueAt } : {}),
    ...(deadline && 'workingDays' in deadline ? { dueInWorkingDays: deadline.workingDays } : {}),
  };
  const finding = plainToInstance(NewFindingDto, body);
  const errors = await validate(finding, { whitelist: true, forbidNonWhitelisted: true });
  // Said once only: a missing or unreadable deadline in the column's words, a description borrowed from the title with the title.
  const unreadable = deadline === null || 'problem' in deadline;
  const said = (error: ValidationError) =>
    (error.property === 'dueAt' && unreadable) || (error.property === 'description' && cell('description') === undefined);
  problems.push(...messagesOf(errors.filter((error) => !said(error))));
  if (!errors.some((error) => error.property === 'unitId') && finding.unitId !== undefined) {
    const unitProblem = await units.problem(finding.unitId);
    if (unitProblem) problems.push(`${LABELS.unitId} ${unitProblem}`);
  }
  if (problems.length === 0 && finding.dueInWorkingDays !== undefined) {
    try {
      finding.dueAt = clock.afterWorkingDays(finding.dueInWorkingDays);
      delete finding.dueInWorkingDays;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(error.message);
    }
  }
  return { finding, problems };
}

/** Validates the whole sheet; the findings are usable only when there are no problems at all. */
export async function intakeFindings(sheet: Sheet, clock: IntakeClock, maxFindings: number, units: IntakeUnits): Promise<Intake> {
  const header = mapHeader(sheet.header);
  if (header.problems.length > 0) return { findings: [], problems: header.problems.map((problem) => `row 1: ${problem}`) };
  const problems: string[] = [];
  if (sheet.rows.length === 0) problems.push('the file has no findings below its header row');
  if (sheet.truncated) problems.push(`the file has more than ${maxFindings} findings; a case takes at most ${maxFindings}, split it`);
  const findings: NewFindingDto[] = [];
  for (const row of sheet.rows) {
    const result = await intakeRow(row, header.columns, clock, units);
    findings.push(result.finding);
    if (result.problems.length > 0) problems.push(`row ${row.rowNumber}: ${result.problems.join(', ')}`);
  }
  return { findings, problems };
}
