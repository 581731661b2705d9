import type { INestApplication } from '@nestjs/common';
import type { InboxPage, Principal } from '@reform/contracts';
import { InboxQueries, type InboxAudience } from '@reform/persistence';
import request from 'supertest';
import { AccessScope } from '../auth/access-scope';
import { OrgRegister } from '../organisation/org-register';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { signedInApp } from '../testing/signed-in-app';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

const UNITS = [ROOT, orgUnit('OFFICE-1', 'office', 'ROOT'), orgUnit('U1', 'unit', 'OFFICE-1'), orgUnit('U2', 'unit', 'ROOT')];
const PAGE: InboxPage = {
  items: [
    {
      id: 'f1:3:REMINDER',
      kind: 'REMINDER',
      findingId: '00000000-0000-4000-8000-000000000001',
      recommendationId: null,
      interviewId: null,
      title: '整改到期提醒',
      body: '问题“津补贴”将于 3 日后到期。',
      createdAt: '2026-06-01T00:00:00.000Z',
      readAt: null,
    },
  ],
  unread: 1,
  total: 1,
};

describe('the inbox over HTTP (/notifications)', () => {
  let app: INestApplication;
  let user: Principal;
  const seen = new Set(['f1:3:REMINDER']);
  const inbox = {
    list: jest.fn(async (): Promise<InboxPage> => PAGE),
    markRead: jest.fn(async (_audience: InboxAudience, key: string) => seen.has(key)),
    markAllRead: jest.fn(async () => undefined),
  };

  beforeAll(async () => {
    app = await signedInApp(
      {
        controllers: [NotificationsController],
        providers: [
          NotificationsService,
          AccessScope,
          { provide: OrgRegister, useValue: registerOf(UNITS).register },
          { provide: InboxQueries, useValue: inbox },
        ],
      },
      () => user,
    );
  });
  afterAll(() => app.close());
  beforeEach(() => {
    jest.clearAllMocks();
    user = { id: 'unit-wang', name: '王芳', roles: ['unit'], unitId: 'U1' };
  });

  it("answers the caller's page with the unread count, 50 newest first by default", async () => {
    const response = await request(app.getHttpServer()).get('/notifications');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(PAGE);
    expect(inbox.list).toHaveBeenCalledWith({ personId: 'unit-wang', unitId: 'U1' }, { unread: false }, { page: 1, pageSize: 50 });
  });

  it("reads a supervisor's inbox with the decisions awaited within the jurisdiction, and filters to the unread", async () => {
    user = { id: 'sup-1', name: '赵强', roles: ['supervisor'], orgUnitId: 'OFFICE-1' };
    await request(app.getHttpServer()).get('/notifications?unread=true&page=2&pageSize=200');
    expect(inbox.list).toHaveBeenCalledWith(
      { personId: 'sup-1', decisionsWithin: [{ everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] }] },
      { unread: true },
      { page: 2, pageSize: 200 },
    );
  });

  it('refuses a bad filter or page with 400 naming the field', async () => {
    for (const [query, field] of [
      ['unread=yes', 'unread'],
      ['pageSize=201', 'pageSize'],
      ['page=0', 'page'],
    ]) {
      const response = await request(app.getHttpServer()).get(`/notifications?${query}`);
      expect({ query, status: response.status, field: response.body.field }).toEqual({ query, status: 400, field });
    }
    expect(inbox.list).not.toHaveBeenCalled();
  });

  it('marks one read with 204, again with 204, and answers 404 for one the caller does not see, worded as an unknown one', async () => {
    const read = () => request(app.getHttpServer()).post(`/notifications/${encodeURIComponent('f1:3:REMINDER')}/read`);
    expect([(await read()).status, (await read()).status]).toEqual([204, 204]);
    expect(inbox.markRead).toHaveBeenCalledWith({ personId: 'unit-wang', unitId: 'U1' }, 'f1:3:REMINDER');
    const hidden = await request(app.getHttpServer()).post('/notifications/f2:1:REMINDER/read');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'NOT_FOUND', message: 'notification "f2:1:REMINDER" not found' });
  });

  it('answers 404 without asking the database for a key no notification could have', async () => {
    const response = await request(app.getHttpServer()).post(`/notifications/${'x'.repeat(301)}/read`);
    expect(response.status).toBe(404);
    expect(inbox.markRead).not.toHaveBeenCalled();
  });

  it('marks all read with 204', async () => {
    const response = await request(app.getHttpServer()).post('/notifications/read-all');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(inbox.markAllRead).toHaveBeenCalledWith({ personId: 'unit-wang', unitId: 'U1' });
  });
});
