import type { Principal } from '@reform/contracts';
import type { FindingQueries, RecommendationQueries } from '@reform/persistence';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { ApprovalsService } from './approvals.service';

const supervisor: Principal = { id: 's1', name: 'Sup', roles: ['supervisor'] };
const units = [ROOT, orgUnit('OFFICE-1', 'office', 'ROOT'), orgUnit('U1', 'unit', 'OFFICE-1'), orgUnit('U2', 'unit', 'ROOT')];

describe('ApprovalsService', () => {
  const listPendingApprovals = jest.fn().mockResolvedValue({ items: [], total: 0 });
  const pendingSignoff = jest.fn().mockResolvedValue([]);
  const service = new ApprovalsService({ listPendingApprovals } as unknown as FindingQueries, registerOf(units).scope, {
    pendingSignoff,
  } as unknown as RecommendationQueries);
  beforeEach(() => {
    listPendingApprovals.mockClear();
    pendingSignoff.mockClear();
  });

  it('answers the whole queue when no page is asked for (the contract: every pending finding), and the sign-offs beside it', async () => {
    const waiting = { id: 'r1', status: 'PENDING_SIGNOFF' };
    pendingSignoff.mockResolvedValueOnce([waiting]);
    expect(await service.pending({}, supervisor)).toEqual({ items: [], total: 0, recommendations: [waiting] });
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
    const office = [{ everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] }];
    expect(listPendingApprovals).toHaveBeenCalledWith(undefined, office);
    expect(pendingSignoff).toHaveBeenCalledWith(office);
    await service.pending({}, { ...supervisor, orgUnitId: 'ROOT' });
    expect(listPendingApprovals).toHaveBeenLastCalledWith(undefined, undefined);
  });
});
