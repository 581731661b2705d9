import { useState } from 'react';
import type { FindingView, RecommendationView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';
import { useRecommendationStep, type RecommendationDone } from './recommendation-step';
import { StepForm } from './unit-forms';

/** 签收 — the unit's head or liaison signs for the issued recommendation, with a statement (表态) if they wish. */
export function ReceiptForm({ recommendation, onDone }: { recommendation: RecommendationView; onDone: RecommendationDone }) {
  const { t } = useI18n();
  const [signedBy, setSignedBy] = useState('');
  const [statement, setStatement] = useState('');
  const step = useRecommendationStep(recommendation.id, 'receipt', (path) => path === 'signedBy' || path === 'statement', onDone);
  return (
    <StepForm
      title={t.rec.receiptForm}
      submit={t.rec.signReceipt}
      busy={step.busy}
      errors={step.errors}
      onSubmit={() => void step.send({ signedBy, ...(statement.trim() && { statement }) })}
    >
      <Field label={t.rec.receiptSigner} error={step.errors.byField['signedBy']}>
        <input value={signedBy} onChange={(e) => setSignedBy(e.target.value)} />
      </Field>
      <Field label={t.rec.receiptStatement + t.optional} error={step.errors.byField['statement']}>
        <textarea rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </Field>
    </StepForm>
  );
}

const REPLY_FIELD = /^(content|signedBy|plans|plans\.\d+\.(content|findingId))$/;

/**
 * 书面回复 — on one screen: the reply, who signs it, and the plan of every finding of the
 * recommendation. Blank plans are left out, so the API's refusal names the findings still missing one.
 */
export function ReplyForm({
  recommendation,
  findings,
  onDone,
}: {
  recommendation: RecommendationView;
  findings: ReadonlyMap<string, FindingView>;
  onDone: RecommendationDone;
}) {
  const { t } = useI18n();
  const [content, setContent] = useState('');
  const [signedBy, setSignedBy] = useState('');
  const [plans, setPlans] = useState<Record<string, string>>({});
  // Which finding each sent plan was for: the API's `plans.2.content` counts in the sent list.
  const [sent, setSent] = useState<string[]>([]);
  const step = useRecommendationStep(recommendation.id, 'reply', (path) => REPLY_FIELD.test(path), onDone);
  const ids = recommendation.findingIds;
  const titleOf = (id: string) => findings.get(id)?.title ?? id;

  // Refused for want of plans: the ones missing are those left blank.
  const missingPlans = step.errors.byField['plans'];
  const missing = missingPlans ? ids.filter((id) => !sent.includes(id)) : [];
  const planError = (id: string) => {
    const index = sent.indexOf(id);
    const own = index < 0 ? undefined : (step.errors.byField[`plans.${index}.content`] ?? step.errors.byField[`plans.${index}.findingId`]);
    return own ?? (missing.includes(id) ? t.rec.planMissing : undefined);
  };

  function submit() {
    const given = ids.filter((id) => plans[id]?.trim());
    setSent(given);
    void step.send({ content, signedBy, plans: given.map((findingId) => ({ findingId, content: plans[findingId] })) });
  }

  return (
    <StepForm title={t.rec.replyForm} submit={t.rec.sendReply} busy={step.busy} errors={step.errors} onSubmit={submit}>
      <p className="hint">{t.rec.replyIntro}</p>
      <Field label={t.rec.replyContent} error={step.errors.byField['content']}>
        <textarea rows={5} value={content} onChange={(e) => setContent(e.target.value)} />
      </Field>
      <Field label={t.rec.replySignedBy} error={step.errors.byField['signedBy']}>
        <input value={signedBy} onChange={(e) => setSignedBy(e.target.value)} />
      </Field>
      {missingPlans && (
        <p className="field-error" role="alert">
          {missing.length > 0 ? `${t.rec.plansMissing}${missing.map(titleOf).join('、')}` : missingPlans}
        </p>
      )}
      {ids.map((id) => (
        <Field key={id} label={t.rec.planFor(titleOf(id))} error={planError(id)}>
          <textarea rows={3} value={plans[id] ?? ''} onChange={(e) => setPlans((all) => ({ ...all, [id]: e.target.value }))} />
        </Field>
      ))}
    </StepForm>
  );
}
