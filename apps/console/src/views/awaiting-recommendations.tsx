import type { RecommendationPage, RecommendationView } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { RecommendationBadges } from '../ui/badges';
import { ErrorNote } from '../ui/error-note';
import { recommendationOverdue } from '../ui/time-left';

/** The deadline the unit is held to now: the receipt's while ISSUED, the reply's once RECEIVED. */
const deadlineOf = (r: RecommendationView) => (r.status === 'ISSUED' ? (r.receiptDueAt ?? r.replyDueAt) : r.replyDueAt);

/** 待签收、待回复 — a unit's issued recommendations it still owes a receipt or a reply, nearest deadline first. */
export function AwaitingRecommendations() {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const now = useNow();
  const live = useLive(async () => {
    const pages = await Promise.all(
      (['ISSUED', 'RECEIVED'] as const).map((status) => api.get<RecommendationPage>('/recommendations', { status, pageSize: 100 })),
    );
    return pages.flatMap((page) => page.items).sort((a, b) => Date.parse(deadlineOf(a)) - Date.parse(deadlineOf(b)));
  }, []);
  const items = live.data ?? [];
  if (live.error) return <ErrorNote error={live.error} />;
  if (items.length === 0) return null;
  return (
    <>
      <h2>
        {t.rec.awaiting} ({items.length})
      </h2>
      <ul className="cards" aria-label={t.rec.awaiting}>
        {items.map((item) => {
          const overdue = recommendationOverdue(item, now);
          const due = dateTime(deadlineOf(item));
          return (
            <li key={item.id} className={overdue.receipt || overdue.reply ? 'card overdue' : 'card'} data-testid="my-recommendation">
              <div className="card-head">
                <Link to={`/recommendations/${item.id}`}>{item.title}</Link>
                <RecommendationBadges status={item.status} overdue={overdue} />
              </div>
              <div className="card-body">
                {item.docNo && <span className="code">{item.docNo}</span>}{' '}
                <span>{item.status === 'ISSUED' ? t.rec.awaitReceipt(due) : t.rec.awaitReply(due)}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
