import type { Actor, FindingCommand, FindingRecord, FindingView, Policy } from '@reform/contracts';
import { EffectsRecorder, type Effects } from './finding-effects';
import { fireDueTimers, nextWakeAt } from './finding-timers';
import { findingRecord, findingView, type FindingState } from './finding-state';
import { STEPS, type StepContext } from './finding-steps';
import { CURRENT_RULES, type FindingRules } from './finding-rules';

/**
 * The rules of one finding's life (问题整改), free of Temporal: the workflow asks it whether a
 * step may happen, applies steps and timers through it, and sleeps until `nextWakeAt()`.
 */
export class FindingLifecycle {
  constructor(
    readonly state: FindingState,
    private readonly policy: Policy,
    /** A workflow passes its `patched()` answers; elsewhere every rule is in force. */
    private readonly rules: FindingRules = CURRENT_RULES,
  ) {}

  /** Throws a Rejection when the step may not happen now; changes nothing. */
  check(command: FindingCommand, nowMs: number): void {
    const step = STEPS[command.type] as { check(state: FindingState, command: FindingCommand, nowMs: number): void };
    step.check(this.state, command, nowMs);
  }

  /**
   * Checks and records a step; returns what it produced. Timers already due at `nowMs` fire first
   * (a timer and a step can race, or the worker was down), so a late step never hides a miss.
   * No timer can make an allowed step disallowed, so checking before they fire is safe.
   */
  apply(command: FindingCommand, nowMs: number): Effects {
    this.check(command, nowMs);
    const fx = this.timersFiredAt(nowMs);
    const step = STEPS[command.type] as { apply(context: StepContext, command: FindingCommand): void };
    step.apply({ state: this.state, fx, policy: this.policy, rules: this.rules, nowMs }, command);
    return fx.effects;
  }

  /**
   * The plan its recommendation's written reply gives it: taken as the unit's submitted plan
   * when the finding still waits for it, else nothing (a replayed signal). Never refused: the
   * recommendation checked the reply, and until it the finding cannot leave ASSIGNED.
   */
  takeReplyPlan(content: string, actor: Actor, nowMs: number): Effects {
    const fx = this.timersFiredAt(nowMs);
    const waiting = this.state.replyAwaited === true && this.state.status === 'ASSIGNED';
    this.state.replyAwaited = false;
    if (waiting)
      STEPS.submitPlan.apply(
        { state: this.state, fx, policy: this.policy, rules: this.rules, nowMs },
        { type: 'submitPlan', content, actor },
      );
    return fx.effects;
  }

  /** Level 2 joined (or opened) its unit's interview: INTERVIEW_PROPOSED on its timeline, once. */
  joinedInterview(interviewId: string, nowMs: number): Effects {
    const fx = this.timersFiredAt(nowMs);
    this.joined(fx, interviewId);
    return fx.effects;
  }

  /**
   * Its interview was held: INTERVIEW_HELD on its timeline, once (the desk may tell it twice).
   * The desk tells only the findings it joined, so one that has not yet heard its join answered
   * takes the interview as joined first: INTERVIEW_PROPOSED, then INTERVIEW_HELD.
   */
  interviewHeld(interviewId: string, heldAt: string, actor: string, nowMs: number): Effects {
    const fx = this.timersFiredAt(nowMs);
    if (this.state.interviewId === undefined && this.rules.heldBeforeJoinAnsweredCounts()) this.joined(fx, interviewId);
    if (this.state.interviewId === interviewId && !this.state.interviewHeld) {
      this.state.interviewHeld = true;
      fx.event('INTERVIEW_HELD', { interviewId, heldAt }, actor);
    }
    return fx.effects;
  }

  private joined(fx: EffectsRecorder, interviewId: string): void {
    if (this.state.interviewId === interviewId) return;
    this.state.interviewId = interviewId;
    fx.event('INTERVIEW_PROPOSED', { interviewId, level: this.state.escalationLevel });
  }

  /** Fires whatever timers are due at `nowMs`. */
  fireDueTimers(nowMs: number): Effects {
    const fx = this.timersFiredAt(nowMs);
    return fx.effects;
  }

  /** A recorder for what happens at `nowMs`, the timers due by then already fired into it. */
  private timersFiredAt(nowMs: number): EffectsRecorder {
    const fx = new EffectsRecorder(this.state, new Date(nowMs).toISOString());
    fireDueTimers(this.state, fx, this.policy, this.rules, nowMs);
    return fx;
  }

  nextWakeAt(): number | null {
    return nextWakeAt(this.state, this.policy, this.rules);
  }

  /**
   * Closed, its follow-up held, and nothing left for a supervisor to decide — and, when
   * `awaitOutcome`, no referred accountability whose outcome (问责结果) is still to come: the
   * workflow says whether it waits for one (runs started before outcomes were kept did not).
   */
  finished(awaitOutcome: boolean): boolean {
    const settled = this.state.followUpHeld && this.state.pending.length === 0;
    return settled && !(awaitOutcome && this.awaitsOutcome) && !this.awaitsInterview;
  }

  /**
   * It joined an interview that has not been held: its timeline is still to get INTERVIEW_HELD.
   * Only findings since interviews have one, so no recorded history ended otherwise.
   */
  get awaitsInterview(): boolean {
    return this.state.interviewId !== undefined && !this.state.interviewHeld;
  }

  /** A referral went to the body with authority, whose decision has not come back yet. */
  get awaitsOutcome(): boolean {
    return this.state.accountability === 'referred';
  }

  view(): FindingView {
    return findingView(this.state);
  }

  record(): FindingRecord {
    return findingRecord(this.state);
  }
}
