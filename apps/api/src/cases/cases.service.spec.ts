import type { AppConfigService } from '@reform/config';
import type { CaseWithFindings, OpenCaseInput, Person, Principal } from '@reform/contracts';
import { BUNDLED_CALENDAR_FILES, calendarFromFiles } from '@reform/domain';
import type { CaseQueries, IdempotencyClaim, IdempotencyStore, Within } from '@reform/persistence';
import { WorkingDayDeadlines } from '../deadlines/working-day-deadlines';
import { CaseClosedError } from '../errors/case-closed.error';
import { IdempotencyKeyReusedError } from '../errors/idempotency-key-reused.error';
import { InvalidInputError } from '../errors/invalid-input.error';
import { NotFoundError } from '../errors/not-found.error';
import type { ReformWorkflows } from '../temporal/reform-workflows.client';
import { orgUnit, registerOf, ROOT, unitsUnderRoot } from '../testing/fake-register';
import { CasesService } from './cases.service';
import type { CreateCaseDto } from './dto/create-case.dto';

const officer: Principal = { id: 'o1', name: 'Officer Li', roles: ['officer'] };
const UNITS = [
  ROOT,
  orgUnit('OFFICE-1', 'office', 'ROOT'),
  orgUnit('U1', 'unit', 'OFFICE-1'),
  ...unitsUnderRoot('U2'),
  orgUnit('U-OFF', 'unit', 'ROOT', { active: false }),
];
const REGISTERED_NAMES: Record<string, string> = { o1: '李干部' };
const dto = {
  title: 'Split contracts',
  summary: 'Contracts split under the threshold',
  source: 'audit',
  findings: [{ title: 'Tendering bypassed', description: 'd', unitId: 'U1', dueAt: '2099-01-01' }],
} as CreateCaseDto;

/** An in-memory stand-in for the idempotency table's (actor, key) uniqueness. */
function fakeStore(): IdempotencyStore {
  const rows = new Map<string, IdempotencyClaim>();
  return {
    claim: async (claim: IdempotencyClaim) => {
      const key = `${claim.actor}/${claim.key}`;
      if (!rows.has(key)) rows.set(key, claim);
      const row = rows.get(key) as IdempotencyClaim;
      return { requestHash: row.requestHash, caseId: row.caseId };
    },
  } as IdempotencyStore;
}

function setUp(stored: Map<string, CaseWithFindings> = new Map()) {
  const started: OpenCaseInput[] = [];
  const workflows = {
    openCase: jest.fn(async (open: OpenCaseInput) => {
      started.push(open);
      const opened = {
        id: open.caseId,
        code: 'ZG-2099-0001',
        status: 'OPEN',
        openedBy: open.openedBy.id,
        findings: [],
      } as unknown as CaseWithFindings;
      // The workflow answers without the opener's name; the case as stored has it (the query joins the people register).
      stored.set(open.caseId, { ...opened, openedByName: REGISTERED_NAMES[open.openedBy.id] ?? null });
      return opened;
    }),
    addFinding: jest.fn(),
    caseOpened: jest.fn(async (_caseId: string) => undefined),
  };
  /** The jurisdiction each read of a case ran within; a case is found only when `inJurisdiction` says so. */
  const reads: Array<Within[] | undefined> = [];
  const inJurisdiction = { value: true };
  const read = async (id: string, within?: Within[]) => {
    reads.push(within);
    return within === undefined || inJurisdiction.value ? (stored.get(id) ?? null) : null;
  };
  const cases = { findWithFindings: read, findById: read } as unknown as CaseQueries;
  const workingDays = { calendar: calendarFromFiles(BUNDLED_CALENDAR_FILES), timeZone: 'Asia/Shanghai', deadlineTime: '18:00' };
  const config = { policy: { planDueMs: 1 }, workingDays } as unknown as AppConfigService;
  const deadlines = new WorkingDayDeadlines(config);
  const { fake, register, scope } = registerOf(UNITS);
  for (const [id, name] of Object.entries(REGISTERED_NAMES)) fake.persons.set(id, { id, name, orgUnitId: 'OFFICE-1' } as Person);
  const service = new CasesService(
    cases,
    fakeStore(),
    workflows as unknown as ReformWorkflows,
    config,
    deadlines,
    register,
    fake.store,
    scope,
  );
  return { service, workflows, started, stored, reads, inJurisdiction };
}

