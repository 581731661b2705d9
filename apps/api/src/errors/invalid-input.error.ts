import type { FieldProblem } from '@reform/contracts';

/**
 * Input refused: by the DTO's checks (the ValidationPipe), a workflow's validator, or a rule needing
 * stored state (e.g. a later dueAt). `field` is the first offending field as a path (`findings[0].dueAt`);
 * `problems` every refused field with its rule, for clients that word the refusal themselves.
 */
export class InvalidInputError extends Error {
  readonly problems: FieldProblem[];

  constructor(
    message: string,
    readonly field?: string,
    problems?: FieldProblem[],
  ) {
    super(message);
    this.name = 'InvalidInputError';
    this.problems = problems ?? (field === undefined ? [] : [{ field, rule: 'invalid' }]);
  }

  /** One refused field under one rule. */
  static of(field: string, rule: FieldProblem['rule'], message: string, limit?: number): InvalidInputError {
    return new InvalidInputError(message, field, [{ field, rule, ...(limit === undefined ? {} : { limit }) }]);
  }
}

/** Several refused fields at once: `field: why` each, "; "-separated, the first one as `field`. */
export function refusedFields(problems: Array<FieldProblem & { message: string }>): InvalidInputError {
  return new InvalidInputError(
    problems.map(({ field, message }) => `${field}: ${message}`).join('; '),
    problems[0]?.field,
    problems.map(({ field, rule, limit, row }) => ({
      field,
      rule,
      ...(limit === undefined ? {} : { limit }),
      ...(row === undefined ? {} : { row }),
    })),
  );
}
