import type { FindingView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { isOverdue, timeLeft } from './time-left';

/** 剩余 3 天 4 小时 / 已逾期 2 天 — nothing once the finding is closed out or its report is in. */
export function Countdown({ finding, now }: { finding: Pick<FindingView, 'dueAt' | 'status' | 'overdue'>; now: number }) {
  const { t } = useI18n();
  // A draft's deadline is not yet running; a closed-out finding's no longer is.
  if (finding.status === 'CLOSED' || finding.status === 'DRAFT') return null;
  const left = timeLeft(finding.dueAt, now);
  const span = t.span(left.days, left.hours, left.minutes);
  if (isOverdue(finding, now)) return <span className="countdown overdue">{left.overdue ? t.unit.overdueBy(span) : t.unit.overdue}</span>;
  if (finding.status === 'REPORT_SUBMITTED') return null;
  return <span className={left.days < 3 ? 'countdown soon' : 'countdown'}>{t.unit.left(span)}</span>;
}
