import { ACCOUNTABILITY_FORMS, type AccountabilityOutcome, type ApprovalKind, type FindingCommand, type Policy } from '@reform/contracts';
import { policyEnd } from '../policy-time';
import { missDeadline, moveDeadline, resumeLadder } from './deadline';
import type { EffectsRecorder } from './finding-effects';
import type { FindingState } from './finding-state';
import { ladderHeld, type FindingRules } from './finding-rules';
import { Rejection } from './rejection';

export interface StepContext {
  state: FindingState;
  fx: EffectsRecorder;
  policy: Policy;
  rules: FindingRules;
  nowMs: number;
}

type Step<T extends FindingCommand['type']> = {
  check(state: FindingState, command: Extract<FindingCommand, { type: T }>, nowMs: number): void;
  apply(context: StepContext, command: Extract<FindingCommand, { type: T }>): void;
};

const iso = (ms: number) => new Date(ms).toISOString();

function requireStatus(state: FindingState, step: string, ...allowed: FindingState['status'][]): void {
  if (!allowed.includes(state.status)) throw Rejection.notNow(step, state.status);
}

function pendingOf(state: FindingState, kind: ApprovalKind) {
  return state.pending.find((pending) => pending.kind === kind);
}

function resolvePending(state: FindingState, kind: ApprovalKind): void {
  state.pending = state.pending.filter((pending) => pending.kind !== kind);
}

function requireFuture(field: string, value: string | undefined, nowMs: number): void {
  if (value !== undefined && !(Date.parse(value) > nowMs)) throw Rejection.invalid(field, 'must be in the future', 'notInFuture');
}

function waitFor(context: StepContext, kind: ApprovalKind, requestedBy: string): void {
  context.state.pending.push({ kind, since: iso(context.nowMs), requestedBy, slaReported: false });
}

/** 问责方式 must be one Art. 8 allows for the target; a leader is named; the decision is not dated ahead. */
function checkOutcome(outcome: AccountabilityOutcome, nowMs: number): void {
  const forms: readonly string[] = ACCOUNTABILITY_FORMS[outcome.target] ?? [];
  if (forms.length === 0) throw Rejection.invalid('target', 'must be one of organisation, leader', 'oneOf');
  if (!forms.includes(outcome.form))
    throw Rejection.invalid('form', `must be one of ${forms.join(', ')} when target is ${outcome.target}`, 'oneOf');
  if (outcome.target === 'leader' && !outcome.personName?.trim())
    throw Rejection.invalid('personName', 'is required when target is leader', 'required');
  if (!(Date.parse(outcome.decidedAt) <= nowMs)) throw Rejection.invalid('decidedAt', 'must not be in the future', 'inFuture');
}

/** Exactly the outcome's fields, in one order: the command also carries its type and actor. */
function outcomeOf(command: AccountabilityOutcome): AccountabilityOutcome {
  return {
    target: command.target,
    personName: command.target === 'leader' ? command.personName : null,
    form: command.form,
    decidedBy: command.decidedBy,
    decisionDocNo: command.decisionDocNo,
    decidedAt: command.decidedAt,
    fourForm: command.fourForm,
  };
}

