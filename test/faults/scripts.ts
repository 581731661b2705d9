import type { FindingState, FindingWatcher } from './database';
import type { Driver, SentStep, StepKind } from './driver';
import type { Random } from './random';
import { sleep } from './random';

const MINUTE = 60_000;
/** Far enough that no deadline of a "far" finding passes during a run. */
export const FAR_MS = 25 * MINUTE;
/** Soon enough that the whole escalation ladder (three steps) runs during the drive. */
export const SOON_MS = 45_000;
const WAIT_MS = 300_000;

export type ScriptName =
  | 'happy'
  | 'returned'
  | 'failedVerification'
  | 'extension'
  | 'referral'
  | 'rejectThenClose'
  | 'relapse'
  | 'extensionAfterOverdue'
  | 'slowSupervisor'
  | 'recommended';

/** One finding the suite drives, and what became of it. */
export interface FindingPlan {
  index: number;
  title: string;
  unitId: string;
  script: ScriptName;
  dueAt: string;
  id?: string;
  caseId?: string;
  steps: SentStep[];
  error?: string;
  done: boolean;
}

/** The state a script leaves its finding in, once the timers it waits for have fired. */
export interface Expectation {
  finished: boolean;
  status: string;
  accountability?: string;
  escalationLevel?: number;
}

interface Script {
  weight: number;
  soon: boolean;
  expect: Expectation;
  run(run: FindingRun): Promise<void>;
}

const CLOSED_FOR_GOOD: Expectation = { finished: true, status: 'CLOSED' };
const iso = (ms: number) => new Date(ms).toISOString();

/** The lifecycles of the issue: plans, returns, reports, verifications, extensions, escalations, follow-ups. */
export const SCRIPTS: Record<ScriptName, Script> = {
  happy: { weight: 22, soon: false, expect: CLOSED_FOR_GOOD, run: async (r) => r.closeOutAndHold() },
  returned: {
    weight: 12,
    soon: false,
    expect: CLOSED_FOR_GOOD,
    run: async (r) => {
      await r.step('plan');
      await r.step('returnPlan');
      await r.closeOutAndHold();
    },
  },
  failedVerification: {
    weight: 12,
    soon: false,
    expect: CLOSED_FOR_GOOD,
    run: async (r) => {
      await r.step('plan');
      await r.step('approvePlan');
      await r.step('report');
      await r.step('fail', { dueAt: iso(Date.now() + FAR_MS) });
      await r.step('report');
      await r.step('pass');
      await r.holdFollowUp();
    },
  },
  extension: {
    weight: 10,
    soon: false,
    expect: CLOSED_FOR_GOOD,
    run: async (r) => {
      await r.step('requestExtension', { dueAt: iso(Date.parse(r.plan.dueAt) + 10 * MINUTE) });
      await r.step(r.random.chance(0.5) ? 'approveExtension' : 'denyExtension');
      await r.closeOutAndHold();
    },
  },
  referral: {
    weight: 12,
    soon: true,
    expect: { finished: false, status: 'ASSIGNED', accountability: 'referred', escalationLevel: 3 },
    run: async (r) => {
      await r.until('accountability proposed (level 3)', (s) => s.accountability === 'proposed');
      await r.step('refer');
    },
  },
  rejectThenClose: {
    weight: 8,
    soon: true,
    expect: CLOSED_FOR_GOOD,
    run: async (r) => {
      await r.until('accountability proposed (level 3)', (s) => s.accountability === 'proposed');
      await r.step('reject');
      await r.closeOutAndHold();
    },
  },
  relapse: {
    weight: 10,
    soon: false,
    expect: CLOSED_FOR_GOOD,
    run: async (r) => {
      await r.closeOut();
      await r.until('follow-up due', (s) => s.pending_approval === 'followUp');
      await r.step('relapsed', { dueAt: iso(Date.now() + FAR_MS) });
      await r.step('report');
      await r.step('pass');
      await r.holdFollowUp();
    },
  },
  extensionAfterOverdue: {
    weight: 8,
    soon: true,
    expect: CLOSED_FOR_GOOD,
    run: async (r) => {
      await r.until('overdue (督办)', (s) => s.overdue);
      await r.step('requestExtension', { dueAt: iso(Date.now() + FAR_MS) });
      await r.step('approveExtension');
      await r.closeOutAndHold();
    },
  },
  slowSupervisor: {
    weight: 6,
    soon: false,
    expect: CLOSED_FOR_GOOD,
    run: async (r) => {
      await r.step('plan');
      await r.until('the plan decision escalated (APPROVAL_OVERDUE)', (s) => s.types.includes('APPROVAL_OVERDUE'));
      await r.step('approvePlan');
      await r.step('report');
      await r.step('pass');
      await r.holdFollowUp();
    },
  },
  // An item of a recommendation: its plan came with the written reply; never picked on its own.
  recommended: {
    weight: 0,
    soon: false,
    expect: CLOSED_FOR_GOOD,
    run: async (r) => {
      await r.step('approvePlan');
      await r.step('report');
      await r.step('pass');
      await r.holdFollowUp();
    },
  },
};

export function pickScript(random: Random): ScriptName {
  const names = Object.keys(SCRIPTS) as ScriptName[];
  let ticket = random.next() * names.reduce((sum, name) => sum + SCRIPTS[name].weight, 0);
  for (const name of names) {
    ticket -= SCRIPTS[name].weight;
    if (ticket < 0) return name;
  }
  return 'happy';
}

/** A script's view of its finding: steps with unique tokens, and waits for what timers do. */
export class FindingRun {
  private stepCount = 0;

  constructor(
    readonly plan: FindingPlan,
    readonly random: Random,
    private readonly driver: Driver,
    private readonly watcher: FindingWatcher,
  ) {}

  async step(kind: StepKind, extra: { dueAt?: string } = {}): Promise<void> {
    await sleep(this.random.int(100, 1500));
    const token = `[#${this.plan.index}.${++this.stepCount}#]`;
    const sent = await this.driver.step(this.plan.id as string, this.plan.unitId, kind, token, this.random.int(0, 1), extra);
    this.plan.steps.push(sent);
  }

  until(what: string, accept: (state: FindingState) => boolean): Promise<FindingState> {
    return this.watcher.until(this.plan.id as string, what, accept, WAIT_MS);
  }

  /** plan → approve → report → (a proposed accountability decided) → pass. */
  async closeOut(): Promise<void> {
    await this.step('plan');
    await this.step('approvePlan');
    await this.step('report');
    // The deadline clock has stopped with the report; a referral proposed before it still waits on a supervisor.
    const state = await this.until('the report in the read model', (s) => s.status === 'REPORT_SUBMITTED');
    if (state.accountability === 'proposed') await this.step('reject');
    await this.step('pass');
  }

  async holdFollowUp(): Promise<void> {
    await this.until('follow-up due', (s) => s.pending_approval === 'followUp');
    await this.step('held');
  }

  async closeOutAndHold(): Promise<void> {
    await this.closeOut();
    await this.holdFollowUp();
  }
}
