import { z } from 'zod/v4';

/** The component names of the contract's response shapes, in the order they were declared. */
const shapeIds = new Set<string>();

/**
 * Names `schema` as the contract's shape `id` (its OpenAPI component, `#/components/schemas/<id>`).
 * Zod keeps the name in its global registry, so any shape that nests this one refers to it by name.
 */
export function shape<T extends z.ZodType>(id: string, description: string, schema: T): T {
  if (shapeIds.has(id)) throw new Error(`response shape ${id} is declared twice`);
  shapeIds.add(id);
  return schema.meta({ id, description }) as T;
}

/** The component name of a declared shape; throws for one never declared, so a route cannot point nowhere. */
export function shapeId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (id === undefined || !shapeIds.has(id)) {
    throw new Error('this schema is not a declared response shape: wrap it in shape(id, description, schema)');
  }
  return id;
}

export type JsonSchema = Record<string, unknown>;

/**
 * Every declared shape as a JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), nested shapes
 * as `$ref`s to their components. Shapes describe what the API writes; a client must accept more
 * fields than listed (the contract may add some), so objects are not closed.
 */
export function shapeComponents(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'input', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    [...shapeIds].map((id) => {
      const { $schema: _dialect, $id: _uri, id: _id, ...schema } = schemas[id] as JsonSchema;
      return [id, schema];
    }),
  );
}

/** An ISO-8601 instant as the API writes it (`toISOString()`). */
export const Instant = z.string().meta({ format: 'date-time' });
/** When a case or finding was recorded, last changed, and closed (null while open). */
export const Lifetime = { createdAt: Instant, updatedAt: Instant, closedAt: Instant.nullable() };
/** An id the server made (a uuid; the pattern is not promised beyond that). */
export const Uuid = z.string().meta({ format: 'uuid' });
/** A count: a whole number, never negative. */
export const Count = z.int().nonnegative();
/** Both ways assignable: a compile-time check that a schema and a type declared elsewhere agree. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile unless given `true`: `type X = Holds<Same<A, B>>`. */
export type Holds<T extends true> = T;
