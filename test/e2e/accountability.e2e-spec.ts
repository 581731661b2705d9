import type { AccountabilityReport, AuditEntry, LedgerItem } from '@reform/contracts';
import { randomBytes } from 'node:crypto';
import { eventually } from '../support/http';
import {
  Api,
  admin,
  as,
  auditor,
  expectErrorBody,
  expectFindingShape,
  expectNoServerErrorsInEachTest,
  officer,
  Steps,
  supervisor,
  inMs,
  unitUser,
  type Finding,
  type FindingWithEvents,
  type Page,
} from '../support/contract';
import { Stack } from '../support/stack';

const V1 = '/api/v1';
/** This file's own org units, so that its report counts are exactly its own. */
const tag = randomBytes(3).toString('hex').toUpperCase();
const OFFICE_A = `OFF-ACC-A-${tag}`;
const OFFICE_B = `OFF-ACC-B-${tag}`;
const UNIT_A = `U-ACC-A-${tag}`;
const UNIT_B = `U-ACC-B-${tag}`;
/** The report's own office and unit, so that its counts depend on no other test. */
const OFFICE_C = `OFF-ACC-C-${tag}`;
const UNIT_C = `U-ACC-C-${tag}`;
const outsider = as({ sub: 'supervisor-office-b', roles: ['supervisor'], orgUnitId: OFFICE_B });

const outcome = (overrides: Record<string, unknown> = {}) => ({
  target: 'leader',
  personName: '刘局长',
  form: '诫勉',
  decidedBy: '中共某县委员会',
  decisionDocNo: '县委〔2026〕5号',
  decidedAt: inMs(-60_000),
  fourForm: 2,
  ...overrides,
});

