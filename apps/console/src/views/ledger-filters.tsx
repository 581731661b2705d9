import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Accountability, FindingStatus } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FilterSelect } from '../ui/filter-select';
import { OrgUnitSelect } from '../ui/org-unit-select';

const STATUSES: FindingStatus[] = ['ASSIGNED', 'PLAN_SUBMITTED', 'RECTIFYING', 'REPORT_SUBMITTED', 'CLOSED'];
const ACCOUNTABILITY: Accountability[] = ['none', 'proposed', 'referred', 'rejected'];

export const NO_LEDGER_FILTERS = {
  status: '',
  unitId: '',
  trackingOfficeId: '',
  overdue: '',
  escalationLevel: '',
  accountability: '',
  dueFrom: '',
  dueTo: '',
};
export type LedgerFilters = typeof NO_LEDGER_FILTERS;

/**
 * The ledger's filters, applied together by 查询 (a ledger is filtered to be printed or exported, not
 * browsed), with the export buttons beside them as `actions`.
 */
export function LedgerFilterForm({
  applied,
  onApply,
  actions,
}: {
  applied: LedgerFilters;
  onApply: (filters: LedgerFilters) => void;
  actions: ReactNode;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(applied);
  // Back, forward or a shared link change the applied filters: the form shows them.
  const appliedKey = JSON.stringify(applied);
  useEffect(() => setDraft(JSON.parse(appliedKey) as LedgerFilters), [appliedKey]);
  const set = (change: Partial<LedgerFilters>) => setDraft({ ...draft, ...change });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters" onSubmit={apply} aria-label={t.ledger.filters}>
      <FilterSelect
        label={t.fields.status}
        value={draft.status}
        options={STATUSES.map((s) => [s, t.status[s]])}
        onChange={(status) => set({ status })}
      />
      {/* Findings of units since deactivated are still in the ledger: the filters offer those units too. */}
      <label>
        {t.fields.unitId}
        <OrgUnitSelect side="unit" includeInactive value={draft.unitId} emptyLabel={t.any} onChange={(unitId) => set({ unitId })} />
      </label>
      <label>
        {t.fields.trackingOffice}
        <OrgUnitSelect
          side="discipline"
          includeInactive
          value={draft.trackingOfficeId}
          emptyLabel={t.any}
          onChange={(trackingOfficeId) => set({ trackingOfficeId })}
        />
      </label>
      <FilterSelect
        label={t.fields.overdue}
        value={draft.overdue}
        options={[
          ['true', t.yes],
          ['false', t.no],
        ]}
        onChange={(overdue) => set({ overdue })}
      />
      <FilterSelect
        label={t.fields.escalationLevel}
        value={draft.escalationLevel}
        options={[0, 1, 2, 3].map((l) => [String(l), t.level[l]])}
        onChange={(escalationLevel) => set({ escalationLevel })}
      />
      <FilterSelect
        label={t.fields.accountability}
        value={draft.accountability}
        options={ACCOUNTABILITY.map((a) => [a, t.accountability[a]])}
        onChange={(accountability) => set({ accountability })}
      />
      <label>
        {t.ledger.dueFrom}
        <input type="date" value={draft.dueFrom} onChange={(e) => set({ dueFrom: e.target.value })} />
      </label>
      <label>
        {t.ledger.dueTo}
        <input type="date" value={draft.dueTo} onChange={(e) => set({ dueTo: e.target.value })} />
      </label>
      <div className="actions">
        <button type="submit">{t.ledger.apply}</button>
        <button type="button" className="secondary" onClick={() => onApply(NO_LEDGER_FILTERS)}>
          {t.ledger.reset}
        </button>
        {actions}
      </div>
    </form>
  );
}
