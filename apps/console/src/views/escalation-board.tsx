import type { FindingView, Page } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { Link } from '../router';
import { AccountabilityBadge, OverdueBadge } from '../ui/badges';
import { LiveStatus } from '../ui/live-status';

const LEVELS = [1, 2, 3] as const;

/** 督办看板 — open findings by escalation level: 督办, 约谈, 问责 (with the accountability decision pending or made). */
export function EscalationBoard() {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const live = useLive(
    () =>
      Promise.all(
        LEVELS.map((level) =>
          api
            .get<Page<FindingView>>('/findings', { escalationLevel: level, pageSize: 200 })
            .then((page) => page.items.filter((f) => f.status !== 'CLOSED')),
        ),
      ),
    [],
  );

  return (
    <section aria-labelledby="board-title">
      <h1 id="board-title">{t.board.title}</h1>
      <p className="intro">{t.board.intro}</p>
      <LiveStatus live={live} />
      <div className="board">
        {LEVELS.map((level, index) => {
          const findings = live.data?.[index] ?? [];
          return (
            <section key={level} className={`board-column level-${level}`} aria-labelledby={`level-${level}`}>
              <h2 id={`level-${level}`}>
                {level} · {t.level[level]} ({findings.length})
              </h2>
              {findings.length === 0 && <p className="muted">{t.board.empty}</p>}
              <ul className="cards">
                {findings.map((finding) => (
                  <li key={finding.id} className="card">
                    <Link to={`/findings/${finding.id}`}>{finding.title}</Link>
                    <div className="card-body">
                      <UnitName id={finding.unitId} /> · {dateTime(finding.dueAt)} <OverdueBadge finding={finding} />{' '}
                      <AccountabilityBadge accountability={finding.accountability} />
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
