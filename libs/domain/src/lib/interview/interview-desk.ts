import {
  SYSTEM_ACTOR,
  type CarriedInterview,
  type CarriedInterviewDeskState,
  type InterviewCommand,
  type InterviewEventRecord,
  type InterviewEventType,
  type InterviewRecord,
  type InterviewView,
  type JoinInterviewRequest,
  type Notification,
  type NotificationKind,
  type Policy,
  type RecordInterview,
  type ScheduleInterview,
} from '@reform/contracts';
import { Rejection } from '../finding/rejection';
import { policyEnd } from '../policy-time';

export type InterviewDeskState = CarriedInterviewDeskState;

/** What one join, step or timer produced for one interview: its new row, events, messages. */
export interface InterviewEffects {
  interview: InterviewRecord | null;
  events: InterviewEventRecord[];
  notifications: Notification[];
}

const iso = (ms: number) => new Date(ms).toISOString();

export function emptyDesk(unitId: string): InterviewDeskState {
  return { unitId, open: null, joined: {}, version: 0 };
}

/**
 * 约谈 — a unit's interviews, one open at a time: overdue findings reaching level 2 join the open
 * one (PROPOSED or SCHEDULED) or open the next; it is scheduled, moved, held, and chased when it is
 * not held within POLICY_INTERVIEW_DUE. Free of Temporal: the desk's workflow drives it.
 */
export class InterviewDesk {
  constructor(
    readonly state: InterviewDeskState,
    private readonly policy: Policy,
  ) {}

  /** The interview a finding is in: the one it joined before (a retried join), the open one, or `newId`. */
  join(request: JoinInterviewRequest, newId: string, nowMs: number): { interviewId: string; effects: InterviewEffects } {
    const earlier = this.state.joined[request.findingId];
    if (earlier) return { interviewId: earlier, effects: this.nothing() };
    const at = iso(nowMs);
    let interview = this.state.open;
    const opened = interview === null;
    if (interview === null) {
      interview = this.opened(newId, request, at);
      this.state.open = interview;
    } else {
      interview.record.findingIds.push(request.findingId);
      interview.record.joinedAt[request.findingId] = at;
    }
    this.state.joined[request.findingId] = interview.record.id;
    const effects = this.recorder(interview, at);
    effects.event(opened ? 'INTERVIEW_PROPOSED' : 'INTERVIEW_JOINED', { findingId: request.findingId });
    return { interviewId: interview.record.id, effects: effects.done() };
  }

  /** Throws a Rejection when the step may not happen now; changes nothing. */
  check(command: InterviewCommand, nowMs: number): void {
    const open = this.state.open;
    const step = command.type === 'schedule' ? 'scheduling the interview' : 'recording the interview';
    if (!open || open.record.id !== command.interviewId) throw Rejection.notNow(step, 'HELD', 'it was held already', 'interview');
    if (command.type === 'schedule' && Date.parse(command.scheduledAt) <= nowMs)
      throw Rejection.invalid('scheduledAt', 'must lie ahead', 'notInFuture');
    if (command.type === 'record' && Date.parse(command.heldAt) > nowMs)
      throw Rejection.invalid('heldAt', 'must not lie in the future', 'inFuture');
  }

  apply(command: InterviewCommand, nowMs: number): InterviewEffects {
    this.check(command, nowMs);
    const interview = this.state.open as CarriedInterview;
    const effects = this.recorder(interview, iso(nowMs));
    this.fireDueTimer(interview, effects, nowMs);
    if (command.type === 'schedule') this.schedule(interview, command, effects);
    else this.hold(interview, command, effects);
    return effects.done();
  }

  /** Fires the open interview's overdue timer when it is due. */
  fireDueTimers(nowMs: number): InterviewEffects {
    const interview = this.state.open;
    if (!interview) return this.nothing();
    const effects = this.recorder(interview, iso(nowMs));
    this.fireDueTimer(interview, effects, nowMs);
    return effects.done();
  }

  nextWakeAt(): number | null {
    const interview = this.state.open;
    return interview && !interview.overdueReported ? Date.parse(interview.record.dueAt) : null;
  }

  /** The open interview as the contract returns it, if `id` is it. */
  openView(id: string): InterviewView | null {
    return this.state.open?.record.id === id ? viewOf(this.state.open) : null;
  }

