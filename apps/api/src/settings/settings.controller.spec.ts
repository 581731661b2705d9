import type { INestApplication } from '@nestjs/common';
import { AppConfigService, loadConfig } from '@reform/config';
import type { Principal } from '@reform/contracts';
import request from 'supertest';
import { signedInApp } from '../testing/signed-in-app';
import { SettingsController } from './settings.controller';

describe('GET /settings', () => {
  let app: INestApplication;

  afterEach(() => app?.close());

  it("serves the deployment's business zone and deadline time, as configured", async () => {
    const config = new AppConfigService(
      loadConfig({ DATABASE_URL: 'postgres://localhost/db', TZ_BUSINESS: 'Asia/Urumqi', DEADLINE_TIME: '17:30' }),
    );
    app = await signedInApp(
      { controllers: [SettingsController], providers: [{ provide: AppConfigService, useValue: config }] },
      () => ({ sub: 'anyone', name: 'anyone', roles: [] }) as unknown as Principal,
    );
    const response = await request(app.getHttpServer()).get('/settings');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ timeZone: 'Asia/Urumqi', deadlineTime: '17:30' });
  });
});
