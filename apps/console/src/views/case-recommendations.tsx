import type { CaseStatus, RecommendationPage } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { hasRole } from '../session';
import { ErrorNote } from '../ui/error-note';
import { RecommendationTable } from './recommendation-table';

/** A case's 纪检监察建议书, with their state and 文号; an officer drafts another while the case is open. */
export function CaseRecommendations({ caseId, status }: { caseId: string; status: CaseStatus }) {
  const { api, user } = useApp();
  const { t } = useI18n();
  const now = useNow();
  const live = useLive(() => api.get<RecommendationPage>('/recommendations', { caseId, pageSize: 100 }), [caseId]);
  const items = live.data?.items ?? [];
  return (
    <section aria-labelledby="case-recs-title">
      <h2 id="case-recs-title">{t.rec.caseSection}</h2>
      {hasRole(user, 'officer') && status === 'OPEN' && (
        <p>
          <Link className="button" to={`/cases/${caseId}/recommendations/new`}>
            {t.rec.draft}
          </Link>
        </p>
      )}
      <ErrorNote error={live.error} />
      {live.data && items.length === 0 && <p>{t.rec.caseEmpty}</p>}
      {items.length > 0 && <RecommendationTable items={items} now={now} label={t.rec.caseSection} />}
    </section>
  );
}
