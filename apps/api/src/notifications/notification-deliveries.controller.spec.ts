import type { INestApplication } from '@nestjs/common';
import type { DeliveryStatus, NotificationDelivery, Principal } from '@reform/contracts';
import { DeliveryQueries, type DeliveryFilter } from '@reform/persistence';
import request from 'supertest';
import { AccessScope } from '../auth/access-scope';
import { TemporalUnavailableError } from '../errors/temporal-unavailable.error';
import { OrgRegister } from '../organisation/org-register';
import { ReformWorkflows } from '../temporal/reform-workflows.client';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { signedInApp } from '../testing/signed-in-app';
import { NotificationDeliveriesController } from './notification-deliveries.controller';
import { NotificationDeliveriesService } from './notification-deliveries.service';

const UNITS = [ROOT, orgUnit('OFFICE-1', 'office', 'ROOT'), orgUnit('U1', 'unit', 'OFFICE-1'), orgUnit('U2', 'unit', 'ROOT')];
const OFFICE_1 = [{ everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] }];

function delivery(id: string, status: DeliveryStatus): NotificationDelivery {
  return {
    id,
    notificationId: 'f1:3:REMINDER',
    kind: 'REMINDER',
    channel: 'email',
    recipient: { personId: 'p-1', name: '王芳', unitId: 'U1', address: 'wang@example.cn' },
    status,
    attempts: 5,
    lastError: status === 'failed' ? '550 mailbox unavailable' : null,
    nextAttemptAt: null,
    deliveredAt: null,
  };
}

describe('the outbox over HTTP (/ops/notifications)', () => {
  let app: INestApplication;
  let user: Principal;
  const rows = new Map([
    ['7', delivery('7', 'failed')],
    ['8', delivery('8', 'delivered')],
    ['9', delivery('9', 'pending')],
  ]);
  const deliveries = {
    list: jest.fn(async (_filter: DeliveryFilter) => ({ items: [...rows.values()], total: rows.size })),
    get: jest.fn(async (id: string) => rows.get(id) ?? null),
  };
  const workflows = { retryDelivery: jest.fn(async (_id: string) => undefined) };

  beforeAll(async () => {
    app = await signedInApp(
      {
        controllers: [NotificationDeliveriesController],
        providers: [
          NotificationDeliveriesService,
          AccessScope,
          { provide: OrgRegister, useValue: registerOf(UNITS).register },
          { provide: DeliveryQueries, useValue: deliveries },
          { provide: ReformWorkflows, useValue: workflows },
        ],
      },
      () => user,
    );
  });
  afterAll(() => app.close());
  beforeEach(() => {
    jest.clearAllMocks();
    user = { id: 'admin-liu', name: '刘洋', roles: ['admin'] };
  });

  it('lists deliveries by status and channel; an admin sees all of them', async () => {
    const response = await request(app.getHttpServer()).get('/ops/notifications?status=failed&channel=email&pageSize=20');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(3);
    expect(deliveries.list).toHaveBeenCalledWith({ status: 'failed', channel: 'email', within: undefined }, { page: 1, pageSize: 20 });
  });

  it('confines a supervisor to the jurisdiction, in the list and on retry', async () => {
    user = { id: 'sup-1', name: '赵强', roles: ['supervisor'], orgUnitId: 'OFFICE-1' };
    await request(app.getHttpServer()).get('/ops/notifications');
    expect(deliveries.list).toHaveBeenCalledWith({ status: undefined, channel: undefined, within: OFFICE_1 }, { page: 1, pageSize: 50 });
    await request(app.getHttpServer()).post('/ops/notifications/7/retry');
    expect(deliveries.get).toHaveBeenCalledWith('7', OFFICE_1);
  });

  it('refuses an unknown status or channel with 400 naming the field', async () => {
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['channel=sms', 'channel'],
    ]) {
      const response = await request(app.getHttpServer()).get(`/ops/notifications?${query}`);
      expect({ status: response.status, field: response.body.field }).toEqual({ status: 400, field });
      expect(response.body.message).toContain(field);
    }
    expect(deliveries.list).not.toHaveBeenCalled();
  });

  it('retries a failed delivery through its workflow and answers 202 pending', async () => {
    const response = await request(app.getHttpServer()).post('/ops/notifications/7/retry');
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: '7', status: 'pending' });
    expect(workflows.retryDelivery).toHaveBeenCalledWith('7');
  });

  it('answers 409 with its status for a delivery that has not failed, and starts nothing', async () => {
    for (const [id, status] of [
      ['8', 'delivered'],
      ['9', 'pending'],
    ]) {
      const response = await request(app.getHttpServer()).post(`/ops/notifications/${id}/retry`);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'STEP_NOT_ALLOWED', status });
      expect(response.body.message).toContain(status);
    }
    expect(workflows.retryDelivery).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown delivery or an id that is no whole number, and starts nothing', async () => {
    for (const id of ['404', 'abc', '0', '1'.repeat(19)]) {
      expect({ id, status: (await request(app.getHttpServer()).post(`/ops/notifications/${id}/retry`)).status }).toEqual({
        id,
        status: 404,
      });
    }
    expect(deliveries.get).toHaveBeenCalledTimes(1);
    expect(workflows.retryDelivery).not.toHaveBeenCalled();
  });

  it('answers 503 while Temporal cannot be reached', async () => {
    workflows.retryDelivery.mockRejectedValueOnce(new TemporalUnavailableError());
    const response = await request(app.getHttpServer()).post('/ops/notifications/7/retry');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
  });
});
