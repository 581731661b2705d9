import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { fakeApi, hoursFromNow, renderAs, USERS } from '../testing/render';
import { Ledger } from './ledger';

// jsdom cannot follow a download link; what is exported is what the API was asked for.
vi.mock('../ui/save-blob', () => ({ saveBlob: () => undefined }));

describe('Ledger', () => {
  it('says plainly when the server has no ledger yet', async () => {
    renderAs(USERS.officer, fakeApi({ 'GET /ledger': new ApiError(404, 'Cannot GET /api/v1/ledger') }), <Ledger />);
    expect(await screen.findByText('台账功能尚未开通：服务器没有提供台账接口。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '导出 CSV' })).toBeNull();
  });

  it('filters by unit and by tracking office, picked by name', async () => {
    const api = fakeApi({ 'GET /ledger': { items: [], total: 0 } });
    renderAs(USERS.supervisor, api, <Ledger />);
    await screen.findByRole('option', { name: '县财政局（U-FIN）' });
    fireEvent.change(screen.getByLabelText('责任单位'), { target: { value: 'U-FIN' } });
    fireEvent.change(screen.getByLabelText('跟踪单位'), { target: { value: 'SG-1' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() =>
      expect(api.get).toHaveBeenLastCalledWith('/ledger', expect.objectContaining({ unitId: 'U-FIN', trackingOfficeId: 'SG-1', page: 1 })),
    );
  });

  it('keeps the applied filters and the page in the address: a shared link shows the same rows, and exports them', async () => {
    window.history.replaceState(null, '', '/ledger?unitId=U-FIN&overdue=true&page=2');
    const api = fakeApi({ 'GET /ledger': { items: [], total: 120 } });
    api.download.mockResolvedValue({ blob: new Blob(['x']), filename: 'ledger.csv' });
    renderAs(USERS.supervisor, api, <Ledger />);
    await waitFor(() =>
      expect(api.get).toHaveBeenCalledWith('/ledger', expect.objectContaining({ unitId: 'U-FIN', overdue: 'true', page: 2 })),
    );
    expect((screen.getByLabelText('是否逾期') as HTMLSelectElement).value).toBe('true');
    expect(screen.getByRole('navigation', { name: '第 2 / 3 页' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() =>
      expect(api.download).toHaveBeenCalledWith('/ledger', expect.objectContaining({ unitId: 'U-FIN', overdue: 'true' }), 'text/csv'),
    );

    // A new filter is applied by 查询 only, and starts again from the first page.
    fireEvent.change(screen.getByLabelText('督办层级'), { target: { value: '2' } });
    expect(window.location.search).toBe('?unitId=U-FIN&overdue=true&page=2');
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(window.location.search).toBe('?unitId=U-FIN&overdue=true&escalationLevel=2');
    fireEvent.click(screen.getByRole('button', { name: '重置' }));
    expect(window.location.search).toBe('');
    expect((screen.getByLabelText('是否逾期') as HTMLSelectElement).value).toBe('');
  });

  it("prints the ledger's columns in the domain's words", async () => {
    const row = {
      seq: 1,
      findingId: 'f-1',
      caseId: 'c-1',
      caseCode: 'ZG-2026-0001',
      caseTitle: '某局违规发放津补贴案',
      title: '公务接待超标准',
      unitId: 'U-FIN',
      responsiblePerson: '王芳',
      dueAt: hoursFromNow(-5),
      status: 'RECTIFYING',
      overdue: true,
      escalationLevel: 2,
      accountability: 'none',
      createdAt: hoursFromNow(-100),
      closedAt: null,
    };
    renderAs(USERS.supervisor, fakeApi({ 'GET /ledger': { items: [row], total: 1 } }), <Ledger />);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual([
      '序号',
      '案件编号',
      '案件名称',
      '问题',
      '责任单位',
      '责任人',
      '整改时限',
      '整改状态',
      '是否逾期',
      '督办层级',
      '问责情况',
      '销号日期',
    ]);
    const cells = screen.getAllByRole('cell').map((td) => td.textContent);
    expect(cells).toEqual(expect.arrayContaining(['ZG-2026-0001', '公务接待超标准', '整改中', '是', '约谈', '无']));
    expect((await screen.findByRole('cell', { name: '县财政局' })).querySelector('[title="U-FIN"]')).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出 Excel' })).toBeTruthy();
  });
});
