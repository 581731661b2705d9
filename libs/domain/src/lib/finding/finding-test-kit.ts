/*
 * Builders for the finding specs: seeds, commands, policy in plain milliseconds, fixed epoch times
 * (never the real clock), and a small driver that plays the workflow's loop. Free of Jest globals.
 */
import type { Actor, EventRecord, FindingCommand, FindingSeed, Notification, Policy } from '@reform/contracts';
import type { Effects } from './finding-effects';
import { FindingLifecycle } from './finding-lifecycle';
import type { FindingRules } from './finding-rules';
import { assignedState } from './finding-state';
import { Rejection } from './rejection';

export const SECOND = 1_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The moment the finding is assigned: 2026-03-02T00:00:00.000Z. */
export const T0 = Date.UTC(2026, 2, 2);
/** Day `n` after assignment, plus optional extra milliseconds. */
export const day = (n: number, extraMs = 0): number => T0 + n * DAY + extraMs;
export const iso = (ms: number): string => new Date(ms).toISOString();

/** Distinct durations so that no two timers coincide by accident. */
export const POLICY: Policy = {
  planDueMs: 5 * DAY,
  remindBeforeMs: 3 * DAY,
  escalationStepMs: 7 * DAY,
  approvalSlaMs: 2 * DAY,
  followUpAfterMs: 90 * DAY,
  receiptDueMs: 4 * DAY,
  interviewDueMs: 7 * DAY,
};
/** The first deadline: day 30. */
export const DUE = day(30);

export const OFFICER: Actor = { id: 'officer-1', name: '王纪检' };
export const UNIT: Actor = { id: 'unit-user-1', name: '李整改' };
export const UNIT_2: Actor = { id: 'unit-user-2', name: '赵整改' };
export const SUPERVISOR: Actor = { id: 'supervisor-1', name: '张督办' };
export const SUPERVISOR_2: Actor = { id: 'supervisor-2', name: '陈审批' };

export function seed(overrides: Partial<FindingSeed> = {}): FindingSeed {
  return {
    id: 'finding-1',
    caseId: 'case-1',
    title: '工程招投标监管缺位',
    description: '招投标环节缺少廉政风险防控',
    category: 'procurement',
    unitId: 'U1',
    responsiblePerson: '刘局长',
    dueAt: iso(DUE),
    createdAt: iso(T0),
    ...overrides,
  };
}

export const cmd = {
  submitPlan: (actor = UNIT): FindingCommand => ({ type: 'submitPlan', content: '整改方案', actor }),
  approvePlan: (actor = SUPERVISOR): FindingCommand => ({ type: 'decidePlan', decision: 'approve', comment: '同意', actor }),
  returnPlan: (actor = SUPERVISOR): FindingCommand => ({ type: 'decidePlan', decision: 'return', comment: '措施不具体', actor }),
  submitReport: (actor = UNIT): FindingCommand => ({
    type: 'submitReport',
    content: '整改报告',
    evidence: [{ name: 'minutes.pdf', sha256: 'a'.repeat(64), uri: 's3://evidence/minutes.pdf' }],
    actor,
  }),
  pass: (actor = SUPERVISOR): FindingCommand => ({ type: 'verify', decision: 'pass', comment: '销号', actor }),
  fail: (newDueAt?: number | string, actor = SUPERVISOR): FindingCommand => ({
    type: 'verify',
    decision: 'fail',
    comment: '证据不足',
    actor,
    ...(newDueAt === undefined ? {} : { newDueAt: typeof newDueAt === 'number' ? iso(newDueAt) : newDueAt }),
  }),
  requestExtension: (requestedDueAt: number | string, actor = UNIT): FindingCommand => ({
    type: 'requestExtension',
    requestedDueAt: typeof requestedDueAt === 'number' ? iso(requestedDueAt) : requestedDueAt,
    reason: '工程周期长',
    actor,
  }),
  approveExtension: (actor = SUPERVISOR): FindingCommand => ({ type: 'decideExtension', decision: 'approve', comment: '同意延期', actor }),
  denyExtension: (actor = SUPERVISOR): FindingCommand => ({ type: 'decideExtension', decision: 'deny', comment: '不予延期', actor }),
  refer: (actor = SUPERVISOR): FindingCommand => ({ type: 'decideAccountability', decision: 'refer', comment: '移送问责', actor }),
  reject: (actor = SUPERVISOR): FindingCommand => ({ type: 'decideAccountability', decision: 'reject', comment: '情节轻微', actor }),
  /** 问责结果 as the body with authority decided it: 诫勉 of the responsible leader, the second 形态, dated day 44. */
  outcome: (
    overrides: Partial<Extract<FindingCommand, { type: 'recordAccountabilityOutcome' }>> = {},
    actor = SUPERVISOR,
  ): FindingCommand => ({
    type: 'recordAccountabilityOutcome',
    target: 'leader',
    personName: '刘局长',
    form: '诫勉',
    decidedBy: '县委',
    decisionDocNo: '县委〔2026〕5号',
    decidedAt: iso(day(44)),
    fourForm: 2,
    actor,
    ...overrides,
  }),
  held: (actor = SUPERVISOR): FindingCommand => ({ type: 'reviewFollowUp', result: 'held', comment: '整改成效巩固', actor }),
  relapsed: (newDueAt?: number | string, actor = SUPERVISOR): FindingCommand => ({
    type: 'reviewFollowUp',
    result: 'relapsed',
    comment: '问题反弹',
    actor,
    ...(newDueAt === undefined ? {} : { newDueAt: typeof newDueAt === 'number' ? iso(newDueAt) : newDueAt }),
  }),
};

