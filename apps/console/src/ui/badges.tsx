import type { Accountability, FindingStatus, FindingView } from '../api/types';
import { useI18n } from '../i18n/i18n';

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
