import type { InterviewView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useUnitName } from '../org/names';
import { Link } from '../router';
import { InterviewOverdueBadge, InterviewStatusBadge } from '../ui/badges';
import { interviewOverdue } from '../ui/time-left';

/** 王局长（主要负责人）, or — before it is scheduled. */
export function useIntervieweeLabel(): (interview: Pick<InterviewView, 'interviewee'>) => string {
  const { t } = useI18n();
  return ({ interviewee }) => (interviewee ? t.interview.intervieweeOf(interviewee.name, t.tier[interviewee.tier]) : '—');
}

/** Interviews as rows: the unit (a link to the interview), state, how many findings, when proposed, due, set and whom; overdue rows red. */
export function InterviewTable({ items, now }: { items: InterviewView[]; now: number }) {
  const { t, dateTime } = useI18n();
  const unitName = useUnitName();
  const intervieweeLabel = useIntervieweeLabel();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.interview.unit}</th>
          <th scope="col">{t.interview.status}</th>
          <th scope="col">{t.interview.findingCount}</th>
          <th scope="col">{t.interview.proposedAt}</th>
          <th scope="col">{t.interview.dueAt}</th>
          <th scope="col">{t.interview.scheduledAt}</th>
          <th scope="col">{t.interview.interviewee}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const overdue = interviewOverdue(item, now);
          return (
            <tr key={item.id} className={overdue ? 'overdue' : undefined} data-testid="interview-row">
              <td>
                <Link to={`/interviews/${item.id}`} title={item.unitId}>
                  {unitName(item.unitId)}
                </Link>
              </td>
              <td>
                <InterviewStatusBadge status={item.status} />
              </td>
              <td>{item.findingIds.length}</td>
              <td>{dateTime(item.proposedAt)}</td>
              <td>
                <time dateTime={item.dueAt} className={overdue ? 'late' : undefined}>
                  {dateTime(item.dueAt)}
                </time>{' '}
                <InterviewOverdueBadge overdue={overdue} />
              </td>
              <td>{dateTime(item.scheduledAt)}</td>
              <td>{intervieweeLabel(item)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
