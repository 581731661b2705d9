import { useState } from 'react';
import type { FindingView, FindingWithEvents } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { Link } from '../router';
import { FindingBadges } from '../ui/badges';
import { LiveStatus } from '../ui/live-status';
import { timeLeft } from '../ui/time-left';
import { Timeline } from '../ui/timeline';
import { orderQueue, queueItem, type QueueItem } from './approval-order';
import { DecisionPanel } from './decision-panel';

/** 审批队列 — every decision waiting on a supervisor, each with its finding's full timeline. */
export function ApprovalQueue() {
  const { api } = useApp();
  const { t } = useI18n();
  const [notice, setNotice] = useState('');
  const live = useLive(async () => {
    const { items } = await api.get<{ items: FindingView[] }>('/approvals');
    const detailed = await Promise.all(items.map((finding) => api.get<FindingWithEvents>(`/findings/${finding.id}`)));
    return orderQueue(detailed.map(({ events, ...finding }) => queueItem(finding, events)));
  }, []);

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">
        {t.queue.title}
        {live.data ? ` (${live.data.length})` : ''}
      </h1>
      <p className="intro">{t.queue.intro}</p>
      <LiveStatus live={live} />
      <p className="notice" role="status">
        {notice}
      </p>
      {live.data && live.data.length === 0 && <p>{t.queue.empty}</p>}
      <ol className="queue">
        {live.data?.map((item) => (
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
