import { useState } from 'react';
import type { FindingView, InterviewWithEvents } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { UnitName, useUnitName } from '../org/names';
import { Link } from '../router';
import { hasRole } from '../session';
import { InterviewOverdueBadge, InterviewStatusBadge } from '../ui/badges';
import { EvidenceList } from '../ui/evidence-list';
import { Fact } from '../ui/fact';
import { LiveStatus } from '../ui/live-status';
import { interviewOverdue } from '../ui/time-left';
import { Timeline } from '../ui/timeline';
import { fetchFindings, FindingsTable } from './concerned-findings';
import { RecordForm, ScheduleForm } from './interview-forms';
import { useIntervieweeLabel } from './interview-table';

interface Loaded {
  interview: InterviewWithEvents;
  /** Its findings as far as the reader may see them, by id. */
  findings: ReadonlyMap<string, FindingView>;
}

/** 约谈 — one interview: the unit, its findings, the schedule, the record once held, what may be done now, its timeline. */
export function InterviewPage({ id }: { id: string }) {
  const { api, user } = useApp();
  const { t, dateTime } = useI18n();
  const now = useNow();
  const unitName = useUnitName();
  const intervieweeLabel = useIntervieweeLabel();
  const [notice, setNotice] = useState('');
  const live = useLive<Loaded>(async () => {
    const interview = await api.get<InterviewWithEvents>(`/interviews/${encodeURIComponent(id)}`);
    return { interview, findings: await fetchFindings(api, interview.findingIds) };
  }, [id]);
  const loaded = live.data;
  const interview = loaded?.interview;
  const overdue = interview ? interviewOverdue(interview, now) : false;
  const done = (said: string) => () => {
    setNotice(said);
    live.reload();
  };

  return (
    <section aria-labelledby="interview-title">
      <p>
        <Link to="/interviews">← {t.interview.listTitle}</Link>
      </p>
      <LiveStatus live={live} />
      {loaded && interview && (
        <>
          <h1 id="interview-title">
            {t.interview.pageTitle(unitName(interview.unitId))}{' '}
            <span className="badges">
              <InterviewStatusBadge status={interview.status} />
              <InterviewOverdueBadge overdue={overdue} />
            </span>
          </h1>
          <div className="two-columns">
            <div>
              <h2>{t.finding.details}</h2>
              <dl className="facts">
                <Fact label={t.interview.unit}>
                  <UnitName id={interview.unitId} />
                </Fact>
                <Fact label={t.interview.status}>{t.interviewStatus[interview.status]}</Fact>
                <Fact label={t.interview.proposedAt}>{dateTime(interview.proposedAt)}</Fact>
                <Fact label={t.interview.dueAt}>
                  <time dateTime={interview.dueAt} className={overdue ? 'late' : undefined}>
                    {dateTime(interview.dueAt)}
                  </time>
                </Fact>
                <Fact label={t.fields.trackingOffice}>
                  <UnitName id={interview.trackingOfficeId} />
                </Fact>
              </dl>
              <h2>{t.interview.findings}</h2>
              <FindingsTable findingIds={interview.findingIds} findings={loaded.findings} label={t.interview.findings} />
              <h2>{t.interview.schedule}</h2>
              {interview.scheduledAt ? (
                <dl className="facts" aria-label={t.interview.schedule}>
                  <Fact label={t.interview.scheduledAt}>{dateTime(interview.scheduledAt)}</Fact>
                  <Fact label={t.interview.interviewer}>{interview.interviewer ?? '—'}</Fact>
                  <Fact label={t.interview.interviewee}>{intervieweeLabel(interview)}</Fact>
                </dl>
              ) : (
                <p>{t.interview.notScheduled}</p>
              )}
              {interview.status === 'HELD' && (
                <>
                  <h2>{t.interview.record}</h2>
                  <dl className="facts" aria-label={t.interview.record}>
                    <Fact label={t.interview.heldAt}>{dateTime(interview.heldAt)}</Fact>
                  </dl>
                  <h3>{t.interview.minutes}</h3>
                  <p className="summary multiline">{interview.minutes}</p>
                  <h3>{t.interview.statement}</h3>
                  <p className="summary multiline">{interview.statement}</p>
                  <h3>{t.interview.files}</h3>
                  {interview.evidence.length ? <EvidenceList items={interview.evidence} /> : <p>{t.interview.noFiles}</p>}
                </>
              )}
              <h2>{t.finding.actions}</h2>
              <p className="notice" role="status">
                {notice}
              </p>
              {hasRole(user, 'officer', 'supervisor') && interview.status !== 'HELD' ? (
                <>
                  <ScheduleForm interview={interview} onDone={done(t.interview.scheduled)} />
                  <RecordForm interview={interview} onDone={done(t.interview.recorded)} />
                </>
              ) : (
                <p>{t.finding.noActions}</p>
              )}
            </div>
            <div>
              <h2>{t.finding.timeline}</h2>
              <Timeline events={interview.events} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
