import type { FieldProblem } from '@reform/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { InvalidInputError } from '../../errors/invalid-input.error';
import type { RegisterRefusal } from '../../organisation/org-register';
import { NewFindingDto } from '../dto/new-finding.dto';
import { LABELS, mapHeader, type IntakeField } from './intake-columns';
import { intakeProblem, ruleOf, type IntakeProblem, type IntakeProblemField } from './intake-problem';
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
  refusal(unitId: string): Promise<RegisterRefusal | null>;
}

export interface Intake {
  findings: NewFindingDto[];
  /** The spreadsheet row each finding was read from, in the same order. */
  rowNumbers: number[];
  /** Every problem of the file, row by row, in English (the 400's message); empty when the whole file is good. */
  problems: string[];
  /** The same problems one field at a time, with the rule and the row, for clients that word them themselves. */
  fieldProblems: FieldProblem[];
}

/** An apostrophe the ledger export put before text Excel would take for a formula. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

function text(cell: RawCell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim().replace(ESCAPED_FORMULA, '');
  return value === '' ? undefined : value;
}

/** class-validator names the DTO property first; the user knows the column. */
function problemsOf(errors: ValidationError[], row: number): IntakeProblem[] {
  return errors.flatMap((error) => {
    const field = (error.property in LABELS ? error.property : 'file') as IntakeProblemField;
    const column = LABELS[error.property as IntakeField] ?? error.property;
    return Object.entries(error.constraints ?? {}).map(([check, message]) => {
      const { rule, limit } = ruleOf(error, check);
      return intakeProblem(message.replace(new RegExp(`^${error.property}\\b`), column), field, rule, { row, limit });
    });
  });
}

/** The row's deadline cell read, why it cannot be read, or null when both deadline columns are empty. */
function deadlineOf(row: SheetRow, columns: Partial<Record<IntakeField, number>>, clock: IntakeClock): DeadlineCell | IntakeProblem | null {
  const dueCell = columns.dueAt === undefined ? null : (row.cells[columns.dueAt] ?? null);
  const daysCell = columns.dueInWorkingDays === undefined ? null : (row.cells[columns.dueInWorkingDays] ?? null);
  const hasDue = text(dueCell) !== undefined;
  const hasDays = text(daysCell) !== undefined;
  const at = { row: row.rowNumber };
  if (hasDue && hasDays) return intakeProblem(`give ${LABELS.dueAt} or ${LABELS.dueInWorkingDays}, not both`, 'dueAt', 'exclusive', at);
  const labelled = (field: IntakeField, read: DeadlineCell): DeadlineCell | IntakeProblem =>
    'problem' in read ? intakeProblem(`${LABELS[field]} ${read.problem}`, field, 'format', at) : read;
  if (hasDue) return labelled('dueAt', readDeadline(dueCell, clock.timeZone, clock.deadlineTime));
  if (hasDays) return labelled('dueInWorkingDays', readWorkingDays(daysCell));
  return null;
}

async function intakeRow(row: SheetRow, columns: Partial<Record<IntakeField, number>>, clock: IntakeClock, units: IntakeUnits) {
  const cell = (field: IntakeField) => (columns[field] === undefined ? undefined : text(row.cells[columns[field]] ?? null));
  const at = { row: row.rowNumber };
  const read = deadlineOf(row, columns, clock);
  const deadline = read !== null && 'message' in read ? null : read;
  const problems: IntakeProblem[] = [];
  if (read === null)
    problems.push(intakeProblem(`${LABELS.dueAt} is required (a date, or a number of working days)`, 'dueAt', 'required', at));
  else if ('message' in read) problems.push(read);
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
  const said = (error: ValidationError) =>
    (error.property === 'dueAt' && deadline === null) || (error.property === 'description' && cell('description') === undefined);
  const unsaid = errors.filter((error) => !said(error));
  problems.push(...problemsOf(unsaid, row.rowNumber));
  if (!errors.some((error) => error.property === 'unitId') && finding.unitId !== undefined) {
    const refused = await units.refusal(finding.unitId);
    if (refused) problems.push(intakeProblem(`${LABELS.unitId} ${refused.message}`, 'unitId', refused.rule, at));
  }
  if (problems.length === 0 && finding.dueInWorkingDays !== undefined) {
    try {
      finding.dueAt = clock.afterWorkingDays(finding.dueInWorkingDays);
      delete finding.dueInWorkingDays;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      // The calendar holds no data for the year the count reaches.
      problems.push(intakeProblem(error.message, 'dueInWorkingDays', 'outOfRange', at));
    }
  }
  return { finding, problems };
}

/** Validates the whole sheet; the findings are usable only when there are no problems at all. */
export async function intakeFindings(sheet: Sheet, clock: IntakeClock, maxFindings: number, units: IntakeUnits): Promise<Intake> {
  const header = mapHeader(sheet.header);
  if (header.problems.length > 0) {
    return {
      findings: [],
      rowNumbers: [],
      problems: header.problems.map(({ message }) => `row 1: ${message}`),
      fieldProblems: header.problems.map(({ problem }) => problem),
    };
  }
  const whole: IntakeProblem[] = [];
  if (sheet.rows.length === 0) whole.push(intakeProblem('the file has no findings below its header row', 'file', 'tooFew', { limit: 1 }));
  if (sheet.truncated) {
    const message = `the file has more than ${maxFindings} findings; a case takes at most ${maxFindings}, split it`;
    whole.push(intakeProblem(message, 'file', 'tooMany', { limit: maxFindings }));
  }
  const problems = whole.map(({ message }) => message);
  const fieldProblems = whole.map(({ problem }) => problem);
  const findings: NewFindingDto[] = [];
  for (const row of sheet.rows) {
    const result = await intakeRow(row, header.columns, clock, units);
    findings.push(result.finding);
    if (result.problems.length === 0) continue;
    problems.push(`row ${row.rowNumber}: ${result.problems.map(({ message }) => message).join(', ')}`);
    fieldProblems.push(...result.problems.map(({ problem }) => problem));
  }
  return { findings, rowNumbers: sheet.rows.map((row) => row.rowNumber), problems, fieldProblems };
}
