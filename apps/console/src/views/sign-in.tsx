import { useState, type FormEvent } from 'react';
import { ApiError, createApi } from '../api/client';
import type { Role } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { DEMO_USERS, type DemoUser } from '../org/demo-users';
import { sessionFromToken, type Session } from '../session';
import { ErrorNote } from '../ui/error-note';
import { Field } from '../ui/field';

const ROLES: Role[] = ['officer', 'supervisor', 'unit', 'auditor', 'admin'];
const anonymous = createApi(() => null);

/** 登录 — local sign-in as a demo user (tokens minted by the API only when AUTH_DEV_LOGIN is on), or with a pasted token. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const [off, setOff] = useState(false);
  const [busy, setBusy] = useState(false);
  const [custom, setCustom] = useState<DemoUser>({ sub: '', name: '', roles: ['officer'] });
  const [token, setToken] = useState('');

  async function signInAs(user: DemoUser) {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        sub: user.sub,
        roles: user.roles,
        ...(user.name && { name: user.name }),
        ...(user.unitId && { unitId: user.unitId }),
        ...(user.orgUnitId && { orgUnitId: user.orgUnitId }),
      };
      const answer = await anonymous.post<{ token: string }>('/dev/session', body);
      const session = sessionFromToken(answer.token);
      if (session) onSignedIn(session);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setOff(true);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function signInWithToken(event: FormEvent) {
    event.preventDefault();
    const session = sessionFromToken(token.trim());
    if (session && session.expiresAt > Date.now()) onSignedIn(session);
    else setError(new Error(t.signIn.badToken));
  }

  const toggleRole = (role: Role) =>
    setCustom((user) => ({ ...user, roles: user.roles.includes(role) ? user.roles.filter((r) => r !== role) : [...user.roles, role] }));

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t.signIn.title}</h1>
      <p>{off ? t.signIn.off : t.signIn.intro}</p>
      <ErrorNote error={error} />
      {!off && (
        <>
          <h2>{t.signIn.demoUsers}</h2>
          <ul className="demo-users">
            {DEMO_USERS.map((user) => (
              <li key={user.sub}>
                <button type="button" disabled={busy} onClick={() => void signInAs(user)} aria-label={t.signIn.signInAs(user.name)}>
                  <strong>{user.name}</strong>
                  <span>{user.roles.map((role) => t.roles[role]).join('、')}</span>
                  {user.place && (
                    <span className="place" title={user.place.id}>
                      {user.place.name} · {t.orgKind[user.place.kind]}
                    </span>
                  )}
                  <small>{user.sub}</small>
                </button>
              </li>
            ))}
          </ul>
          <details>
            <summary>{t.signIn.custom}</summary>
            <form
              className="stack"
              onSubmit={(event) => {
                event.preventDefault();
                void signInAs(custom);
              }}
            >
              <Field label={t.signIn.sub}>
                <input required value={custom.sub} onChange={(e) => setCustom({ ...custom, sub: e.target.value })} />
              </Field>
              <Field label={t.signIn.name}>
                <input value={custom.name} onChange={(e) => setCustom({ ...custom, name: e.target.value })} />
              </Field>
              <fieldset>
                <legend>{t.signIn.roles}</legend>
                {ROLES.map((role) => (
                  <label key={role} className="inline">
                    <input type="checkbox" checked={custom.roles.includes(role)} onChange={() => toggleRole(role)} /> {t.roles[role]}
                  </label>
                ))}
              </fieldset>
              <Field label={t.signIn.unitId}>
                <input value={custom.unitId ?? ''} onChange={(e) => setCustom({ ...custom, unitId: e.target.value || undefined })} />
              </Field>
              <Field label={t.signIn.orgUnitId}>
                <input value={custom.orgUnitId ?? ''} onChange={(e) => setCustom({ ...custom, orgUnitId: e.target.value || undefined })} />
              </Field>
              <button type="submit" disabled={busy}>
                {t.signIn.submit}
              </button>
            </form>
          </details>
        </>
      )}
      <details open={off}>
        <summary>{t.signIn.token}</summary>
        <form className="stack" onSubmit={signInWithToken}>
          <Field label={t.signIn.tokenLabel}>
            <textarea rows={3} value={token} onChange={(e) => setToken(e.target.value)} />
          </Field>
          <button type="submit">{t.signIn.useToken}</button>
        </form>
      </details>
    </section>
  );
}
