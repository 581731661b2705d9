import type { AddressingOrgUnit, AddressingPerson, AddressingRegister, Notification } from '@reform/contracts';
import { addressNotification, planDeliveries } from './notification-deliveries';
import { notificationRecipients } from './notification-recipients';

const unit = (
  id: string,
  kind: AddressingOrgUnit['kind'],
  parentId: string | null,
  named: Partial<AddressingOrgUnit> = {},
): AddressingOrgUnit => ({
  id,
  kind,
  parentId,
  active: true,
  headPersonId: null,
  liaisonPersonId: null,
  ...named,
});
const person = (id: string, orgUnitId: string, more: Partial<AddressingPerson> = {}): AddressingPerson => ({
  id,
  name: id,
  orgUnitId,
  email: `${id}@example.gov.cn`,
  wecomUserId: null,
  active: true,
  ...more,
});

function registerOf(units: AddressingOrgUnit[], people: AddressingPerson[]): AddressingRegister {
  return { orgUnits: new Map(units.map((each) => [each.id, each])), people: new Map(people.map((each) => [each.id, each])) };
}

const county = registerOf(
  [
    unit('ROOT', 'commission', null, { headPersonId: 'sup-root' }),
    unit('OFF', 'office', 'ROOT'),
    unit('TC', 'township_commission', 'ROOT', { headPersonId: 'sup-town' }),
    unit('U-A', 'unit', 'ROOT', { headPersonId: 'head-a', liaisonPersonId: 'liaison-a' }),
    unit('U-T', 'unit', 'TC', { headPersonId: 'head-t', liaisonPersonId: 'head-t' }),
    unit('U-NONE', 'unit', 'ROOT'),
    unit('U-GONE', 'unit', 'ROOT', { headPersonId: 'retired' }),
  ],
  [
    person('sup-root', 'ROOT'),
    person('officer-off', 'OFF'),
    person('sup-off', 'OFF'),
    person('sup-town', 'TC'),
    person('head-a', 'U-A'),
    person('liaison-a', 'U-A', { email: null }),
    person('head-t', 'U-T'),
    person('retired', 'U-GONE', { active: false }),
  ],
);
const ids = (people: { personId: string }[]) => people.map((each) => each.personId);

describe('notificationRecipients', () => {
  it('reaches a unit through its head and liaison, each once', () => {
    expect(notificationRecipients({ kind: 'unit', unitId: 'U-A' }, { unitId: 'U-A', trackingOfficeId: null }, county)).toEqual([
      expect.objectContaining({ personId: 'head-a', as: 'head', viaOrgUnitId: 'U-A' }),
      expect.objectContaining({ personId: 'liaison-a', as: 'liaison', viaOrgUnitId: 'U-A', email: null }),
    ]);
    expect(ids(notificationRecipients({ kind: 'unit', unitId: 'U-T' }, { unitId: 'U-T', trackingOfficeId: null }, county))).toEqual([
      'head-t',
    ]);
  });

  it('reaches nobody for a unit that names nobody, or only people no longer active', () => {
    expect(notificationRecipients({ kind: 'unit', unitId: 'U-NONE' }, { unitId: 'U-NONE', trackingOfficeId: null }, county)).toEqual([]);
    expect(notificationRecipients({ kind: 'unit', unitId: 'U-GONE' }, { unitId: 'U-GONE', trackingOfficeId: null }, county)).toEqual([]);
    expect(notificationRecipients({ kind: 'unit', unitId: 'U-UNKNOWN' }, { unitId: null, trackingOfficeId: null }, county)).toEqual([]);
  });

  it('sends what awaits a decision to the tracking office: its head, else its staff', () => {
    const concerned = { unitId: 'U-A', trackingOfficeId: 'OFF' };
    expect(notificationRecipients({ kind: 'supervisors' }, concerned, county)).toEqual([
      expect.objectContaining({ personId: 'officer-off', as: 'staff', viaOrgUnitId: 'OFF' }),
      expect.objectContaining({ personId: 'sup-off', as: 'staff', viaOrgUnitId: 'OFF' }),
    ]);
    expect(ids(notificationRecipients({ kind: 'supervisors' }, { unitId: 'U-A', trackingOfficeId: 'ROOT' }, county))).toEqual(['sup-root']);
  });

  it('without a tracking office, asks the discipline-side org unit above the unit', () => {
    expect(ids(notificationRecipients({ kind: 'supervisors' }, { unitId: 'U-T', trackingOfficeId: null }, county))).toEqual(['sup-town']);
    expect(ids(notificationRecipients({ kind: 'supervisors' }, { unitId: null, trackingOfficeId: null }, county))).toEqual(['sup-root']);
  });

  it('goes up the tree from an office with nobody in it', () => {
    const empty = registerOf([...county.orgUnits.values(), unit('OFF-EMPTY', 'office', 'TC')], [...county.people.values()]);
    expect(
      ids(notificationRecipients({ kind: 'office', orgUnitId: 'OFF-EMPTY' }, { unitId: 'U-A', trackingOfficeId: 'OFF-EMPTY' }, empty)),
    ).toEqual(['sup-town']);
  });

  it('reaches a named person, unless they are no longer active', () => {
    expect(ids(notificationRecipients({ kind: 'person', personId: 'head-a' }, { unitId: null, trackingOfficeId: null }, county))).toEqual([
      'head-a',
    ]);
    expect(notificationRecipients({ kind: 'person', personId: 'retired' }, { unitId: null, trackingOfficeId: null }, county)).toEqual([]);
  });
});

