import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it("names an interview's events, its interviewee by name and capacity, and links a finding's interview", () => {
    const interviewEvents = [
      event(1, 'INTERVIEW_PROPOSED', 5, { interviewId: 'i-1' }),
      event(2, 'INTERVIEW_SCHEDULED', 4, { interviewer: '赵强', interviewee: { name: '王局长', tier: 'deputy' }, moved: true }, 'sup-zhao'),
      event(3, 'INTERVIEW_HELD', 3, { interviewId: 'i-1', findingIds: ['f-1', 'f-2'], evidence: [] }, 'sup-zhao'),
    ];
    renderAs(USERS.supervisor, fakeApi({}), <Timeline events={interviewEvents} />);
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]).getByText('提出约谈')).toBeTruthy();
    expect(within(items[0]).getByRole('link', { name: '约谈 →' }).getAttribute('href')).toBe('/interviews/i-1');
    expect(within(items[1]).getByText('王局长（分管领导）')).toBeTruthy();
    expect(within(items[1]).getByText('调整时间').nextElementSibling?.textContent).toBe('是');
    expect(within(items[2]).getByText('涉及问题数').nextElementSibling?.textContent).toBe('2');
    // A record without files shows no empty 证据 line.
    expect(within(items[2]).queryByText('证据')).toBeNull();
  });

  it('says how far ahead of its deadline a reminder of a list was sent', () => {
    renderAs(
      USERS.supervisor,
      fakeApi({}),
      <Timeline events={[event(1, 'REMINDER_SENT', 4, { dueAt: '2026-03-31T10:00:00.000Z', before: 'P3D' })]} />,
    );
    expect(screen.getByText('提前').nextElementSibling?.textContent).toBe('P3D');
  });

  describe('evidence', () => {
    afterEach(() => vi.restoreAllMocks());

    it('links an uploaded file, fetched with the token and saved under its name; v1 evidence stays its name and digest', async () => {
      const api = fakeApi({});
      api.download.mockResolvedValue({ blob: new Blob(['%PDF']), filename: 'ignored.pdf' });
      const saved: string[] = [];
      URL.createObjectURL = vi.fn(() => 'blob:evidence');
      URL.revokeObjectURL = vi.fn();
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push(`${this.download} ${this.href}`);
      });
      const report = event(4, 'REPORT_SUBMITTED', 1, {
        content: '已整改',
        evidence: [
          { fileId: 'file-1', name: '整改台账.pdf', sha256: 'a1'.repeat(32) },
          { name: '会议纪要.pdf', sha256: 'c3'.repeat(32), uri: 'https://oa.example/1' },
        ],
      });
      renderAs(USERS.supervisor, api, <Timeline events={[report]} />);

      const link = screen.getByRole('link', { name: '整改台账.pdf' });
      expect(link.getAttribute('href')).toBe('/api/v1/files/file-1');
      expect(screen.getByText('会议纪要.pdf (c3c3c3c3c3c3…)').closest('a')).toBeNull();
      fireEvent.click(link);
      await waitFor(() => expect(saved).toEqual(['整改台账.pdf blob:evidence']));
      expect(api.download).toHaveBeenCalledWith('/files/file-1', {}, '*/*');
    });
  });
});
