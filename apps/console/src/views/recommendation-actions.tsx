import { useId, useState } from 'react';
import { ApiError } from '../api/client';
import type { FindingView, RecommendationView } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { hasRole } from '../session';
import { isoToLocalInput, localInputToIso } from '../ui/dates';
import { ErrorNote } from '../ui/error-note';
import { Field } from '../ui/field';
import type { FormErrors } from '../ui/form-errors';
import { useRecommendationStep, type RecommendationDone } from './recommendation-step';
import { ReceiptForm, ReplyForm } from './recommendation-unit-forms';
import { StepForm } from './unit-forms';

/** The steps open to this user on this recommendation now; the API still decides, and says why not. */
export function RecommendationActions({
  recommendation,
  findings,
  onDone,
}: {
  recommendation: RecommendationView;
  findings: ReadonlyMap<string, FindingView>;
  onDone: (recommendation: RecommendationView, notice: string) => void;
}) {
  const { user } = useApp();
  const { t } = useI18n();
  const { status } = recommendation;
  const forUnit = hasRole(user, 'unit') && user.unitId === recommendation.unitId;
  const done = (notice: string) => (next: RecommendationView) => onDone(next, notice);
  const forms = [];
  if (hasRole(user, 'officer') && status === 'DRAFT') {
    forms.push(
      <DraftActions key="draft" recommendation={recommendation} onSaved={done(t.rec.saved)} onSubmitted={done(t.rec.submitted)} />,
    );
  }
  if (hasRole(user, 'supervisor') && status === 'PENDING_SIGNOFF') {
    forms.push(<SignOffPanel key="signoff" recommendation={recommendation} onDone={done(t.rec.decided)} />);
  }
  if (forUnit && status === 'ISSUED') forms.push(<ReceiptForm key="receipt" recommendation={recommendation} onDone={done(t.rec.sent)} />);
  if (forUnit && status === 'RECEIVED') {
    forms.push(<ReplyForm key="reply" recommendation={recommendation} findings={findings} onDone={done(t.rec.sent)} />);
  }
  return forms.length ? <>{forms}</> : <p>{t.finding.noActions}</p>;
}

/** 修改草稿 / 提交审核 — the drafter's (or another officer's) work on a draft, after a return too. */
function DraftActions({
  recommendation,
  onSaved,
  onSubmitted,
}: {
  recommendation: RecommendationView;
  onSaved: RecommendationDone;
  onSubmitted: RecommendationDone;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const submit = useRecommendationStep(recommendation.id, 'submit', () => false, onSubmitted);
  return (
    <div className="stack">
      {editing ? (
        <EditForm
          recommendation={recommendation}
          onCancel={() => setEditing(false)}
          onDone={(next) => {
            setEditing(false);
            onSaved(next);
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t.rec.edit}
          </button>
          <button type="button" disabled={submit.busy} onClick={() => void submit.send({})}>
            {t.rec.submit}
          </button>
        </div>
      )}
      <Errors errors={submit.errors} />
    </div>
  );
}

const EDIT_FIELDS = new Set(['title', 'causeAnalysis', 'measures', 'replyDueAt']);

/** PATCH with what changed only: an unchanged deadline that has since passed would be refused for nothing. */
function EditForm({
  recommendation,
  onDone,
  onCancel,
}: {
  recommendation: RecommendationView;
  onDone: RecommendationDone;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const initialDue = isoToLocalInput(Date.parse(recommendation.replyDueAt));
  const [title, setTitle] = useState(recommendation.title);
  const [causeAnalysis, setCauseAnalysis] = useState(recommendation.causeAnalysis);
  const [measures, setMeasures] = useState(recommendation.measures);
  const [replyDueAt, setReplyDueAt] = useState(initialDue);
  const step = useRecommendationStep(recommendation.id, 'edit', (path) => EDIT_FIELDS.has(path), onDone);
  const err = (path: string) => step.errors.byField[path];

  function save() {
    const body = {
      ...(title !== recommendation.title && { title }),
      ...(causeAnalysis !== recommendation.causeAnalysis && { causeAnalysis }),
      ...(measures !== recommendation.measures && { measures }),
      ...(replyDueAt !== initialDue && { replyDueAt: localInputToIso(replyDueAt) }),
    };
    void step.send(body);
  }

  return (
    <StepForm title={t.rec.edit} submit={t.rec.saveEdit} busy={step.busy} errors={step.errors} onSubmit={save}>
      <Field label={t.rec.recTitle} error={err('title')}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t.rec.causeAnalysis} error={err('causeAnalysis')}>
        <textarea rows={5} value={causeAnalysis} onChange={(e) => setCauseAnalysis(e.target.value)} />
      </Field>
      <Field label={t.rec.measures} error={err('measures')}>
        <textarea rows={5} value={measures} onChange={(e) => setMeasures(e.target.value)} />
      </Field>
      <Field label={t.rec.replyDueAt} error={err('replyDueAt')}>
        <input type="datetime-local" value={replyDueAt} onChange={(e) => setReplyDueAt(e.target.value)} />
      </Field>
      <button type="button" className="secondary" onClick={onCancel}>
        {t.rec.cancel}
      </button>
    </StepForm>
  );
}

/** 审核签发 — issue it, or return it to its drafter with the reason; never by its drafter (回避). */
function SignOffPanel({ recommendation, onDone }: { recommendation: RecommendationView; onDone: RecommendationDone }) {
  const { t } = useI18n();
  const id = useId();
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const step = useRecommendationStep(recommendation.id, 'signoff', (path) => path === 'comment', onDone);

  function decide(decision: 'approve' | 'return') {
    if (decision === 'return' && !comment.trim()) {
      setMissingComment(true);
      return;
    }
    void step.send({ decision, ...(comment.trim() && { comment }) });
  }

  const commentError = missingComment ? t.rec.commentRequired : step.errors.byField['comment'];
  return (
    <div className="decision" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.rec.signoff}</h3>
      <Field label={t.rec.comment} error={commentError}>
        <textarea
          rows={2}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setMissingComment(false);
          }}
        />
      </Field>
      <Errors errors={step.errors} />
      <div className="actions">
        <button type="button" disabled={step.busy} onClick={() => decide('approve')}>
          {t.rec.approve}
        </button>
        <button type="button" className="danger" disabled={step.busy} onClick={() => decide('return')}>
          {t.rec.return}
        </button>
      </div>
    </div>
  );
}

/** The step's refusals that name no field; 回避 in the recommendation's own words. */
function Errors({ errors }: { errors: FormErrors }) {
  const { t } = useI18n();
  return (
    <>
      {errors.general.map((error, index) =>
        error instanceof ApiError && error.code === 'RECUSAL_REQUIRED' ? (
          <p key={index} className="error" role="alert">
            {t.rec.recusal}
          </p>
        ) : (
          <ErrorNote key={index} error={error} />
        ),
      )}
    </>
  );
}
