import { useState } from 'react';
import type { FindingView, RecommendationWithEvents } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { ActorName, UnitName } from '../org/names';
import { Link } from '../router';
import { hasRole } from '../session';
import { RecommendationBadges } from '../ui/badges';
import { Fact } from '../ui/fact';
import { LiveStatus } from '../ui/live-status';
import { recommendationOverdue } from '../ui/time-left';
import { Timeline } from '../ui/timeline';
import { fetchFindings, FindingsTable } from './concerned-findings';
import { RecommendationActions } from './recommendation-actions';
import { RecommendationDocument } from './recommendation-document';

interface Loaded {
  recommendation: RecommendationWithEvents;
  /** Its findings as far as the reader may see them, by id. */
  findings: ReadonlyMap<string, FindingView>;
}

/** 纪检监察建议书 — one recommendation: its text, its findings, what the signed-in user can do now, its timeline. */
export function RecommendationPage({ id }: { id: string }) {
  const { api, user } = useApp();
  const { t, dateTime } = useI18n();
  const now = useNow();
  const [notice, setNotice] = useState('');
  const live = useLive<Loaded>(async () => {
    const recommendation = await api.get<RecommendationWithEvents>(`/recommendations/${encodeURIComponent(id)}`);
    return { recommendation, findings: await fetchFindings(api, recommendation.findingIds) };
  }, [id]);
  const loaded = live.data;
  const rec = loaded?.recommendation;
  const overdue = rec ? recommendationOverdue(rec, now) : { receipt: false, reply: false };

  return (
    <section aria-labelledby="rec-title">
      {rec && hasRole(user, 'officer', 'supervisor', 'auditor') && (
        <p>
          <Link to={`/cases/${rec.caseId}`}>{t.finding.case} →</Link>
        </p>
      )}
      <LiveStatus live={live} />
      {loaded && rec && (
        <>
          <h1 id="rec-title">
            {rec.docNo && <span className="code">{rec.docNo}</span>} {rec.title}{' '}
            <RecommendationBadges status={rec.status} overdue={overdue} />
          </h1>
          <div className="two-columns">
            <div>
              <h2>{t.finding.details}</h2>
              <dl className="facts">
                <Fact label={t.rec.recipient}>
                  <UnitName id={rec.unitId} />
                </Fact>
                <Fact label={t.rec.docNo}>{rec.docNo ?? '—'}</Fact>
                <Fact label={t.rec.replyDueAt}>
                  <Moment iso={rec.replyDueAt} late={overdue.reply} />
                </Fact>
                {rec.receiptDueAt && (
                  <Fact label={t.rec.receiptDueAt}>
                    <Moment iso={rec.receiptDueAt} late={overdue.receipt} />
                  </Fact>
                )}
                <Fact label={t.rec.draftedBy}>
                  {/* The register's name as the drafting step recorded it. */}
                  <ActorName actor={rec.draftedBy} name={rec.events.find((event) => event.actor === rec.draftedBy)?.actorName} />
                </Fact>
                <Fact label={t.fields.trackingOffice}>
                  <UnitName id={rec.trackingOfficeId} />
                </Fact>
                {rec.submittedAt && <Fact label={t.rec.submittedAt}>{dateTime(rec.submittedAt)}</Fact>}
                {rec.issuedAt && <Fact label={t.rec.issuedAt}>{dateTime(rec.issuedAt)}</Fact>}
                {rec.closedAt && <Fact label={t.fields.closedAt}>{dateTime(rec.closedAt)}</Fact>}
              </dl>
              {rec.status === 'DRAFT' && rec.returnComment && (
                <p className="error" data-testid="return-comment">
                  {t.rec.returnComment}：{rec.returnComment}
                </p>
              )}
              <h3>{t.rec.causeAnalysis}</h3>
              <p className="summary multiline">{rec.causeAnalysis}</p>
              <h3>{t.rec.measures}</h3>
              <p className="summary multiline">{rec.measures}</p>
              {rec.receipt && (
                <>
                  <h3>{t.rec.receipt}</h3>
                  <dl className="facts">
                    <Fact label={t.rec.signedBy}>{rec.receipt.signedBy}</Fact>
                    <Fact label={t.rec.signedAt}>{dateTime(rec.receipt.signedAt)}</Fact>
                    {rec.receipt.statement && <Fact label={t.rec.statement}>{rec.receipt.statement}</Fact>}
                  </dl>
                </>
              )}
              {rec.reply && (
                <>
                  <h3>{t.rec.reply}</h3>
                  <dl className="facts">
                    <Fact label={t.rec.replySignedBy}>{rec.reply.signedBy}</Fact>
                    <Fact label={t.rec.repliedAt}>{dateTime(rec.reply.submittedAt)}</Fact>
                  </dl>
                  <p className="summary multiline">{rec.reply.content}</p>
                </>
              )}
              <h2>{t.rec.findings}</h2>
              <FindingsTable findingIds={rec.findingIds} findings={loaded.findings} />
              <h2>{t.finding.actions}</h2>
              <p className="notice" role="status">
                {notice}
              </p>
              <RecommendationActions
                recommendation={rec}
                findings={loaded.findings}
                onDone={(_next, said) => {
                  setNotice(said);
                  live.reload();
                }}
              />
            </div>
            <div>
              <RecommendationDocument recommendation={rec} />
              <h2>{t.finding.timeline}</h2>
              <Timeline events={rec.events} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}

/** A deadline, in red once it has passed unmet. */
function Moment({ iso, late }: { iso: string; late: boolean }) {
  const { dateTime } = useI18n();
  return (
    <time dateTime={iso} className={late ? 'late' : undefined}>
      {dateTime(iso)}
    </time>
  );
}
