import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, finding, hoursFromNow, renderAs, USERS } from '../testing/render';
import { CasePage } from './case-page';

const opened = (openedByName: string | null) => ({
  id: 'c-1',
  code: 'ZG-2026-0001',
  title: '某局违规发放津补贴案',
  summary: '巡察发现',
  source: 'inspection',
  status: 'OPEN',
  openedBy: 'officer-li',
  openedByName,
  createdAt: hoursFromNow(-48),
  updatedAt: hoursFromNow(-1),
  closedAt: null,
  findings: [finding(), finding({ id: 'f-2', title: '公务接待超标准', unitId: 'U-CG' })],
});

describe('CasePage', () => {
  it("names the opener and each finding's unit, their ids on hover", async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /cases/c-1': opened('李明') }), <CasePage id="c-1" />);
    expect((await screen.findByText('李明')).getAttribute('title')).toBe('officer-li');
    const row = (await screen.findByText('公务接待超标准')).closest('tr') as HTMLElement;
    expect((await within(row).findByText('城关镇人民政府')).getAttribute('title')).toBe('U-CG');
  });

  it('shows the id of an opener the register does not have', async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /cases/c-1': opened(null) }), <CasePage id="c-1" />);
    expect((await screen.findByText('officer-li')).tagName).toBe('DD');
  });
});
