import { useState, type FormEvent } from 'react';
import type { FindingView } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { FormRefusal } from '../ui/form-refusal';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { blankFinding, FINDING_FIELDS, findingBody, FindingFields, type FindingDraft } from './finding-fields';

const IS_FINDING_FIELD = (path: string) => (FINDING_FIELDS as readonly string[]).includes(path);

/** 补充问题 — one more finding on an open case, assigned and timed like those it was opened with. */
export function AddFindingForm({ caseId, onAdded }: { caseId: string; onAdded: (finding: FindingView) => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [draft, setDraft] = useState<FindingDraft>(blankFinding);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setAdded('');
    try {
      const finding = await api.post<FindingView>(`/cases/${encodeURIComponent(caseId)}/findings`, findingBody(draft));
      setDraft(blankFinding());
      setAdded(t.addFinding.added(finding.title));
      onAdded(finding);
    } catch (error) {
      setErrors(formErrors(error, IS_FINDING_FIELD));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="add-finding-title">
      <h2 id="add-finding-title">{t.addFinding.title}</h2>
      <p className="hint">{t.addFinding.intro}</p>
      <FormRefusal errors={errors} fixFields={t.caseForm.fixFields} />
      <fieldset className="finding-draft">
        <legend>{t.addFinding.legend}</legend>
        <FindingFields
          draft={draft}
          onChange={(change) => setDraft((now) => ({ ...now, ...change }))}
          errorAt={(field) => errors.byField[field]}
        />
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t.addFinding.adding : t.addFinding.submit}
        </button>
      </div>
      <p className="notice" role="status">
        {added}
      </p>
    </form>
  );
}
