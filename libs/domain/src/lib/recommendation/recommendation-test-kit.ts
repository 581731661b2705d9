/*
 * Builders for the recommendation specs: seeds, commands, fixed epoch times (never the real clock)
 * and a driver that plays the recommendation workflow's loop, its issue included. Free of Jest globals.
 */
import type {
  Actor,
  EventRecord,
  FindingSeed,
  FindingStatusSignal,
  IssuedDocument,
  Notification,
  Policy,
  RecommendationCommand,
  RecommendationSeed,
} from '@reform/contracts';
import type { Effects } from '../finding/finding-effects';
import { DAY, HOUR, OFFICER, POLICY, SUPERVISOR, SUPERVISOR_2, T0, UNIT, day, iso, rejectionOf, types } from '../finding/finding-test-kit';
import { RecommendationLifecycle, type Issue } from './recommendation-lifecycle';
import { draftedState } from './recommendation-state';

export { DAY, HOUR, OFFICER, POLICY, SUPERVISOR, SUPERVISOR_2, T0, UNIT, day, iso, rejectionOf, types };

export const RECOMMENDATION_ID = 'rec-1';
export const FINDING_IDS = ['finding-1', 'finding-2'] as const;
/** 回复时限: day 30 after drafting. */
export const REPLY_DUE = day(30);
/** The officer who drafts (and, unless told otherwise, submits) it; not the case's opener. */
export const DRAFTER: Actor = { id: 'officer-2', name: '周起草' };
export const DOCUMENT: IssuedDocument = { documentId: 'doc-1', docNo: '县纪建〔2026〕12号' };

export function findingSeedOf(id: string, overrides: Partial<FindingSeed> = {}): FindingSeed {
  return {
    id,
    caseId: 'case-1',
    title: `问题 ${id}`,
    description: '建议书所列问题',
    category: 'procurement',
    unitId: 'U1',
    responsiblePerson: '刘局长',
    dueAt: iso(day(60)),
    createdAt: iso(T0),
    trackingOfficeId: 'O1',
    recommendationId: RECOMMENDATION_ID,
    ...overrides,
  };
}

export function recommendationSeed(overrides: Partial<RecommendationSeed> = {}): RecommendationSeed {
  return {
    id: RECOMMENDATION_ID,
    caseId: 'case-1',
    unitId: 'U1',
    trackingOfficeId: 'O1',
    title: '关于加强工程招投标监管的纪检监察建议书',
    causeAnalysis: '制度执行不严，监督缺位',
    measures: '健全招投标监管制度',
    replyDueAt: iso(REPLY_DUE),
    draftedBy: DRAFTER,
    createdAt: iso(T0),
    findings: FINDING_IDS.map((id) => findingSeedOf(id)),
    ...overrides,
  };
}

export const plansFor = (ids: readonly string[] = FINDING_IDS) =>
  ids.map((findingId) => ({ findingId, content: `${findingId} 的整改措施` }));

export const rcmd = {
  edit: (fields: Omit<Extract<RecommendationCommand, { type: 'edit' }>, 'type' | 'actor'>, actor = DRAFTER): RecommendationCommand => ({
    type: 'edit',
    ...fields,
    actor,
  }),
  submit: (actor = DRAFTER): RecommendationCommand => ({ type: 'submit', actor }),
  approve: (actor = SUPERVISOR): RecommendationCommand => ({ type: 'signOff', decision: 'approve', comment: '同意签发', actor }),
  return: (actor = SUPERVISOR, comment = '成因分析不深入'): RecommendationCommand => ({
    type: 'signOff',
    decision: 'return',
    comment,
    actor,
  }),
  signReceipt: (actor = UNIT): RecommendationCommand => ({ type: 'signReceipt', signedBy: '刘局长', statement: '坚决整改', actor }),
  reply: (plans = plansFor(), actor = UNIT): RecommendationCommand => ({
    type: 'reply',
    content: '关于建议书的书面回复',
    signedBy: '刘局长',
    plans,
    actor,
  }),
};

export const findingStatus = (findingId: string, status: string, extra: Partial<FindingStatusSignal> = {}): FindingStatusSignal => ({
  findingId,
  status,
  finished: false,
  ...extra,
});

