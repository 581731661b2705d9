import {
  SYSTEM_ACTOR,
  type EventRecord,
  type FindingEventType,
  type Notification,
  type NotificationKind,
  type Recipient,
} from '@reform/contracts';
import type { FindingState } from './finding-state';

/** What one step or timer produced: events for the timeline, messages for the outbox. */
export interface Effects {
  events: EventRecord[];
  notifications: Notification[];
}

/** Collects the effects of one step, numbering events from the finding's sequence. */
export class EffectsRecorder {
  readonly effects: Effects = { events: [], notifications: [] };

  constructor(
    private readonly state: FindingState,
    readonly now: string,
  ) {}

  event(type: FindingEventType, data: Record<string, unknown> = {}, actor = SYSTEM_ACTOR): EventRecord {
    const { seed } = this.state;
    this.state.seq += 1;
    this.state.updatedAt = this.now;
    const event: EventRecord = {
      entityId: seed.id,
      entityType: 'finding',
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

  notify(kind: NotificationKind, cause: EventRecord, subject: string, recipient?: Recipient): void {
    const { seed } = this.state;
    this.effects.notifications.push({
      key: `${seed.id}:${cause.seq}:${kind}`,
      kind,
      findingId: seed.id,
      caseId: seed.caseId,
      recipient: recipient ?? { kind: 'unit', unitId: seed.unitId },
      subject: `${subject}: ${seed.title}`,
      at: this.now,
      data: { ...cause.data, dueAt: this.state.dueAt, escalationLevel: this.state.escalationLevel },
    });
  }
}