/** Rules for every step: `check` refuses before anything is recorded, `apply` records it. */
export const STEPS: { [T in FindingCommand['type']]: Step<T> } = {
  submitPlan: {
    check: (state) => {
      requireStatus(state, 'submitting a plan', 'ASSIGNED');
      if (state.replyAwaited) throw Rejection.replyAwaited(state.seed.recommendationId ?? '');
    },
    apply: ({ state, fx, ...context }, command) => {
      state.status = 'PLAN_SUBMITTED';
      state.planSubmittedBy = command.actor.id;
      state.planDueAt = null;
      waitFor({ state, fx, ...context }, 'plan', command.actor.id);
      fx.event('PLAN_SUBMITTED', { content: command.content }, command.actor.id);
    },
  },
  decidePlan: {
    check: (state, command) => {
      requireStatus(state, 'deciding a plan', 'PLAN_SUBMITTED');
      if (state.planSubmittedBy === command.actor.id) throw Rejection.recusal('a plan');
    },
    apply: ({ state, fx, policy, nowMs }, command) => {
      resolvePending(state, 'plan');
      if (command.decision === 'approve') {
        state.status = 'RECTIFYING';
        fx.event('PLAN_APPROVED', { comment: command.comment }, command.actor.id);
      } else {
        state.status = 'ASSIGNED';
        state.planDueAt = iso(policyEnd(policy, 'planDueMs', nowMs));
        fx.event('PLAN_RETURNED', { comment: command.comment }, command.actor.id);
      }
    },
  },
  submitReport: {
    check: (state) => requireStatus(state, 'submitting a report', 'RECTIFYING'),
    apply: (context, command) => {
      const { state, fx } = context;
      state.status = 'REPORT_SUBMITTED';
      state.reportSubmittedBy = command.actor.id;
      state.nextEscalationAt = null;
      waitFor(context, 'verification', command.actor.id);
      fx.event('REPORT_SUBMITTED', { content: command.content, evidence: command.evidence }, command.actor.id);
    },
  },
  verify: {
    check: (state, command, nowMs) => {
      requireStatus(state, 'verification', 'REPORT_SUBMITTED');
      if (state.reportSubmittedBy === command.actor.id) throw Rejection.recusal('a report');
      if (state.caseOpenedBy === command.actor.id) {
        throw Rejection.recusal('verification of a finding of a case you opened');
      }
      if (command.decision === 'fail') requireFuture('newDueAt', command.newDueAt, nowMs);
    },
    apply: ({ state, fx, policy, rules, nowMs }, command) => {
      resolvePending(state, 'verification');
      if (command.decision === 'pass') {
        fx.event('VERIFICATION_PASSED', { comment: command.comment }, command.actor.id);
        resolvePending(state, 'extension');
        state.requestedDueAt = null;
        state.status = 'CLOSED';
        state.overdue = false;
        state.nextEscalationAt = null;
        state.closedAt = iso(nowMs);
        state.followUpAt = iso(policyEnd(policy, 'followUpAfterMs', nowMs));
        fx.event('CLOSED', {}, command.actor.id);
        return;
      }
      state.status = 'RECTIFYING';
      fx.event('VERIFICATION_FAILED', { comment: command.comment, newDueAt: command.newDueAt ?? null }, command.actor.id);
      if (command.newDueAt) moveDeadline(state, command.newDueAt);
      else if (Date.parse(state.dueAt) <= nowMs) missDeadline(state, fx, nowMs, policy, () => ladderHeld(state, rules));
    },
  },
  requestExtension: {
    check: (state, command, nowMs) => {
      if (state.status === 'CLOSED') throw Rejection.notNow('requesting an extension', state.status);
      if (pendingOf(state, 'extension')) {
        throw Rejection.notNow('requesting an extension', state.status, 'an extension request is already pending');
      }
      requireFuture('requestedDueAt', command.requestedDueAt, nowMs);
      if (!(Date.parse(command.requestedDueAt) > Date.parse(state.dueAt))) {
        throw Rejection.invalid('requestedDueAt', `must be later than the current deadline ${state.dueAt}`, 'order');
      }
    },
    apply: (context, command) => {
      context.state.requestedDueAt = command.requestedDueAt;
      waitFor(context, 'extension', command.actor.id);
      context.fx.event('EXTENSION_REQUESTED', { requestedDueAt: command.requestedDueAt, reason: command.reason }, command.actor.id);
    },
  },
  decideExtension: {
    check: (state, command) => {
      const pending = pendingOf(state, 'extension');
      if (!pending) throw Rejection.notNow('deciding an extension', state.status, 'no extension request is pending');
      if (pending.requestedBy === command.actor.id) throw Rejection.recusal('an extension request');
    },
    apply: ({ state, fx, policy, rules, nowMs }, command) => {
      resolvePending(state, 'extension');
      const requestedDueAt = state.requestedDueAt as string;
      state.requestedDueAt = null;
      if (command.decision === 'approve') {
        moveDeadline(state, requestedDueAt);
        fx.event('EXTENSION_APPROVED', { comment: command.comment, dueAt: requestedDueAt }, command.actor.id);
      } else {
        fx.event('EXTENSION_DENIED', { comment: command.comment, requestedDueAt }, command.actor.id);
        resumeLadder(state, nowMs, policy, () => rules.ladderWaitsForExtension());
      }
    },
  },
  decideAccountability: {
    check: (state) => {
      if (state.accountability !== 'proposed') {
        throw Rejection.notNow('deciding accountability', state.status, `accountability is ${state.accountability}, not proposed`);
      }
    },
    apply: ({ state, fx }, command) => {
      resolvePending(state, 'accountability');
      const refer = command.decision === 'refer';
      state.accountability = refer ? 'referred' : 'rejected';
      fx.event(refer ? 'ACCOUNTABILITY_REFERRED' : 'ACCOUNTABILITY_REJECTED', { comment: command.comment }, command.actor.id);
    },
  },
  recordAccountabilityOutcome: {
    check: (state, command, nowMs) => {
      if (state.accountability !== 'referred') {
        throw Rejection.notNow(
          'recording an accountability outcome',
          state.status,
          `accountability is ${state.accountability}, not referred`,
        );
      }
      checkOutcome(command, nowMs);
    },
    apply: ({ state, fx }, command) => {
      const outcome = outcomeOf(command);
      state.accountability = 'decided';
      state.accountabilityOutcome = outcome;
      fx.event('ACCOUNTABILITY_DECIDED', { ...outcome }, command.actor.id);
    },
  },
  reviewFollowUp: {
    check: (state, command, nowMs) => {
      if (!pendingOf(state, 'followUp')) {
        throw Rejection.notNow('a follow-up review', state.status, 'no follow-up review is due');
      }
      if (command.result === 'relapsed') {
        if (!command.newDueAt) throw Rejection.invalid('newDueAt', 'is required when the result is relapsed', 'required');
        requireFuture('newDueAt', command.newDueAt, nowMs);
      }
    },
    apply: ({ state, fx }, command) => {
      resolvePending(state, 'followUp');
      if (command.result === 'held') {
        fx.event('FOLLOW_UP_HELD', { comment: command.comment }, command.actor.id);
        state.followUpHeld = true;
        return;
      }
      fx.event('FOLLOW_UP_RELAPSED', { comment: command.comment, newDueAt: command.newDueAt }, command.actor.id);
      state.status = 'RECTIFYING';
      state.closedAt = null;
      moveDeadline(state, command.newDueAt as string);
    },
  },
};
