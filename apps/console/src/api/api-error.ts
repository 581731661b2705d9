/** What went wrong with a request, in the API's own words (`message`); status 0 when it never arrived. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** On 409: where the entity stands now. */
    readonly state?: string,
    /** On 400: the first offending field, as a path (`findings[0].unitId`). */
    readonly field?: string,
    /** The contract's error code (`PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE` …): what a screen translates. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The contract's error body `{statusCode, error, message, code, field?, status?}`, or the status line when it is not one. */
export function errorFromBody(status: number, statusText: string, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { message?: unknown; status?: unknown; field?: unknown; code?: unknown };
    if (typeof body.message === 'string') {
      const string = (value: unknown) => (typeof value === 'string' ? value : undefined);
      return new ApiError(status, body.message, string(body.status), string(body.field), string(body.code));
    }
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  return new ApiError(status, statusText || `HTTP ${status}`);
}