/**
 * Plays the recommendation workflow: fires timers at `nextWakeAt()` as its loop does, issues an
 * approval the way its update does (document, then `issued()`), and keeps every event and notification.
 */
export class RecommendationDriver {
  readonly lifecycle: RecommendationLifecycle;
  readonly events: EventRecord[] = [];
  readonly notifications: Notification[] = [];
  private clock = -Infinity;

  constructor(
    readonly policy: Policy = POLICY,
    readonly seed: RecommendationSeed = recommendationSeed(),
    caseOpenedBy: string = OFFICER.id,
  ) {
    this.lifecycle = new RecommendationLifecycle(draftedState(seed, caseOpenedBy), policy);
  }

  get view() {
    return this.lifecycle.view();
  }

  get state() {
    return this.lifecycle.state;
  }

  count(type: string): number {
    return this.events.filter((event) => event.type === type).length;
  }

  private keep<T extends Effects>(effects: T): T {
    this.events.push(...effects.events);
    this.notifications.push(...effects.notifications);
    return effects;
  }

  advanceTo(untilMs: number): EventRecord[] {
    const fired: EventRecord[] = [];
    for (let wakes = 0; ; wakes += 1) {
      const wakeAt = this.lifecycle.nextWakeAt();
      if (wakeAt === null || wakeAt > untilMs) return fired;
      if (wakes > 100) throw new Error(`nextWakeAt keeps returning ${iso(wakeAt)}: the timers never settle`);
      fired.push(...this.tick(Math.max(wakeAt, this.clock)).events);
    }
  }

  tick(nowMs: number): Effects {
    this.clock = nowMs;
    const effects = this.keep(this.lifecycle.fireDueTimers(nowMs));
    const next = this.lifecycle.nextWakeAt();
    if (next !== null && next <= nowMs) throw new Error(`after fireDueTimers(${iso(nowMs)}) a timer is still due at ${iso(next)}`);
    return effects;
  }

  step(command: RecommendationCommand, nowMs: number): Effects {
    this.advanceTo(nowMs);
    this.clock = nowMs;
    return this.keep(this.lifecycle.apply(command, nowMs));
  }

  /** The document frozen: what `issued()` produced, its findings' ASSIGNED events among the kept events. */
  issue(document: IssuedDocument = DOCUMENT): Issue {
    return this.keep(this.lifecycle.issued(document));
  }

  finding(signal: FindingStatusSignal, nowMs: number): Effects {
    this.advanceTo(nowMs);
    this.clock = nowMs;
    return this.keep(this.lifecycle.findingStatus(signal, nowMs));
  }

  /** Submitted on day 1. */
  static pending(policy: Policy = POLICY, seed: RecommendationSeed = recommendationSeed()): RecommendationDriver {
    const driver = new RecommendationDriver(policy, seed);
    driver.step(rcmd.submit(), day(1));
    return driver;
  }

  /** Submitted on day 1, approved and issued on day 2 (receipt due day 6, reminder day 27, reply due day 30). */
  static issued(policy: Policy = POLICY, seed: RecommendationSeed = recommendationSeed()): RecommendationDriver {
    const driver = RecommendationDriver.pending(policy, seed);
    driver.step(rcmd.approve(), day(2));
    driver.issue();
    return driver;
  }

  /** Issued on day 2, signed for on day 3. */
  static received(policy: Policy = POLICY, seed: RecommendationSeed = recommendationSeed()): RecommendationDriver {
    const driver = RecommendationDriver.issued(policy, seed);
    driver.step(rcmd.signReceipt(), day(3));
    return driver;
  }

  /** Signed for on day 3, replied on day 10; its findings have taken their plans. */
  static replied(policy: Policy = POLICY, seed: RecommendationSeed = recommendationSeed()): RecommendationDriver {
    const driver = RecommendationDriver.received(policy, seed);
    driver.step(rcmd.reply(), day(10));
    for (const id of FINDING_IDS) driver.finding(findingStatus(id, 'PLAN_SUBMITTED', { replyTaken: true }), day(10));
    return driver;
  }
}
