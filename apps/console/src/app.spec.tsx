import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { I18nProvider } from './i18n/i18n';
import { saveSession, sessionFromToken } from './session';
import { orgUnits, people } from './testing/org';

const base64url = (value: object) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function signedInAs(claims: Record<string, unknown>) {
  const token = `${base64url({ alg: 'HS256' })}.${base64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })}.sig`;
  saveSession(sessionFromToken(token));
}

/** The API as far as these pages ask it; every list empty. */
function server() {
  const answers: Record<string, unknown> = {
    '/api/v1/org-units': { items: orgUnits() },
    '/api/v1/people': { items: people() },
  };
  return vi.fn(async (url: string) => {
    const path = url.split('?')[0];
    return new Response(JSON.stringify(answers[path] ?? { items: [], total: 0 }), { status: 200 });
  });
}

function renderApp() {
  render(
    <I18nProvider initial="zh">
      <App />
    </I18nProvider>,
  );
}

describe('App', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('gives the admin the registers and the outbox, and no finding, case or ledger navigation', async () => {
    vi.stubGlobal('fetch', server());
    signedInAs({ sub: 'admin-liu', name: '刘洋', roles: ['admin'] });
    renderApp();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['组织机构', '人员', '通知投递']);
    expect(await screen.findByRole('heading', { name: '组织机构' })).toBeTruthy();
    expect(window.location.pathname).toBe('/org');
  });

  it('puts the inbox in the header with its unread count, and the outbox in the nav of supervisors only', async () => {
    const fetch = server();
    fetch.mockImplementation(async (url: string) => {
      const path = url.split('?')[0];
      const body =
        path === '/api/v1/notifications'
          ? { items: [], unread: 4, total: 9 }
          : path === '/api/v1/org-units'
            ? { items: orgUnits() }
            : { items: [], total: 0 };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    vi.stubGlobal('fetch', fetch);
    signedInAs({ sub: 'officer-li', name: '李明', roles: ['officer'], orgUnitId: 'OFF-1' });
    window.history.replaceState(null, '', '/inbox');
    renderApp();
    const bell = await screen.findByRole('link', { name: '通知（4 条未读）' });
    expect(bell.closest('header')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '通知（4 条未读）' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).queryByRole('link', { name: '通知投递' })).toBeNull();
  });

  it("names the signed-in user's org unit in the header", async () => {
    vi.stubGlobal('fetch', server());
    signedInAs({ sub: 'sup-qian', name: '钱伟', roles: ['supervisor'], orgUnitId: 'SG-1' });
    renderApp();
    const who = screen.getByTestId('who');
    expect(await within(who).findByText('派驻第一纪检监察组')).toBeTruthy();
    expect(within(who).getByTitle('SG-1')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).queryByRole('link', { name: '组织机构' })).toBeNull();
    expect(within(nav).getByRole('link', { name: '约谈' }).getAttribute('href')).toBe('/interviews');
    expect(within(nav).getByRole('link', { name: '通知投递' }).getAttribute('href')).toBe('/ops/notifications');
  });
});
