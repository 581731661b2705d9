import {
  SYSTEM_ACTOR,
  type EventRecord,
  type FindingCommand,
  type FindingRecord,
  type FindingSeed,
  type Notification,
  type Policy,
} from '@reform/contracts';
import type { TableRow } from '@reform/persistence';
import { assignedState, FindingLifecycle, type Effects } from '@reform/domain';

/** An event as read back from PostgreSQL. */
export interface StoredEvent {
  seq: number;
  type: string;
  at: Date | string;
  actor: string;
  data: Record<string, unknown>;
}

/** A finding's row as the fault suite reads it back (`SELECT * FROM findings`). */
export type StoredFinding = TableRow<'findings'>;

export interface Replay {
  problems: string[];
  lifecycle: FindingLifecycle | null;
  /** Every notification the timeline's events must have produced. */
  notifications: Notification[];
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Replays a finding's stored timeline through the lifecycle rules: each step event is applied as
 * the command it records, at the moment it records, and each system event must be exactly what
 * the timers due at that moment produce. Anything missing, extra, reordered or altered shows.
 */
export function replayTimeline(row: StoredFinding, events: StoredEvent[], policy: Policy): Replay {
  const problems: string[] = [];
  const notifications: Notification[] = [];
  const assigned = events[0];
  if (!assigned || assigned.seq !== 1 || assigned.type !== 'ASSIGNED') {
    return { problems: ['the timeline does not start with ASSIGNED (seq 1)'], lifecycle: null, notifications };
  }
  const seed: FindingSeed = {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    description: row.description,
    ...(row.category !== null ? { category: row.category } : {}),
    unitId: row.unit_id,
    ...(row.tracking_office_id !== null ? { trackingOfficeId: row.tracking_office_id } : {}),
    ...(row.responsible_person !== null ? { responsiblePerson: row.responsible_person } : {}),
    dueAt: String(assigned.data['dueAt']),
    createdAt: iso(assigned.at),
    ...recommendationOf(row, assigned),
  };
  const lifecycle = new FindingLifecycle(assignedState(seed, row.opened_by, policy), policy);
  const queue: EventRecord[] = [];
  for (const event of events.slice(1)) {
    if (queue.length === 0) {
      const atMs = new Date(event.at).getTime();
      let effects: Effects;
      try {
        effects = interviewNews(lifecycle, event, atMs) ?? applied(lifecycle, commandOf(event), atMs);
      } catch (error) {
        problems.push(`seq ${event.seq} ${event.type}: the rules refuse it at ${iso(event.at)} (${(error as Error).message})`);
        return { problems, lifecycle: null, notifications };
      }
      queue.push(...effects.events);
      notifications.push(...effects.notifications);
      if (queue.length === 0) {
        problems.push(`seq ${event.seq} ${event.type} at ${iso(event.at)}: no step or due timer explains it`);
        return { problems, lifecycle: null, notifications };
      }
    }
    const expected = queue.shift() as EventRecord;
    const difference = eventDifference(expected, event);
    if (difference) {
      problems.push(`seq ${event.seq}: expected ${expected.type}, found ${event.type} (${difference})`);
      return { problems, lifecycle: null, notifications };
    }
  }
  if (queue.length > 0) problems.push(`the timeline lacks ${queue.map((e) => `${e.type} (seq ${e.seq})`).join(', ')}`);
  return { problems, lifecycle, notifications };
}

/** A recommendation's finding was drafted before it was assigned at issue, its plan due with the reply. */
function recommendationOf(row: StoredFinding, assigned: StoredEvent): Partial<FindingSeed> {
  const recommendationId = assigned.data['recommendationId'];
  if (typeof recommendationId !== 'string') return {};
  return {
    recommendationId,
    createdAt: iso(row.created_at),
    assignedAt: iso(assigned.at),
    ...(typeof assigned.data['planDueAt'] === 'string' ? { planDueAt: assigned.data['planDueAt'] } : {}),
  };
}

/** What its unit's interview desk told the finding (it joined one; it was held), as its workflow takes it. */
function interviewNews(lifecycle: FindingLifecycle, event: StoredEvent, atMs: number): Effects | null {
  const interviewId = String(event.data['interviewId']);
  if (event.type === 'INTERVIEW_PROPOSED') return lifecycle.joinedInterview(interviewId, atMs);
  if (event.type === 'INTERVIEW_HELD') return lifecycle.interviewHeld(interviewId, String(event.data['heldAt']), event.actor, atMs);
  return null;
}

/** A step, or the timers due; a recommendation's finding takes its first plan from the reply, as its workflow does. */
function applied(lifecycle: FindingLifecycle, command: FindingCommand | null, atMs: number): Effects {
  if (!command) return lifecycle.fireDueTimers(atMs);
  if (command.type === 'submitPlan' && lifecycle.state.replyAwaited) return lifecycle.takeReplyPlan(command.content, command.actor, atMs);
  return lifecycle.apply(command, atMs);
}

function eventDifference(expected: EventRecord, actual: StoredEvent): string | null {
  if (expected.seq !== actual.seq) return `seq ${expected.seq} expected`;
  if (expected.type !== actual.type) return 'type';
  if (expected.actor !== actual.actor) return `actor ${actual.actor}, expected ${expected.actor}`;
  if (Date.parse(expected.at) !== new Date(actual.at).getTime()) return `at ${iso(actual.at)}, expected ${expected.at}`;
  const want = canonical(JSON.parse(JSON.stringify(expected.data)));
  const have = canonical(actual.data);
  return want === have ? null : `data ${have}, expected ${want}`;
}

/** JSON with sorted keys, so that jsonb's key order does not matter. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The command a step event records; null for the events timers produce. */
function commandOf(event: StoredEvent): FindingCommand | null {
  if (event.actor === SYSTEM_ACTOR) return null;
  const actor = { id: event.actor, name: event.actor };
  const data = event.data as Record<string, never>;
  const newDueAt = (data['newDueAt'] as string | null | undefined) ?? undefined;
  switch (event.type) {
    case 'PLAN_SUBMITTED':
      return { type: 'submitPlan', content: data['content'], actor };
    case 'PLAN_APPROVED':
    case 'PLAN_RETURNED':
      return { type: 'decidePlan', decision: event.type === 'PLAN_APPROVED' ? 'approve' : 'return', comment: data['comment'], actor };
    case 'REPORT_SUBMITTED':
      return { type: 'submitReport', content: data['content'], evidence: data['evidence'], actor };
    case 'VERIFICATION_PASSED':
      return { type: 'verify', decision: 'pass', comment: data['comment'], actor };
    case 'VERIFICATION_FAILED':
      return { type: 'verify', decision: 'fail', comment: data['comment'], ...(newDueAt ? { newDueAt } : {}), actor };
    case 'EXTENSION_REQUESTED':
      return { type: 'requestExtension', requestedDueAt: data['requestedDueAt'], reason: data['reason'], actor };
    case 'EXTENSION_APPROVED':
    case 'EXTENSION_DENIED':
      return {
        type: 'decideExtension',
        decision: event.type === 'EXTENSION_APPROVED' ? 'approve' : 'deny',
        comment: data['comment'],
        actor,
      };
    case 'ACCOUNTABILITY_REFERRED':
    case 'ACCOUNTABILITY_REJECTED':
      return {
        type: 'decideAccountability',
        decision: event.type === 'ACCOUNTABILITY_REFERRED' ? 'refer' : 'reject',
        comment: data['comment'],
        actor,
      };
    case 'FOLLOW_UP_HELD':
    case 'FOLLOW_UP_RELAPSED':
      return {
        type: 'reviewFollowUp',
        result: event.type === 'FOLLOW_UP_HELD' ? 'held' : 'relapsed',
        comment: data['comment'],
        ...(newDueAt ? { newDueAt } : {}),
        actor,
      };
    default:
      // A step closes with CLOSED by the same actor; the replay produces it from VERIFICATION_PASSED.
      return null;
  }
}

/** Fields in which a stored finding (row or workflow record) differs from what the replay ends with. */
export function recordDifferences(expected: FindingRecord, actual: Record<string, unknown>): string[] {
  const times = new Set(['dueAt', 'pendingSince', 'createdAt', 'updatedAt', 'closedAt']);
  return (Object.keys(expected) as (keyof FindingRecord)[])
    .filter((field) => {
      const want = expected[field];
      const have = actual[field];
      if (times.has(field))
        return (
          (want === null ? null : Date.parse(String(want))) !==
          (have === null || have === undefined ? null : new Date(have as string).getTime())
        );
      // 问责结果 is an object: equal when it says the same.
      if (typeof want === 'object' && want !== null) return JSON.stringify(want) !== JSON.stringify(have);
      return want !== have;
    })
    .map((field) => `${field}: ${JSON.stringify(actual[field])}, expected ${JSON.stringify(expected[field])}`);
}

/** A finding row in the record's shape, for recordDifferences. */
export function rowAsRecord(row: StoredFinding): Record<string, unknown> {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    description: row.description,
    category: row.category,
    unitId: row.unit_id,
    trackingOfficeId: row.tracking_office_id,
    recommendationId: row.recommendation_id,
    interviewId: row.interview_id,
    // 问责结果: the fault suite never decides one, so its columns stay empty.
    accountabilityOutcome: row.outcome_target === null ? null : { target: row.outcome_target, form: row.outcome_form },
    responsiblePerson: row.responsible_person,
    dueAt: row.due_at,
    status: row.status,
    overdue: row.overdue,
    escalationLevel: Number(row.escalation_level),
    accountability: row.accountability,
    pendingApproval: row.pending_approval,
    pendingSince: row.pending_since,
    openedBy: row.opened_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    version: Number(row.version),
  };
}
