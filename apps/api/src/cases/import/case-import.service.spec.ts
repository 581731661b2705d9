import type { AppConfigService } from '@reform/config';
import type { CaseWithFindings, Principal } from '@reform/contracts';
import { BUNDLED_CALENDAR_FILES, calendarFromFiles } from '@reform/domain';
import type { CaseQueries, IdempotencyClaim, IdempotencyRecord, IdempotencyStore } from '@reform/persistence';
import { WorkingDayDeadlines } from '../../deadlines/working-day-deadlines';
import { IdempotencyKeyReusedError } from '../../errors/idempotency-key-reused.error';
import { InvalidInputError } from '../../errors/invalid-input.error';
import { orgUnit, registerOf, ROOT } from '../../testing/fake-register';
import type { CasesService } from '../cases.service';
import type { CreateCaseDto } from '../dto/create-case.dto';
import { CaseImportService } from './case-import.service';

const officer: Principal = { id: 'o1', name: 'Officer', roles: ['officer'] };
const meta = { title: '某局违规发放津补贴案', summary: '巡察发现', source: 'inspection' as const };
const file = (text: string) => ({ buffer: Buffer.from(text), originalname: 'findings.csv', size: Buffer.byteLength(text) });
const GOOD = '问题,责任单位,整改时限,整改时限(工作日)\n制度缺失,U1,2099-03-31,\n审批不严,U2,,10\n';

function setUp() {
  const keys = new Map<string, IdempotencyRecord>();
  const stored = new Map<string, CaseWithFindings>();
  const idempotency = {
    find: jest.fn(async (actor: string, key: string) => keys.get(`${actor}/${key}`) ?? null),
    claim: jest.fn(async (claim: IdempotencyClaim) => {
      const id = `${claim.actor}/${claim.key}`;
      if (!keys.has(id)) keys.set(id, { requestHash: claim.requestHash, caseId: claim.caseId });
      return keys.get(id) as IdempotencyRecord;
    }),
  } as unknown as IdempotencyStore;
  const opened: CreateCaseDto[] = [];
  const cases = {
    openAs: jest.fn(async (caseId: string, dto: CreateCaseDto) => {
      opened.push(dto);
      const view = { id: caseId, code: 'ZG-2099-0001', status: 'OPEN', findings: [] } as unknown as CaseWithFindings;
      stored.set(caseId, view);
      return { opened: view, created: true };
    }),
  } as unknown as CasesService;
  const queries = { findWithFindings: async (id: string) => stored.get(id) ?? null } as unknown as CaseQueries;
  const workingDays = { calendar: calendarFromFiles(BUNDLED_CALENDAR_FILES), timeZone: 'Asia/Shanghai', deadlineTime: '18:00' };
  const config = { workingDays } as unknown as AppConfigService;
  const { register, scope } = registerOf([
    ROOT,
    orgUnit('U1', 'unit', 'ROOT', { name: '财政局' }),
    orgUnit('U2', 'unit', 'ROOT'),
    orgUnit('U-OLD', 'unit', 'ROOT', { active: false }),
  ]);
  const service = new CaseImportService(cases, queries, idempotency, new WorkingDayDeadlines(config), config, register, scope);
  return { service, cases, idempotency, opened };
}

