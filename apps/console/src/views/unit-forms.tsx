import { useState, type FormEvent, type ReactNode } from 'react';
import type { Evidence, FindingView } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { localInputToIso } from '../ui/dates';
import { ErrorNote } from '../ui/error-note';
import { Field } from '../ui/field';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';

type Done = (finding: FindingView) => void;

/** Posts one unit step and keeps its errors: per field where the API names one, above otherwise. */
function useStep(finding: FindingView, path: string, isField: (path: string) => boolean, onDone: Done) {
  const { api } = useApp();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  async function send(body: unknown) {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      onDone(await api.post<FindingView>(`/findings/${finding.id}/${path}`, body));
    } catch (error) {
      setErrors(formErrors(error, isField));
    } finally {
      setBusy(false);
    }
  }
  return { errors, busy, send };
}

function StepForm({
  title,
  busy,
  submit,
  errors,
  onSubmit,
  children,
}: {
  title: string;
  busy: boolean;
  submit: string;
  errors: FormErrors;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="stack step-form"
      aria-label={title}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3>{title}</h3>
      {errors.general.map((error, index) => (
        <ErrorNote key={index} error={error} />
      ))}
      {children}
      <button type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

/** 整改方案 — the unit's measures and milestones. */
export function PlanForm({ finding, onDone }: { finding: FindingView; onDone: Done }) {
  const { t } = useI18n();
  const [content, setContent] = useState('');
  const step = useStep(finding, 'plan', (path) => path === 'content', onDone);
  return (
    <StepForm
      title={t.unit.plan}
      submit={t.unit.submitPlan}
      busy={step.busy}
      errors={step.errors}
      onSubmit={() => void step.send({ content })}
    >
      <Field label={t.unit.planContent} error={step.errors.byField['content']}>
        <textarea rows={4} value={content} onChange={(e) => setContent(e.target.value)} />
      </Field>
    </StepForm>
  );
}

const emptyEvidence = (): Evidence => ({ name: '', sha256: '', uri: '' });

async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 整改报告 — what was done, with one entry per evidence file (its name, SHA-256 and where it is kept). */
export function ReportForm({ finding, onDone }: { finding: FindingView; onDone: Done }) {
  const { t } = useI18n();
  const [content, setContent] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>(() => [emptyEvidence()]);
  const step = useStep(finding, 'report', (path) => path === 'content' || path === 'evidence' || /^evidence\.\d+\.\w+$/.test(path), onDone);
  const set = (index: number, change: Partial<Evidence>) =>
    setEvidence((all) => all.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const canHash = typeof crypto !== 'undefined' && !!crypto.subtle;

  return (
    <StepForm
      title={t.unit.report}
      submit={t.unit.submitReport}
      busy={step.busy}
      errors={step.errors}
      onSubmit={() => void step.send({ content, evidence })}
    >
      <Field label={t.unit.reportContent} error={step.errors.byField['content']}>
        <textarea rows={4} value={content} onChange={(e) => setContent(e.target.value)} />
      </Field>
      {step.errors.byField['evidence'] && <p className="field-error">{step.errors.byField['evidence']}</p>}
      {evidence.map((item, index) => {
        const at = (field: string) => step.errors.byField[`evidence.${index}.${field}`];
        return (
          <fieldset key={index} className="evidence">
            <legend>{t.unit.evidenceN(index + 1)}</legend>
            {canHash && (
              <Field label={t.unit.fromFile}>
                <input
                  type="file"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void sha256Of(file).then((sha256) => set(index, { sha256, name: item.name || file.name }));
                  }}
                />
              </Field>
            )}
            <div className="row">
              <Field label={t.unit.evidenceName} error={at('name')}>
                <input value={item.name} onChange={(e) => set(index, { name: e.target.value })} />
              </Field>
              <Field label={t.unit.evidenceSha} error={at('sha256')}>
                <input className="mono" value={item.sha256} onChange={(e) => set(index, { sha256: e.target.value.trim() })} />
              </Field>
              <Field label={t.unit.evidenceUri} error={at('uri')}>
                <input value={item.uri} onChange={(e) => set(index, { uri: e.target.value })} />
              </Field>
            </div>
            {evidence.length > 1 && (
              <button type="button" className="link" onClick={() => setEvidence((all) => all.filter((_, i) => i !== index))}>
                {t.unit.removeEvidence}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => setEvidence((all) => [...all, emptyEvidence()])}>
        {t.unit.addEvidence}
      </button>
    </StepForm>
  );
}

/** 延期申请 — a later deadline, with the reason; only an approved one moves the deadline. */
export function ExtensionForm({ finding, onDone }: { finding: FindingView; onDone: Done }) {
  const { t } = useI18n();
  const [requestedDueAt, setRequestedDueAt] = useState('');
  const [reason, setReason] = useState('');
  const step = useStep(finding, 'extension', (path) => path === 'requestedDueAt' || path === 'reason', onDone);
  return (
    <StepForm
      title={t.unit.extension}
      submit={t.unit.submitExtension}
      busy={step.busy}
      errors={step.errors}
      onSubmit={() => void step.send({ requestedDueAt: localInputToIso(requestedDueAt), reason })}
    >
      <Field label={t.unit.requestedDueAt} error={step.errors.byField['requestedDueAt']}>
        <input type="datetime-local" value={requestedDueAt} onChange={(e) => setRequestedDueAt(e.target.value)} />
      </Field>
      <Field label={t.unit.reason} error={step.errors.byField['reason']}>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </StepForm>
  );
}
