import { SYSTEM_ACTOR, type EventRecord, type NotificationKind, type RecommendationEventType, type Recipient } from '@reform/contracts';
import type { Effects } from '../finding/finding-effects';
import type { RecommendationState } from './recommendation-state';

/** Collects the effects of one step or timer of a recommendation, numbering events from its sequence. */
export class RecommendationEffectsRecorder {
  readonly effects: Effects = { events: [], notifications: [] };

  constructor(
    private readonly state: RecommendationState,
    readonly now: string,
  ) {}

  /** Something changed without an event of its own (a finding reopened it): the row still moves on. */
  touch(): void {
    this.state.version += 1;
    this.state.updatedAt = this.now;
  }

  event(type: RecommendationEventType, data: Record<string, unknown> = {}, actor = SYSTEM_ACTOR): EventRecord {
    const { seed } = this.state;
    this.state.seq += 1;
    this.touch();
    const event: EventRecord = {
      entityId: seed.id,
      entityType: 'recommendation',
      caseId: seed.caseId,
      seq: this.state.seq,
      type,
      at: this.now,
      actor,
      data,
    };
    this.effects.events.push(event);
    return event;
  }

  /** One notification per recipient; the key names the event and the recipient, so that a retry records it once. */
  notify(kind: NotificationKind, cause: EventRecord, subject: string, recipients: Recipient[]): void {
    const { seed } = this.state;
    for (const recipient of recipients) {
      const to = recipient.kind === 'unit' ? recipient.unitId : recipient.kind === 'office' ? recipient.orgUnitId : 'supervisors';
      this.effects.notifications.push({
        key: `${seed.id}:${cause.seq}:${kind}:${to}`,
        kind,
        findingId: null,
        recommendationId: seed.id,
        caseId: seed.caseId,
        recipient,
        subject: `${subject}: ${this.state.title}`,
        at: this.now,
        data: { ...cause.data, docNo: this.state.docNo, replyDueAt: this.state.replyDueAt, receiptDueAt: this.state.receiptDueAt },
      });
    }
  }

  /** The unit must act: its head and liaison are reached through the unit, and its tracking office is told. */
  unitAndOffice(): Recipient[] {
    const { seed } = this.state;
    return [
      { kind: 'unit', unitId: seed.unitId },
      { kind: 'office', orgUnitId: seed.trackingOfficeId },
    ];
  }
}
