import type { Policy, RecommendationCommand, RecommendationStatus } from '@reform/contracts';
import { Rejection } from '../finding/rejection';
import type { RecommendationEffectsRecorder } from './recommendation-effects';
import type { RecommendationState } from './recommendation-state';

export interface RecommendationStepContext {
  state: RecommendationState;
  fx: RecommendationEffectsRecorder;
  policy: Policy;
  nowMs: number;
}

type Step<T extends RecommendationCommand['type']> = {
  check(state: RecommendationState, command: Extract<RecommendationCommand, { type: T }>, nowMs: number): void;
  apply(context: RecommendationStepContext, command: Extract<RecommendationCommand, { type: T }>): void;
};

const iso = (ms: number) => new Date(ms).toISOString();

function requireStatus(state: RecommendationState, step: string, allowed: RecommendationStatus, why?: string): void {
  if (state.issuing) throw notNow(step, state, 'it is being issued');
  if (state.status !== allowed) throw notNow(step, state, why);
}

function notNow(step: string, state: RecommendationState, why?: string): Rejection {
  return Rejection.notNow(step, state.status, why, 'recommendation');
}

function requireAhead(field: string, value: string, nowMs: number, why = 'must be in the future'): void {
  if (!(Date.parse(value) > nowMs)) throw Rejection.invalid(field, why, 'notInFuture');
}

/** One plan for every finding of the recommendation, none for another, each with its measures. */
function checkPlans(state: RecommendationState, plans: Array<{ findingId: string; content: string }>): void {
  const ids = state.seed.findings.map((finding) => finding.id);
  const seen = new Set<string>();
  plans.forEach((plan, index) => {
    if (!ids.includes(plan.findingId))
      throw Rejection.invalid(`plans[${index}].findingId`, `is not a finding of this recommendation`, 'unknownReference');
    if (seen.has(plan.findingId)) throw Rejection.invalid(`plans[${index}].findingId`, `repeats finding ${plan.findingId}`, 'duplicate');
    if (plan.content.trim() === '') throw Rejection.invalid(`plans[${index}].content`, 'must not be empty', 'empty');
    seen.add(plan.findingId);
  });
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length > 0)
    throw Rejection.invalid('plans', `must give a plan for every finding, missing: ${missing.join(', ')}`, 'required');
}

/** Rules for every step of a recommendation: `check` refuses before anything is recorded, `apply` records it. */
export const RECOMMENDATION_STEPS: { [T in RecommendationCommand['type']]: Step<T> } = {
  edit: {
    check: (state, command, nowMs) => {
      requireStatus(state, 'editing', 'DRAFT');
      if (command.replyDueAt !== undefined) requireAhead('replyDueAt', command.replyDueAt, nowMs);
    },
    apply: ({ state, fx }, command) => {
      const changed: Record<string, string> = {};
      for (const field of ['title', 'causeAnalysis', 'measures', 'replyDueAt'] as const) {
        const value = command[field];
        if (value !== undefined && value !== state[field]) changed[field] = state[field] = value;
      }
      if (Object.keys(changed).length > 0) fx.event('RECOMMENDATION_EDITED', changed, command.actor.id);
    },
  },
  submit: {
    check: (state, _command, nowMs) => {
      requireStatus(state, 'submitting for sign-off', 'DRAFT');
      requireAhead('replyDueAt', state.replyDueAt, nowMs, 'has passed: edit the draft for a reply deadline ahead');
    },
    apply: ({ state, fx, nowMs }, command) => {
      state.status = 'PENDING_SIGNOFF';
      state.submittedBy = command.actor.id;
      state.submittedAt = iso(nowMs);
      state.approvalSlaReported = false;
      fx.event('RECOMMENDATION_SUBMITTED', {}, command.actor.id);
    },
  },
  signOff: {
    check: (state, command, nowMs) => {
      requireStatus(state, 'signing off', 'PENDING_SIGNOFF');
      if (command.actor.id === state.seed.draftedBy.id || command.actor.id === state.submittedBy) {
        throw Rejection.recusal('the sign-off of a recommendation');
      }
      if (command.decision === 'approve') {
        requireAhead('replyDueAt', state.replyDueAt, nowMs, 'has passed: return the draft for a reply deadline ahead');
      }
    },
    apply: ({ state, fx, nowMs }, command) => {
      if (command.decision === 'approve') {
        // Issued once its document is numbered and frozen (RecommendationLifecycle.issued).
        state.issuing = { by: command.actor.id, comment: command.comment, at: iso(nowMs) };
        return;
      }
      state.status = 'DRAFT';
      state.returnComment = command.comment;
      state.submittedAt = null;
      fx.event('RECOMMENDATION_RETURNED', { comment: command.comment }, command.actor.id);
    },
  },
  signReceipt: {
    check: (state) => requireStatus(state, 'signing for it', 'ISSUED', state.status === 'RECEIVED' ? 'it has been signed for' : undefined),
    apply: ({ state, fx, nowMs }, command) => {
      state.status = 'RECEIVED';
      state.receipt = { signedBy: command.signedBy, statement: command.statement, signedAt: iso(nowMs), actor: command.actor.id };
      state.overdue.receipt = false;
      fx.event('RECEIPT_SIGNED', { signedBy: command.signedBy, statement: command.statement }, command.actor.id);
    },
  },
  reply: {
    check: (state, command) => {
      requireStatus(state, 'replying', 'RECEIVED', state.status === 'ISSUED' ? 'it must be signed for (签收) first' : undefined);
      checkPlans(state, command.plans);
    },
    apply: ({ state, fx, nowMs }, command) => {
      state.status = 'REPLIED';
      state.reply = { content: command.content, signedBy: command.signedBy, submittedAt: iso(nowMs) };
      state.overdue.reply = false;
      fx.event('REPLY_SUBMITTED', { content: command.content, signedBy: command.signedBy, plans: command.plans }, command.actor.id);
    },
  },
};
