import type {
  DocumentRequest,
  EventRecord,
  FindingRecord,
  FindingSeed,
  FindingStatusSignal,
  IssuedDocument,
  Policy,
  RecommendationCommand,
  RecommendationRecord,
  RecommendationView,
} from '@reform/contracts';
import { policyEnd } from '../policy-time';
import type { Effects } from '../finding/finding-effects';
import { assignedEvent, assignedState, findingRecord } from '../finding/finding-state';
import { RecommendationEffectsRecorder } from './recommendation-effects';
import { recommendationRecord, recommendationView, type RecommendationState } from './recommendation-state';
import { RECOMMENDATION_STEPS, type RecommendationStepContext } from './recommendation-steps';
import { fireRecommendationTimers, nextRecommendationWakeAt } from './recommendation-timers';

/** What issuing produced: the recommendation's effects, and its findings as they start. */
export interface Issue extends Effects {
  /** The findings' seeds as their workflows start: assigned at issue, plan due with the reply. */
  findings: FindingSeed[];
  /** Their first rows (ASSIGNED, version 1); their ASSIGNED events are among `events`. */
  findingRecords: FindingRecord[];
}

/**
 * The rules of one 纪检监察建议书, free of Temporal: the workflow asks it whether a step may
 * happen, applies steps, timers and its findings' news through it, and sleeps until `nextWakeAt()`.
 */
export class RecommendationLifecycle {
  constructor(
    readonly state: RecommendationState,
    private readonly policy: Policy,
  ) {}

  /** Throws a Rejection when the step may not happen now; changes nothing. */
  check(command: RecommendationCommand, nowMs: number): void {
    const step = RECOMMENDATION_STEPS[command.type] as {
      check(state: RecommendationState, command: RecommendationCommand, nowMs: number): void;
    };
    step.check(this.state, command, nowMs);
  }

  /** Checks and records a step, after whatever timers were already due. An approval only starts the issue. */
  apply(command: RecommendationCommand, nowMs: number): Effects {
    this.check(command, nowMs);
    const fx = this.recorder(nowMs);
    fireRecommendationTimers(this.state, fx, this.policy, nowMs);
    const step = RECOMMENDATION_STEPS[command.type] as { apply(context: RecommendationStepContext, command: RecommendationCommand): void };
    step.apply({ state: this.state, fx, policy: this.policy, nowMs }, command);
    return fx.effects;
  }

  /** The 建议书 an approval issues, numbered once by its source key however often it is asked. */
  documentRequest(): DocumentRequest | null {
    const { state } = this;
    if (!state.issuing) return null;
    const { seed } = state;
    return {
      kind: 'recommendation',
      sourceKey: `${seed.id}:issue`,
      caseId: seed.caseId,
      recipientUnitId: seed.unitId,
      issuerOrgUnitId: seed.trackingOfficeId,
      findings: seed.findings.map(({ id, title, dueAt }) => ({ id, title, dueAt })),
      issuedAt: state.issuing.at,
      causeAnalysis: state.causeAnalysis,
      measures: state.measures,
      replyDueAt: state.replyDueAt,
    };
  }

  /** The approved recommendation's document is frozen: it is ISSUED, its unit told, its findings assigned. */
  issued(document: IssuedDocument): Issue {
    const { state } = this;
    const issuing = state.issuing;
    if (!issuing) throw new Error('issued() without an approval being issued');
    const issuedAtMs = Date.parse(issuing.at);
    const fx = new RecommendationEffectsRecorder(state, issuing.at);
    state.issuing = null;
    state.status = 'ISSUED';
    state.submittedAt = null;
    state.docNo = document.docNo;
    state.documentId = document.documentId;
    state.issuedAt = issuing.at;
    state.receiptDueAt = new Date(policyEnd(this.policy, 'receiptDueMs', issuedAtMs)).toISOString();
    const event = fx.event(
      'RECOMMENDATION_ISSUED',
      { docNo: document.docNo, documentId: document.documentId, comment: issuing.comment },
      issuing.by,
    );
    fx.notify('RECOMMENDATION_ISSUED', event, '纪检监察建议书 recommendation issued', [{ kind: 'unit', unitId: state.seed.unitId }]);
    for (const finding of state.seed.findings) state.findingStatuses[finding.id] = 'ASSIGNED';
    const findings = state.seed.findings.map(
      (finding): FindingSeed => ({ ...finding, recommendationId: state.seed.id, assignedAt: issuing.at, planDueAt: state.replyDueAt }),
    );
    const findingEvents: EventRecord[] = findings.map((seed) => assignedEvent(seed, issuing.by));
    return {
      events: [...fx.effects.events, ...findingEvents],
      notifications: fx.effects.notifications,
      findings,
      findingRecords: findings.map((seed) => findingRecord(assignedState(seed, this.state.caseOpenedBy, this.policy))),
    };
  }

  /** Fires whatever timers are due at `nowMs`. */
  fireDueTimers(nowMs: number): Effects {
    const fx = this.recorder(nowMs);
    fireRecommendationTimers(this.state, fx, this.policy, nowMs);
    return fx.effects;
  }

  /** A finding's news: closes the recommendation with its last finding, reopens it when one reopens. */
  findingStatus(signal: FindingStatusSignal, nowMs: number): Effects {
    const { state } = this;
    const fx = this.recorder(nowMs);
    state.findingStatuses[signal.findingId] = signal.status;
    if (signal.replyTaken && !state.replyTaken.includes(signal.findingId)) state.replyTaken.push(signal.findingId);
    if (signal.finished && !state.finishedFindingIds.includes(signal.findingId)) state.finishedFindingIds.push(signal.findingId);
    const allClosed = Object.values(state.findingStatuses).every((status) => status === 'CLOSED');
    if (allClosed && state.status === 'REPLIED') {
      state.status = 'CLOSED';
      state.closedAt = fx.now;
      fx.event('RECOMMENDATION_CLOSED', {});
    } else if (!allClosed && state.status === 'CLOSED') {
      state.status = 'REPLIED';
      state.closedAt = null;
      fx.touch();
    }
    return fx.effects;
  }

  /** Every finding has taken the plan the reply gave it (and projected it). */
  get replyTakenByAll(): boolean {
    return this.state.seed.findings.every((finding) => this.state.replyTaken.includes(finding.id));
  }

  nextWakeAt(): number | null {
    return nextRecommendationWakeAt(this.state, this.policy);
  }

  /** Closed, and each of its findings' workflows has ended. A draft never issued stays open, as its case does. */
  get finished(): boolean {
    return (
      this.state.status === 'CLOSED' && this.state.seed.findings.every((finding) => this.state.finishedFindingIds.includes(finding.id))
    );
  }

  view(): RecommendationView {
    return recommendationView(this.state);
  }

  record(): RecommendationRecord {
    return recommendationRecord(this.state);
  }

  private recorder(nowMs: number): RecommendationEffectsRecorder {
    return new RecommendationEffectsRecorder(this.state, new Date(nowMs).toISOString());
  }
}
