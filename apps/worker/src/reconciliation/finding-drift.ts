import type { FindingRecord } from '@reform/contracts';
import { FindingViewSchema } from '@reform/contracts/http';

const TIMES = new Set<keyof FindingRecord>(['dueAt', 'pendingSince', 'createdAt', 'updatedAt', 'closedAt']);
/** Every field but the id: the Finding's, as its contract shape lists them, then the record's own. */
const FIELDS: (keyof FindingRecord)[] = [
  ...(Object.keys(FindingViewSchema.shape) as (keyof FindingRecord)[]).filter((field) => field !== 'id'),
  ...(['pendingSince', 'openedBy', 'version'] as const),
];

const sameInstant = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b);

/** 问责结果 is an object: the same when every field is, its decision date as an instant. */
// A record from before outcomes were kept has none: the same as null.
const sameOutcome = (a: FindingRecord['accountabilityOutcome'] | undefined, b: FindingRecord['accountabilityOutcome'] | undefined) =>
  !a || !b
    ? (a ?? null) === (b ?? null)
    : (Object.keys(a) as (keyof typeof a)[]).every((key) => (key === 'decidedAt' ? sameInstant(a[key], b[key]) : a[key] === b[key]));

const same = (field: keyof FindingRecord, a: unknown, b: unknown) => {
  if (field === 'accountabilityOutcome')
    return sameOutcome(a as FindingRecord['accountabilityOutcome'], b as FindingRecord['accountabilityOutcome']);
  return TIMES.has(field) && typeof a === 'string' && typeof b === 'string' ? sameInstant(a, b) : a === b;
};

/** The fields in which a finding's row disagrees with its workflow's record. */
export function differingFields(row: FindingRecord, workflow: FindingRecord): (keyof FindingRecord)[] {
  return FIELDS.filter((field) => !same(field, row[field], workflow[field]));
}

/** How a finding's row and timeline stand against its workflow. */
export interface FindingComparison {
  fields: (keyof FindingRecord)[];
  /** Events the workflow has produced that the timeline lacks (its events are numbered 1..version). */
  missingEvents: number;
  /** The row carries a later version than the workflow: never a projection lag, so never overwritten. */
  rowAhead: boolean;
}

export function compareFinding(row: FindingRecord, eventCount: number, workflow: FindingRecord): FindingComparison {
  return {
    fields: differingFields(row, workflow),
    missingEvents: Math.max(0, workflow.version - eventCount),
    rowAhead: row.version > workflow.version,
  };
}

export const agrees = (comparison: FindingComparison): boolean => comparison.fields.length === 0 && comparison.missingEvents === 0;
