/**
 * Failure types a workflow's update validators raise; the API maps each to one status code.
 * They travel as ApplicationFailure types, so they are plain names, not classes.
 */
export const FAILURE_TYPES = {
  stepNotAllowed: 'StepNotAllowed',
  separationOfDuties: 'SeparationOfDuties',
  invalidCommand: 'InvalidCommand',
  caseClosed: 'CaseClosed',
} as const;
export type FailureType = (typeof FAILURE_TYPES)[keyof typeof FAILURE_TYPES];

/** The details every rejected step carries: what is wrong, and where the finding stands. */
export interface FailureDetails {
  status?: string;
  field?: string;
}
