import { useState } from 'react';
import type { ApprovalQueue as Queue, FindingView, FindingWithEvents, RecommendationView } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { Link } from '../router';
import { FindingBadges, RecommendationBadges } from '../ui/badges';
import { LiveStatus } from '../ui/live-status';
import { recommendationOverdue, timeLeft } from '../ui/time-left';
import { Timeline } from '../ui/timeline';
import { orderQueue, queueItem, type QueueItem } from './approval-order';
import { DecisionPanel } from './decision-panel';

/**
 * 审批队列 — every decision waiting on a supervisor, each with its finding's full timeline, and the
 * recommendations waiting for sign-off, oldest first, each signed off on its own page.
 */
export function ApprovalQueue() {
  const { api } = useApp();
  const { t } = useI18n();
  const [notice, setNotice] = useState('');
  const live = useLive(async () => {
    // `recommendations` may be missing from a server older than the 建议书.
    const { items, recommendations = [] } = await api.get<Partial<Queue> & Pick<Queue, 'items'>>('/approvals');
    const detailed = await Promise.all(items.map((finding) => api.get<FindingWithEvents>(`/findings/${finding.id}`)));
    return {
      findings: orderQueue(detailed.map(({ events, ...finding }) => queueItem(finding, events))),
      recommendations: [...recommendations].sort(
        (a, b) => Date.parse(a.submittedAt ?? a.updatedAt) - Date.parse(b.submittedAt ?? b.updatedAt),
      ),
    };
  }, []);
  const count = live.data ? live.data.findings.length + live.data.recommendations.length : undefined;

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">
        {t.queue.title}
        {count === undefined ? '' : ` (${count})`}
      </h1>
      <p className="intro">{t.queue.intro}</p>
      <LiveStatus live={live} />
      <p className="notice" role="status">
        {notice}
      </p>
      {count === 0 && <p>{t.queue.empty}</p>}
      {live.data && live.data.recommendations.length > 0 && (
        <>
          <h2>
            {t.rec.queueTitle} ({live.data.recommendations.length})
          </h2>
          <ol className="queue" aria-label={t.rec.queueTitle}>
            {live.data.recommendations.map((recommendation) => (
              <RecommendationEntry key={recommendation.id} recommendation={recommendation} />
            ))}
          </ol>
        </>
      )}
      {live.data && live.data.recommendations.length > 0 && live.data.findings.length > 0 && <h2>{t.queue.findings}</h2>}
      <ol className="queue">
        {live.data?.findings.map((item) => (
          <QueueEntry
            key={`${item.finding.id}:${item.finding.pendingApproval}`}
            item={item}
            onDone={(finding) => {
              setNotice(`${finding.title}：${t.decide.decided}`);
              live.reload();
            }}
          />
        ))}
      </ol>
    </section>
  );
}

function QueueEntry({ item, onDone }: { item: QueueItem; onDone: (finding: FindingView) => void }) {
  const { t, dateTime } = useI18n();
  const now = useNow();
  const { finding } = item;
  const waited = timeLeft(item.since, now);
  return (
    <li className={item.breached ? 'queue-item breached' : 'queue-item'} data-testid="queue-item" aria-label={finding.title}>
      <div className="card-head">
        <Link to={`/findings/${finding.id}`}>{finding.title}</Link>
        <FindingBadges finding={finding} />
        {item.breached && <span className="badge overdue">{t.queue.breached}</span>}
      </div>
      <p className="meta">
        <strong>{finding.pendingApproval ? t.approvalKind[finding.pendingApproval] : ''}</strong> · {t.fields.unitId}{' '}
        <UnitName id={finding.unitId} /> · {t.fields.dueAt} {dateTime(finding.dueAt)} ·{' '}
        <time dateTime={item.since}>{t.queue.waiting(t.span(waited.days, waited.hours, waited.minutes))}</time>
      </p>
      <details open>
        <summary>
          {t.finding.timeline} ({item.events.length})
        </summary>
        <Timeline events={item.events} label={`${finding.title} ${t.finding.timeline}`} />
      </details>
      <DecisionPanel finding={finding} onDone={onDone} />
    </li>
  );
}

/** A recommendation awaiting sign-off: signed off on its page, where its full text and findings are. */
function RecommendationEntry({ recommendation }: { recommendation: RecommendationView }) {
  const { t, dateTime } = useI18n();
  const now = useNow();
  const since = recommendation.submittedAt ?? recommendation.updatedAt;
  const waited = timeLeft(since, now);
  return (
    <li className="queue-item" data-testid="queue-recommendation" aria-label={recommendation.title}>
      <div className="card-head">
        <Link to={`/recommendations/${recommendation.id}`}>{recommendation.title}</Link>
        <RecommendationBadges status={recommendation.status} overdue={recommendationOverdue(recommendation, now)} />
      </div>
      <p className="meta">
        <strong>{t.rec.signoff}</strong> · {t.rec.recipient} <UnitName id={recommendation.unitId} /> · {t.rec.replyDueAt}{' '}
        {dateTime(recommendation.replyDueAt)} ·{' '}
        <time dateTime={since}>{t.rec.queueWaiting(t.span(waited.days, waited.hours, waited.minutes))}</time>
      </p>
    </li>
  );
}
