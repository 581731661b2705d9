import type { RecommendationView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { Link } from '../router';
import { RecommendationBadges } from '../ui/badges';
import { recommendationOverdue } from '../ui/time-left';

/** Recommendations as rows: 文号, title, unit, reply deadline, state; a receipt or reply overdue turns the row red. */
export function RecommendationTable({ items, now, label }: { items: RecommendationView[]; now: number; label?: string }) {
  const { t, dateTime } = useI18n();
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t.rec.docNo}</th>
          <th scope="col">{t.rec.recTitle}</th>
          <th scope="col">{t.rec.recipient}</th>
          <th scope="col">{t.rec.replyDueAt}</th>
          <th scope="col">{t.rec.status}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const overdue = recommendationOverdue(item, now);
          return (
            <tr key={item.id} className={overdue.receipt || overdue.reply ? 'overdue' : undefined} data-testid="recommendation-row">
              <td>{item.docNo ?? '—'}</td>
              <td>
                <Link to={`/recommendations/${item.id}`}>{item.title}</Link>
              </td>
              <td>
                <UnitName id={item.unitId} />
              </td>
              <td>{dateTime(item.replyDueAt)}</td>
              <td>
                <RecommendationBadges status={item.status} overdue={overdue} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
