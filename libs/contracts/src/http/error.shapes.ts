import { z } from 'zod/v4';
import { ERROR_CODES, VALIDATION_RULES, type ErrorBody } from '../lib/errors';
import { shape, type Holds, type Same } from './registry';

/** The contract's error body as a schema; the compiler holds it to lib/errors.ts's ErrorBody, field for field. */
export const ErrorBodySchema = shape(
  'ErrorBody',
  'what went wrong: `code` for a machine, `message` for a person; `field` names the offending field (400), `status` where the entity stands (409)',
  z.object({
    statusCode: z.int().min(400).max(599),
    error: z.string(),
    message: z.string(),
    code: z.enum(ERROR_CODES),
    field: z.string().optional(),
    status: z.string().optional(),
    problems: z
      .array(
        z.object({
          field: z.string(),
          rule: z.enum(VALIDATION_RULES),
          limit: z.number().optional(),
          row: z.int().optional(),
        }),
      )
      .optional(),
  }),
);

/** Compiles only while the schema and lib/errors.ts's ErrorBody agree. */
export type ErrorBodySchemaAgrees = Holds<Same<z.infer<typeof ErrorBodySchema>, ErrorBody>>;
