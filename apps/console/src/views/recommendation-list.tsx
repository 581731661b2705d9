import type { RecommendationPage, RecommendationStatus } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useUrlState } from '../hooks/use-url-state';
import { useI18n } from '../i18n/i18n';
import { hasRole } from '../session';
import { FilterBar } from '../ui/filter-bar';
import { FilterSelect } from '../ui/filter-select';
import { OrgUnitSelect } from '../ui/org-unit-select';
import { PagedList } from '../ui/paged-list';
import { RecommendationTable } from './recommendation-table';

const PAGE_SIZE = 20;
export const RECOMMENDATION_STATUSES: RecommendationStatus[] = ['DRAFT', 'PENDING_SIGNOFF', 'ISSUED', 'RECEIVED', 'REPLIED', 'CLOSED'];

/** 建议书列表 — newest first as the API lists them, by status, unit and overdue; overdue rows red. */
export function RecommendationList() {
  const { api, user } = useApp();
  const { t } = useI18n();
  const now = useNow();
  const { filters, page, setFilters, setPage } = useUrlState({ status: '', unitId: '', overdue: '' });
  const live = useLive(
    () =>
      api.get<RecommendationPage>('/recommendations', {
        status: filters.status,
        unitId: filters.unitId,
        overdue: filters.overdue === 'true' || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [filters.status, filters.unitId, filters.overdue, page],
  );

  return (
    <section aria-labelledby="recs-title">
      <h1 id="recs-title">{t.rec.listTitle}</h1>
      <p className="intro">{t.rec.listIntro}</p>
      <FilterBar live={live}>
        <FilterSelect
          label={t.rec.status}
          value={filters.status}
          options={RECOMMENDATION_STATUSES.map((value) => [value, t.recStatus[value]])}
          onChange={(status) => setFilters({ status })}
        />
        {/* A unit sees its own only: the API confines it, no picker needed. */}
        {!hasRole(user, 'unit') && (
          <label>
            {t.rec.recipient}{' '}
            <OrgUnitSelect
              side="unit"
              includeInactive
              value={filters.unitId}
              emptyLabel={t.any}
              onChange={(unitId) => setFilters({ unitId })}
            />
          </label>
        )}
        <label>
          <input
            type="checkbox"
            checked={filters.overdue === 'true'}
            onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : '' })}
          />{' '}
          {t.rec.overdueOnly}
        </label>
      </FilterBar>
      <PagedList live={live} empty={t.rec.empty} page={page} pageSize={PAGE_SIZE} onPage={setPage}>
        {(items) => <RecommendationTable items={items} now={now} />}
      </PagedList>
    </section>
  );
}
