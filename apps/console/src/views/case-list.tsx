import type { CaseView, Page } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useUrlState } from '../hooks/use-url-state';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { FilterBar } from '../ui/filter-bar';
import { FilterSelect } from '../ui/filter-select';
import { PagedList } from '../ui/paged-list';

const PAGE_SIZE = 20;

/** 案件列表 — every case, newest first as the API lists them, filterable by status. */
export function CaseList() {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const { filters, page, setFilters, setPage } = useUrlState({ status: '' });
  const live = useLive(() => api.get<Page<CaseView>>('/cases', { ...filters, page, pageSize: PAGE_SIZE }), [filters.status, page]);

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t.cases.title}</h1>
      <FilterBar live={live}>
        <FilterSelect
          label={t.fields.caseStatus}
          value={filters.status}
          options={[
            ['OPEN', t.caseStatus.OPEN],
            ['CLOSED', t.caseStatus.CLOSED],
          ]}
          onChange={(status) => setFilters({ status })}
        />
      </FilterBar>
      <PagedList live={live} empty={t.cases.empty} page={page} pageSize={PAGE_SIZE} onPage={setPage}>
        {(items) => (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.fields.code}</th>
                <th scope="col">{t.fields.caseTitle}</th>
                <th scope="col">{t.fields.source}</th>
                <th scope="col">{t.fields.caseStatus}</th>
                <th scope="col">{t.fields.createdAt}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/cases/${item.id}`}>{item.code}</Link>
                  </td>
                  <td>{item.title}</td>
                  <td>{t.source[item.source] ?? item.source}</td>
                  <td>
                    <span className={`badge case-${item.status.toLowerCase()}`}>{t.caseStatus[item.status]}</span>
                  </td>
                  <td>{dateTime(item.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}
