import { randomUUID } from 'node:crypto';
import { token, type TokenClaims } from '../support/tokens';
import type { Database } from './database';
import { sleep } from './random';
import { NoAnswer, type Answer, type Traffic } from './traffic';

/** The APIs run as in production (NODE_ENV=production), which refuses the published local secret. */
export const SUITE_SECRET = `faults-suite-${process.pid}-secret`;
const bearer = (claims: TokenClaims) => ({ authorization: `Bearer ${token(claims, SUITE_SECRET, '6h')}` });

export const OFFICER = bearer({ sub: 'officer-faults', roles: ['officer'] });
export const SUPERVISORS = [bearer({ sub: 'sup-faults-1', roles: ['supervisor'] }), bearer({ sub: 'sup-faults-2', roles: ['supervisor'] })];
export const AUDITOR = bearer({ sub: 'auditor-faults', roles: ['auditor'] });
export const unitUser = (unitId: string) => bearer({ sub: `unit-${unitId}`, roles: ['unit'], unitId });
/** 系统管理员: registers the suite's units before any finding is opened for them. */
export const ADMIN = bearer({ sub: 'admin-faults', roles: ['admin'] });

/** How a step the suite sent ended up: answered 200/202, or applied although its answer was lost. */
export interface SentStep {
  token: string;
  kind: StepKind;
  outcome: 'answered' | 'applied-unanswered';
}

export type StepKind =
  | 'plan'
  | 'approvePlan'
  | 'returnPlan'
  | 'report'
  | 'pass'
  | 'fail'
  | 'requestExtension'
  | 'approveExtension'
  | 'denyExtension'
  | 'refer'
  | 'reject'
  | 'held'
  | 'relapsed';

const STEP_PATIENCE_MS = 300_000;

/** One HTTP step: its path, its body (carrying the token where the timeline keeps it) and who sends it. */
function stepRequest(kind: StepKind, token: string, extra: { dueAt?: string }) {
  const evidence = [{ name: '整改材料.pdf', sha256: 'e'.repeat(64), uri: `https://files.example/${token}` }];
  const table: Record<StepKind, [string, Record<string, unknown>, 'unit' | 'supervisor']> = {
    plan: ['plan', { content: `整改方案 ${token}` }, 'unit'],
    approvePlan: ['plan/decision', { decision: 'approve', comment: `同意 ${token}` }, 'supervisor'],
    returnPlan: ['plan/decision', { decision: 'return', comment: `退回 ${token}` }, 'supervisor'],
    report: ['report', { content: `整改报告 ${token}`, evidence }, 'unit'],
    pass: ['verification', { decision: 'pass', comment: `验收通过 ${token}` }, 'supervisor'],
    fail: ['verification', { decision: 'fail', comment: `验收不通过 ${token}`, newDueAt: extra.dueAt }, 'supervisor'],
    requestExtension: ['extension', { requestedDueAt: extra.dueAt, reason: `延期理由 ${token}` }, 'unit'],
    approveExtension: ['extension/decision', { decision: 'approve', comment: `同意延期 ${token}` }, 'supervisor'],
    denyExtension: ['extension/decision', { decision: 'deny', comment: `不同意延期 ${token}` }, 'supervisor'],
    refer: ['accountability/decision', { decision: 'refer', comment: `移送问责 ${token}` }, 'supervisor'],
    reject: ['accountability/decision', { decision: 'reject', comment: `不予问责 ${token}` }, 'supervisor'],
    held: ['follow-up', { result: 'held', comment: `巩固良好 ${token}` }, 'supervisor'],
    relapsed: ['follow-up', { result: 'relapsed', comment: `问题反弹 ${token}`, newDueAt: extra.dueAt }, 'supervisor'],
  };
  const [path, body, role] = table[kind];
  return { path, body, role };
}

export interface CaseBody {
  title: string;
  findings: { title: string; dueAt: string }[];
  [field: string]: unknown;
}

