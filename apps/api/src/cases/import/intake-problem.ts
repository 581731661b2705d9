import type { FieldProblem, ValidationRule } from '@reform/contracts';
import { MAX_WORKING_DAYS } from '@reform/domain';
import type { ValidationError } from 'class-validator';
import { UNIT_ID_MAX } from '../../validation/field.decorators';
import { FINDING_TEXT_MAX } from '../dto/new-finding.dto';
import type { IntakeField } from './intake-columns';

/** One thing wrong with the file: the English words v1 clients read, and the rule a console words itself. */
export interface IntakeProblem {
  message: string;
  problem: FieldProblem;
}

/** `file` stands for the whole file: its bytes, its size, a column that is no intake field. */
export type IntakeProblemField = IntakeField | 'file';

export function intakeProblem(
  message: string,
  field: IntakeProblemField,
  rule: ValidationRule,
  where: { row?: number; limit?: number } = {},
): IntakeProblem {
  const problem: FieldProblem = { field, rule };
  if (where.limit !== undefined) problem.limit = where.limit;
  if (where.row !== undefined) problem.row = where.row;
  return { message, problem };
}

const TEXT_MAX: Partial<Record<string, number>> = { ...FINDING_TEXT_MAX, unitId: UNIT_ID_MAX };

/**
 * The rule a finding field broke, told by which check refused it; for text, by the value itself,
 * since one check (`isText`) covers missing, blank, too long and malformed.
 */
export function ruleOf(error: ValidationError, check: string): { rule: ValidationRule; limit?: number } {
  const { value } = error;
  switch (check) {
    case 'isText': {
      const max = TEXT_MAX[error.property];
      if (value === undefined || value === null) return { rule: 'required' };
      if (typeof value === 'string' && !/\S/.test(value)) return { rule: 'empty' };
      if (typeof value === 'string' && max !== undefined && value.length > max) return { rule: 'tooLong', limit: max };
      return { rule: 'format' };
    }
    case 'isIsoDate':
      return { rule: value === undefined || value === null ? 'required' : 'format' };
    case 'isFutureDate':
      return { rule: 'notInFuture' };
    case 'notBoth':
      return { rule: 'exclusive' };
    case 'isWorkingDays':
      return { rule: 'outOfRange', limit: MAX_WORKING_DAYS };
    case 'whitelistValidation':
      return { rule: 'unknownField' };
    default:
      return { rule: 'invalid' };
  }
}
