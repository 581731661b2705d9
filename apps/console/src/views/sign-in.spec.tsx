import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { SignIn } from './sign-in';

const base64url = (value: object) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The API's POST /dev/session: a token with the claims sent. */
function devSession() {
  return vi.fn(async (_url: string, init: RequestInit) => {
    const claims = JSON.parse(String(init.body)) as Record<string, unknown>;
    const token = `${base64url({ alg: 'HS256' })}.${base64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 })}.sig`;
    return new Response(JSON.stringify({ token }), { status: 201 });
  });
}

const bodyOf = (fetch: ReturnType<typeof devSession>) =>
  JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));

describe('SignIn', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the demo register’s users with their org unit: one per kind of discipline-side org unit, and the admin', () => {
    render(
      <I18nProvider initial="zh">
        <SignIn onSignedIn={vi.fn()} />
      </I18nProvider>,
    );
    const place = (name: string) => within(screen.getByRole('button', { name: `以“${name}”身份登录` })).getByTitle(/.+/).textContent;
    expect(place('赵强')).toBe('县纪委监委 · 纪委监委');
    expect(place('孙丽')).toBe('第一纪检监察室 · 纪检监察室');
    expect(place('钱伟')).toBe('派驻第一纪检监察组 · 派驻纪检监察组');
    expect(place('吴刚')).toBe('城关镇纪委 · 乡镇纪委');
    expect(place('王芳')).toBe('县财政局 · 责任单位');
    expect(within(screen.getByRole('button', { name: '以“刘洋”身份登录' })).getByText('系统管理员')).toBeTruthy();
    // People of the register without roles (a unit's head) are contacts, not demo users.
    expect(screen.queryByRole('button', { name: '以“张伟”身份登录' })).toBeNull();
  });

  it('signs a discipline user in with their orgUnitId, a unit user with their unitId, the admin with neither', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['钱伟', { sub: 'sup-qian', name: '钱伟', roles: ['supervisor'], orgUnitId: 'SG-1' }],
      ['王芳', { sub: 'unit-wang', name: '王芳', roles: ['unit'], unitId: 'U-FIN' }],
      ['刘洋', { sub: 'admin-liu', name: '刘洋', roles: ['admin'] }],
    ];
    for (const [name, body] of cases) {
      const fetch = devSession();
      vi.stubGlobal('fetch', fetch);
      const onSignedIn = vi.fn();
      const { unmount } = render(
        <I18nProvider initial="zh">
          <SignIn onSignedIn={onSignedIn} />
        </I18nProvider>,
      );
      fireEvent.click(screen.getByRole('button', { name: `以“${name}”身份登录` }));
      await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
      expect(bodyOf(fetch)).toEqual(body);
      expect(onSignedIn.mock.calls[0][0].user).toMatchObject({ id: body['sub'], roles: body['roles'] });
      unmount();
    }
  });
});