export interface OpenedCase {
  caseId: string;
  findings: { id: string; title: string }[];
  outcome: 'answered' | 'found-after-400';
}

/**
 * Speaks to the APIs as clients would under faults: retries what got no answer or a 503, with the
 * same Idempotency-Key for cases; a step whose answer was lost is looked for in the timeline
 * (by its token) before it is sent again, so that it is never applied twice by the suite itself.
 */
export class Driver {
  constructor(
    private readonly traffic: Traffic,
    private readonly db: Database,
  ) {}

  /**
   * Opens a case, retrying with the same Idempotency-Key and body. A retry long after the first try
   * can meet a dueAt that has passed (400): if the first try opened the case, that is the answer;
   * if not, the case is asked for afresh (new deadlines, new key).
   */
  async openCase(makeBody: () => CaseBody): Promise<OpenedCase & { body: CaseBody }> {
    const deadline = Date.now() + STEP_PATIENCE_MS;
    let body = makeBody();
    let key = randomUUID();
    while (Date.now() < deadline) {
      const answer = await this.traffic.request('POST', '/api/v1/cases', body, { ...OFFICER, 'idempotency-key': key });
      if (answer instanceof NoAnswer || retryable(answer)) {
        await pause(answer);
        continue;
      }
      if (answer.status === 200 || answer.status === 201) {
        const opened = answer.body as { id: string; findings: { id: string; title: string }[] };
        return { caseId: opened.id, findings: opened.findings.map(({ id, title }) => ({ id, title })), outcome: 'answered', body };
      }
      if (answer.status === 400) {
        const found = await this.caseByTitle(body.title);
        if (found) return { ...found, outcome: 'found-after-400', body };
        body = makeBody();
        key = randomUUID();
        continue;
      }
      throw new Error(`POST /cases answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
    throw new Error('POST /cases: no answer within the patience of a client');
  }

  /**
   * Registers `unitIds` as active units under ROOT (v1.1: a finding's unit and a unit token's unit
   * must be registered), then waits until every one of the `apis` admits a token of the last of
   * them: each API keeps the register it read for a moment, and one that read it before the PUTs
   * would otherwise refuse the first cases (400) and unit steps (403) the drive sends it.
   */
  /**
   * Registers the units, each naming a head and a liaison with an e-mail and a WeCom id, and a head
   * for the root (who takes what awaits a decision), so that every notification reaches someone.
   */
  async registerUnits(unitIds: readonly string[], apis: number): Promise<void> {
    const put = async (path: string, body: Record<string, unknown>) => {
      const answer = await this.untilAnswered(() => this.traffic.request('PUT', `/api/v1${path}`, body, ADMIN));
      if (answer.status !== 200 && answer.status !== 201)
        throw new Error(`PUT ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    };
    const person = (id: string, orgUnitId: string) =>
      put(`/people/${id}`, { name: `演练 ${id}`, orgUnitId, email: `${id.toLowerCase()}@faults.example`, wecomUserId: id });
    await person('sup-root', 'ROOT');
    await put('/org-units/ROOT', { name: '县纪委监委', kind: 'commission', parentId: null, headPersonId: 'sup-root' });
    for (const unitId of unitIds) {
      const unit = { name: `演练单位 ${unitId}`, kind: 'unit', parentId: 'ROOT' };
      await put(`/org-units/${unitId}`, unit);
      await person(`head-${unitId}`, unitId);
      await person(`liaison-${unitId}`, unitId);
      await put(`/org-units/${unitId}`, { ...unit, headPersonId: `head-${unitId}`, liaisonPersonId: `liaison-${unitId}` });
    }
    const probe = unitUser(unitIds[unitIds.length - 1]);
    for (let api = 0; api < apis; api++) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const answer = await this.untilAnswered(() => this.traffic.request('GET', '/api/v1/findings?pageSize=1', undefined, probe, api));
        if (answer.status === 200) break;
        if (answer.status !== 403 || Date.now() > deadline)
          throw new Error(`API ${api} does not admit a registered unit: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        await sleep(250);
      }
    }
  }

  /** A request retried until it gets an answer that is neither a 5xx nor a 429 (the stack is settling, not faulted). */
  private async untilAnswered(send: () => Promise<Answer | NoAnswer>): Promise<Answer> {
    const deadline = Date.now() + STEP_PATIENCE_MS;
    for (;;) {
      const answer = await send();
      if (!(answer instanceof NoAnswer) && !retryable(answer)) return answer;
      if (Date.now() > deadline) throw new Error(`no usable answer: ${answer instanceof NoAnswer ? answer.reason : answer.status}`);
      await pause(answer);
    }
  }

  /** Sends one step until it is known to be applied; answers how. */
  async step(
    findingId: string,
    unitId: string,
    kind: StepKind,
    token: string,
    supervisor: number,
    extra: { dueAt?: string } = {},
  ): Promise<SentStep> {
    const { path, body, role } = stepRequest(kind, token, extra);
    const headers = role === 'unit' ? unitUser(unitId) : SUPERVISORS[supervisor % SUPERVISORS.length];
    const deadline = Date.now() + STEP_PATIENCE_MS;
    let uncertain = false;
    while (Date.now() < deadline) {
      if (uncertain && (await this.applied(findingId, token))) return { token, kind, outcome: 'applied-unanswered' };
      const answer = await this.traffic.request('POST', `/api/v1/findings/${findingId}/${path}`, body, headers);
      if (answer instanceof NoAnswer || answer.status >= 500) {
        uncertain = true;
        await pause(answer);
        continue;
      }
      if (answer.status === 429) {
        await pause(answer);
        continue;
      }
      if (answer.status === 200 || answer.status === 202) return { token, kind, outcome: 'answered' };
      if (answer.status === 409 && uncertain) {
        // Not allowed now: most likely because the earlier, unanswered try was applied.
        if (await this.eventually(() => this.applied(findingId, token), 120_000)) return { token, kind, outcome: 'applied-unanswered' };
      }
      throw new Error(`${kind} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
    throw new Error(`${kind}: not applied within the patience of a client`);
  }

  private async applied(findingId: string, token: string): Promise<boolean> {
    const rows = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE entity_id = $1 AND strpos(data::text, $2) > 0',
      [findingId, token],
    );
    return rows[0].n > 0;
  }

  private async eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await sleep(1000);
    }
    return false;
  }

  /** The case the suite opened under this title, waiting a little for a first try still under way. */
  private async caseByTitle(title: string): Promise<Omit<OpenedCase, 'outcome'> | null> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const found = await this.caseWithTitle(title);
      if (found) return found;
      await sleep(2000);
    }
    return null;
  }

  private async caseWithTitle(title: string): Promise<Omit<OpenedCase, 'outcome'> | null> {
    const rows = await this.db.query<{ id: string; findings: { id: string; title: string }[] }>(
      `SELECT c.id, coalesce((SELECT json_agg(json_build_object('id', f.id, 'title', f.title)) FROM findings f WHERE f.case_id = c.id), '[]') AS findings
       FROM cases c WHERE c.title = $1`,
      [title],
    );
    return rows[0] ? { caseId: rows[0].id, findings: rows[0].findings } : null;
  }
}

const retryable = (answer: Answer) => answer.status === 503 || answer.status === 429 || answer.status >= 500;

/** Honours Retry-After (capped), else backs off a second. */
function pause(answer: Answer | NoAnswer): Promise<void> {
  const seconds = answer instanceof NoAnswer ? 1 : Number(answer.headers.get('retry-after') ?? 1);
  return sleep(Math.min(Number.isFinite(seconds) ? seconds : 1, 5) * 1000);
}