describe('问责结果 and the accountability report (one stack, policies of seconds)', () => {
  let stack: Stack;
  let api: Api;
  let steps: Steps;
  const startedAt = new Date(Date.now() - 60_000).toISOString();

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        POLICY_ESCALATION_STEP: 'PT2S',
        POLICY_REMIND_BEFORE: 'PT1S',
        POLICY_APPROVAL_SLA: 'PT30S',
        POLICY_PLAN_DUE: 'PT30S',
        POLICY_FOLLOW_UP_AFTER: 'PT2S',
      },
    });
    api = new Api(stack.url(''));
    steps = new Steps(api);
    for (const [id, body] of [
      [OFFICE_A, { name: '问责测试第一室', kind: 'office', parentId: 'ROOT' }],
      [OFFICE_B, { name: '问责测试第二室', kind: 'office', parentId: 'ROOT' }],
      [UNIT_A, { name: '问责测试单位甲', kind: 'unit', parentId: OFFICE_A }],
      [UNIT_B, { name: '问责测试单位乙', kind: 'unit', parentId: OFFICE_B }],
      [OFFICE_C, { name: '问责测试第三室', kind: 'office', parentId: 'ROOT' }],
      [UNIT_C, { name: '问责测试单位丙', kind: 'unit', parentId: OFFICE_C }],
    ] as const) {
      const saved = await api.put(`${V1}/org-units/${id}`, body, admin);
      expect({ id, status: saved.status }).toEqual({ id, status: 201 });
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });
  expectNoServerErrorsInEachTest(() => api);

  const read = async (id: string): Promise<FindingWithEvents> => {
    const response = await steps.finding(id);
    expect(response.status).toBe(200);
    return response.body;
  };
  const record = (id: string, body: unknown, by = supervisor) => api.post<Finding>(`${V1}/findings/${id}/accountability/outcome`, body, by);
  /** Overdue at once and proposed for accountability two escalation steps later. */
  const proposed = async (count: number, unitId = UNIT_A): Promise<Finding[]> => {
    const opened = await steps.openCase(Array.from({ length: count }, () => ({ unitId, dueAt: inMs(1_500) })));
    for (const finding of opened.findings) {
      await eventually(
        () => read(finding.id),
        (seen) => seen.accountability === 'proposed',
        30_000,
      );
    }
    return opened.findings;
  };

  it('records an outcome only on a referred accountability, with every field checked, by a supervisor within jurisdiction', async () => {
    const [finding, other] = await proposed(2);

    // 409 before referral, the message saying where accountability stands.
    const early = await record(finding.id, outcome());
    expect(early.status).toBe(409);
    expectErrorBody(early.body, 409, /accountability is proposed, not referred/, { code: 'STEP_NOT_ALLOWED' });
    expect((early.body as unknown as { status: string }).status).toBe('ASSIGNED');

    expect((await steps.decideAccountability(finding.id, 'refer', supervisor, '移送县委问责')).status).toBe(200);
    expect((await steps.decideAccountability(other.id, 'reject', supervisor, '情节轻微')).status).toBe(200);
    const rejected = await record(other.id, outcome());
    expect(rejected.status).toBe(409);
    expectErrorBody(rejected.body, 409, /accountability is rejected, not referred/);

    // 400, naming each field.
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['an unknown target', outcome({ target: 'person' }), 'target', /target must be one of the following values: organisation, leader/],
      [
        'a leader form for an organisation',
        outcome({ target: 'organisation', form: '诫勉' }),
        'form',
        /form must be one of 检查, 通报, 改组/,
      ],
      [
        'an organisation form for a leader',
        outcome({ form: '改组' }),
        'form',
        /form must be one of 通报批评, 诫勉, 组织调整, 组织处理, 纪律处分/,
      ],
      ['no leader named', outcome({ personName: undefined }), 'personName', /personName is required when target is "leader"/],
      ['no deciding body', outcome({ decidedBy: ' ' }), 'decidedBy', /decidedBy must not be empty/],
      ['no document number', outcome({ decisionDocNo: undefined }), 'decisionDocNo', /decisionDocNo is required/],
      ['a decision dated ahead', outcome({ decidedAt: inMs(3_600_000) }), 'decidedAt', /decidedAt must not be in the future/],
      ['a date that is none', outcome({ decidedAt: '2026-13-45' }), 'decidedAt', /decidedAt must be an ISO-8601 date/],
      ['a fifth form', outcome({ fourForm: 5 }), 'fourForm', /fourForm must be one of 1, 2, 3, 4/],
      ['an unknown field', outcome({ accountability: 'decided' }), 'accountability', /property accountability should not exist/],
    ];
    for (const [label, body, field, message] of cases) {
      const refused = await record(finding.id, body);
      expect({ label, status: refused.status }).toEqual({ label, status: 400 });
      expectErrorBody(refused.body, 400, message, { code: 'VALIDATION_FAILED', field });
    }

    // 403 for every other role, 404 outside the supervisor's jurisdiction (as for an unknown id).
    for (const [who, by] of [
      ['officer', officer],
      ['auditor', auditor],
      ['unit', unitUser(UNIT_A)],
    ] as const) {
      expect({ who, status: (await record(finding.id, outcome(), by)).status }).toEqual({ who, status: 403 });
    }
    const hidden = await record(finding.id, outcome(), outsider);
    expect(hidden.status).toBe(404);
    expectErrorBody(hidden.body, 404);
    expect((await record('00000000-0000-4000-8000-000000000000', outcome())).status).toBe(404);
    expect((await read(finding.id)).accountability).toBe('referred');

    // 200: decided, and durable — in the timeline, the audit log, the ledger and its export.
    const body = outcome();
    const decided = await record(finding.id, body);
    expect(decided.status).toBe(200);
    expectFindingShape(decided.body);
    const expected = { ...body, decidedAt: new Date(body.decidedAt as string).toISOString() };
    expect(decided.body).toMatchObject({ accountability: 'decided', accountabilityOutcome: expected, escalationLevel: 3 });
    const again = await record(finding.id, outcome({ form: '纪律处分' }));
    expect(again.status).toBe(409);
    expectErrorBody(again.body, 409, /accountability is decided, not referred/);

    const timeline = await read(finding.id);
    expect(timeline).toMatchObject({ accountability: 'decided', accountabilityOutcome: expected });
    const entry = timeline.events.find((event) => event.type === 'ACCOUNTABILITY_DECIDED');
    expect(entry).toMatchObject({ actor: 'supervisor-1', data: expected });
    expect(timeline.events.map((event) => event.type).slice(-2)).toEqual(['ACCOUNTABILITY_REFERRED', 'ACCOUNTABILITY_DECIDED']);
    const audit = await api.get<Page<AuditEntry>>(`${V1}/audit?entityId=${finding.id}&type=ACCOUNTABILITY_DECIDED`, auditor);
    expect(audit.body).toMatchObject({ total: 1, items: [{ entityId: finding.id, seq: entry?.seq, data: expected }] });

    const ledger = await api.get<Page<LedgerItem>>(`${V1}/ledger?caseId=${finding.caseId}`, supervisor);
    const rows = new Map(ledger.body.items.map((row) => [row.findingId, row]));
    expect(rows.get(finding.id)).toMatchObject({ accountability: 'decided', accountabilityForm: '诫勉', fourForm: 2 });
    expect(rows.get(other.id)).toMatchObject({ accountability: 'rejected', accountabilityForm: null, fourForm: null });
    const csv = await api.get<string>(`${V1}/ledger?caseId=${finding.caseId}`, { ...supervisor, accept: 'text/csv' });
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const headers = lines[0].split(',');
    expect(headers.slice(headers.indexOf('问责情况'), headers.indexOf('问责情况') + 3)).toEqual(['问责情况', '问责方式', '形态']);
    const cells = (title: string) => {
      const line = lines.find((each) => each.includes(title)) as string;
      const values = line.split(',');
      return values.slice(headers.indexOf('问责情况'), headers.indexOf('问责情况') + 3);
    };
    expect(cells(finding.title)).toEqual(['已作出问责决定', '诫勉', '第二种形态']);
    expect(cells(other.title)).toEqual(['不予问责', '', '']);
  });

  it('takes the outcome of a referral long after the finding closed and its follow-up held', async () => {
    const [finding] = await proposed(1);
    expect((await steps.decideAccountability(finding.id, 'refer', supervisor, '移送问责')).status).toBe(200);
    await steps.toClosed(finding.id, unitUser(UNIT_A));
    await eventually(
      () => read(finding.id),
      (seen) => seen.pendingApproval === 'followUp',
      20_000,
    );
    const held = await steps.followUp(finding.id, 'held');
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'CLOSED', accountability: 'referred', pendingApproval: null });
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const decided = await record(finding.id, outcome({ target: 'organisation', personName: undefined, form: '通报', fourForm: 1 }));
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'CLOSED',
      accountability: 'decided',
      accountabilityOutcome: { target: 'organisation', personName: null, form: '通报', fourForm: 1 },
    });
  });

  it('reports interviews and accountability of an org unit, by form, by 形态 and by unit', async () => {
    const [kept, dropped, pending] = await proposed(3, UNIT_C);
    for (const id of [kept.id, pending.id])
      expect((await steps.decideAccountability(id, 'refer', supervisor, '移送问责')).status).toBe(200);
    expect((await steps.decideAccountability(dropped.id, 'reject', supervisor, '情节轻微')).status).toBe(200);
    expect((await record(kept.id, outcome({ form: '纪律处分', fourForm: 3 }))).status).toBe(200);
    const period = `from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(inMs(3_600_000))}`;
    const reportOf = (query: string, by = auditor) => api.get<AccountabilityReport>(`${V1}/reports/accountability?${query}`, by);

    const ofOffice = await reportOf(`${period}&orgUnitId=${OFFICE_C}`);
    expect(ofOffice.status).toBe(200);
    // The unit's three findings passed level 2 together: one interview (约谈) for the unit, not yet held.
    expect(ofOffice.body).toMatchObject({
      interviews: { proposed: 1, held: 0, overdue: 0 },
      accountability: {
        referred: 2,
        rejected: 1,
        decided: 1,
        byForm: { 检查: 0, 通报: 0, 改组: 0, 通报批评: 0, 诫勉: 0, 组织调整: 0, 组织处理: 0, 纪律处分: 1 },
        byFourForm: { '1': 0, '2': 0, '3': 1, '4': 0 },
      },
      byUnit: [{ unitId: UNIT_C, unitName: '问责测试单位丙', interviews: 1, decided: 1 }],
    });
    for (const by of [officer, supervisor]) expect((await reportOf(`${period}&orgUnitId=${OFFICE_C}`, by)).body).toEqual(ofOffice.body);
    expect((await reportOf(`${period}&unitId=${UNIT_C}`)).body.accountability).toEqual(ofOffice.body.accountability);

    // Asked by a supervisor whose jurisdiction does not cover it, or of a period before anything happened: nothing.
    expect((await reportOf(`${period}&orgUnitId=${OFFICE_C}`, outsider)).body).toMatchObject({
      accountability: { referred: 0, rejected: 0, decided: 0 },
      byUnit: [],
    });
    expect((await reportOf(`from=2020-01-01&to=2020-12-31&orgUnitId=${OFFICE_C}`)).body.accountability).toMatchObject({
      referred: 0,
      decided: 0,
    });
    expect((await reportOf(`${period}&unitId=${UNIT_C}`, outsider)).body).toMatchObject({ accountability: { referred: 0, decided: 0 } });
    // The root rolls every office up.
    const all = await reportOf(period);
    expect(all.body.accountability.decided).toBeGreaterThanOrEqual(1);
    expect(all.body.byUnit.find((unit) => unit.unitId === UNIT_C)).toMatchObject({ decided: 1 });

    expect((await reportOf(period, unitUser(UNIT_A))).status).toBe(403);
    const unknown = await reportOf('orgUnitId=NO-SUCH-OFFICE');
    expect(unknown.status).toBe(400);
    expectErrorBody(unknown.body, 400, /orgUnitId: unknown org unit/, { field: 'orgUnitId' });
    const malformed = await reportOf('from=yesterday');
    expect(malformed.status).toBe(400);
    expectErrorBody(malformed.body, 400, /from/, { field: 'from' });
  });
});
