import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodySchema, shapeId } from '@reform/contracts/http';
import type { z } from 'zod/v4';

type MediaSchema = Record<string, unknown>;

/** A `$ref` to a contract shape's component; `shapeId` throws for a schema that was never declared. */
export const refTo = (schema: z.ZodType): MediaSchema => ({ $ref: `#/components/schemas/${shapeId(schema)}` });

/** What each error status means on this API; every error body is the contract's ErrorBody. */
export const ERROR_ANSWERS = {
  400: 'invalid input: a field is missing, malformed or out of bounds (`field` names it), or the body is not JSON',
  401: 'no valid bearer token',
  403: "the caller's roles do not allow this route, or it would decide its own request (回避)",
  404: "unknown id, or one outside the caller's scope (answered alike)",
  406: 'none of the media types the route serves is acceptable',
  408: 'the upload stalled and was cut off; nothing of it was stored',
  409: 'not allowed in the current state (`status` says where the entity stands), or a key reused with another body',
  413: 'the body or file is over its size limit',
  415: 'the file is not of an accepted type (told by its content, not its name)',
  416: 'the Range lies outside the file',
  429: 'too many requests or updates in flight; retry after `Retry-After` seconds',
  503: 'a backing service cannot be reached now; retry after `Retry-After` seconds',
} as const;
export type ErrorStatus = keyof typeof ERROR_ANSWERS;

/** An error answer of the document: what the status means, and the ErrorBody it carries. */
export const errorAnswer = (status: ErrorStatus) => ({
  description: ERROR_ANSWERS[status],
  content: { 'application/json': { schema: refTo(ErrorBodySchema) } },
});

/**
 * The route's success answer: its status and the contract's shape of the JSON body, plus any other
 * media types it can serve (`also`, e.g. the ledger's CSV and XLSX).
 */
export function Responds(status: number, schema: z.ZodType, description: string, also: Record<string, MediaSchema> = {}) {
  const content = {
    'application/json': { schema: refTo(schema) },
    ...Object.fromEntries(Object.entries(also).map(([type, media]) => [type, { schema: media }])),
  };
  return ApiResponse({ status, description, content });
}

/**
 * The error statuses this route answers beyond those of every signed-in route (401, 403 and 429,
 * which open-api.ts adds from the guards). Each answers an ErrorBody.
 */
export const Refuses = (...statuses: ErrorStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, ...errorAnswer(status) })));

/** The route's success answer when it has nothing to say: 204, no body. */
export const RespondsEmpty = (description: string) => ApiResponse({ status: 204, description });
