import type { Database } from './database';
import { OFFICER, SUPERVISORS, unitUser } from './driver';
import type { Random } from './random';
import { sleep } from './random';
import { FAR_MS, type FindingPlan } from './scripts';
import { NoAnswer, type Answer, type Traffic } from './traffic';

/** One 纪检监察建议书 the suite drives: drafted on its case, issued, signed for, answered; its items are findings. */
export interface RecommendationPlan {
  title: string;
  unitId: string;
  items: FindingPlan[];
  id?: string;
  /** The steps sent, each answered or found applied although its answer was lost. */
  steps: Array<{ kind: RecommendationStepKind; outcome: 'answered' | 'applied-unanswered' }>;
  error?: string;
}

export type RecommendationStepKind = 'submit' | 'approve' | 'receipt' | 'reply';

/** The event each step leaves on the recommendation's timeline: how a step whose answer was lost is found. */
export const STEP_EVENTS: Record<RecommendationStepKind, string> = {
  submit: 'RECOMMENDATION_SUBMITTED',
  approve: 'RECOMMENDATION_ISSUED',
  receipt: 'RECEIPT_SIGNED',
  reply: 'REPLY_SUBMITTED',
};

const PATIENCE_MS = 300_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Speaks the recommendation's part of the API under faults, as a client would: a draft whose
 * answer was lost is looked for by its (unique) title before it is sent again; a step whose answer
 * was lost, by its event on the timeline — so that the suite itself never applies anything twice.
 */
export class RecommendationDriver {
  constructor(
    private readonly traffic: Traffic,
    private readonly db: Database,
  ) {}

  /** Submit → sign-off → receipt → reply, once drafted: every item then has its plan, waiting for a decision. */
  async issueAndAnswer(plan: RecommendationPlan, random: Random): Promise<void> {
    for (const kind of ['submit', 'approve', 'receipt', 'reply'] as const) {
      await sleep(random.int(100, 1500));
      plan.steps.push({ kind, outcome: await this.step(plan, kind, random.int(0, 1)) });
    }
  }

  /**
   * Drafted on its case before the case's other findings are driven: a case whose findings have
   * all closed is CLOSED and takes no new ones (a draft delayed by faults once met one).
   */
  async draft(plan: RecommendationPlan, caseId: string): Promise<void> {
    const body = {
      unitId: plan.unitId,
      title: plan.title,
      causeAnalysis: '制度执行不严\n监督缺位',
      measures: '完善制度\n加强监督',
      replyDueAt: iso(Date.now() + FAR_MS),
      findings: plan.items.map((item) => ({ title: item.title, description: '建议书所列问题', dueAt: iso(Date.now() + FAR_MS) })),
    };
    const found = await this.until(`POST /cases/${caseId}/recommendations`, async (uncertain) => {
      if (uncertain) {
        const stored = await this.stored(plan.title);
        if (stored) return stored;
      }
      const answer = await this.traffic.request('POST', `/api/v1/cases/${caseId}/recommendations`, body, OFFICER);
      if (answer instanceof NoAnswer || retryable(answer)) return answer;
      if (answer.status === 201) return (answer.body as { id: string }).id;
      throw new Error(`drafting answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    });
    plan.id = found;
    const items = await this.db.query<{ id: string; title: string; due_at: Date }>(
      'SELECT id, title, due_at FROM findings WHERE recommendation_id = $1',
      [found],
    );
    for (const item of plan.items) {
      const row = items.find((stored) => stored.title === item.title);
      item.id = row?.id;
      item.caseId = caseId;
      item.dueAt = row ? row.due_at.toISOString() : '';
    }
  }

  private async step(
    plan: RecommendationPlan,
    kind: RecommendationStepKind,
    supervisor: number,
  ): Promise<'answered' | 'applied-unanswered'> {
    const id = plan.id as string;
    const unit = unitUser(plan.unitId);
    const requests: Record<RecommendationStepKind, [string, Record<string, unknown>, Record<string, string>]> = {
      submit: ['submit', {}, OFFICER],
      approve: ['signoff', { decision: 'approve', comment: '同意印发' }, SUPERVISORS[supervisor % SUPERVISORS.length]],
      receipt: ['receipt', { signedBy: '单位负责人', statement: '坚决落实' }, unit],
      reply: [
        'reply',
        {
          content: '我单位逐项整改',
          signedBy: '单位负责人',
          plans: plan.items.map((item) => ({ findingId: item.id, content: `整改方案 ${item.title}` })),
        },
        unit,
      ],
    };
    const [path, body, headers] = requests[kind];
    let answeredOnce = true;
    await this.until(`${kind} of recommendation ${id}`, async (uncertain) => {
      if (uncertain && (await this.applied(id, STEP_EVENTS[kind]))) {
        answeredOnce = false;
        return true;
      }
      const answer = await this.traffic.request('POST', `/api/v1/recommendations/${id}/${path}`, body, headers);
      if (answer instanceof NoAnswer || retryable(answer)) return answer;
      if (answer.status === 200) return true;
      // Not allowed now: an earlier, unanswered try was applied (or is being, as an issue renders).
      if (answer.status === 409 && uncertain && (await this.eventuallyApplied(id, STEP_EVENTS[kind]))) {
        answeredOnce = false;
        return true;
      }
      throw new Error(`${kind} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    });
    return answeredOnce ? 'answered' : 'applied-unanswered';
  }

  /** Runs `attempt` until it answers something other than a lost or retryable answer; `uncertain` once one was. */
  private async until<T>(what: string, attempt: (uncertain: boolean) => Promise<T | Answer | NoAnswer>): Promise<T> {
    const deadline = Date.now() + PATIENCE_MS;
    let uncertain = false;
    while (Date.now() < deadline) {
      const result = await attempt(uncertain);
      if (!(result instanceof NoAnswer) && !isAnswer(result)) return result as T;
      if (result instanceof NoAnswer || result.status >= 500) uncertain = true;
      await sleep(1000);
    }
    throw new Error(`${what}: not applied within the patience of a client`);
  }

  private async stored(title: string): Promise<string | null> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const rows = await this.db.query<{ id: string }>('SELECT id FROM recommendations WHERE title = $1', [title]);
      if (rows[0]) return rows[0].id;
      await sleep(2000);
    }
    return null;
  }

  private async applied(id: string, type: string): Promise<boolean> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE entity_id = $1 AND type = $2', [id, type]);
    return rows[0].n > 0;
  }

  private async eventuallyApplied(id: string, type: string): Promise<boolean> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (await this.applied(id, type)) return true;
      await sleep(1000);
    }
    return false;
  }
}

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && 'status' in value && 'headers' in value;
}

const retryable = (answer: Answer) => answer.status === 429 || answer.status >= 500;
