import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { OrgUnit } from '../api/types';
import { orgUnits, people } from '../testing/org';
import { refused } from '../testing/refusals';
import { fakeApi, renderAs, USERS } from '../testing/render';
import { OrgAdmin } from './org-admin';

const unitOf = (id: string) => orgUnits().find((unit) => unit.id === id) as OrgUnit;
const echo = (id: string) => (body: unknown) => ({ ...unitOf(id), ...(body as object), id });
const putBody = (api: ReturnType<typeof fakeApi>) => (api.put.mock.calls.at(-1) as unknown as [string, Record<string, unknown>])[1];

async function open(answers: Record<string, unknown> = {}) {
  const api = fakeApi({ 'GET /people': { items: people() }, ...answers });
  renderAs(USERS.admin, api, <OrgAdmin />);
  const tree = await screen.findByRole('list', { name: '机构树' });
  await within(tree).findByRole('button', { name: '县财政局' });
  return { api, tree };
}

describe('OrgAdmin', () => {
  it('shows the tree, parents before children, with each kind in words', async () => {
    const { tree } = await open();
    const rows = within(tree).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getByRole('button').textContent)).toEqual([
      '县纪委监委',
      '第一纪检监察室',
      '第二纪检监察室',
      '派驻第一纪检监察组',
      '城关镇纪委',
      '城关镇人民政府',
      '城关镇中心小学',
      '县财政局',
      '县人力资源和社会保障局',
      '县教育局',
    ]);
    expect(rows[3].textContent).toContain('派驻纪检监察组');
    expect(rows[5].style.paddingInlineStart).toBe('2.5rem');
  });

  it('edits a unit: its name, head and liaison from the people register, and saves every field', async () => {
    const { api } = await open({ 'PUT /org-units/U-FIN': echo('U-FIN') });
    fireEvent.click(screen.getByRole('button', { name: '县财政局' }));
    expect(await screen.findByRole('heading', { name: '编辑“县财政局”' })).toBeTruthy();
    expect((screen.getByLabelText('编码') as HTMLInputElement).readOnly).toBe(true);
    fireEvent.change(screen.getByLabelText('名称'), { target: { value: '县财政局（国资办）' } });
    const head = screen.getByLabelText('主要负责人') as HTMLSelectElement;
    await within(head).findByRole('option', { name: '张伟（head-fin）' });
    expect(head.querySelector('optgroup')?.label).toBe('本单位人员');
    fireEvent.change(head, { target: { value: 'unit-wang' } });
    fireEvent.change(screen.getByLabelText('联络员'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('已保存“县财政局（国资办）”。')).toBeTruthy();
    expect(api.put.mock.calls[0][0]).toBe('/org-units/U-FIN');
    expect(putBody(api)).toEqual({
      name: '县财政局（国资办）',
      kind: 'unit',
      parentId: 'ROOT',
      supervises: [],
      active: true,
      headPersonId: 'unit-wang',
      liaisonPersonId: null,
    });
    // The rest of the console names units from the directory: it is loaded again.
    await waitFor(() => expect(api.get.mock.calls.filter(([path]) => path === '/org-units').length).toBeGreaterThanOrEqual(3));
  });

  it('picks the units a stationed group supervises', async () => {
    const { api } = await open({ 'PUT /org-units/SG-1': echo('SG-1') });
    fireEvent.click(screen.getByRole('button', { name: '派驻第一纪检监察组' }));
    const supervises = await screen.findByRole('group', { name: '另行监督的责任单位' });
    expect((within(supervises).getByLabelText('县人力资源和社会保障局（U-HR）') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(supervises).getByLabelText('县人力资源和社会保障局（U-HR）'));
    fireEvent.click(within(supervises).getByLabelText('县教育局（U-EDU）'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存“派驻第一纪检监察组”。');
    expect(putBody(api)).toMatchObject({ kind: 'stationed_group', supervises: ['U-FIN', 'U-EDU'] });
  });

  it('adds a unit below the one picked, and shows a refusal beside the field it names', async () => {
    const { api } = await open({
      'PUT /org-units/U-CG-SW': refused(['parentId', 'notAssignable']),
    });
    fireEvent.click(screen.getByRole('button', { name: '城关镇纪委' }));
    fireEvent.click(await screen.findByRole('button', { name: '新增下级' }));
    expect(await screen.findByRole('heading', { name: '新增组织机构' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('编码'), { target: { value: 'U-CG-SW' } });
    fireEvent.change(screen.getByLabelText('名称'), { target: { value: '城关镇水务站' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const parent = screen.getByLabelText('上级机构');
    await waitFor(() => expect(parent.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('不能用于此处（已停用或类型不符）。')).toBeTruthy();
    expect(putBody(api)).toMatchObject({ name: '城关镇水务站', kind: 'unit', parentId: 'TC-CG', active: true, headPersonId: null });
  });

  it('does not offer a unit its own subtree as its parent', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: '城关镇纪委' }));
    const parent = (await screen.findByLabelText('上级机构')) as HTMLSelectElement;
    const offered = [...parent.options].map((option) => option.value);
    expect(offered).toContain('ROOT');
    expect(offered).not.toContain('TC-CG');
    expect(offered).not.toContain('U-CG');
  });

  it('says why a unit with open findings cannot be deactivated', async () => {
    await open({ 'PUT /org-units/U-HR': new ApiError(409, 'U-HR has 2 open findings', undefined, undefined, 'UNIT_IN_USE') });
    fireEvent.click(screen.getByRole('button', { name: '县人力资源和社会保障局' }));
    fireEvent.click(await screen.findByLabelText('在用'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toBe('该单位仍有未销号的问题，不能停用。');
  });

  it('imports a register file and says how many were created and updated', async () => {
    const { api } = await open({ 'POST /org-units/import': { created: 3, updated: 1 } });
    const file = new File(['编码,名称,类型,上级编码\nU-NEW,新单位,责任单位,ROOT'], 'org.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('名册文件'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('导入完成：新增 3 个，更新 1 个。')).toBeTruthy();
    const [path, form] = api.upload.mock.calls[0] as unknown as [string, FormData];
    expect(path).toBe('/org-units/import');
    expect((form.get('file') as File).name).toBe('org.csv');
  });

  it('lists every bad row of a refused import, one per line', async () => {
    await open({
      'POST /org-units/import': new ApiError(
        400,
        'file org.xlsx was not imported (2 bad rows): row 2 (U-X): 上级编码 "NOPE" is not registered; row 5 (U-Y): 类型 "局" is not a kind',
        undefined,
        'file',
        'VALIDATION_FAILED',
        {
          problems: [
            { row: 2, field: 'parentId', rule: 'unknownReference' },
            { row: 5, field: 'kind', rule: 'oneOf' },
          ],
        },
      ),
    });
    fireEvent.change(screen.getByLabelText('名册文件'), { target: { files: [new File(['x'], 'org.xlsx')] } });
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('文件未导入，以下问题需要修正：')).toBeTruthy();
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['第2行 · 上级编码 · 未在登记册中找到。', '第5行 · 类型 · 不是可选的值。']);
  });
});
