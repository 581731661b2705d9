import { useState, type FormEvent } from 'react';
import type { CaseWithFindings } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { randomKey } from '../ui/dates';
import { FormRefusal } from '../ui/form-refusal';
import { BLANK_CASE, CaseFields, type CaseDraft } from './case-fields';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { blankFinding, FINDING_FIELDS, findingBody, FindingFields, type FindingDraft } from './finding-fields';

const CASE_FIELDS = new Set(['title', 'summary', 'source', 'findings']);
const FINDING_FIELD = new RegExp(`^findings\\.\\d+\\.(${FINDING_FIELDS.join('|')})$`);

/**
 * 立案 — an officer opens a case with its findings. The API is the one judge of the input: its
 * 400 message is split per field and shown beside each (no rules duplicated here).
 */
export function CaseForm() {
  const { api } = useApp();
  const { t } = useI18n();
  const [caseDraft, setCaseDraft] = useState<CaseDraft>(BLANK_CASE);
  const [findings, setFindings] = useState<FindingDraft[]>(() => [blankFinding()]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a double submit or a retry after a lost answer opens one case.
  const [idempotencyKey, setIdempotencyKey] = useState(randomKey);

  const update = (key: number, change: Partial<FindingDraft>) =>
    setFindings((all) => all.map((finding) => (finding.key === key ? { ...finding, ...change } : finding)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const body = {
        ...caseDraft,
        findings: findings.map(findingBody),
      };
      const opened = await api.post<CaseWithFindings>('/cases', body, { 'Idempotency-Key': idempotencyKey });
      navigate(`/cases/${opened.id}`);
    } catch (error) {
      setErrors(formErrors(error, (path) => CASE_FIELDS.has(path) || FINDING_FIELD.test(path)));
      setIdempotencyKey(randomKey());
    } finally {
      setBusy(false);
    }
  }

  const err = (path: string) => errors.byField[path];

  return (
    <section aria-labelledby="case-form-title">
      <h1 id="case-form-title">{t.caseForm.title}</h1>
      <p className="intro">{t.caseForm.intro}</p>
      <p>
        <Link to="/cases/import">{t.caseImport.fromFile} →</Link>
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        <FormRefusal errors={errors} fixFields={t.caseForm.fixFields} />
        <CaseFields
          draft={caseDraft}
          onChange={(change) => setCaseDraft((now) => ({ ...now, ...change }))}
          errorAt={(field) => err(field)}
        />
        {err('findings') && <p className="field-error">{err('findings')}</p>}
        {findings.map((finding, index) => {
          const at = (field: string) => err(`findings.${index}.${field}`);
          return (
            <fieldset key={finding.key} className="finding-draft">
              <legend>{t.caseForm.findingN(index + 1)}</legend>
              <FindingFields draft={finding} onChange={(change) => update(finding.key, change)} errorAt={at} />
              {findings.length > 1 && (
                <button type="button" className="link" onClick={() => setFindings((all) => all.filter((f) => f.key !== finding.key))}>
                  {t.caseForm.removeFinding}
                </button>
              )}
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setFindings((all) => [...all, blankFinding()])}>
            {t.caseForm.addFinding}
          </button>
          <button type="submit" disabled={busy}>
            {busy ? t.caseForm.submitting : t.caseForm.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
