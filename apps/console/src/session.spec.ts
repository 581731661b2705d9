import { describe, expect, it } from 'vitest';
import { loadSession, saveSession, sessionFromToken } from './session';

const base64url = (value: object) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const tokenWith = (claims: object) => `${base64url({ alg: 'HS256' })}.${base64url(claims)}.signature`;

describe('session', () => {
  it('reads who the user is from the token, Chinese names included', () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const session = sessionFromToken(tokenWith({ sub: 'unit-wang', name: '王芳', roles: ['unit', 'root'], unitId: 'U-FIN', exp }));
    expect(session?.user).toEqual({ id: 'unit-wang', name: '王芳', roles: ['unit'], unitId: 'U-FIN' });
    expect(session?.expiresAt).toBe(exp * 1000);
  });

  it("knows the admin role and a discipline user's org unit", () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    expect(sessionFromToken(tokenWith({ sub: 'admin-liu', name: '刘洋', roles: ['admin'], exp }))?.user.roles).toEqual(['admin']);
    expect(sessionFromToken(tokenWith({ sub: 'sup-qian', roles: ['supervisor'], orgUnitId: 'SG-1', exp }))?.user).toEqual({
      id: 'sup-qian',
      name: 'sup-qian',
      roles: ['supervisor'],
      orgUnitId: 'SG-1',
    });
  });

  it('refuses what is not a usable token', () => {
    expect(sessionFromToken('garbage')).toBeNull();
    expect(sessionFromToken(tokenWith({ sub: 'x', roles: ['officer'] }))).toBeNull();
  });

  it('keeps a session per tab until it expires', () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    saveSession(sessionFromToken(tokenWith({ sub: 'sup-zhao', roles: ['supervisor'], exp })));
    expect(loadSession()?.user.id).toBe('sup-zhao');
    expect(loadSession(exp * 1000 + 1)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
