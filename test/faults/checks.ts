import { findingRecordQuery, type Policy } from '@reform/contracts';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Database } from './database';
import { recordDifferences, replayTimeline, rowAsRecord, type StoredEvent, type StoredFinding } from './oracle';
import { sleep } from './random';
import type { RecommendationPlan } from './recommendations';
import { SCRIPTS, type FindingPlan } from './scripts';

export interface CasePlan {
  index: number;
  title: string;
  startAtMs: number;
  /** Its findings, a recommendation's items among them. */
  findings: FindingPlan[];
  recommendation?: RecommendationPlan;
  id?: string;
  error?: string;
}

export interface Verdict {
  /** Findings missing or in a wrong state, each with why. */
  lost: Map<number, string[]>;
  /** Events (and cases) stored more than once. */
  duplicated: number;
  duplicateNotes: string[];
  notifications: { delivered: number; pending: number };
  caseProblems: string[];
  /** Recommendations missing or in a wrong state, by their case's index, each with why. */
  lostRecommendations: Map<number, string[]>;
}

/** A timer may fire this much after its moment before the check calls it missed. */
const TIMER_GRACE_MS = 15_000;
const TOKEN = /\[#\d+\.\d+#\]/;

interface Evidence {
  rows: Map<string, StoredFinding>;
  events: Map<string, StoredEvent[]>;
  notifications: Map<string, string>;
  workflows: Map<string, { status: string; record?: Record<string, unknown> }>;
  /** The documents of these findings by source (`<findingId>:<seq>`): frozen or not, DOCUMENT_ISSUED how often. */
  documents: Map<string, StoredDocument[]>;
  readAt: number;
}

interface StoredDocument {
  source_key: string;
  doc_no: string;
  frozen: boolean;
  issued: number;
}

/**
 * The end-of-run checks, from PostgreSQL and the Temporal server. Findings that fail are checked
 * again for a while (a timer may be firing right now); what still fails is lost.
 */
export async function judge(
  cases: CasePlan[],
  db: Database,
  temporal: (work: (client: Client) => Promise<void>) => Promise<void>,
  policy: Policy,
  patienceMs: number,
): Promise<Verdict> {
  const findings = cases.flatMap((c) => c.findings);
  let pending = findings;
  let lost = new Map<number, string[]>();
  let evidence: Evidence | undefined;
  const deadline = Date.now() + patienceMs;
  for (;;) {
    evidence = await gather(pending, db, temporal);
    lost = new Map();
    for (const finding of pending) {
      const problems = checkFinding(finding, evidence, policy);
      if (problems.length) lost.set(finding.index, problems);
    }
    if (lost.size === 0 || Date.now() > deadline) break;
    pending = findings.filter((f) => lost.has(f.index) && f.id !== undefined);
    if (pending.length === 0) break;
    await sleep(5000);
  }
  const everything = await gather(findings, db, temporal);
  const duplicates = countDuplicates(findings, everything);
  let caseProblems = await checkCases(cases, db, temporal);
  // A case's workflow ends a moment after its last finding's; give it that moment.
  for (let tries = 0; caseProblems.problems.length > 0 && tries < 12; tries++) {
    await sleep(5000);
    caseProblems = await checkCases(cases, db, temporal);
  }
  let recommendations = await checkRecommendations(cases, db, temporal);
  // A recommendation closes a moment after its last finding does; give it that moment.
  for (let tries = 0; recommendations.lost.size > 0 && tries < 12; tries++) {
    await sleep(5000);
    recommendations = await checkRecommendations(cases, db, temporal);
  }
  const delivered = [...everything.notifications.values()].filter((status) => status === 'delivered').length;
  return {
    lost,
    lostRecommendations: recommendations.lost,
    duplicated: duplicates.count + caseProblems.duplicated + recommendations.duplicated,
    duplicateNotes: [...duplicates.notes, ...caseProblems.duplicateNotes, ...recommendations.duplicateNotes],
    notifications: { delivered, pending: everything.notifications.size - delivered },
    caseProblems: caseProblems.problems,
  };
}

async function gather(
  findings: FindingPlan[],
  db: Database,
  temporal: (work: (client: Client) => Promise<void>) => Promise<void>,
): Promise<Evidence> {
  const ids = findings.flatMap((f) => (f.id ? [f.id] : []));
  const readAt = Date.now();
  const rows = await db.query<StoredFinding>('SELECT * FROM findings WHERE id = ANY($1::uuid[])', [ids]);
  const events = await db.query<StoredEvent & { entity_id: string }>(
    'SELECT entity_id, seq, type, at, actor, data FROM events WHERE entity_id = ANY($1::uuid[]) ORDER BY entity_id, seq',
    [ids],
  );
  const notifications = await db.query<{ key: string; status: string }>(
    'SELECT key, status FROM notifications WHERE finding_id = ANY($1::uuid[])',
    [ids],
  );
  const documents = await db.query<StoredDocument>(
    `SELECT d.source_key, d.doc_no, d.frozen_at IS NOT NULL AS frozen,
       (SELECT count(*) FROM events e WHERE e.entity_id = d.id AND e.type = 'DOCUMENT_ISSUED')::int AS issued
     FROM documents d WHERE d.id IN (SELECT document_id FROM document_findings WHERE finding_id = ANY($1::uuid[]))`,
    [ids],
  );
  const workflows = new Map<string, { status: string; record?: Record<string, unknown> }>();
  await temporal(async (client) => {
    await eachLimited(ids, 8, async (id) => {
      const handle = client.workflow.getHandle(`finding-${id}`);
      try {
        const status = (await handle.describe()).status.name;
        const record = status === 'RUNNING' ? ((await handle.query(findingRecordQuery)) as unknown as Record<string, unknown>) : undefined;
        workflows.set(id, { status, record });
      } catch (error) {
        workflows.set(id, { status: error instanceof WorkflowNotFoundError ? 'NOT_FOUND' : `UNANSWERED (${(error as Error).message})` });
      }
    });
  });
  return {
    rows: new Map(rows.map((row) => [row.id, row])),
    events: groupBy<StoredEvent & { entity_id: string }>(events, (event) => event.entity_id),
    notifications: new Map(notifications.map((n) => [n.key, n.status])),
    workflows,
    documents: groupBy(documents, (document) => document.source_key),
    readAt,
  };
}

function checkFinding(finding: FindingPlan, evidence: Evidence, policy: Policy): string[] {
  if (finding.error) return [`its script failed: ${finding.error}`];
  if (!finding.id) return ['never opened'];
  const row = evidence.rows.get(finding.id);
  if (!row) return ['no row in PostgreSQL'];
  const events = evidence.events.get(finding.id) ?? [];
  const problems: string[] = [];

  // Every step the API accepted (or that was applied though its answer was lost) is there once.
  for (const step of finding.steps) {
    const count = events.filter((event) => JSON.stringify(event.data).includes(step.token)).length;
    if (count === 0) problems.push(`step ${step.kind} ${step.token} (${step.outcome}) is not in the timeline`);
  }
  const gaps = events.filter((event, index) => event.seq !== index + 1);
  if (gaps.length) problems.push(`the timeline's sequence has gaps or repeats at seq ${gaps.map((e) => e.seq).join(', ')}`);
  if (Number(row.version) !== events.length) problems.push(`the row's version ${row.version} is not its ${events.length} events`);

  const replay = replayTimeline(row, events, policy);
  problems.push(...replay.problems);
  const lifecycle = replay.lifecycle;
  if (!lifecycle) return problems;

  const record = lifecycle.record();
  const rowDiff = recordDifferences(record, rowAsRecord(row));
  if (rowDiff.length) problems.push(`the row disagrees with its timeline: ${rowDiff.join('; ')}`);

  // Every deadline that passed produced its escalation (and every other timer fired).
  const wake = lifecycle.nextWakeAt();
  if (wake !== null && wake < evidence.readAt - TIMER_GRACE_MS) {
    problems.push(
      `a timer due at ${new Date(wake).toISOString()} has not fired (status ${record.status}, level ${record.escalationLevel})`,
    );
  }

  const expected = SCRIPTS[finding.script].expect;
  // Workflows started under the current code wait for a referred accountability's outcome, and for
  // the interview they joined to be held (half the units' interviews are never held by the suite).
  const finished = lifecycle.finished(true);
  const shouldFinish = expected.finished && !lifecycle.awaitsInterview;
  if (finished !== shouldFinish) problems.push(`the workflow should ${shouldFinish ? '' : 'not '}have finished`);
  if (record.status !== expected.status) problems.push(`status ${record.status}, the script ends in ${expected.status}`);
  if (expected.accountability && record.accountability !== expected.accountability)
    problems.push(`accountability ${record.accountability}, expected ${expected.accountability}`);
  if (expected.escalationLevel !== undefined && record.escalationLevel !== expected.escalationLevel)
    problems.push(`escalation level ${record.escalationLevel}, expected ${expected.escalationLevel}`);

  const workflow = evidence.workflows.get(finding.id);
  const wantStatus = finished ? 'COMPLETED' : 'RUNNING';
  if (workflow?.status !== wantStatus) problems.push(`workflow finding-${finding.id} is ${workflow?.status}, expected ${wantStatus}`);
  if (workflow?.record) {
    const diff = recordDifferences(record, workflow.record);
    if (diff.length) problems.push(`the workflow's state disagrees with the timeline: ${diff.join('; ')}`);
  }

  // Every rung of the ladder issued its document (督办通知书, 约谈通知书, 问责建议书), frozen.
  for (const escalated of events.filter((event) => event.type === 'ESCALATED')) {
    const issued = (evidence.documents.get(`${finding.id}:${escalated.seq}`) ?? []).filter((document) => document.frozen);
    if (issued.length === 0) problems.push(`ESCALATED (seq ${escalated.seq}, level ${escalated.data['level']}) has no issued document`);
  }

  // Every notification is delivered or visibly pending in the outbox.
  for (const notification of replay.notifications) {
    const status = evidence.notifications.get(notification.key);
    if (status !== 'delivered' && status !== 'pending')
      problems.push(`notification ${notification.key} is ${status ?? 'missing from the outbox'}`);
  }
  return problems;
}

/** Events stored more than once: a step's token twice, or a timer's event twice for the same moment. */
function countDuplicates(findings: FindingPlan[], evidence: Evidence): { count: number; notes: string[] } {
  let count = 0;
  const notes: string[] = [];
  for (const finding of findings) {
    const seen = new Map<string, number>();
    for (const event of evidence.events.get(finding.id ?? '') ?? []) {
      const key = naturalKey(event);
      if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const [key, times] of seen) {
      if (times > 1) {
        count += times - 1;
        notes.push(`finding #${finding.index} ${finding.id}: ${key} stored ${times} times`);
      }
    }
  }
  // A retried or crashed render must neither number a second document nor freeze one twice.
  for (const [source, documents] of evidence.documents) {
    const extra = documents.length - 1 + documents.reduce((sum, document) => sum + Math.max(document.issued - 1, 0), 0);
    if (extra > 0) {
      count += extra;
      notes.push(`document of ${source}: ${documents.map((d) => `${d.doc_no} issued ${d.issued} times`).join(', ')}`);
    }
  }
  return { count, notes };
}

function naturalKey(event: StoredEvent): string | null {
  const data = event.data;
  const token = TOKEN.exec(JSON.stringify(data))?.[0];
  if (token) return `${event.type} ${token}`;
  switch (event.type) {
    case 'REMINDER_SENT':
    case 'OVERDUE':
      return `${event.type} for dueAt ${data['dueAt']}`;
    case 'ESCALATED':
      return `ESCALATED to level ${data['level']}`;
    case 'PLAN_OVERDUE':
      return `PLAN_OVERDUE for ${data['planDueAt']}`;
    case 'APPROVAL_OVERDUE':
      return `APPROVAL_OVERDUE of ${data['pendingApproval']} pending since ${data['since']}`;
    default:
      return null;
  }
}

/** Cases: opened once, each finding added once, CLOSED exactly when all its findings are, workflow to match. */
async function checkCases(cases: CasePlan[], db: Database, temporal: (work: (client: Client) => Promise<void>) => Promise<void>) {
  const problems: string[] = [];
  const duplicateNotes: string[] = [];
  let duplicated = 0;
  const titles = cases.map((c) => c.title);
  const rows = await db.query<{ id: string; title: string; status: string }>('SELECT id, title, status FROM cases WHERE title = ANY($1)', [
    titles,
  ]);
  const ids = rows.map((r) => r.id);
  const events = await db.query<{ entity_id: string; type: string; data: Record<string, unknown> }>(
    'SELECT entity_id, type, data FROM events WHERE entity_id = ANY($1::uuid[]) ORDER BY entity_id, seq',
    [ids],
  );
  const findingStates = await db.query<{ id: string; case_id: string; status: string; awaits_interview: boolean }>(
    `SELECT f.id, f.case_id, f.status, (f.interview_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM events e WHERE e.entity_id = f.id AND e.type = 'INTERVIEW_HELD')) AS awaits_interview
     FROM findings f WHERE f.case_id = ANY($1::uuid[])`,
    [ids],
  );
  const workflows = new Map<string, string>();
  await temporal(async (client) => {
    await eachLimited(ids, 8, async (id) => {
      workflows.set(
        id,
        await client.workflow
          .getHandle(`case-${id}`)
          .describe()
          .then(
            (d) => d.status.name,
            () => 'NOT_FOUND',
          ),
      );
    });
  });
  for (const plan of cases) {
    const stored = rows.filter((row) => row.title === plan.title);
    if (stored.length > 1) {
      duplicated += stored.length - 1;
      duplicateNotes.push(`case "${plan.title}" stored ${stored.length} times`);
    }
    const row = stored.find((r) => r.id === plan.id) ?? stored[0];
    if (!row) {
      if (plan.id) problems.push(`case #${plan.index} ${plan.id} has no row`);
      continue;
    }
    const own = events.filter((e) => e.entity_id === row.id);
    const opened = own.filter((e) => e.type === 'CASE_OPENED').length;
    if (opened === 0) problems.push(`case #${plan.index}: no CASE_OPENED`);
    if (opened > 1) {
      duplicated += opened - 1;
      duplicateNotes.push(`case #${plan.index}: CASE_OPENED ${opened} times`);
    }
    for (const finding of plan.findings) {
      const added = own.filter((e) => e.type === 'FINDING_ADDED' && e.data['findingId'] === finding.id).length;
      if (added === 0) problems.push(`case #${plan.index}: no FINDING_ADDED for finding #${finding.index}`);
      if (added > 1) {
        duplicated += added - 1;
        duplicateNotes.push(`case #${plan.index}: FINDING_ADDED for finding #${finding.index} ${added} times`);
      }
    }
    const allClosed = findingStates.filter((f) => f.case_id === row.id).every((f) => f.status === 'CLOSED');
    if ((row.status === 'CLOSED') !== allClosed)
      problems.push(`case #${plan.index} is ${row.status} while its findings are ${allClosed ? '' : 'not '}all CLOSED`);
    if (row.status === 'CLOSED' && !own.some((e) => e.type === 'CASE_CLOSED'))
      problems.push(`case #${plan.index} is CLOSED without CASE_CLOSED`);
    // A finding still waiting for its interview to be held keeps its workflow, and so its case's.
    const waiting = findingStates.some((f) => f.case_id === row.id && f.awaits_interview);
    const want = !waiting && plan.findings.every((f) => SCRIPTS[f.script].expect.finished) ? 'COMPLETED' : 'RUNNING';
    if (workflows.get(row.id) !== want) problems.push(`case #${plan.index} workflow is ${workflows.get(row.id)}, expected ${want}`);
  }
  return { problems, duplicated, duplicateNotes };
}

/** Each step of a recommendation's life, once, in this order; the timers' events may come between, once each. */
const RECOMMENDATION_LIFE = [
  'RECOMMENDATION_DRAFTED',
  'RECOMMENDATION_SUBMITTED',
  'RECOMMENDATION_ISSUED',
  'RECEIPT_SIGNED',
  'REPLY_SUBMITTED',
  'RECOMMENDATION_CLOSED',
];
const RECOMMENDATION_TIMERS = ['APPROVAL_OVERDUE', 'RECEIPT_OVERDUE'];

/**
 * Recommendations: drafted once (one row per title), every step and the close once each and in
 * order, its document numbered and frozen once, its issue notice in the outbox, its workflow done.
 */
async function checkRecommendations(cases: CasePlan[], db: Database, temporal: (work: (client: Client) => Promise<void>) => Promise<void>) {
  const lost = new Map<number, string[]>();
  const duplicateNotes: string[] = [];
  let duplicated = 0;
  const planned = cases.filter((c) => c.recommendation);
  const titles = planned.map((c) => c.recommendation?.title);
  const rows = await db.query<{ id: string; title: string; status: string; doc_no: string | null; version: number }>(
    'SELECT id, title, status, doc_no, version FROM recommendations WHERE title = ANY($1)',
    [titles],
  );
  const ids = rows.map((row) => row.id);
  const events = groupBy(
    await db.query<{ entity_id: string; seq: number; type: string }>(
      'SELECT entity_id, seq, type FROM events WHERE entity_id = ANY($1::uuid[]) ORDER BY entity_id, seq',
      [ids],
    ),
    (event) => event.entity_id,
  );
  const documents = groupBy(
    await db.query<StoredDocument>(
      `SELECT d.source_key, d.doc_no, d.frozen_at IS NOT NULL AS frozen,
         (SELECT count(*) FROM events e WHERE e.entity_id = d.id AND e.type = 'DOCUMENT_ISSUED')::int AS issued
       FROM documents d WHERE d.source_key = ANY($1::text[])`,
      [ids.map((id) => `${id}:issue`)],
    ),
    (document) => document.source_key,
  );
  const notices = new Set(
    (
      await db.query<{ recommendation_id: string }>(
        `SELECT recommendation_id FROM notifications WHERE recommendation_id = ANY($1::uuid[]) AND kind = 'RECOMMENDATION_ISSUED'
           AND status IN ('pending', 'delivered')`,
        [ids],
      )
    ).map((row) => row.recommendation_id),
  );
  const workflows = new Map<string, string>();
  await temporal(async (client) => {
    await eachLimited(ids, 8, async (id) => {
      const status = await client.workflow
        .getHandle(`recommendation-${id}`)
        .describe()
        .then(
          (d) => d.status.name,
          () => 'NOT_FOUND',
        );
      workflows.set(id, status);
    });
  });
  for (const plan of planned) {
    const recommendation = plan.recommendation as RecommendationPlan;
    const problems: string[] = [];
    const stored = rows.filter((row) => row.title === recommendation.title);
    if (stored.length > 1) {
      duplicated += stored.length - 1;
      duplicateNotes.push(`recommendation "${recommendation.title}" stored ${stored.length} times`);
    }
    const row = stored.find((r) => r.id === recommendation.id) ?? stored[0];
    if (recommendation.error) problems.push(`its drive failed: ${recommendation.error}`);
    else if (!row) problems.push('no row in PostgreSQL');
    if (row) {
      const own = events.get(row.id) ?? [];
      const gaps = own.filter((event, index) => event.seq !== index + 1);
      if (gaps.length) problems.push(`the timeline's sequence has gaps or repeats at seq ${gaps.map((e) => e.seq).join(', ')}`);
      const life = own.filter((event) => !RECOMMENDATION_TIMERS.includes(event.type)).map((event) => event.type);
      for (const type of new Set([...life, ...own.map((event) => event.type)])) {
        const times = own.filter((event) => event.type === type).length;
        if (times > 1) {
          duplicated += times - 1;
          duplicateNotes.push(`recommendation of case #${plan.index} ${row.id}: ${type} stored ${times} times`);
        }
      }
      const unique = life.filter((type, index) => life.indexOf(type) === index);
      if (unique.join(' ') !== RECOMMENDATION_LIFE.join(' ')) problems.push(`its timeline is ${unique.join(' ')}`);
      if (row.status !== 'CLOSED') problems.push(`status ${row.status}, expected CLOSED`);
      if (Number(row.version) < own.length) problems.push(`the row's version ${row.version} is behind its ${own.length} events`);
      const issued = documents.get(`${row.id}:issue`) ?? [];
      if (!issued.some((document) => document.frozen && document.doc_no === row.doc_no))
        problems.push(`its 建议书 ${row.doc_no} has no frozen document`);
      const extra = issued.length - 1 + issued.reduce((sum, document) => sum + Math.max(document.issued - 1, 0), 0);
      if (extra > 0) {
        duplicated += extra;
        duplicateNotes.push(
          `document of recommendation ${row.id}: ${issued.map((d) => `${d.doc_no} issued ${d.issued} times`).join(', ')}`,
        );
      }
      if (!notices.has(row.id)) problems.push('its RECOMMENDATION_ISSUED notice is not in the outbox');
      if (workflows.get(row.id) !== 'COMPLETED')
        problems.push(`workflow recommendation-${row.id} is ${workflows.get(row.id)}, expected COMPLETED`);
    }
    if (problems.length) lost.set(plan.index, problems);
  }
  return { lost, duplicated, duplicateNotes };
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
