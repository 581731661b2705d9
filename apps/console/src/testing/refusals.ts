import type { FieldProblem, ValidationRule } from '@reform/contracts';
import { ApiError } from '../api/client';

/** A 400 as the API sends it: an English sentence (which no screen shows), the first field, and each field's rule. */
export function refused(...problems: Array<[field: string, rule: ValidationRule, limit?: number]>): ApiError {
  const list: FieldProblem[] = problems.map(([field, rule, limit]) => ({ field, rule, ...(limit === undefined ? {} : { limit }) }));
  const message = list.map((problem) => `${problem.field} is refused (${problem.rule})`).join('; ');
  return new ApiError(400, message, undefined, list[0]?.field, 'VALIDATION_FAILED', { problems: list });
}