describe('CaseImportService', () => {
  beforeAll(() => jest.useFakeTimers({ now: new Date('2026-09-30T02:00:00Z'), doNotFake: ['setImmediate', 'nextTick'] }));
  afterAll(() => jest.useRealTimers());

  it('opens one case with every finding, deadlines resolved, and answers the same case for the same file again', async () => {
    const { service, cases, opened } = setUp();
    const first = await service.import(file(GOOD), meta, officer);
    expect(first.created).toBe(true);
    expect(opened[0]).toMatchObject({
      ...meta,
      findings: [
        { title: '制度缺失', unitId: 'U1' },
        { title: '审批不严', unitId: 'U2' },
      ],
    });
    // 10 working days from Sep 30: Golden Week skipped, the makeup Saturday Oct 10 counted.
    expect(opened[0].findings.map((f) => f.dueAt)).toEqual(['2099-03-31T10:00:00.000Z', '2026-10-20T10:00:00.000Z']);
    const again = await service.import(file(GOOD), meta, { ...officer, id: 'o2' });
    expect(again).toEqual({ opened: first.opened, created: false });
    expect(cases.openAs).toHaveBeenCalledTimes(1);
  });

  it('refuses the same file with another title (409), naming the case it opened', async () => {
    const { service } = setUp();
    await service.import(file(GOOD), meta, officer);
    const again = service.import(file(GOOD), { ...meta, title: '另一个案件' }, officer);
    await expect(again).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(again).rejects.toThrow(/as case ZG-2099-0001/);
  });

  it('creates nothing and binds nothing when any row is bad, listing every bad row', async () => {
    const { service, cases, idempotency } = setUp();
    const bad = '问题,责任单位,整改时限\n好的,U1,2099-01-01\n,U1,2099-01-01\n坏的时限,U1,2020-01-01\n';
    const importing = service.import(file(bad), meta, officer);
    await expect(importing).rejects.toBeInstanceOf(InvalidInputError);
    await expect(importing).rejects.toThrow(
      'file findings.csv was not imported, nothing was created (2 problems): row 3: 问题 is required; row 4: 整改时限 must be in the future',
    );
    await expect(importing).rejects.toMatchObject({
      field: 'file',
      problems: [
        { row: 3, field: 'title', rule: 'required' },
        { row: 4, field: 'dueAt', rule: 'notInFuture' },
      ],
    });
    expect(idempotency.claim).not.toHaveBeenCalled();
    expect(cases.openAs).not.toHaveBeenCalled();
  });

  it('previews what the import would create — rows, unit names, working days counted — creating and binding nothing', async () => {
    const { service, cases, idempotency } = setUp();
    const preview = await service.preview(file(GOOD.replace('U1,', '财政局,')), { ...meta, dryRun: true });
    expect(preview).toEqual({
      dryRun: true,
      findings: [
        {
          row: 2,
          title: '制度缺失',
          description: '制度缺失',
          category: null,
          unitId: 'U1',
          unitName: '财政局',
          responsiblePerson: null,
          dueAt: '2099-03-31T10:00:00.000Z',
        },
        expect.objectContaining({ row: 3, unitId: 'U2', unitName: '名称 U2', dueAt: '2026-10-20T10:00:00.000Z' }),
      ],
    });
    expect(idempotency.find).not.toHaveBeenCalled();
    expect(idempotency.claim).not.toHaveBeenCalled();
    expect(cases.openAs).not.toHaveBeenCalled();
  });

  it('refuses a bad file in the preview with the same 400 as the import', async () => {
    const { service } = setUp();
    const bad = '问题,责任单位,整改时限\n未登记,U9,2099-01-01\n已停用,U-OLD,2099-01-01\n';
    const [previewed, imported] = await Promise.all(
      [service.preview(file(bad), meta), service.import(file(bad), meta, officer)].map((attempt) => attempt.catch((error) => error)),
    );
    expect(previewed).toBeInstanceOf(InvalidInputError);
    expect(previewed).toEqual(imported);
    expect(previewed.message).toBe(imported.message);
    expect(previewed.problems).toEqual([
      { row: 2, field: 'unitId', rule: 'unknownReference' },
      { row: 3, field: 'unitId', rule: 'notAssignable' },
    ]);
  });

  it('names the file as the refused field of an unreadable or missing file', async () => {
    const { service } = setUp();
    const brokenZip = { buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), originalname: 'broken.xlsx', size: 7 };
    await expect(service.preview(brokenZip, meta)).rejects.toMatchObject({ problems: [{ field: 'file', rule: 'unreadable' }] });
    await expect(service.preview(undefined, meta)).rejects.toMatchObject({ problems: [{ field: 'file', rule: 'required' }] });
    const xls = { buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), originalname: 'old.xls', size: 6 };
    await expect(service.preview(xls, meta)).rejects.toMatchObject({ problems: [{ field: 'file', rule: 'unreadable' }] });
  });

  it('takes a unit by its registered name, and refuses the whole file listing every row whose unit is unregistered or inactive', async () => {
    const { service, cases, opened } = setUp();
    await service.import(file('问题,责任单位,整改时限\n按名称,财政局,2099-01-01\n'), meta, officer);
    expect(opened[0].findings.map((finding) => finding.unitId)).toEqual(['U1']);
    const bad = '问题,责任单位,整改时限\n好的,U1,2099-01-01\n未登记,U9,2099-01-01\n已停用,U-OLD,2099-01-01\n';
    await expect(service.import(file(bad), meta, officer)).rejects.toThrow(
      'file findings.csv was not imported, nothing was created (2 problems): row 3: 责任单位 unknown unit "U9"; row 4: 责任单位 unit "U-OLD" is not active',
    );
    expect(cases.openAs).toHaveBeenCalledTimes(1);
  });

  it('asks for a file when there is none', async () => {
    const { service } = setUp();
    await expect(service.import(undefined, meta, officer)).rejects.toThrow(/file is required/);
  });
});
