import type { Client } from '@temporalio/client';
import { interviewDeskWorkflowId } from '@reform/contracts';
import type { Database } from './database';
import { OFFICER, SUPERVISORS } from './driver';
import { sleep, type Random } from './random';
import { NoAnswer, type Traffic } from './traffic';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Holds the interviews (约谈) of some units while the drive runs, as their officers would: each
 * PROPOSED one is scheduled, then recorded as held. A step whose answer was lost is looked for on
 * the interview's timeline before it is sent again, so the suite never applies anything twice.
 */
export class InterviewDriver {
  held = 0;
  readonly errors: string[] = [];
  private stopped = false;

  constructor(
    private readonly traffic: Traffic,
    private readonly db: Database,
    private readonly units: string[],
  ) {}

  async run(random: Random): Promise<void> {
    while (!this.stopped) {
      await sleep(random.int(3_000, 8_000));
      const open = await this.db.query<{ id: string; status: string }>(
        `SELECT id, status FROM interviews WHERE unit_id = ANY($1::text[]) AND status IN ('PROPOSED', 'SCHEDULED')`,
        [this.units],
      );
      for (const interview of open) {
        if (this.stopped) return;
        try {
          if (interview.status === 'PROPOSED') await this.step(interview.id, 'schedule', 'INTERVIEW_SCHEDULED', random);
          await this.step(interview.id, 'record', 'INTERVIEW_HELD', random);
          this.held += 1;
        } catch (error) {
          this.errors.push(`interview ${interview.id}: ${(error as Error).message}`);
        }
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async step(id: string, path: 'schedule' | 'record', event: string, random: Random): Promise<void> {
    const body =
      path === 'schedule'
        ? { scheduledAt: iso(Date.now() + 3_600_000), interviewer: '纪委书记', interviewee: { name: '单位主要负责人', tier: 'principal' } }
        : { heldAt: iso(Date.now() - 60_000), minutes: '约谈记录', statement: '坚决整改' };
    const headers = random.chance(0.5) ? OFFICER : SUPERVISORS[random.int(0, SUPERVISORS.length - 1)];
    const deadline = Date.now() + 300_000;
    let uncertain = false;
    while (Date.now() < deadline) {
      if (uncertain && (await this.applied(id, event))) return;
      const answer = await this.traffic.request('POST', `/api/v1/interviews/${id}/${path}`, body, headers);
      if (!(answer instanceof NoAnswer) && answer.status === 200) return;
      if (answer instanceof NoAnswer || answer.status === 429 || answer.status >= 500) uncertain = true;
      // Held already: an earlier, unanswered try was applied.
      else if (answer.status === 409 && (await this.applied(id, 'INTERVIEW_HELD'))) return;
      else throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      await sleep(1000);
    }
    throw new Error(`${path}: not applied within the patience of a client`);
  }

  private async applied(id: string, type: string): Promise<boolean> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE entity_id = $1 AND type = $2', [id, type]);
    return rows[0].n > 0;
  }
}

export interface InterviewVerdict {
  interviews: number;
  held: number;
  overdue: number;
  problems: string[];
  /** Joins or interviews recorded more than once. */
  duplicated: number;
}

/**
 * What PostgreSQL and Temporal must show of the interviews once the drive is over: every finding
 * that reached level 2 in exactly one interview of its own unit, with INTERVIEW_PROPOSED once on
 * its timeline; a unit's interviews one after the other (the next proposed only after the last was
 * held), never two open at once; each chased once when not held in time; each desk running.
 */
export async function checkInterviews(
  db: Database,
  temporal: <T>(work: (client: Client) => Promise<T>) => Promise<T>,
): Promise<InterviewVerdict> {
  const problems: string[] = [];
  let duplicated = 0;
  const reached = await db.query<{ id: string; unit_id: string; interview_id: string | null; proposed: number; held_events: number }>(
    `SELECT f.id, f.unit_id, f.interview_id,
       (SELECT count(*)::int FROM events e WHERE e.entity_id = f.id AND e.type = 'INTERVIEW_PROPOSED') AS proposed,
       (SELECT count(*)::int FROM events e WHERE e.entity_id = f.id AND e.type = 'INTERVIEW_HELD') AS held_events
     FROM findings f
     WHERE EXISTS (SELECT 1 FROM events e WHERE e.entity_id = f.id AND e.type = 'ESCALATED' AND (e.data->>'level')::int = 2)`,
  );
  const memberships = await db.query<{ finding_id: string; interview_id: string; unit_id: string; status: string }>(
    `SELECT j.finding_id, j.interview_id, i.unit_id, i.status FROM interview_findings j JOIN interviews i ON i.id = j.interview_id`,
  );
  const membershipsOf = new Map<string, typeof memberships>();
  for (const row of memberships) membershipsOf.set(row.finding_id, [...(membershipsOf.get(row.finding_id) ?? []), row]);
  for (const finding of reached) {
    const its = membershipsOf.get(finding.id) ?? [];
    if (finding.proposed !== 1) {
      problems.push(`finding ${finding.id} reached level 2 and has ${finding.proposed} INTERVIEW_PROPOSED events`);
      if (finding.proposed > 1) duplicated += 1;
    }
    if (its.length !== 1) {
      problems.push(`finding ${finding.id} reached level 2 and is in ${its.length} interviews`);
      if (its.length > 1) duplicated += 1;
      continue;
    }
    const [membership] = its;
    if (finding.interview_id !== membership.interview_id)
      problems.push(`finding ${finding.id} names interview ${finding.interview_id}, but is in ${membership.interview_id}`);
    if (membership.unit_id !== finding.unit_id)
      problems.push(`finding ${finding.id} of ${finding.unit_id} is in an interview of ${membership.unit_id}`);
    const expectedHeld = membership.status === 'HELD' ? 1 : 0;
    if (finding.held_events !== expectedHeld)
      problems.push(`finding ${finding.id} has ${finding.held_events} INTERVIEW_HELD events; its interview is ${membership.status}`);
  }

  const interviews = await db.query<{
    id: string;
    unit_id: string;
    status: string;
    overdue: boolean;
    due_at: Date;
    proposed_at: Date;
    members: number;
    types: string[];
    seqs: number[];
    held_at_event: Date | null;
    proposed_at_event: Date | null;
    overdue_at_event: Date | null;
  }>(
    `SELECT i.id, i.unit_id, i.status, i.overdue, i.due_at, i.proposed_at,
       (SELECT count(*)::int FROM interview_findings j WHERE j.interview_id = i.id) AS members,
       (SELECT array_agg(e.type ORDER BY e.seq) FROM events e WHERE e.entity_id = i.id) AS types,
       (SELECT array_agg(e.seq ORDER BY e.seq) FROM events e WHERE e.entity_id = i.id) AS seqs,
       (SELECT min(e.at) FROM events e WHERE e.entity_id = i.id AND e.type = 'INTERVIEW_HELD') AS held_at_event,
       (SELECT min(e.at) FROM events e WHERE e.entity_id = i.id AND e.type = 'INTERVIEW_PROPOSED') AS proposed_at_event,
       (SELECT min(e.at) FROM events e WHERE e.entity_id = i.id AND e.type = 'INTERVIEW_OVERDUE') AS overdue_at_event
     FROM interviews i ORDER BY i.unit_id, i.proposed_at`,
  );
  const now = Date.now();
  const count = (types: string[], type: string) => types.filter((each) => each === type).length;
  for (const interview of interviews) {
    const types = interview.types ?? [];
    const name = `interview ${interview.id} of ${interview.unit_id}`;
    if (count(types, 'INTERVIEW_PROPOSED') !== 1 || types[0] !== 'INTERVIEW_PROPOSED')
      problems.push(`${name}: timeline ${types.join(',')}`);
    if (count(types, 'INTERVIEW_PROPOSED') > 1) duplicated += 1;
    if (!(interview.seqs ?? []).every((seq, index) => seq === index + 1)) problems.push(`${name}: event seqs ${interview.seqs.join(',')}`);
    if (count(types, 'INTERVIEW_JOINED') !== interview.members - 1)
      problems.push(`${name}: ${interview.members} findings but ${count(types, 'INTERVIEW_JOINED')} INTERVIEW_JOINED`);
    if ((interview.status === 'HELD') !== (count(types, 'INTERVIEW_HELD') === 1))
      problems.push(`${name}: ${interview.status} with timeline ${types.join(',')}`);
    const overdueEvents = count(types, 'INTERVIEW_OVERDUE');
    if (overdueEvents > 1) problems.push(`${name}: INTERVIEW_OVERDUE ${overdueEvents} times`);
    const heldInTime = interview.held_at_event !== null && interview.held_at_event.getTime() < interview.due_at.getTime();
    // Its timer fires on the worker's clock; a generous slack covers a Temporal restart.
    if (!heldInTime && overdueEvents === 0 && interview.due_at.getTime() < now - 60_000)
      problems.push(`${name}: not held by ${interview.due_at.toISOString()} and never chased`);
    if (interview.overdue !== overdueEvents > 0)
      problems.push(`${name}: overdue ${interview.overdue} with ${overdueEvents} INTERVIEW_OVERDUE`);
  }
  // One after the other: a unit's next interview is proposed only once its last one was held.
  for (let index = 1; index < interviews.length; index++) {
    const [before, after] = [interviews[index - 1], interviews[index]];
    if (before.unit_id !== after.unit_id) continue;
    const heldAt = before.held_at_event?.getTime();
    const proposedAt = after.proposed_at_event?.getTime() ?? after.proposed_at.getTime();
    if (heldAt === undefined || heldAt > proposedAt)
      problems.push(`unit ${after.unit_id}: interview ${after.id} proposed while ${before.id} was still open (two open at once)`);
  }
  const units = [...new Set(interviews.map((interview) => interview.unit_id))];
  await temporal(async (client) => {
    for (const unitId of units) {
      const description = await client.workflow.getHandle(interviewDeskWorkflowId(unitId)).describe();
      if (description.status.name !== 'RUNNING') problems.push(`the interview desk of ${unitId} is ${description.status.name}`);
    }
  });
  return {
    interviews: interviews.length,
    held: interviews.filter((interview) => interview.status === 'HELD').length,
    overdue: interviews.filter((interview) => interview.overdue).length,
    problems,
    duplicated,
  };
}
