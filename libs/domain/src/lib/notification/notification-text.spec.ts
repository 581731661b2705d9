import { NOTIFICATION_KINDS, type Notification, type NotificationContext } from '@reform/contracts';
import { businessTime, notificationPath, notificationText } from './notification-text';

const context: NotificationContext = {
  unitId: 'U-A',
  unitName: '县财政局',
  trackingOfficeId: 'OFF-1',
  findingTitle: '公务接待超标',
  caseCode: 'ZG-2026-0007',
  recommendationTitle: '关于加强公务接待管理的建议',
  docNo: '县纪建〔2026〕3号',
  interviewId: null,
};

function aNotification(kind: Notification['kind'], findingId: string | null = 'f-1'): Notification {
  return {
    key: `k:${kind}`,
    kind,
    findingId,
    caseId: 'c-1',
    recipient: { kind: 'unit', unitId: 'U-A' },
    subject: kind,
    at: '2026-06-01T00:00:00.000Z',
    data: {},
  };
}

describe('notificationText', () => {
  it.each(NOTIFICATION_KINDS)('words %s in Chinese, with no English left in it', (kind) => {
    const text = notificationText(aNotification(kind), context, 'Asia/Shanghai');
    expect(text.title.length).toBeGreaterThan(0);
    expect(`${text.title}${text.body}`).not.toMatch(/undefined|null|[A-Za-z]{4,}/);
  });

  it('speaks of a recommendation when a reminder concerns one', () => {
    const reminder = { ...aNotification('REMINDER', null), recommendationId: 'r-1', data: { replyDueAt: '2026-06-30T10:00:00.000Z' } };
    expect(notificationText(reminder, context, 'Asia/Shanghai')).toEqual({
      title: '建议书回复时限提醒：关于加强公务接待管理的建议（县纪建〔2026〕3号）',
      body: '县财政局：关于加强公务接待管理的建议（县纪建〔2026〕3号）的书面回复时限为 2026年6月30日 18:00，请按期回复。',
    });
  });

  it('shows times on the commission’s clock, whatever the server’s', () => {
    expect(businessTime('2026-12-31T16:30:00.000Z', 'Asia/Shanghai')).toBe('2027年1月1日 00:30');
    expect(businessTime(undefined, 'Asia/Shanghai')).toBe('（未定）');
  });
});

describe('notificationPath', () => {
  it('links to the interview, else the finding, else the recommendation, else the inbox', () => {
    expect(notificationPath({ interviewId: 'i-1', findingId: 'f-1', recommendationId: null })).toBe('/interviews/i-1');
    expect(notificationPath({ interviewId: null, findingId: 'f-1', recommendationId: 'r-1' })).toBe('/findings/f-1');
    expect(notificationPath({ interviewId: null, findingId: null, recommendationId: 'r-1' })).toBe('/recommendations/r-1');
    expect(notificationPath({ interviewId: null, findingId: null, recommendationId: null })).toBe('/inbox');
  });
});
