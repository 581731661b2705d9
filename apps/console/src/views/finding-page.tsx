import { useState } from 'react';
import type { FindingView, FindingWithEvents, RecommendationView } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { Link } from '../router';
import { hasRole, type User } from '../session';
import { FindingBadges } from '../ui/badges';
import { Countdown } from '../ui/countdown';
import { Fact } from '../ui/fact';
import { LiveStatus } from '../ui/live-status';
import { Timeline } from '../ui/timeline';
import { AccountabilityOutcomeFacts, AccountabilityOutcomeForm } from './accountability-outcome';
import { DecisionPanel } from './decision-panel';
import { EscalationNextStep } from './escalation-next-step';
import { FindingDocuments } from './finding-documents';
import { ExtensionForm, PlanForm, ReportForm } from './unit-forms';

/** 问题 — one finding: its facts, what the signed-in user can do now, and its timeline. */
export function FindingPage({ id }: { id: string }) {
  const { api, user } = useApp();
  const { t, dateTime } = useI18n();
  const now = useNow();
  const [notice, setNotice] = useState('');
  const live = useLive(() => api.get<FindingWithEvents>(`/findings/${encodeURIComponent(id)}`), [id]);
  const finding = live.data;
  const discipline = hasRole(user, 'officer', 'supervisor', 'auditor');
  const done = () => {
    setNotice(t.unit.submitted);
    live.reload();
  };

  return (
    <section aria-labelledby="finding-title">
      <LiveStatus live={live} />
      {finding && (
        <>
          <h1 id="finding-title">
            {finding.title} <FindingBadges finding={finding} />
          </h1>
          {(discipline || finding.recommendationId) && (
            <p className="actions">
              {discipline && <Link to={`/cases/${finding.caseId}`}>{t.finding.case} →</Link>}
              {finding.recommendationId && <Link to={`/recommendations/${finding.recommendationId}`}>{t.rec.ofFinding} →</Link>}
              {/* A unit is not shown interviews: the API lists them to the discipline side only. */}
              {discipline && finding.interviewId && <Link to={`/interviews/${finding.interviewId}`}>{t.interview.ofFinding} →</Link>}
            </p>
          )}
          <div className="two-columns">
            <div>
              <h2>{t.finding.details}</h2>
              <dl className="facts">
                <Fact label={t.finding.case}>
                  <span className="code">{finding.caseCode}</span> {finding.caseTitle}
                </Fact>
                <Fact label={t.fields.description}>{finding.description}</Fact>
                <Fact label={t.fields.category}>{finding.category ?? '—'}</Fact>
                <Fact label={t.fields.unitId}>
                  <UnitName id={finding.unitId} />
                </Fact>
                <Fact label={t.fields.responsiblePerson}>{finding.responsiblePerson ?? '—'}</Fact>
                <Fact label={t.fields.dueAt}>
                  {dateTime(finding.dueAt)} <Countdown finding={finding} now={now} />
                </Fact>
                <Fact label={t.fields.trackingOffice}>
                  <UnitName id={finding.trackingOfficeId} />
                </Fact>
                <Fact label={t.fields.pendingApproval}>{finding.pendingApproval ? t.approvalKind[finding.pendingApproval] : '—'}</Fact>
                {finding.closedAt && <Fact label={t.fields.closedAt}>{dateTime(finding.closedAt)}</Fact>}
                <Fact label={t.fields.accountability}>{t.accountability[finding.accountability]}</Fact>
              </dl>
              {finding.accountabilityOutcome && <AccountabilityOutcomeFacts outcome={finding.accountabilityOutcome} />}
              <h2>{t.finding.actions}</h2>
              <p className="notice" role="status">
                {notice}
              </p>
              {hasRole(user, 'supervisor') && <EscalationNextStep finding={finding} />}
              <Actions finding={finding} user={user} onDone={done} />
            </div>
            <div>
              <FindingDocuments findingId={finding.id} />
              <h2>{t.finding.timeline}</h2>
              <Timeline events={finding.events} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}

/** The steps open to this user on this finding now; the API still decides, and says why not. */
function Actions({ finding, user, onDone }: { finding: FindingView; user: User; onDone: (finding: FindingView) => void }) {
  const { t } = useI18n();
  const forUnit = hasRole(user, 'unit') && user.unitId === finding.unitId;
  // A finding of an unissued recommendation takes no step: only its draft is edited.
  if (finding.status === 'DRAFT') return <p className="notice">{t.rec.draftNote}</p>;
  const forms = [];
  if (forUnit && finding.status === 'ASSIGNED') {
    forms.push(
      finding.recommendationId ? (
        <RecommendationPlan key="plan" finding={finding} recommendationId={finding.recommendationId} onDone={onDone} />
      ) : (
        <PlanForm key="plan" finding={finding} onDone={onDone} />
      ),
    );
  }
  if (forUnit && finding.status === 'RECTIFYING') forms.push(<ReportForm key="report" finding={finding} onDone={onDone} />);
  if (hasRole(user, 'supervisor') && finding.pendingApproval) forms.push(<DecisionPanel key="decide" finding={finding} onDone={onDone} />);
  // 问责结果: the decision of the body the referral went to, recorded by a supervisor.
  if (hasRole(user, 'supervisor') && finding.accountability === 'referred') {
    forms.push(<AccountabilityOutcomeForm key="outcome" finding={finding} onDone={onDone} />);
  }
  const mayExtend =
    forUnit && finding.pendingApproval !== 'extension' && ['ASSIGNED', 'PLAN_SUBMITTED', 'RECTIFYING'].includes(finding.status);
  if (mayExtend) {
    forms.push(
      <details key="extension" className="extension">
        <summary>{t.unit.extension}</summary>
        <ExtensionForm finding={finding} onDone={onDone} />
      </details>,
    );
  }
  return forms.length ? <>{forms}</> : <p>{t.finding.noActions}</p>;
}

/** Replied or closed: the reply gave the first plan, so a returned one is resubmitted here, as in v1. */
const REPLIED = new Set<RecommendationView['status']>(['REPLIED', 'CLOSED']);

/**
 * Until its recommendation's written reply (书面回复) is given, a finding's plan comes only with the
 * reply: a note pointing there instead of the plan form. Should the recommendation not load, the
 * plan form, whose REPLY_AWAITED refusal says the same in words.
 */
function RecommendationPlan({
  finding,
  recommendationId,
  onDone,
}: {
  finding: FindingView;
  recommendationId: string;
  onDone: (finding: FindingView) => void;
}) {
  const { api } = useApp();
  const { t } = useI18n();
  const live = useLive(() => api.get<RecommendationView>(`/recommendations/${encodeURIComponent(recommendationId)}`), [recommendationId]);
  if (!live.data && live.loading) return <p>{t.app.loading}</p>;
  if (live.data && !REPLIED.has(live.data.status)) {
    return (
      <p className="notice" data-testid="reply-awaited">
        {t.rec.replyAwaitedNote} <Link to={`/recommendations/${recommendationId}`}>{t.rec.goToRecommendation} →</Link>
      </p>
    );
  }
  return <PlanForm finding={finding} onDone={onDone} />;
}
