import type { InterviewView, InterviewWithEvents } from '@reform/contracts';
import { eventually } from '../support/http';
import {
  admin,
  Api,
  as,
  auditor,
  eventTypes,
  expectErrorBody,
  expectNoServerErrorsInEachTest,
  inMs,
  officer,
  Steps,
  supervisor,
  uniqueUnit,
  unitUser,
  type Finding,
  type FindingWithEvents,
  type Page,
} from '../support/contract';
import { Stack } from '../support/stack';

const STEP_MS = 2_000;
const INTERVIEW_DUE_MS = 8_000;
/** INTERVIEW_OVERDUE may come at any moment of a slow run: it is asserted where it is the point. */
const withoutOverdue = (types: string[]) => types.filter((type) => type !== 'INTERVIEW_OVERDUE');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('HTTP contract: interviews (约谈) — one open per unit, scheduled, held, chased', () => {
  let stack: Stack;
  let api: Api;
  let steps: Steps;

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        POLICY_ESCALATION_STEP: `PT${STEP_MS / 1000}S`,
        POLICY_REMIND_BEFORE: 'PT1S',
        POLICY_INTERVIEW_DUE: `PT${INTERVIEW_DUE_MS / 1000}S`,
      },
    });
    api = new Api(stack.url(''));
    steps = new Steps(api);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  expectNoServerErrorsInEachTest(() => api);

  const finding = async (id: string): Promise<FindingWithEvents> => (await steps.finding(id)).body;
  const interview = async (id: string, by = supervisor) => api.get<InterviewWithEvents>(`/api/v1/interviews/${id}`, by);
  const schedule = (id: string, body: Record<string, unknown>, by = supervisor) =>
    api.post<InterviewView>(`/api/v1/interviews/${id}/schedule`, body, by);
  const record = (id: string, body: Record<string, unknown>, by = supervisor) =>
    api.post<InterviewView>(`/api/v1/interviews/${id}/record`, body, by);
  const scheduleBody = (overrides: Record<string, unknown> = {}) => ({
    scheduledAt: inMs(3_600_000),
    interviewer: '李书记',
    interviewee: { name: '张局长', tier: 'principal' },
    ...overrides,
  });
  const recordBody = (overrides: Record<string, unknown> = {}) => ({
    heldAt: inMs(-60_000),
    minutes: '约谈记录：指出问题，提出要求',
    statement: '坚决整改，立行立改',
    ...overrides,
  });

  /** Findings of one new unit, overdue in a moment: level 2 (约谈) comes one step after the deadline. */
  async function findingsAtInterviewLevel(count: number): Promise<{ unitId: string; findings: Finding[]; interviewId: string }> {
    const unitId = uniqueUnit('IV');
    await api.registerUnits(unitId);
    const dueAt = inMs(1_500);
    const opened = await steps.openCase(Array.from({ length: count }, () => ({ unitId, dueAt })));
    const joined = await Promise.all(
      opened.findings.map((each) =>
        eventually(
          () => finding(each.id),
          (read) => read.interviewId !== null,
          30_000,
        ),
      ),
    );
    return { unitId, findings: opened.findings, interviewId: joined[0].interviewId as string };
  }

  it('joins the overdue findings of a unit that reach level 2 into one proposed interview, on every finding’s timeline', async () => {
    const { unitId, findings, interviewId } = await findingsAtInterviewLevel(3);
    for (const each of findings) {
      const read = await finding(each.id);
      expect(read).toMatchObject({ interviewId, escalationLevel: expect.any(Number) });
      const proposed = read.events.filter((event) => event.type === 'INTERVIEW_PROPOSED');
      expect(proposed.map((event) => event.data)).toEqual([{ interviewId, level: 2 }]);
      expect(eventTypes(read).indexOf('INTERVIEW_PROPOSED')).toBeGreaterThan(eventTypes(read).lastIndexOf('OVERDUE'));
    }
    const list = await api.get<Page<InterviewView>>(`/api/v1/interviews?unitId=${unitId}`, supervisor);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const [only] = list.body.items;
    expect(only).toMatchObject({
      id: interviewId,
      unitId,
      status: 'PROPOSED',
      scheduledAt: null,
      interviewee: null,
      heldAt: null,
      overdue: false,
    });
    expect([...only.findingIds].sort()).toEqual(findings.map((each) => each.id).sort());
    expect(Date.parse(only.dueAt) - Date.parse(only.proposedAt)).toBe(INTERVIEW_DUE_MS);

    const read = await interview(interviewId, officer);
    expect(read.status).toBe(200);
    expect(eventTypes(read.body)).toEqual(['INTERVIEW_PROPOSED', 'INTERVIEW_JOINED', 'INTERVIEW_JOINED']);
    const byFinding = await api.get<Page<InterviewView>>(`/api/v1/interviews?findingId=${findings[1].id}`, auditor);
    expect(byFinding.body.items.map((each) => each.id)).toEqual([interviewId]);
    const proposedOnly = await api.get<Page<InterviewView>>(`/api/v1/interviews?unitId=${unitId}&status=HELD`, auditor);
    expect(proposedOnly.body).toEqual({ items: [], total: 0 });
  });

  it('schedules it, moves it, records it held with its files, tells each finding, and refuses any step after', async () => {
    const { findings, interviewId } = await findingsAtInterviewLevel(2);
    const scheduled = await schedule(interviewId, scheduleBody());
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({
      status: 'SCHEDULED',
      interviewer: '李书记',
      interviewee: { name: '张局长', tier: 'principal' },
    });
    const laterAt = inMs(2 * 3_600_000);
    const moved = await schedule(
      interviewId,
      scheduleBody({ scheduledAt: laterAt, interviewee: { name: '王副局长', tier: 'deputy' } }),
      officer,
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'SCHEDULED', scheduledAt: laterAt, interviewee: { name: '王副局长', tier: 'deputy' } });

    const uploaded = await api.upload<{ id: string; sha256: string }>(
      '/api/v1/files',
      { name: '约谈记录.pdf', content: PDF },
      {},
      supervisor,
    );
    expect(uploaded.status).toBe(201);
    const heldAt = inMs(-5 * 60_000);
    const held = await record(interviewId, recordBody({ heldAt, evidence: [{ fileId: uploaded.body.id }] }));
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      status: 'HELD',
      heldAt,
      minutes: '约谈记录：指出问题，提出要求',
      statement: '坚决整改，立行立改',
      evidence: [{ fileId: uploaded.body.id, name: '约谈记录.pdf', sha256: uploaded.body.sha256 }],
    });
    // Answered once INTERVIEW_HELD is on each of its findings' timelines, in PostgreSQL.
    for (const each of findings) {
      const read = await finding(each.id);
      expect(read.events.filter((event) => event.type === 'INTERVIEW_HELD').map((event) => [event.data, event.actor])).toEqual([
        [{ interviewId, heldAt }, 'supervisor-1'],
      ]);
    }
    const timeline = await interview(interviewId);
    expect(withoutOverdue(eventTypes(timeline.body))).toEqual([
      'INTERVIEW_PROPOSED',
      'INTERVIEW_JOINED',
      'INTERVIEW_SCHEDULED',
      'INTERVIEW_SCHEDULED',
      'INTERVIEW_HELD',
    ]);
    // Its file is readable by whoever sees its findings.
    expect((await api.get(`/api/v1/files/${uploaded.body.id}`, unitUser(findings[0].unitId))).status).toBe(200);

    for (const again of [schedule(interviewId, scheduleBody()), record(interviewId, recordBody())]) {
      const refused = await again;
      expect(refused.status).toBe(409);
      expectErrorBody(refused.body, 409, /HELD/);
    }
  });

  it('opens the unit’s next interview for a finding reaching level 2 after the last one was held', async () => {
    const { unitId, interviewId } = await findingsAtInterviewLevel(1);
    expect((await record(interviewId, recordBody())).status).toBe(200);
    const dueAt = inMs(1_500);
    const [next] = (await steps.openCase([{ unitId, dueAt }])).findings;
    const joined = await eventually(
      () => finding(next.id),
      (read) => read.interviewId !== null,
      30_000,
    );
    expect(joined.interviewId).not.toBe(interviewId);
    const list = await api.get<Page<InterviewView>>(`/api/v1/interviews?unitId=${unitId}`, supervisor);
    expect(list.body.items.map((each) => [each.id, each.status])).toEqual([
      [joined.interviewId, 'PROPOSED'],
      [interviewId, 'HELD'],
    ]);
  });

  it('raises INTERVIEW_OVERDUE once when it is not held within POLICY_INTERVIEW_DUE, and keeps it overdue once held', async () => {
    const { interviewId } = await findingsAtInterviewLevel(1);
    const overdue = await eventually(
      () => interview(interviewId),
      (read) => read.body.overdue,
      INTERVIEW_DUE_MS + 20_000,
    );
    expect(eventTypes(overdue.body)).toEqual(['INTERVIEW_PROPOSED', 'INTERVIEW_OVERDUE']);
    const held = await record(interviewId, recordBody());
    expect(held.body).toMatchObject({ status: 'HELD', overdue: true });
  });

  it('refuses bad input with a 400 naming the field, the unit side and auditors with 403, unknown and out-of-jurisdiction ids with 404', async () => {
    const { unitId, interviewId } = await findingsAtInterviewLevel(1);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [scheduleBody({ scheduledAt: inMs(-60_000) }), 'scheduledAt', /scheduledAt must be in the future/],
      [scheduleBody({ scheduledAt: 'tomorrow' }), 'scheduledAt', /ISO-8601/],
      [scheduleBody({ interviewer: '' }), 'interviewer', /interviewer/],
      [scheduleBody({ interviewee: undefined }), 'interviewee', /interviewee/],
      [scheduleBody({ interviewee: { name: '张局长', tier: 'boss' } }), 'interviewee.tier', /tier/],
      [scheduleBody({ interviewee: { tier: 'direct' } }), 'interviewee.name', /name/],
      [{ ...scheduleBody(), extra: 1 }, 'extra', /extra/],
    ];
    for (const [body, field, message] of cases) {
      const refused = await schedule(interviewId, body);
      expect({ field, status: refused.status }).toEqual({ field, status: 400 });
      expectErrorBody(refused.body, 400, message, { field });
    }
    const recordCases: Array<[Record<string, unknown>, string, RegExp]> = [
      [recordBody({ heldAt: inMs(3_600_000) }), 'heldAt', /heldAt must not be in the future/],
      [recordBody({ minutes: undefined }), 'minutes', /minutes/],
      [recordBody({ statement: '   ' }), 'statement', /statement/],
      [recordBody({ evidence: [{ fileId: '00000000-0000-4000-8000-000000000000' }] }), 'evidence[0].fileId', /no file/],
      [recordBody({ evidence: [{ fileId: 'x' }] }), 'evidence[0].fileId', /UUID/],
    ];
    for (const [body, field, message] of recordCases) {
      const refused = await record(interviewId, body);
      expect({ field, status: refused.status }).toEqual({ field, status: 400 });
      expectErrorBody(refused.body, 400, message, { field });
    }
    // A file someone else uploaded is not the recorder's to attach.
    const theirs = await api.upload<{ id: string }>('/api/v1/files', { name: 'x.pdf', content: PDF }, {}, unitUser(unitId));
    const notMine = await record(interviewId, recordBody({ evidence: [{ fileId: theirs.body.id }] }));
    expectErrorBody(notMine.body, 400, /no file/, { field: 'evidence[0].fileId' });

    for (const who of [unitUser(unitId), auditor, admin]) {
      expect((await schedule(interviewId, scheduleBody(), who)).status).toBe(403);
      expect((await record(interviewId, recordBody(), who)).status).toBe(403);
    }
    expect((await api.get(`/api/v1/interviews/${interviewId}`, unitUser(unitId))).status).toBe(403);
    expect((await api.get('/api/v1/interviews', admin)).status).toBe(403);
    const unknown = await interview('00000000-0000-4000-8000-000000000001');
    expect(unknown.status).toBe(404);
    expectErrorBody(unknown.body, 404);
    expect((await interview('not-an-id')).status).toBe(404);
    expect((await schedule('00000000-0000-4000-8000-000000000001', scheduleBody())).status).toBe(404);
    expect((await api.get('/api/v1/interviews?status=DONE', supervisor)).status).toBe(400);

    // An office whose jurisdiction does not cover the unit sees nothing of it.
    const office = uniqueUnit('OFF');
    const saved = await api.put(`/api/v1/org-units/${office}`, { name: '第九纪检监察室', kind: 'office', parentId: 'ROOT' }, admin);
    expect([200, 201]).toContain(saved.status);
    const outsider = as({ sub: 'supervisor-far', roles: ['supervisor'], orgUnitId: office });
    expect((await interview(interviewId, outsider)).status).toBe(404);
    expect((await schedule(interviewId, scheduleBody(), outsider)).status).toBe(404);
    const theirList = await api.get<Page<InterviewView>>(`/api/v1/interviews?unitId=${unitId}`, outsider);
    expect(theirList.body).toEqual({ items: [], total: 0 });
    // Nothing refused entered the interview's history.
    expect(withoutOverdue(eventTypes((await interview(interviewId)).body))).toEqual(['INTERVIEW_PROPOSED']);
  });
});