const notification: Notification = {
  key: 'f-1:3:REMINDER',
  kind: 'REMINDER',
  findingId: 'f-1',
  caseId: 'c-1',
  recipient: { kind: 'unit', unitId: 'U-A' },
  subject: 'reminder',
  at: '2026-06-01T00:00:00.000Z',
  data: { dueAt: '2026-06-04T10:00:00.000Z' },
};

describe('planDeliveries', () => {
  const recipients = notificationRecipients(notification.recipient, { unitId: 'U-A', trackingOfficeId: null }, county);

  it('makes one delivery per (channel, person): the inbox at once, e-mail queued per person, the webhook once', () => {
    const planned = planDeliveries(notification, recipients, ['inbox', 'email', 'webhook']);
    expect(planned.map((each) => [each.channel, each.personId, each.status, each.queue])).toEqual([
      ['inbox', 'head-a', 'delivered', 'inbox:head-a'],
      ['inbox', 'liaison-a', 'delivered', 'inbox:liaison-a'],
      ['email', 'head-a', 'pending', 'email:head-a'],
      ['email', 'liaison-a', 'failed', 'email:liaison-a'],
      ['webhook', null, 'pending', `webhook:${notification.key}`],
    ]);
    expect(planned[3].lastError).toContain('未登记电子邮箱');
  });

  it('fails a person-by-person channel visibly when the registers name nobody', () => {
    expect(planDeliveries(notification, [], ['inbox', 'wecom'])).toEqual([
      expect.objectContaining({ channel: 'wecom', personId: null, status: 'failed', lastError: expect.stringContaining('无人可达') }),
    ]);
  });

  it('takes WeCom addresses from wecomUserId', () => {
    const withWecom = [{ ...recipients[0], wecomUserId: 'ZhangWei' }];
    expect(planDeliveries(notification, withWecom, ['wecom'])).toEqual([
      expect.objectContaining({ channel: 'wecom', address: 'ZhangWei', status: 'pending' }),
    ]);
  });
});

describe('addressNotification', () => {
  it('words the notification in Chinese with Beijing time and lists whom it reached', () => {
    const context = {
      unitId: 'U-A',
      unitName: '县财政局',
      trackingOfficeId: null,
      findingTitle: '招投标监管制度缺失',
      caseCode: 'ZG-2026-0001',
      recommendationTitle: null,
      docNo: null,
      interviewId: null,
    };
    const addressed = addressNotification(notification, context, county, { channels: ['inbox'], timeZone: 'Asia/Shanghai' });
    expect(addressed.text).toEqual({
      title: '整改时限提醒：招投标监管制度缺失',
      body: '县财政局：问题“招投标监管制度缺失”（ZG-2026-0001）的整改时限为 2026年6月4日 18:00，请按期完成整改并提交整改报告。',
    });
    expect(ids(addressed.recipients)).toEqual(['head-a', 'liaison-a']);
  });
});
