import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApi } from './api/client';
import { AppContext } from './app-context';
import { useI18n } from './i18n/i18n';
import type { Dict } from './i18n/zh';
import { UnitName } from './org/names';
import { InboxBell } from './ui/inbox-bell';
import { OrgProvider } from './org/org-context';
import { Link, match, navigate, usePath } from './router';
import { hasRole, loadSession, saveSession, type Session, type User } from './session';
import { ApprovalQueue } from './views/approval-queue';
import { CaseForm } from './views/case-form';
import { CaseImport } from './views/case-import';
import { CaseList } from './views/case-list';
import { CasePage } from './views/case-page';
import { Dashboard } from './views/dashboard';
import { EscalationBoard } from './views/escalation-board';
import { FindingPage } from './views/finding-page';
import { Inbox } from './views/inbox';
import { InterviewList } from './views/interview-list';
import { InterviewPage } from './views/interview-page';
import { Ledger } from './views/ledger';
import { MyFindings } from './views/my-findings';
import { OpsNotifications } from './views/ops-notifications';
import { OrgAdmin } from './views/org-admin';
import { PeopleAdmin } from './views/people-admin';
import { RecommendationForm } from './views/recommendation-form';
import { RecommendationList } from './views/recommendation-list';
import { RecommendationPage } from './views/recommendation-page';
import { SignIn } from './views/sign-in';

interface NavItem {
  to: string;
  label: keyof Dict['nav'];
  roles: User['roles'];
}

/** Each role's views, in the order of its daily work; the admin keeps the registers and sees no finding or case. */
const NAV: NavItem[] = [
  { to: '/my', label: 'my', roles: ['unit'] },
  { to: '/approvals', label: 'approvals', roles: ['supervisor'] },
  { to: '/cases/new', label: 'newCase', roles: ['officer'] },
  { to: '/cases/import', label: 'importCases', roles: ['officer'] },
  { to: '/cases', label: 'cases', roles: ['officer', 'supervisor', 'auditor'] },
  { to: '/recommendations', label: 'recommendations', roles: ['officer', 'supervisor', 'auditor', 'unit'] },
  { to: '/interviews', label: 'interviews', roles: ['officer', 'supervisor', 'auditor'] },
  { to: '/escalations', label: 'escalations', roles: ['officer', 'supervisor', 'auditor'] },
  { to: '/ledger', label: 'ledger', roles: ['officer', 'supervisor', 'unit', 'auditor'] },
  { to: '/dashboard', label: 'dashboard', roles: ['officer', 'supervisor', 'auditor'] },
  { to: '/org', label: 'org', roles: ['admin'] },
  { to: '/people', label: 'people', roles: ['admin'] },
  { to: '/ops/notifications', label: 'deliveries', roles: ['supervisor', 'admin'] },
];

const ROUTES: Array<[string, (params: Record<string, string>) => ReactNode]> = [
  ['/cases/new', () => <CaseForm />],
  ['/cases/import', () => <CaseImport />],
  ['/cases/:id/recommendations/new', ({ id }) => <RecommendationForm caseId={id} />],
  ['/cases/:id', ({ id }) => <CasePage id={id} />],
  ['/cases', () => <CaseList />],
  ['/findings/:id', ({ id }) => <FindingPage id={id} />],
  ['/recommendations/:id', ({ id }) => <RecommendationPage id={id} />],
  ['/recommendations', () => <RecommendationList />],
  ['/interviews/:id', ({ id }) => <InterviewPage id={id} />],
  ['/interviews', () => <InterviewList />],
  ['/my', () => <MyFindings />],
  ['/approvals', () => <ApprovalQueue />],
  ['/escalations', () => <EscalationBoard />],
  ['/ledger', () => <Ledger />],
  ['/dashboard', () => <Dashboard />],
  ['/org', () => <OrgAdmin />],
  ['/people', () => <PeopleAdmin />],
  ['/inbox', () => <Inbox />],
  ['/ops/notifications', () => <OpsNotifications />],
];

export function App() {
  const { t } = useI18n();
  const path = usePath();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  const token = session?.token ?? null;
  const api = useMemo(() => createApi(() => token, signOut), [token, signOut]);

  if (!session) {
    return (
      <Shell>
        <SignIn
          onSignedIn={(next) => {
            saveSession(next);
            setSession(next);
            navigate('/', true);
          }}
        />
      </Shell>
    );
  }
  const user = session.user;
  const items = NAV.filter((item) => hasRole(user, ...item.roles));
  const home = items[0]?.to ?? '/ledger';
  const route = ROUTES.map(([pattern, render]) => ({ params: match(pattern, path), render })).find((r) => r.params);
  // The nav entry this page belongs to: the longest one the path starts with (/cases/42 → 案件).
  const current = items
    .filter((item) => path === item.to || path.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;

  return (
    <AppContext.Provider value={{ api, user, signOut }}>
      <OrgProvider>
        <Shell user={user} onSignOut={signOut}>
          <nav className="main-nav" aria-label={t.nav.label}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={item.to === current ? 'page' : undefined}>
                    {t.nav[item.label]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main" tabIndex={-1}>
            {route ? route.render(route.params ?? {}) : path === '/' ? <Redirect to={home} /> : <p>{t.app.notFound}</p>}
          </main>
        </Shell>
      </OrgProvider>
    </AppContext.Provider>
  );
}

function Shell({ user, onSignOut, children }: { user?: User; onSignOut?: () => void; children: ReactNode }) {
  const { t, lang, setLang, timeZone } = useI18n();
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t.app.skip}
      </a>
      <header className="top">
        <div className="brand">
          <strong>{t.app.title}</strong> <span>{t.app.subtitle}</span>
        </div>
        <div className="who">
          {user && (
            <span className="zone-note" data-testid="time-zone">
              {t.app.timesIn(timeZone)}
            </span>
          )}
          {user && <InboxBell />}
          {user && (
            <span data-testid="who">
              {user.name} · {user.roles.map((role) => t.roles[role]).join('、')}
              {(user.unitId ?? user.orgUnitId) && (
                <>
                  {' · '}
                  <UnitName id={user.unitId ?? user.orgUnitId} />
                </>
              )}
            </span>
          )}
          <button
            type="button"
            className="secondary small"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            aria-label={t.app.switchLanguageLabel}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t.app.switchLanguage}
          </button>
          {onSignOut && (
            <button type="button" className="secondary small" onClick={onSignOut}>
              {t.app.signOut}
            </button>
          )}
        </div>
      </header>
      {user ? children : <main id="main">{children}</main>}
    </div>
  );
}

/** `/` goes to the signed-in role's first view. */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}
