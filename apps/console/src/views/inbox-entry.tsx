import type { InboxNotification } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { hasRole, type User } from '../session';

/**
 * Where a notification leads: the interview it announces (for those who may read interviews), else
 * the finding it concerns, else the recommendation as a whole; nowhere for a digest.
 */
export function targetOf(item: InboxNotification, user: User): string | undefined {
  if (item.interviewId && hasRole(user, 'officer', 'supervisor', 'auditor')) return `/interviews/${item.interviewId}`;
  if (!hasRole(user, 'officer', 'supervisor', 'auditor', 'unit')) return undefined;
  if (item.findingId) return `/findings/${item.findingId}`;
  if (item.recommendationId) return `/recommendations/${item.recommendationId}`;
  return undefined;
}

/** One notification: its kind, title (a link to what it concerns; opening it marks it read), time and body. */
export function InboxEntry({ item, onRead }: { item: InboxNotification; onRead: (item: InboxNotification) => void }) {
  const { user } = useApp();
  const { t, dateTime } = useI18n();
  const to = targetOf(item, user);
  const unread = item.readAt === null;
  return (
    <li className={unread ? 'inbox-item unread' : 'inbox-item'} data-testid="inbox-item">
      <div className="inbox-head">
        <span className="badge">{t.inboxKind[item.kind] ?? item.kind}</span>
        {unread && <span className="badge unread-mark">{t.inbox.unread}</span>}
        <strong className="inbox-title">
          {to ? (
            <Link to={to} onClick={() => unread && onRead(item)}>
              {item.title}
            </Link>
          ) : (
            item.title
          )}
        </strong>
        <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
      </div>
      <p className="inbox-body">{item.body}</p>
      {unread && (
        <button type="button" className="secondary small" aria-label={`${t.inbox.markRead}：${item.title}`} onClick={() => onRead(item)}>
          {t.inbox.markRead}
        </button>
      )}
    </li>
  );
}
