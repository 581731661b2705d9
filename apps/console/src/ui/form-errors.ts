import { ApiError } from '../api/client';

export interface FormErrors {
  /** `findings.0.dueAt` → "findings.0.dueAt must be in the future" */
  byField: Record<string, string>;
  /** Everything that names no field on the form (or is not a validation error at all). */
  general: unknown[];
}

export const NO_ERRORS: FormErrors = { byField: {}, general: [] };

const PATH = /^([A-Za-z]\w*(?:\.\w+)*) \S/;

/**
 * The API answers a bad body with one 400 whose message lists every broken rule, "; "-separated,
 * each starting with the field's path. Those land beside their fields; the rest above the form.
 */
export function formErrors(error: unknown, isField: (path: string) => boolean): FormErrors {
  if (!(error instanceof ApiError) || error.status !== 400) return { byField: {}, general: [error] };
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of error.message.split('; ')) {
    const path = PATH.exec(part)?.[1];
    if (path && isField(path)) byField[path] = byField[path] ? `${byField[path]}; ${part}` : part;
    else rest.push(part);
  }
  return { byField, general: rest.length ? [new ApiError(400, rest.join('; '))] : [] };
}
