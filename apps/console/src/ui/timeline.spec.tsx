import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { event, fakeApi, renderAs, USERS } from '../testing/render';
import { Timeline } from './timeline';

const events = [
  event(1, 'ASSIGNED', 5, { unitId: 'U-FIN', trackingOfficeId: 'OFF-1' }, 'officer-li', '李明'),
  event(2, 'REMINDER_SENT', 4),
  event(3, 'PLAN_SUBMITTED', 3, { content: '双人复核' }, 'someone-new', null),
];

describe('Timeline', () => {
  it('names the actors from the register, the timers as 系统, and an unknown actor by id; units by name', async () => {
    renderAs(USERS.supervisor, fakeApi({}), <Timeline events={events} />);
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]).getByTitle('officer-li').textContent).toBe('李明');
    expect(within(items[1]).getByTitle('system').textContent).toBe('系统');
    expect(within(items[2]).getByTitle('someone-new').textContent).toBe('someone-new');
    expect((await within(items[0]).findByText('县财政局')).getAttribute('title')).toBe('U-FIN');
    expect(within(items[0]).getByText('第一纪检监察室').getAttribute('title')).toBe('OFF-1');
  });

  it('says System in English, and shows the code while the directory is not there', async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /org-units': { items: [] } }), <Timeline events={events} />, 'en');
    expect(screen.getByTitle('system').textContent).toBe('System');
    expect(screen.getByTitle('U-FIN').textContent).toBe('U-FIN');
  });
});