export const types = (effects: Effects | EventRecord[]): string[] =>
  (Array.isArray(effects) ? effects : effects.events).map((event) => event.type);

/** What a refused step threw, or null when it was not refused. */
export function rejectionOf(action: () => unknown): Rejection | null {
  try {
    action();
    return null;
  } catch (error) {
    if (error instanceof Rejection) return error;
    throw error;
  }
}

/**
 * Plays the finding workflow: fires timers at `nextWakeAt()` the way the workflow loop does, and
 * keeps every event and notification of the finding's life.
 */
export class Driver {
  readonly lifecycle: FindingLifecycle;
  readonly events: EventRecord[] = [];
  readonly notifications: Notification[] = [];
  /** The latest moment the finding has been driven at: time never runs backwards. */
  private clock = -Infinity;

  constructor(
    readonly policy: Policy = POLICY,
    readonly findingSeed: FindingSeed = seed(),
    caseOpenedBy: string = OFFICER.id,
    rules?: FindingRules,
  ) {
    this.lifecycle = new FindingLifecycle(assignedState(findingSeed, caseOpenedBy, policy), policy, rules);
  }

  get view() {
    return this.lifecycle.view();
  }

  private keep(effects: Effects): Effects {
    this.events.push(...effects.events);
    this.notifications.push(...effects.notifications);
    return effects;
  }

  /** Wakes at every timer up to and including `untilMs`; returns the events fired on the way. */
  advanceTo(untilMs: number): EventRecord[] {
    const fired: EventRecord[] = [];
    for (let wakes = 0; ; wakes += 1) {
      const wakeAt = this.lifecycle.nextWakeAt();
      if (wakeAt === null || wakeAt > untilMs) return fired;
      if (wakes > 100) throw new Error(`nextWakeAt keeps returning ${iso(wakeAt)}: the timers never settle`);
      fired.push(...this.tick(Math.max(wakeAt, this.clock)).events);
    }
  }

  /** One `fireDueTimers(nowMs)`, with the loop's invariant: nothing due is left behind. */
  tick(nowMs: number): Effects {
    this.clock = nowMs;
    const effects = this.keep(this.lifecycle.fireDueTimers(nowMs));
    const next = this.lifecycle.nextWakeAt();
    if (next !== null && next <= nowMs) {
      throw new Error(`after fireDueTimers(${iso(nowMs)}) a timer is still due at ${iso(next)}`);
    }
    return effects;
  }

  /** A step at `nowMs`, with the timers due before it fired first, as the workflow would. */
  step(command: FindingCommand, nowMs: number): Effects {
    this.advanceTo(nowMs);
    this.clock = nowMs;
    return this.keep(this.lifecycle.apply(command, nowMs));
  }

  /** The finding driven through plan approval: RECTIFYING since day 2, no timer fired yet. */
  static rectifying(policy: Policy = POLICY, findingSeed: FindingSeed = seed()): Driver {
    const driver = new Driver(policy, findingSeed);
    driver.step(cmd.submitPlan(), day(1));
    driver.step(cmd.approvePlan(), day(2));
    return driver;
  }
}
