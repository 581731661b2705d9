import type { InterviewCommand, JoinInterviewRequest, Policy } from '@reform/contracts';
import { Rejection } from '../finding/rejection';
import { emptyDesk, InterviewDesk } from './interview-desk';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const POLICY = { interviewDueMs: 7 * DAY } as Policy;
const sup = { id: 'sup-1', name: '监督员' };

const join = (findingId: string, caseId = 'case-1'): JoinInterviewRequest => ({
  unitId: 'U1',
  findingId,
  caseId,
  trackingOfficeId: 'OFF-1',
  at: iso(T0),
});
const schedule = (interviewId: string, scheduledAt: number): InterviewCommand => ({
  type: 'schedule',
  interviewId,
  scheduledAt: iso(scheduledAt),
  interviewer: '李书记',
  interviewee: { name: '张局长', tier: 'principal' },
  actor: sup,
});
const record = (interviewId: string, heldAt: number): InterviewCommand => ({
  type: 'record',
  interviewId,
  heldAt: iso(heldAt),
  minutes: '约谈记录',
  statement: '立行立改',
  evidence: [{ fileId: 'file-1', name: '记录.pdf', sha256: 'a'.repeat(64) }],
  actor: sup,
});
const refusal = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof Rejection) return { type: error.failureType, message: error.message };
    throw error;
  }
  throw new Error('the step was allowed');
};

