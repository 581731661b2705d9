import type { FieldProblem } from './types';
import { ApiError } from './api-error';

function isProblem(value: unknown): value is FieldProblem {
  if (!value || typeof value !== 'object') return false;
  const { field, rule, limit, row } = value as Record<string, unknown>;
  return (
    typeof field === 'string' &&
    typeof rule === 'string' &&
    (limit === undefined || typeof limit === 'number') &&
    (row === undefined || typeof row === 'number')
  );
}

/** The 400 body's `problems` kept on the ApiError made from it, so a screen can word each refusal itself. */
export function withProblems(error: ApiError, bodyText: string): ApiError {
  try {
    const { problems } = JSON.parse(bodyText) as { problems?: unknown };
    if (Array.isArray(problems)) Object.assign(error, { problems: problems.filter(isProblem) });
  } catch {
    // not JSON: no problems to keep
  }
  return error;
}

/** Every refused field a 400 listed (none for any other error, or an answer without them). */
export function problemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error as ApiError & { problems?: unknown }).problems;
  return Array.isArray(problems) ? problems.filter(isProblem) : [];
}
