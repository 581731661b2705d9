/**
 * `@reform/contracts/http`: the HTTP contract's response shapes as zod schemas, for the API's
 * OpenAPI document. Their TypeScript types are exported (type-only) from `@reform/contracts`, so
 * the workflow bundle and the console never load zod.
 */
export { shapeComponents, shapeId, type JsonSchema } from './registry';
export * from './finding.shapes';
export * from './case.shapes';
export * from './case-import.shapes';
export * from './page.shapes';
export * from './ledger.shapes';
export * from './report.shapes';
export * from './audit.shapes';
export * from './ops.shapes';
export * from './service.shapes';
export * from './error.shapes';
export * from './organisation.shapes';
export * from './file.shapes';
export * from './recommendation.shapes';
export * from './interview.shapes';
export * from './notification.shapes';