  private opened(id: string, request: JoinInterviewRequest, at: string): CarriedInterview {
    return {
      caseId: request.caseId,
      seq: 0,
      overdueReported: false,
      record: {
        id,
        unitId: this.state.unitId,
        status: 'PROPOSED',
        findingIds: [request.findingId],
        joinedAt: { [request.findingId]: at },
        scheduledAt: null,
        interviewer: null,
        interviewee: null,
        heldAt: null,
        minutes: null,
        statement: null,
        evidence: [],
        overdue: false,
        proposedAt: at,
        dueAt: iso(policyEnd(this.policy, 'interviewDueMs', Date.parse(at))),
        trackingOfficeId: request.trackingOfficeId,
        updatedAt: at,
      },
    };
  }

  private schedule(interview: CarriedInterview, command: ScheduleInterview & { actor: { id: string } }, effects: Recorder): void {
    const moved = interview.record.status === 'SCHEDULED';
    Object.assign(interview.record, {
      status: 'SCHEDULED',
      scheduledAt: command.scheduledAt,
      interviewer: command.interviewer,
      interviewee: command.interviewee,
    });
    const event = effects.event(
      'INTERVIEW_SCHEDULED',
      { scheduledAt: command.scheduledAt, interviewer: command.interviewer, interviewee: command.interviewee, moved },
      command.actor.id,
    );
    effects.notify('INTERVIEW_SCHEDULED', event, moved ? '约谈时间调整 interview moved' : '约谈安排 interview scheduled', {
      kind: 'unit',
      unitId: this.state.unitId,
    });
  }

  /** Held: the desk is free for the unit's next interview; its findings are told by the workflow. */
  private hold(interview: CarriedInterview, command: RecordInterview & { actor: { id: string } }, effects: Recorder): void {
    Object.assign(interview.record, {
      status: 'HELD',
      heldAt: command.heldAt,
      minutes: command.minutes,
      statement: command.statement,
      evidence: command.evidence,
    });
    effects.event(
      'INTERVIEW_HELD',
      { heldAt: command.heldAt, findingIds: interview.record.findingIds, evidence: command.evidence },
      command.actor.id,
    );
    this.state.open = null;
  }

  private fireDueTimer(interview: CarriedInterview, effects: Recorder, nowMs: number): void {
    if (interview.overdueReported || Date.parse(interview.record.dueAt) > nowMs) return;
    interview.overdueReported = true;
    interview.record.overdue = true;
    const event = effects.event('INTERVIEW_OVERDUE', { dueAt: interview.record.dueAt });
    effects.notify('INTERVIEW_OVERDUE', event, '约谈逾期未开展 interview overdue', { kind: 'supervisors' });
  }

  private recorder(interview: CarriedInterview, now: string): Recorder {
    return new Recorder(this.state, interview, now);
  }

  private nothing(): InterviewEffects {
    return { interview: null, events: [], notifications: [] };
  }
}

/** Numbers one interview's events from its sequence and versions the desk on every change. */
class Recorder {
  private readonly events: InterviewEventRecord[] = [];
  private readonly notifications: Notification[] = [];

  constructor(
    private readonly desk: InterviewDeskState,
    private readonly interview: CarriedInterview,
    private readonly now: string,
  ) {}

  event(type: InterviewEventType, data: Record<string, unknown>, actor = SYSTEM_ACTOR): InterviewEventRecord {
    this.interview.seq += 1;
    this.interview.record.updatedAt = this.now;
    const event: InterviewEventRecord = {
      entityId: this.interview.record.id,
      entityType: 'interview',
      caseId: null,
      seq: this.interview.seq,
      type,
      at: this.now,
      actor,
      data,
    };
    this.events.push(event);
    return event;
  }

  notify(kind: NotificationKind, cause: InterviewEventRecord, subject: string, recipient: Notification['recipient']): void {
    const { record } = this.interview;
    this.notifications.push({
      key: `${record.id}:${cause.seq}:${kind}`,
      kind,
      findingId: record.findingIds[0],
      caseId: this.interview.caseId,
      recipient,
      subject,
      at: this.now,
      data: { ...cause.data, interviewId: record.id, unitId: record.unitId, findingIds: record.findingIds },
    });
  }

  done(): InterviewEffects {
    if (this.events.length === 0) return { interview: null, events: [], notifications: [] };
    this.desk.version += 1;
    return {
      interview: { ...copy(this.interview.record), version: this.desk.version },
      events: this.events,
      notifications: this.notifications,
    };
  }
}

export function viewOf(interview: CarriedInterview): InterviewView {
  const { joinedAt: _joinedAt, ...view } = interview.record;
  return copy(view);
}

/** Plain data out of the desk's state, so that later changes do not reach what was handed out. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
