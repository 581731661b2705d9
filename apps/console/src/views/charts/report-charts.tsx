import type { FindingsSummary } from '../../api/types';
import { useUrlState } from '../../hooks/use-url-state';
import { AgeingChart } from './ageing-chart';
import { CloseTimeChart } from './close-time-chart';
import { CompletionChart } from './completion-chart';
import { MonthRangeForm } from './month-range-form';
import { effectiveRange } from './report-range';
import { TrendChart } from './trend-chart';

/**
 * The 统计 page's four charts and the period they cover (kept in the address). Loaded apart from the
 * rest of the console: ECharts is bigger than everything else together, and only this page draws.
 */
export default function ReportCharts({ summary }: { summary: FindingsSummary | undefined }) {
  const { filters, setFilters } = useUrlState({ from: '', to: '' });
  const range = effectiveRange(filters, new Date());
  return (
    <>
      <MonthRangeForm range={range} onApply={setFilters} />
      <div className="chart-grid">
        <TrendChart range={range} />
        <AgeingChart />
        <CloseTimeChart range={range} />
        {summary && <CompletionChart summary={summary} />}
      </div>
    </>
  );
}
