import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { MonthRange } from './report-range';

/** 统计区间: from which month to which the trend and the time to close count. */
export function MonthRangeForm({ range, onApply }: { range: MonthRange; onApply: (range: MonthRange) => void }) {
  const { t } = useI18n();
  const d = t.dashboard;
  const [draft, setDraft] = useState(range);
  // Back, forward or a shared link change the period shown: the form follows.
  useEffect(() => setDraft({ from: range.from, to: range.to }), [range.from, range.to]);
  return (
    <form
      className="filters range-form"
      aria-label={d.range}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft.from <= draft.to ? draft : { from: draft.to, to: draft.from });
      }}
    >
      <label>
        {d.rangeFrom}
        <input type="month" required value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      </label>
      <label>
        {d.rangeTo}
        <input type="month" required value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      </label>
      <div className="actions">
        <button type="submit">{d.rangeApply}</button>
        <span className="hint">{d.rangeHint}</span>
      </div>
    </form>
  );
}
