import type { FieldProblem } from '@reform/contracts';
import type { ValidationError } from 'class-validator';
import { InvalidInputError } from '../errors/invalid-input.error';
import { problemOf } from './failure-rules';

/**
 * The ValidationPipe's refusal as one InvalidInputError: every broken rule's message in the order
 * class-validator found them, each prefixed with its parents as Nest words them
 * (`findings.0.dueAt must be an ISO-8601 date`), `field` = the first one's path (`findings[0].dueAt`),
 * and `problems` each one's path and rule, in the same order.
 */
export function validationFailure(errors: ValidationError[]): InvalidInputError {
  const messages: string[] = [];
  const problems: FieldProblem[] = [];
  let field: string | undefined;
  // Depth first, parents before children, without recursion: the DTOs set the depth, not the body.
  const pending = errors.map((error) => ({ error, dotted: '', path: '' })).reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { error, dotted, path } = next;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      const at = joinPath(path, error.property);
      field ??= at;
      for (const [constraint, message] of constraints) {
        messages.push(dotted ? `${dotted}.${message}` : message);
        problems.push(problemOf(error, constraint, at));
      }
    }
    const childDotted = dotted ? `${dotted}.${error.property}` : error.property;
    const childPath = joinPath(path, error.property);
    for (const child of [...(error.children ?? [])].reverse()) pending.push({ error: child, dotted: childDotted, path: childPath });
  }
  return new InvalidInputError(messages.length > 0 ? messages.join('; ') : 'request is not valid', field, problems);
}

/** `findings.0.dueInWorkingDays` (Nest's wording of a path) → `findings[0].dueInWorkingDays`. */
export function fieldPath(dotted: string): string {
  return dotted.split('.').reduce(joinPath, '');
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}
