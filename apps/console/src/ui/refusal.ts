import type { FieldProblem } from '@reform/contracts';
import { CODE_OF_HTTP_STATUS } from '@reform/contracts/errors';
import { ApiError } from '../api/api-error';
import type { Dict } from '../i18n/zh';

/** A refusal without a code (a proxy's page): the code the API would have sent for its status; a bare 409 is a step not allowed now. */
const CODE_OF_STATUS: Record<number, string> = { ...CODE_OF_HTTP_STATUS, 409: 'STEP_NOT_ALLOWED' };

export function codeOf(error: ApiError): string {
  return error.code ?? CODE_OF_STATUS[error.status] ?? (error.status >= 500 ? 'INTERNAL' : 'REQUEST_REFUSED');
}

/** `findings[1].dueAt` → 问题清单第2项「整改时限」: the field by its name on the form, never its code. */
export function fieldName(path: string, t: Dict): string {
  const names = t.errors.fieldNames;
  const segments = path.split('.').flatMap((part) => {
    const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(part) ?? [];
    return name === undefined ? [] : [{ name, index: index === undefined ? undefined : Number(index) }];
  });
  const last = segments[segments.length - 1];
  const own = (last && names[last.name]) || t.errors.someField;
  const listed = segments.slice(0, -1).filter((segment) => segment.index !== undefined);
  const within = listed.map((segment) => t.errors.item(names[segment.name] ?? t.errors.someField, (segment.index as number) + 1));
  return [...within, own].join(' · ');
}

/** Why one field was refused: beside the field the reason alone, elsewhere with the field's name (and its row, for a file). */
export function problemText(problem: FieldProblem, t: Dict, named: boolean): string {
  const why = (t.errors.rules[problem.rule] ?? t.errors.rules.invalid)(problem.limit);
  if (!named) return why;
  const at = t.errors.atField(fieldName(problem.field, t), why);
  return problem.row === undefined ? at : `${t.errors.atRow(problem.row)} ${at}`;
}

/** A finding's state, else a recommendation's, an interview's, a case's or a delivery's, in words. */
export function stateName(state: string, t: Dict): string {
  const names = [t.status, t.recStatus, t.interviewStatus, t.caseStatus, t.deliveryStatus] as Array<Record<string, string>>;
  return names.map((byState) => byState[state]).find(Boolean) ?? t.errors.unknownState;
}

/**
 * Any error in the reader's words, from the contract's code and details — never the API's own
 * (English) sentence: what kind of refusal, which fields and why, where the entity stands now, how
 * long to wait.
 */
export function describeError(error: unknown, t: Dict): string {
  if (!(error instanceof ApiError)) return t.errors.unknown;
  if (error.status === 0 && error.code !== 'ABORTED') return t.errors.network;
  const code = codeOf(error);
  const parts = [(t.errors.codes as Record<string, string>)[code] ?? t.errors.codes.REQUEST_REFUSED];
  if (error.status === 400) parts.push(...error.problems.map((problem) => problemText(problem, t, true)));
  if (error.status === 409 && error.state) parts.push(t.errors.nowIn(stateName(error.state, t)));
  if ((error.status === 429 || error.status === 503) && error.retryAfterSeconds !== undefined) {
    parts.push(t.errors.retryIn(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  }
  return parts.join(' ');
}
