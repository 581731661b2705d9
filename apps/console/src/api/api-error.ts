import type { FieldProblem } from '@reform/contracts';

/** What the API adds to some refusals: each refused field's rule (400), and how long to wait (429, 503). */
export interface ApiErrorDetails {
  problems?: FieldProblem[];
  retryAfterSeconds?: number;
}

/** What went wrong with a request: the contract's `code` and details, which screens word; `message` is the API's own (English) sentence, for logs. Status 0 when it never arrived. */
export class ApiError extends Error {
  readonly problems: FieldProblem[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    message: string,
    /** On 409: where the entity stands now. */
    readonly state?: string,
    /** On 400: the first offending field, as a path (`findings[0].unitId`). */
    readonly field?: string,
    /** The contract's error code (`PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE` …), or the console's own (`ABORTED`): what a screen translates. */
    readonly code?: string,
    details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.problems = details.problems ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** `Retry-After` in seconds (the API sends seconds, never a date). */
export function retryAfterOf(header: string | null): number | undefined {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

const isProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FieldProblem).field === 'string' &&
  typeof (value as FieldProblem).rule === 'string';

/** The contract's error body `{statusCode, error, message, code, field?, status?, problems?}`, or the status line when it is not one. */
export function errorFromBody(status: number, statusText: string, text: string, retryAfterSeconds?: number): ApiError {
  try {
    const body = JSON.parse(text) as { message?: unknown; status?: unknown; field?: unknown; code?: unknown; problems?: unknown };
    if (typeof body.message === 'string') {
      const string = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const problems = Array.isArray(body.problems) ? body.problems.filter(isProblem) : [];
      return new ApiError(status, body.message, string(body.status), string(body.field), string(body.code), {
        problems,
        retryAfterSeconds,
      });
    }
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  return new ApiError(status, statusText || `HTTP ${status}`, undefined, undefined, undefined, { retryAfterSeconds });
}