describe('CasesService.open', () => {
  it('builds the workflow input with fresh ids, the caller and normalised deadlines', async () => {
    const { service, started } = setUp();
    const { created } = await service.open(dto, officer);
    expect(created).toBe(true);
    const [open] = started;
    expect(open.openedBy).toEqual({ id: 'o1', name: 'Officer Li' });
    expect(open.findings[0]).toMatchObject({ caseId: open.caseId, dueAt: '2099-01-01T00:00:00.000Z', createdAt: open.openedAt });
    expect(open.findings[0].id).not.toEqual(open.caseId);
    expect(open.policy).toEqual({ planDueMs: 1 });
    expect(open.timeZone).toBe('Asia/Shanghai');
  });

  it('counts a deadline given in working days on the holiday calendar, from the moment the case opens', async () => {
    jest.useFakeTimers({ now: new Date('2026-09-30T02:00:00Z'), doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const { service, started } = setUp();
      const { title, description, unitId } = dto.findings[0];
      await service.open({ ...dto, findings: [{ title, description, unitId, dueInWorkingDays: 1 }] } as CreateCaseDto, officer);
      expect(started[0].findings[0].dueAt).toBe('2026-10-08T10:00:00.000Z'); // after Golden Week, 18:00 Beijing
    } finally {
      jest.useRealTimers();
    }
  });

  it('answers 400 naming the field when the calendar has no data for the year it reaches', async () => {
    jest.useFakeTimers({ now: new Date('2027-12-20T02:00:00Z'), doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const { service, workflows } = setUp();
      const { title, description, unitId } = dto.findings[0];
      const opening = service.open({ ...dto, findings: [{ title, description, unitId, dueInWorkingDays: 30 }] } as CreateCaseDto, officer);
      await expect(opening).rejects.toThrow(InvalidInputError);
      await expect(opening).rejects.toThrow(/^findings\.0\.dueInWorkingDays cannot be counted: .*no data for 2028/);
      expect(workflows.openCase).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('replays the same key and body to the same case, answering 200 the second time', async () => {
    const { service, workflows } = setUp();
    const first = await service.open(dto, officer, 'key-1');
    const again = await service.open({ ...dto } as CreateCaseDto, officer, 'key-1');
    expect(again).toEqual({ opened: first.opened, created: false });
    expect(workflows.openCase).toHaveBeenCalledTimes(1);
    // The replay waited for the case's workflow to finish opening it (its findings' workflows started).
    expect(workflows.caseOpened).toHaveBeenCalledWith(first.opened.id);
  });

  it('reuses the bound case id when an earlier attempt did not finish', async () => {
    const { service, workflows, stored } = setUp();
    workflows.openCase.mockRejectedValueOnce(new Error('temporal down'));
    await expect(service.open(dto, officer, 'key-2')).rejects.toThrow('temporal down');
    const retried = await service.open(dto, officer, 'key-2');
    expect(retried.created).toBe(true);
    const [first, second] = workflows.openCase.mock.calls.map(([open]) => open.caseId);
    expect(second).toBe(first);
    expect(stored.size).toBe(1);
  });

  it('refuses the same key with another body', async () => {
    const { service } = setUp();
    await service.open(dto, officer, 'key-3');
    await expect(service.open({ ...dto, title: 'Another case' } as CreateCaseDto, officer, 'key-3')).rejects.toThrow(
      IdempotencyKeyReusedError,
    );
  });

  it('scopes keys per caller', async () => {
    const { service, workflows } = setUp();
    await service.open(dto, officer, 'key-4');
    await service.open(dto, { ...officer, id: 'o2' }, 'key-4');
    expect(workflows.openCase).toHaveBeenCalledTimes(2);
  });

  it('refuses (400) findings for a unit that is unregistered, inactive or not a unit, naming every such field, before any workflow starts', async () => {
    const { service, workflows } = setUp();
    const [first] = dto.findings;
    const findings = ['U9', 'U1', 'U-OFF', 'OFFICE-1'].map((unitId) => ({ ...first, unitId }));
    const opening = service.open({ ...dto, findings } as CreateCaseDto, officer, 'key-5');
    await expect(opening).rejects.toBeInstanceOf(InvalidInputError);
    await expect(opening).rejects.toMatchObject({
      field: 'findings[0].unitId',
      message: expect.stringMatching(
        /^findings\[0\]\.unitId: unknown unit "U9"; findings\[2\]\.unitId: unit "U-OFF" is not active; findings\[3\]\.unitId: "OFFICE-1" is a/,
      ),
    });
    expect(workflows.openCase).not.toHaveBeenCalled();
  });

  it("has each finding tracked by the opener's org unit (the root for an opener with none), or by the office asked for", async () => {
    const { service, started } = setUp();
    await service.open(dto, { ...officer, orgUnitId: 'OFFICE-1' });
    await service.open(dto, officer);
    const [first] = dto.findings;
    await service.open({ ...dto, findings: [{ ...first, trackingOfficeId: 'OFFICE-1' }] } as CreateCaseDto, officer);
    expect(started.map((open) => open.findings[0].trackingOfficeId)).toEqual(['OFFICE-1', 'ROOT', 'OFFICE-1']);
  });

  it('refuses (400) a tracking office that is not a registered, discipline-side org unit', async () => {
    const { service } = setUp();
    const [first] = dto.findings;
    for (const [trackingOfficeId, why] of [
      ['OFFICE-9', 'unknown org unit "OFFICE-9"'],
      ['U2', '"U2" is a unit, not a discipline-side org unit'],
    ]) {
      const opening = service.open({ ...dto, findings: [{ ...first, trackingOfficeId }] } as CreateCaseDto, officer);
      await expect(opening).rejects.toMatchObject({
        field: 'findings[0].trackingOfficeId',
        message: `findings[0].trackingOfficeId: ${why}`,
      });
    }
  });

  it("answers the opened case with the opener's name from the people register", async () => {
    const { service } = setUp();
    expect((await service.open(dto, officer)).opened).toMatchObject({ openedByName: '李干部' });
    expect((await service.open(dto, { ...officer, id: 'o-unregistered' })).opened).toMatchObject({ openedByName: null });
  });
});

describe('CasesService reads', () => {
  const open = { id: 'c3', code: 'ZG-3', status: 'OPEN', findings: [] } as unknown as CaseWithFindings;

  it("reads a case within the caller's jurisdiction, and answers one outside it as unknown (404)", async () => {
    const { service, reads, inJurisdiction } = setUp(new Map([['c3', open]]));
    expect(await service.get('c3', officer)).toBe(open);
    expect(reads.pop()).toBeUndefined();
    await service.get('c3', { ...officer, orgUnitId: 'OFFICE-1' });
    expect(reads.pop()).toEqual([{ everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] }]);
    inJurisdiction.value = false;
    await expect(service.get('c3', { ...officer, orgUnitId: 'OFFICE-1' })).rejects.toThrow(NotFoundError);
    await expect(service.addFinding('c3', dto.findings[0], { ...officer, orgUnitId: 'OFFICE-1' })).rejects.toThrow(NotFoundError);
  });
});

describe('CasesService.addFinding', () => {
  const finding = dto.findings[0];

  it('404s an unknown case and 409s a closed one', async () => {
    const closed = { id: 'c1', code: 'ZG-1', status: 'CLOSED', findings: [] } as unknown as CaseWithFindings;
    const { service } = setUp(new Map([['c1', closed]]));
    await expect(service.addFinding('c0', finding, officer)).rejects.toThrow(NotFoundError);
    await expect(service.addFinding('c1', finding, officer)).rejects.toEqual(CaseClosedError.of('ZG-1'));
  });

  it("hands the case to the façade, which words a finished workflow's refusal, and passes that on", async () => {
    const open = { id: 'c2', code: 'ZG-2', status: 'OPEN', findings: [] } as unknown as CaseWithFindings;
    const { service, workflows } = setUp(new Map([['c2', open]]));
    workflows.addFinding.mockRejectedValueOnce(CaseClosedError.of('ZG-2'));
    await expect(service.addFinding('c2', finding, officer)).rejects.toEqual(CaseClosedError.of('ZG-2'));
    expect(workflows.addFinding).toHaveBeenCalledWith(expect.objectContaining({ id: 'c2', code: 'ZG-2' }), expect.anything());
  });

  it("refuses (400) a finding for a unit nobody would see, naming the field, and tracks it by the adder's org unit", async () => {
    const open = { id: 'c4', code: 'ZG-4', status: 'OPEN', findings: [] } as unknown as CaseWithFindings;
    const { service, workflows } = setUp(new Map([['c4', open]]));
    await expect(service.addFinding('c4', { ...finding, unitId: 'U9' }, officer)).rejects.toMatchObject({
      field: 'unitId',
      message: 'unitId: unknown unit "U9"',
    });
    expect(workflows.addFinding).not.toHaveBeenCalled();
    await service.addFinding('c4', finding, { ...officer, orgUnitId: 'OFFICE-1' });
    expect(workflows.addFinding).toHaveBeenCalledWith(
      open,
      expect.objectContaining({ finding: expect.objectContaining({ unitId: 'U1', trackingOfficeId: 'OFFICE-1' }) }),
    );
  });
});
