import type { FieldProblem } from '@reform/contracts';
import { createElement, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { ProblemText } from './problem-text';

export interface FormErrors {
  /** `findings.0.dueAt` → why, in the reader's language, for beside the field. */
  byField: Record<string, ReactNode>;
  /** Everything that names no field on the form (or is not a validation error at all). */
  general: unknown[];
}

export const NO_ERRORS: FormErrors = { byField: {}, general: [] };

/** `findings[0].unitId` → `findings.0.unitId`, the one spelling the forms key their fields by. */
export const dottedPath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

/**
 * A 400 names each refused field with its rule (`problems`): those on the form land beside their
 * fields, worded by the console; the rest go above the form, each with its field's name.
 */
export function formErrors(error: unknown, isField: (path: string) => boolean): FormErrors {
  if (!(error instanceof ApiError) || error.status !== 400) return { byField: {}, general: [error] };
  const problems: FieldProblem[] =
    error.problems.length > 0 ? error.problems : error.field ? [{ field: error.field, rule: 'invalid' }] : [];
  const byField: Record<string, ReactNode> = {};
  const rest: FieldProblem[] = [];
  for (const problem of problems) {
    const path = dottedPath(problem.field);
    if (!isField(path)) rest.push(problem);
    else byField[path] ??= createElement(ProblemText, { problem });
  }
  if (problems.length === 0) return { byField, general: [error] };
  const general = rest.length ? [new ApiError(400, error.message, undefined, undefined, error.code, { problems: rest })] : [];
  return { byField, general };
}
