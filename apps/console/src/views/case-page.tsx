import type { CaseWithFindings } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { Link } from '../router';
import { FindingBadges } from '../ui/badges';
import { LiveStatus } from '../ui/live-status';
import { hasRole } from '../session';
import { AddFindingForm } from './add-finding-form';
import { CaseRecommendations } from './case-recommendations';

/** 案件 — one case, its summary, every finding with where it stands, and its recommendations. */
export function CasePage({ id }: { id: string }) {
  const { api, user } = useApp();
  const { t, dateTime } = useI18n();
  const live = useLive(() => api.get<CaseWithFindings>(`/cases/${encodeURIComponent(id)}`), [id]);
  const found = live.data;

  return (
    <section aria-labelledby="case-title">
      <p>
        <Link to="/cases">← {t.casePage.back}</Link>
      </p>
      <LiveStatus live={live} />
      {found && (
        <>
          <h1 id="case-title">
            <span className="code">{found.code}</span> {found.title}{' '}
            <span className={`badge case-${found.status.toLowerCase()}`} data-testid="case-status">
              {t.caseStatus[found.status]}
            </span>
          </h1>
          <dl className="facts">
            <div>
              <dt>{t.fields.source}</dt>
              <dd>{t.source[found.source] ?? found.source}</dd>
            </div>
            <div>
              <dt>{t.fields.openedBy}</dt>
              <dd title={found.openedBy}>{found.openedByName ?? found.openedBy}</dd>
            </div>
            <div>
              <dt>{t.fields.createdAt}</dt>
              <dd>{dateTime(found.createdAt)}</dd>
            </div>
            {found.closedAt && (
              <div>
                <dt>{t.fields.closedAt}</dt>
                <dd>{dateTime(found.closedAt)}</dd>
              </div>
            )}
          </dl>
          <p className="summary">{found.summary}</p>
          <h2>{t.casePage.findings}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.fields.title}</th>
                <th scope="col">{t.fields.unitId}</th>
                <th scope="col">{t.fields.dueAt}</th>
                <th scope="col">{t.fields.status}</th>
              </tr>
            </thead>
            <tbody>
              {found.findings.map((finding) => (
                <tr key={finding.id}>
                  <td>
                    <Link to={`/findings/${finding.id}`}>{finding.title}</Link>
                  </td>
                  <td>
                    <UnitName id={finding.unitId} />
                  </td>
                  <td>{dateTime(finding.dueAt)}</td>
                  <td>
                    <FindingBadges finding={finding} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {/* A closed case takes no more findings (the API answers 409 CASE_CLOSED). */}
          {found.status === 'OPEN' && hasRole(user, 'officer') && <AddFindingForm caseId={found.id} onAdded={() => live.reload()} />}
          <CaseRecommendations caseId={found.id} status={found.status} />
        </>
      )}
    </section>
  );
}
