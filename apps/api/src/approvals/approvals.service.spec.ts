import type { Principal } from '@reform/contracts';
import type { FindingQueries } from '@reform/persistence';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { ApprovalsService } from './approvals.service';

const supervisor: Principal = { id: 's1', name: 'Sup', roles: ['supervisor'] };
const units = [ROOT, orgUnit('OFFICE-1', 'office', 'ROOT'), orgUnit('U1', 'unit', 'OFFICE-1'), orgUnit('U2', 'unit', 'ROOT')];

describe('ApprovalsService', () => {
  const listPendingApprovals = jest.fn().mockResolvedValue({ items: [], total: 0 });
  const service = new ApprovalsService({ listPendingApprovals } as unknown as FindingQueries, registerOf(units).scope);
  beforeEach(() => listPendingApprovals.mockClear());

  it('answers the whole queue when no page is asked for (the contract: every pending finding)', async () => {
    await service.pending({}, supervisor);
    expect(listPendingApprovals).toHaveBeenCalledWith(undefined, undefined);
  });

  it('answers one page when page or pageSize is given, defaulting the other', async () => {
    await service.pending({ pageSize: 10 }, supervisor);
    expect(listPendingApprovals).toHaveBeenLastCalledWith({ page: 1, pageSize: 10 }, undefined);
    await service.pending({ page: 3 }, supervisor);
    expect(listPendingApprovals).toHaveBeenLastCalledWith({ page: 3, pageSize: 50 }, undefined);
  });

  it("confines a supervisor with an org unit to that org unit's jurisdiction", async () => {
    await service.pending({}, { ...supervisor, orgUnitId: 'OFFICE-1' });
    expect(listPendingApprovals).toHaveBeenCalledWith(undefined, [{ everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] }]);
    await service.pending({}, { ...supervisor, orgUnitId: 'ROOT' });
    expect(listPendingApprovals).toHaveBeenLastCalledWith(undefined, undefined);
  });
});
