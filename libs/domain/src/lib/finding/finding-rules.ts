import type { FindingState } from './finding-state';

/**
 * Rules that changed while findings were running. A workflow answers each through `patched()`,
 * so it is asked only where the answer changes the outcome: histories recorded before the change
 * carry no marker and replay as they ran. Outside a workflow every rule is simply in force.
 */
export interface FindingRules {
  /** An overdue finding's ladder waits while an extension request awaits a decision (domain.md). */
  ladderWaitsForExtension(): boolean;
  /**
   * Its interview's being held counts when it comes before the finding heard its own join
   * answered (a crash delayed the answer): before, that finding never got INTERVIEW_HELD.
   */
  heldBeforeJoinAnsweredCounts(): boolean;
}

export const CURRENT_RULES: FindingRules = { ladderWaitsForExtension: () => true, heldBeforeJoinAnsweredCounts: () => true };

/** Whether the ladder is held now: an extension request waits, and the rule applies. */
export function ladderHeld(state: FindingState, rules: FindingRules): boolean {
  return state.pending.some((pending) => pending.kind === 'extension') && rules.ladderWaitsForExtension();
}
