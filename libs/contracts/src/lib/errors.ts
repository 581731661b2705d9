/**
 * Failure types a workflow's update validators raise; the API maps each to one status code.
 * They travel as ApplicationFailure types, so they are plain names, not classes.
 */
export const FAILURE_TYPES = {
  stepNotAllowed: 'StepNotAllowed',
  recusal: 'RecusalRequired',
  invalidCommand: 'InvalidCommand',
  caseClosed: 'CaseClosed',
  /** A finding's plan comes only through its recommendation's written reply (书面回复) until that is given. */
  replyAwaited: 'ReplyAwaited',
} as const;
export type FailureType = (typeof FAILURE_TYPES)[keyof typeof FAILURE_TYPES];

/** The details every rejected step carries: what is wrong, and where the finding stands. */
export interface FailureDetails {
  status?: string;
  field?: string;
  /** For InvalidCommand: the rule the field broke (see VALIDATION_RULES). */
  rule?: ValidationRule;
}

/**
 * What went wrong, as a machine reads it: the console translates each code (and `field`) into its
 * own words, so no server sentence has to reach a Chinese screen.
 */
export const ERROR_CODES = [
  /** 400: a field is missing, malformed or out of bounds; `field` names it. */
  'VALIDATION_FAILED',
  /** 400: the request body is not JSON. */
  'MALFORMED_BODY',
  /** 401: no valid bearer token. */
  'UNAUTHENTICATED',
  /** 403: the caller's roles do not allow this route. */
  'FORBIDDEN',
  /** 403: 回避 — the caller would decide their own request, or verify a case they opened. */
  'RECUSAL_REQUIRED',
  /** 404: unknown id, or one outside the caller's scope (worded the same). */
  'NOT_FOUND',
  /** 405: the path exists, the method does not. */
  'METHOD_NOT_ALLOWED',
  /** 406: none of the media types the `Accept` header (or `?format=`) asks for can be made. */
  'NOT_ACCEPTABLE',
  /** 408: an upload stalled (no bytes for a while) and was cut off; nothing of it was stored. */
  'REQUEST_TIMEOUT',
  /** 409: the step is not allowed in the entity's current `status`. */
  'STEP_NOT_ALLOWED',
  /** 409: the finding belongs to an issued recommendation whose written reply (书面回复) is awaited: its plan comes with the reply. */
  'REPLY_AWAITED',
  /** 409: the case is CLOSED; nothing can be added to it. */
  'CASE_CLOSED',
  /** 409: the entity's workflow has ended; it takes no more steps. */
  'WORKFLOW_ENDED',
  /** 409: a unit with open findings cannot be deactivated; the message says how many. */
  'UNIT_IN_USE',
  /** 409: the same Idempotency-Key (or import file) came with another body. */
  'IDEMPOTENCY_CONFLICT',
  /** 413: the body or file is over its size limit. */
  'PAYLOAD_TOO_LARGE',
  /** 415: the content type is not accepted. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** 416: a `Range` that lies outside the file. */
  'RANGE_NOT_SATISFIABLE',
  /** 429: the caller's rate limit, or the entity's updates in flight; retry after `Retry-After`. */
  'RATE_LIMITED',
  /** 503: a backing service (Temporal, PostgreSQL, the identity provider) cannot be reached now. */
  'SERVICE_UNAVAILABLE',
  /** Another 4xx that none of the codes above names (none is answered today); `message` says why. */
  'REQUEST_REFUSED',
  /** 500: a fault of the server's own; it has been logged. */
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The code of a bare HTTP status: what the API answers for Nest's or the throttler's own refusals, and what a client reads into a proxy's page. */
export const CODE_OF_HTTP_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Why a field was refused, as a machine reads it (400 `problems`): the console words each rule
 * itself, beside the field, so a validation failure needs no server sentence either.
 */
export const VALIDATION_RULES = [
  /** Missing (or null) where a value is required. */
  'required',
  /** Given but blank. */
  'empty',
  /** Longer than `limit` characters. */
  'tooLong',
  /** Fewer than `limit` items. */
  'tooFew',
  /** More than `limit` items (or rows). */
  'tooMany',
  /** Not the kind of value the field takes (a date that is not ISO-8601, a code with other characters, not a number). */
  'format',
  /** Not one of the values the field allows. */
  'oneOf',
  /** A number outside 1..`limit`. */
  'outOfRange',
  /** A moment that must lie ahead and does not. */
  'notInFuture',
  /** A moment that must have happened and lies ahead. */
  'inFuture',
  /** Later than another field it must precede, or not later than the value it must exceed. */
  'order',
  /** Given together with a field it excludes; give one of the two. */
  'exclusive',
  /** A field the body may not carry. */
  'unknownField',
  /** Repeats what another row of the same file (or another item of the same list) already gave. */
  'duplicate',
  /** Names something the registers do not hold (an org unit, a person, a file). */
  'unknownReference',
  /** Names an org unit that exists but cannot take this (inactive, or of another kind). */
  'notAssignable',
  /** A file that cannot be read as what it should be, or lacks a column it needs. */
  'unreadable',
  /** Anything else; `message` says what. */
  'invalid',
] as const;
export type ValidationRule = (typeof VALIDATION_RULES)[number];

/** One refused field: its path (`findings[0].dueAt`; for an import, the column's field), the rule, its bound, and the file row. */
export interface FieldProblem {
  field: string;
  rule: ValidationRule;
  /** The bound the rule speaks of: a maximum length, a count, the largest number allowed. */
  limit?: number;
  /** For a file import: the spreadsheet row (the header is row 1). */
  row?: number;
}

/**
 * The contract's error body. `code` says what went wrong for a machine; `field` (on 400) names the
 * first offending field as a path (`findings[0].dueAt`); `status` (on 409) where the entity stands.
 */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: ErrorCode;
  field?: string;
  status?: string;
  /** On 400: every refused field with its rule, in the order `message` lists them. */
  problems?: FieldProblem[];
}
