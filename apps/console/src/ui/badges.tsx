import type { Accountability, FindingStatus, FindingView, InterviewStatus, RecommendationStatus } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { RecommendationOverdue } from './time-left';

export function StatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status.toLowerCase()}`}>{t.status[status]}</span>;
}

export function OverdueBadge({ finding }: { finding: Pick<FindingView, 'overdue'> }) {
  const { t } = useI18n();
  return finding.overdue ? <span className="badge overdue">{t.unit.overdue}</span> : null;
}

export function LevelBadge({ level }: { level: number }) {
  const { t } = useI18n();
  if (level <= 0) return null;
  return <span className={`badge level-${level}`}>{t.level[level] ?? level}</span>;
}

export function AccountabilityBadge({ accountability }: { accountability: Accountability }) {
  const { t } = useI18n();
  if (accountability === 'none') return null;
  return <span className={`badge accountability-${accountability}`}>{t.accountability[accountability]}</span>;
}

/** Everything a finding's state says at a glance. */
export function FindingBadges({ finding }: { finding: FindingView }) {
  return (
    <span className="badges">
      <StatusBadge status={finding.status} />
      <OverdueBadge finding={finding} />
      <LevelBadge level={finding.escalationLevel} />
      <AccountabilityBadge accountability={finding.accountability} />
    </span>
  );
}

export function RecommendationStatusBadge({ status }: { status: RecommendationStatus }) {
  const { t } = useI18n();
  return <span className={`badge rec-${status.toLowerCase()}`}>{t.recStatus[status]}</span>;
}

/** A recommendation's state and, in red, a receipt or reply overdue (`recommendationOverdue`). */
export function RecommendationBadges({ status, overdue }: { status: RecommendationStatus; overdue: RecommendationOverdue }) {
  const { t } = useI18n();
  return (
    <span className="badges">
      <RecommendationStatusBadge status={status} />
      {overdue.receipt && <span className="badge overdue">{t.rec.overdueReceipt}</span>}
      {overdue.reply && <span className="badge overdue">{t.rec.overdueReply}</span>}
    </span>
  );
}

export function InterviewStatusBadge({ status }: { status: InterviewStatus }) {
  const { t } = useI18n();
  return <span className={`badge interview-${status.toLowerCase()}`}>{t.interviewStatus[status]}</span>;
}

/** 逾期, in red, once an interview was not held in time (`interviewOverdue`). */
export function InterviewOverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useI18n();
  return overdue ? <span className="badge overdue">{t.interview.overdue}</span> : null;
}
