import { ApiError } from '../api/client';

export interface FormErrors {
  /** `findings.0.dueAt` → "findings.0.dueAt must be in the future" */
  byField: Record<string, string>;
  /** Everything that names no field on the form (or is not a validation error at all). */
  general: unknown[];
}

export const NO_ERRORS: FormErrors = { byField: {}, general: [] };

/** `findings.0.dueAt must …` (validation's wording) or `findings[0].unitId: unknown unit …` (the register's). */
const PATH = /^([A-Za-z]\w*(?:\.\w+|\[\d+\])*):? \S/;

/** `findings[0].unitId` → `findings.0.unitId`, the one spelling the forms key their fields by. */
export const dottedPath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

/**
 * The API answers a bad body with one 400 whose message lists every broken rule, "; "-separated,
 * each starting with the field's path. Those land beside their fields; the rest above the form —
 * unless the message is a single rule and the body's `field` names a field of the form.
 */
export function formErrors(error: unknown, isField: (path: string) => boolean): FormErrors {
  if (!(error instanceof ApiError) || error.status !== 400) return { byField: {}, general: [error] };
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  const parts = error.message.split('; ');
  const named = error.field ? dottedPath(error.field) : undefined;
  for (const part of parts) {
    const found = PATH.exec(part)?.[1];
    const path =
      found && isField(dottedPath(found)) ? dottedPath(found) : parts.length === 1 && named && isField(named) ? named : undefined;
    if (path) byField[path] = byField[path] ? `${byField[path]}; ${part}` : part;
    else rest.push(part);
  }
  return { byField, general: rest.length ? [new ApiError(400, rest.join('; '))] : [] };
}
