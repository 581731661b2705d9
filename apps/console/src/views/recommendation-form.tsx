import { useState, type FormEvent } from 'react';
import type { CaseView, RecommendationView } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org/org-context';
import { Link, navigate } from '../router';
import { isoToLocalInput } from '../ui/dates';
import { DeadlineChoice, deadlineBody, type DeadlineDraft } from '../ui/deadline-choice';
import { FormRefusal } from '../ui/form-refusal';
import { Field } from '../ui/field';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { OrgUnitSelect } from '../ui/org-unit-select';
import { blankItem, ITEM_FIELD, itemBody, ItemFields, MAX_ITEMS, type ItemDraft } from './recommendation-items';

const FIELDS = new Set(['unitId', 'title', 'causeAnalysis', 'measures', 'replyDueAt', 'replyDueInWorkingDays', 'findings']);

/**
 * 起草建议书 — an officer drafts a recommendation to one unit, with its items, on an open case. The API
 * judges the input; its 400 lands beside each field it names.
 */
export function RecommendationForm({ caseId }: { caseId: string }) {
  const { api } = useApp();
  const { t } = useI18n();
  const org = useOrg();
  const found = useLive(() => api.get<CaseView>(`/cases/${encodeURIComponent(caseId)}`), [caseId], 600_000);
  const [unitId, setUnitId] = useState('');
  const [title, setTitle] = useState('');
  const [causeAnalysis, setCauseAnalysis] = useState('');
  const [measures, setMeasures] = useState('');
  const [replyDue, setReplyDue] = useState<DeadlineDraft>(() => ({
    mode: 'date',
    date: isoToLocalInput(Date.now() + 30 * 86_400_000),
    days: '',
  }));
  const [items, setItems] = useState<ItemDraft[]>(() => [blankItem()]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const body = {
        unitId,
        title,
        causeAnalysis,
        measures,
        ...deadlineBody(replyDue, 'replyDueAt', 'replyDueInWorkingDays'),
        findings: items.map(itemBody),
      };
      const drafted = await api.post<RecommendationView>(`/cases/${encodeURIComponent(caseId)}/recommendations`, body);
      navigate(`/recommendations/${drafted.id}`);
    } catch (error) {
      setErrors(formErrors(error, (path) => FIELDS.has(path) || ITEM_FIELD.test(path)));
    } finally {
      setBusy(false);
    }
  }

  const err = (path: string) => errors.byField[path];
  const directoryDown = org.loaded && !!org.error && org.units.length === 0;

  return (
    <section aria-labelledby="rec-form-title">
      <p>
        <Link to={`/cases/${caseId}`}>← {found.data ? t.rec.forCase(found.data.code) : t.finding.case}</Link>
      </p>
      <h1 id="rec-form-title">{t.rec.formTitle}</h1>
      <p className="intro">{t.rec.formIntro}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <FormRefusal errors={errors} fixFields={t.caseForm.fixFields} />
        <div className="row">
          <Field label={t.rec.recipient} error={err('unitId')} hint={directoryDown ? t.picker.unavailable : undefined}>
            <OrgUnitSelect side="unit" value={unitId} emptyLabel={t.picker.chooseUnit} onChange={setUnitId} />
          </Field>
          <DeadlineChoice
            label={t.rec.replyDueAt}
            value={replyDue}
            onChange={setReplyDue}
            error={err('replyDueAt') ?? err('replyDueInWorkingDays')}
          />
        </div>
        <Field label={t.rec.recTitle} error={err('title')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={t.rec.causeAnalysis} error={err('causeAnalysis')}>
          <textarea rows={5} value={causeAnalysis} onChange={(e) => setCauseAnalysis(e.target.value)} />
        </Field>
        <Field label={t.rec.measures} error={err('measures')}>
          <textarea rows={5} value={measures} onChange={(e) => setMeasures(e.target.value)} />
        </Field>
        <h2>{t.rec.items}</h2>
        <p className="hint">{t.rec.itemsHint}</p>
        {err('findings') && <p className="field-error">{err('findings')}</p>}
        <ItemFields items={items} onChange={setItems} errorAt={(index, field) => err(`findings.${index}.${field}`)} />
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={items.length >= MAX_ITEMS}
            onClick={() => setItems((all) => [...all, blankItem()])}
          >
            {t.rec.addItem}
          </button>
          <button type="submit" disabled={busy}>
            {busy ? t.rec.saving : t.rec.saveDraft}
          </button>
        </div>
      </form>
    </section>
  );
}
