import type { InterviewPage, InterviewStatus } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useUrlState } from '../hooks/use-url-state';
import { useI18n } from '../i18n/i18n';
import { FilterBar } from '../ui/filter-bar';
import { FilterSelect } from '../ui/filter-select';
import { OrgUnitSelect } from '../ui/org-unit-select';
import { PagedList } from '../ui/paged-list';
import { InterviewTable } from './interview-table';

const PAGE_SIZE = 20;
/** The contract's INTERVIEW_STATUSES, restated: the console takes only types from the workspace. */
export const INTERVIEW_STATUSES: InterviewStatus[] = ['PROPOSED', 'SCHEDULED', 'HELD'];

/** 约谈 — the interviews within the reader's jurisdiction, the latest proposed first, by status and unit. */
export function InterviewList() {
  const { api } = useApp();
  const { t } = useI18n();
  const now = useNow();
  const { filters, page, setFilters, setPage } = useUrlState({ status: '', unitId: '' });
  const live = useLive(
    () => api.get<InterviewPage>('/interviews', { ...filters, page, pageSize: PAGE_SIZE }),
    [filters.status, filters.unitId, page],
  );

  return (
    <section aria-labelledby="interviews-title">
      <h1 id="interviews-title">{t.interview.listTitle}</h1>
      <p className="intro">{t.interview.listIntro}</p>
      <FilterBar live={live}>
        <FilterSelect
          label={t.interview.status}
          value={filters.status}
          options={INTERVIEW_STATUSES.map((value) => [value, t.interviewStatus[value]])}
          onChange={(status) => setFilters({ status })}
        />
        <label>
          {t.interview.unit}{' '}
          <OrgUnitSelect
            side="unit"
            includeInactive
            value={filters.unitId}
            emptyLabel={t.any}
            onChange={(unitId) => setFilters({ unitId })}
          />
        </label>
      </FilterBar>
      <PagedList live={live} empty={t.interview.empty} page={page} pageSize={PAGE_SIZE} onPage={setPage}>
        {(items) => <InterviewTable items={items} now={now} />}
      </PagedList>
    </section>
  );
}
