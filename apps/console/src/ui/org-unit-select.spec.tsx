import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { orgUnits } from '../testing/org';
import { fakeApi, renderAs, USERS } from '../testing/render';
import { Field } from './field';
import { OrgUnitSelect, type PickerSide } from './org-unit-select';

function Picker({ side, onPick, includeInactive }: { side: PickerSide; onPick?: (id: string) => void; includeInactive?: boolean }) {
  const [value, setValue] = useState('');
  return (
    <Field label="单位">
      <OrgUnitSelect
        side={side}
        value={value}
        emptyLabel="请选择"
        includeInactive={includeInactive}
        onChange={(id) => {
          setValue(id);
          onPick?.(id);
        }}
      />
    </Field>
  );
}

const withInactive = () => orgUnits().map((unit) => (unit.id === 'U-EDU' ? { ...unit, active: false } : unit));
const texts = (elements: HTMLElement[]) => elements.map((element) => element.textContent);

describe('OrgUnitSelect', () => {
  it('offers the active responsible units by name and code, grouped under the discipline-side org unit above them', async () => {
    const onPick = vi.fn();
    renderAs(USERS.officer, fakeApi({ 'GET /org-units': { items: withInactive() } }), <Picker side="unit" onPick={onPick} />);
    const select = (await screen.findByRole('combobox', { name: '单位' })) as HTMLSelectElement;
    await screen.findByRole('option', { name: '县财政局（U-FIN）' });
    const groups = select.querySelectorAll('optgroup');
    expect([...groups].map((group) => group.label)).toEqual(['县纪委监委', '城关镇纪委']);
    expect(texts(within(groups[0] as HTMLElement).getAllByRole('option'))).toEqual(['县财政局（U-FIN）', '县人力资源和社会保障局（U-HR）']);
    expect(texts(within(groups[1] as HTMLElement).getAllByRole('option'))).toEqual(['城关镇人民政府（U-CG）', '城关镇中心小学（U-CGXX）']);
    // Neither the discipline side nor an inactive unit can be assigned a finding.
    expect(screen.queryByRole('option', { name: /OFF-1|U-EDU/ })).toBeNull();
    fireEvent.change(select, { target: { value: 'U-CG' } });
    expect(onPick).toHaveBeenCalledWith('U-CG');
    expect(select.value).toBe('U-CG');
  });

  it('indents a unit below another unit, and marks inactive ones where a filter asks for them', async () => {
    const units = [...withInactive(), { ...orgUnits()[5], id: 'U-FIN-KJ', name: '县财政局会计科', parentId: 'U-FIN' }];
    renderAs(USERS.officer, fakeApi({ 'GET /org-units': { items: units } }), <Picker side="unit" includeInactive />);
    await screen.findByRole('option', { name: /U-FIN-KJ/ });
    const options = texts(screen.getAllByRole('option'));
    expect(options).toContain('\u3000县财政局会计科（U-FIN-KJ）');
    expect(options).toContain('县教育局（U-EDU） · 已停用');
  });

  it('offers the discipline side indented along the tree for the tracking office', async () => {
    renderAs(USERS.officer, fakeApi({}), <Picker side="discipline" />);
    await screen.findByRole('option', { name: '县纪委监委（ROOT）' });
    expect(texts(screen.getAllByRole('option'))).toEqual([
      '请选择',
      '县纪委监委（ROOT）',
      '\u3000第一纪检监察室（OFF-1）',
      '\u3000第二纪检监察室（OFF-2）',
      '\u3000派驻第一纪检监察组（SG-1）',
      '\u3000城关镇纪委（TC-CG）',
    ]);
  });

  it('falls back to typing a code when the directory cannot be loaded', async () => {
    const onPick = vi.fn();
    renderAs(
      USERS.officer,
      fakeApi({ 'GET /org-units': new ApiError(0, 'the server cannot be reached') }),
      <Picker side="unit" onPick={onPick} />,
    );
    const input = await screen.findByRole('textbox', { name: '单位' });
    fireEvent.change(input, { target: { value: ' U-FIN ' } });
    expect(onPick).toHaveBeenCalledWith('U-FIN');
  });

  it('says so when no unit is registered yet', async () => {
    renderAs(USERS.officer, fakeApi({ 'GET /org-units': { items: orgUnits().slice(0, 1) } }), <Picker side="unit" />);
    expect(await screen.findByRole('option', { name: '尚无已登记、在用的责任单位，请联系系统管理员。' })).toBeTruthy();
  });
});