describe('InterviewDesk: one open interview per unit', () => {
  it('opens an interview for the first finding at level 2, due POLICY_INTERVIEW_DUE later', () => {
    const desk = new InterviewDesk(emptyDesk('U1'), POLICY);
    const { interviewId, effects } = desk.join(join('f1'), 'iv-1', T0);
    expect(interviewId).toBe('iv-1');
    expect(effects.interview).toMatchObject({
      id: 'iv-1',
      unitId: 'U1',
      status: 'PROPOSED',
      findingIds: ['f1'],
      proposedAt: iso(T0),
      dueAt: iso(T0 + 7 * DAY),
      trackingOfficeId: 'OFF-1',
      overdue: false,
      version: 1,
    });
    expect(effects.events.map(({ type, seq, data, entityType, caseId }) => ({ type, seq, data, entityType, caseId }))).toEqual([
      { type: 'INTERVIEW_PROPOSED', seq: 1, data: { findingId: 'f1' }, entityType: 'interview', caseId: null },
    ]);
    expect(desk.nextWakeAt()).toBe(T0 + 7 * DAY);
  });

  it('joins later findings to the open interview, PROPOSED or SCHEDULED, and never opens a second', () => {
    const desk = new InterviewDesk(emptyDesk('U1'), POLICY);
    desk.join(join('f1'), 'iv-1', T0);
    const second = desk.join(join('f2'), 'iv-2', T0 + HOUR);
    expect(second.interviewId).toBe('iv-1');
    expect(second.effects.events.map((event) => [event.type, event.seq, event.data])).toEqual([
      ['INTERVIEW_JOINED', 2, { findingId: 'f2' }],
    ]);
    desk.apply(schedule('iv-1', T0 + 2 * DAY), T0 + 2 * HOUR);
    const third = desk.join(join('f3'), 'iv-3', T0 + 3 * HOUR);
    expect(third.interviewId).toBe('iv-1');
    expect(third.effects.interview).toMatchObject({ status: 'SCHEDULED', findingIds: ['f1', 'f2', 'f3'] });
  });

  it('lands a retried join once, even after the interview was held', () => {
    const desk = new InterviewDesk(emptyDesk('U1'), POLICY);
    desk.join(join('f1'), 'iv-1', T0);
    const again = desk.join(join('f1'), 'iv-2', T0 + HOUR);
    expect(again).toEqual({ interviewId: 'iv-1', effects: { interview: null, events: [], notifications: [] } });
    desk.apply(record('iv-1', T0 + HOUR), T0 + 2 * HOUR);
    expect(desk.join(join('f1'), 'iv-3', T0 + 3 * HOUR).interviewId).toBe('iv-1');
    expect(desk.state.open).toBeNull();
  });

  it('schedules, moves a scheduled interview, and tells the unit each time', () => {
    const desk = new InterviewDesk(emptyDesk('U1'), POLICY);
    desk.join(join('f1'), 'iv-1', T0);
    const first = desk.apply(schedule('iv-1', T0 + 2 * DAY), T0 + HOUR);
    expect(first.interview).toMatchObject({ status: 'SCHEDULED', scheduledAt: iso(T0 + 2 * DAY), interviewer: '李书记' });
    expect(first.events[0]).toMatchObject({ type: 'INTERVIEW_SCHEDULED', actor: 'sup-1', data: { moved: false } });
    const moved = desk.apply(schedule('iv-1', T0 + 3 * DAY), T0 + 2 * HOUR);
    expect(moved.events[0]).toMatchObject({ type: 'INTERVIEW_SCHEDULED', data: { moved: true, scheduledAt: iso(T0 + 3 * DAY) } });
    expect(moved.notifications.map((n) => [n.kind, n.recipient, n.caseId, n.findingId])).toEqual([
      ['INTERVIEW_SCHEDULED', { kind: 'unit', unitId: 'U1' }, 'case-1', 'f1'],
    ]);
    expect(moved.interview?.version).toBeGreaterThan(first.interview?.version ?? Infinity);
  });

  it('records it as held with minutes, statement and files, and frees the desk for the next one', () => {
    const desk = new InterviewDesk(emptyDesk('U1'), POLICY);
    desk.join(join('f1'), 'iv-1', T0);
    desk.join(join('f2'), 'iv-1-unused', T0);
    const held = desk.apply(record('iv-1', T0 + DAY), T0 + DAY + HOUR);
    expect(held.interview).toMatchObject({
      status: 'HELD',
      heldAt: iso(T0 + DAY),
      minutes: '约谈记录',
      statement: '立行立改',
      findingIds: ['f1', 'f2'],
    });
    expect(held.interview?.evidence).toEqual([{ fileId: 'file-1', name: '记录.pdf', sha256: 'a'.repeat(64) }]);
    expect(held.events[0]).toMatchObject({ type: 'INTERVIEW_HELD', data: { heldAt: iso(T0 + DAY), findingIds: ['f1', 'f2'] } });
    expect(desk.nextWakeAt()).toBeNull();
    const next = desk.join(join('f3'), 'iv-2', T0 + 2 * DAY);
    expect(next.interviewId).toBe('iv-2');
    expect(next.effects.events.map((event) => [event.type, event.seq])).toEqual([['INTERVIEW_PROPOSED', 1]]);
  });

  it('refuses steps on an interview that is not the open one, a schedule not ahead and a record in the future', () => {
    const desk = new InterviewDesk(emptyDesk('U1'), POLICY);
    desk.join(join('f1'), 'iv-1', T0);
    expect(refusal(() => desk.check(schedule('iv-1', T0), T0 + HOUR))).toEqual({
      type: 'InvalidCommand',
      message: 'scheduledAt must lie ahead',
    });
    expect(refusal(() => desk.check(record('iv-1', T0 + 2 * HOUR), T0 + HOUR))).toEqual({
      type: 'InvalidCommand',
      message: 'heldAt must not lie in the future',
    });
    desk.apply(record('iv-1', T0), T0 + HOUR);
    expect(refusal(() => desk.check(schedule('iv-1', T0 + DAY), T0 + 2 * HOUR)).type).toBe('StepNotAllowed');
    expect(refusal(() => desk.check(record('iv-1', T0), T0 + 2 * HOUR)).message).toMatch(/while the interview is HELD/);
  });

  it('raises INTERVIEW_OVERDUE once, to the supervisors, when not held by its due time, and stays overdue once held', () => {
    const desk = new InterviewDesk(emptyDesk('U1'), POLICY);
    desk.join(join('f1'), 'iv-1', T0);
    expect(desk.fireDueTimers(T0 + 7 * DAY - 1).events).toEqual([]);
    const due = desk.fireDueTimers(T0 + 7 * DAY);
    expect(due.events.map((event) => event.type)).toEqual(['INTERVIEW_OVERDUE']);
    expect(due.notifications.map((n) => [n.kind, n.recipient])).toEqual([['INTERVIEW_OVERDUE', { kind: 'supervisors' }]]);
    expect(due.interview?.overdue).toBe(true);
    expect(desk.nextWakeAt()).toBeNull();
    expect(desk.fireDueTimers(T0 + 8 * DAY).events).toEqual([]);
    const held = desk.apply(record('iv-1', T0 + 8 * DAY), T0 + 8 * DAY);
    expect(held.interview).toMatchObject({ status: 'HELD', overdue: true });
  });

  it('fires an overdue timer that fell due before a late step, first', () => {
    const desk = new InterviewDesk(emptyDesk('U1'), POLICY);
    desk.join(join('f1'), 'iv-1', T0);
    const late = desk.apply(schedule('iv-1', T0 + 10 * DAY), T0 + 8 * DAY);
    expect(late.events.map((event) => event.type)).toEqual(['INTERVIEW_OVERDUE', 'INTERVIEW_SCHEDULED']);
  });
});
