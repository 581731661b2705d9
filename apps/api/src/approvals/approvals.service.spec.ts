import type { FindingQueries } from '@reform/persistence';
import { ApprovalsService } from './approvals.service';

describe('ApprovalsService', () => {
  const listPendingApprovals = jest.fn().mockResolvedValue({ items: [], total: 0 });
  const service = new ApprovalsService({ listPendingApprovals } as unknown as FindingQueries);
  beforeEach(() => listPendingApprovals.mockClear());

  it('answers the whole queue when no page is asked for (the contract: every pending finding)', async () => {
    await service.pending({});
    expect(listPendingApprovals).toHaveBeenCalledWith();
  });

  it('answers one page when page or pageSize is given, defaulting the other', async () => {
    await service.pending({ pageSize: 10 });
    expect(listPendingApprovals).toHaveBeenLastCalledWith({ page: 1, pageSize: 10 });
    await service.pending({ page: 3 });
    expect(listPendingApprovals).toHaveBeenLastCalledWith({ page: 3, pageSize: 50 });
  });
});
