import { NotFoundException } from '@nestjs/common';
import { authSettings, type AppConfigService } from '@reform/config';
import { validationMessages } from '../testing/validate-body';
import { TokenVerifier } from '../auth/token-verifier';
import { DevSessionController } from './dev-session.controller';
import { DevSessionDto } from './dev-session.dto';

const SECRET = 'a-test-secret-of-enough-length';

function configWith(devLogin: boolean, env: Record<string, string> = {}): AppConfigService {
  const values = { AUTH_JWT_SECRET: SECRET, AUTH_DEV_LOGIN: devLogin };
  return { values, auth: authSettings(values, { AUTH_JWT_SECRET: SECRET, ...env }) } as unknown as AppConfigService;
}

describe('DevSessionController', () => {
  it("mints a token the API accepts, with the demo user's claims", async () => {
    const config = configWith(true);
    const session = new DevSessionController(config).create({ sub: 'unit-wang', name: '王芳', roles: ['unit'], unitId: 'U-FIN' });
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    await expect(new TokenVerifier(config).verify(session.token)).resolves.toEqual({
      id: 'unit-wang',
      name: '王芳',
      roles: ['unit'],
      unitId: 'U-FIN',
    });
  });

  it('mints the orgUnitId claim of a discipline-side demo user', async () => {
    const config = configWith(true);
    const session = new DevSessionController(config).create({ sub: 'officer-li', roles: ['officer'], orgUnitId: 'OFF-1' });
    await expect(new TokenVerifier(config).verify(session.token)).resolves.toEqual({
      id: 'officer-li',
      name: 'officer-li',
      roles: ['officer'],
      orgUnitId: 'OFF-1',
    });
  });

  it('answers 404 when local sign-in is off', () => {
    expect(() => new DevSessionController(configWith(false)).create({ sub: 'x', roles: ['officer'] })).toThrow(NotFoundException);
  });

  it('answers 404 in production even if the flag got through', () => {
    const controller = new DevSessionController(configWith(true, { NODE_ENV: 'production' }));
    expect(() => controller.create({ sub: 'x', roles: ['supervisor'] })).toThrow(/local sign-in is off/);
  });
});

describe('DevSessionDto', () => {
  it.each([
    [{ sub: 'officer-li', roles: ['officer'] }, []],
    [{ sub: 'unit-wang', roles: ['unit'] }, ['unitId is required when roles include "unit"']],
    [{ sub: 'x', roles: [] }, ['roles must name at least one role']],
    [{ sub: 'x', roles: ['admin'] }, []],
    [{ sub: 'x', roles: ['superuser'] }, ['roles must each be one of: officer, supervisor, unit, auditor, admin']],
    [{ sub: 'x', roles: ['officer'], orgUnitId: 'OFF-1' }, []],
    [{ sub: 'x', roles: ['officer'], orgUnitId: 'OFF 1' }, ['orgUnitId may contain only letters, digits, "_", "." and "-"']],
    [{ sub: 'a b', roles: ['auditor'] }, ['sub may contain only letters, digits, "_", ".", "@" and "-"']],
    [{ sub: 'x', roles: ['officer'], admin: true }, ['property admin should not exist']],
  ])('%j → %j', async (body, messages) => {
    expect(await validationMessages(DevSessionDto, body)).toEqual(messages);
  });
});
