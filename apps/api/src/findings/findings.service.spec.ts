import type { AppConfigService } from '@reform/config';
import type { Principal } from '@reform/contracts';
import type { AuditQueries, FindingFilter, FindingQueries } from '@reform/persistence';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { FindingsService } from './findings.service';
import type { ListFindingsQuery } from './dto/list-findings.query';

const unitU1: Principal = { id: 'u1', name: 'Unit', roles: ['unit'], unitId: 'U1' };
const auditor: Principal = { id: 'a1', name: 'Auditor', roles: ['auditor', 'unit'], unitId: 'U1' };

function setUp() {
  const list = jest.fn(async (_filter: FindingFilter) => ({ items: [], total: 7 }));
  const { scope } = registerOf([
    ROOT,
    orgUnit('OFFICE-1', 'office', 'ROOT'),
    orgUnit('U1', 'unit', 'OFFICE-1'),
    orgUnit('U2', 'unit', 'ROOT'),
  ]);
  const service = new FindingsService({ list } as unknown as FindingQueries, {} as AuditQueries, scope, {} as AppConfigService);
  return { service, list };
}
const query = (fields: Partial<ListFindingsQuery>) => ({ page: 1, pageSize: 50, ...fields }) as ListFindingsQuery;

describe('FindingsService.list', () => {
  it('confines a unit user to its own unit', async () => {
    const { service, list } = setUp();
    await service.list(query({ overdue: 'true' }), unitU1);
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ unitId: 'U1', overdue: true }), { page: 1, pageSize: 50 });
  });

  it('gives a unit user an empty list when it asks for another unit', async () => {
    const { service, list } = setUp();
    expect(await service.list(query({ unitId: 'U2' }), unitU1)).toEqual({ items: [], total: 0 });
    expect(list).not.toHaveBeenCalled();
  });

  it('lets any other role see every unit', async () => {
    const { service, list } = setUp();
    await service.list(query({ unitId: 'U2', overdue: 'false' }), auditor);
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ unitId: 'U2', overdue: false }), expect.anything());
  });

  it('confines an officer, supervisor or auditor with an org unit to its jurisdiction, with the unit and office asked for', async () => {
    const { service, list } = setUp();
    const supervisor: Principal = { id: 's1', name: 'Sup', roles: ['supervisor'], orgUnitId: 'OFFICE-1' };
    await service.list(query({ unitId: 'U2', trackingOfficeId: 'OFFICE-1' }), supervisor);
    expect(list).toHaveBeenCalledWith(
      expect.objectContaining({
        unitId: 'U2',
        trackingOfficeId: 'OFFICE-1',
        within: [{ everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] }],
      }),
      expect.anything(),
    );
  });
});
