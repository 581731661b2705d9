import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Person } from '../api/types';
import { people } from '../testing/org';
import { refused } from '../testing/refusals';
import { fakeApi, renderAs, USERS } from '../testing/render';
import { PeopleAdmin } from './people-admin';

const saved = (id: string) => (body: unknown) => ({ ...(people().find((p) => p.id === id) as Person), ...(body as object), id });

describe('PeopleAdmin', () => {
  it('lists the register with each org unit by name, and filters by org unit', async () => {
    const api = fakeApi({ 'GET /people': { items: people() } });
    renderAs(USERS.admin, api, <PeopleAdmin />);
    const row = (await screen.findByRole('button', { name: '编辑“王芳”' })).closest('tr') as HTMLElement;
    expect(await within(row).findByText('县财政局')).toBeTruthy();
    expect(within(row).getByText('13900000001')).toBeTruthy();
    await screen.findByRole('option', { name: '派驻第一纪检监察组（SG-1）' });
    fireEvent.change(screen.getByLabelText('所在机构'), { target: { value: 'SG-1' } });
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/people', { orgUnitId: 'SG-1' }));
  });

  it('edits a person: an emptied contact is sent as null, a refused one is shown beside its field', async () => {
    const api = fakeApi({
      'GET /people': { items: people() },
      'PUT /people/unit-wang': refused(['mobile', 'format']),
    });
    renderAs(USERS.admin, api, <PeopleAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: '编辑“王芳”' }));
    fireEvent.change(screen.getByLabelText('手机（选填）'), { target: { value: '1390000' } });
    fireEvent.change(screen.getByLabelText('电子邮箱（选填）'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(screen.getByLabelText('手机（选填）').getAttribute('aria-invalid')).toBe('true'));
    expect(api.put).toHaveBeenCalledWith('/people/unit-wang', {
      name: '王芳',
      orgUnitId: 'U-FIN',
      mobile: '1390000',
      email: null,
      wecomUserId: 'WangFang',
      active: true,
    });
  });

  it('adds a person to the org unit filtered on', async () => {
    const api = fakeApi({ 'GET /people': { items: [] }, 'PUT /people/sup-ma': saved('sup-ma') });
    renderAs(USERS.admin, api, <PeopleAdmin />);
    await screen.findByRole('option', { name: '城关镇纪委（TC-CG）' });
    fireEvent.change(screen.getByLabelText('所在机构'), { target: { value: 'TC-CG' } });
    fireEvent.click(screen.getByRole('button', { name: '新增人员' }));
    expect(await screen.findByText('暂无人员。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('用户ID'), { target: { value: 'sup-ma' } });
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '马丽' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存“马丽”。')).toBeTruthy();
    expect(api.put).toHaveBeenCalledWith('/people/sup-ma', {
      name: '马丽',
      orgUnitId: 'TC-CG',
      mobile: null,
      email: null,
      wecomUserId: null,
      active: true,
    });
  });
});
