import { useState, type FormEvent, type ReactNode } from 'react';
import type { FindingView, LinkedEvidence } from '../api/types';
import { useApp } from '../app-context';
import { useUploads } from '../hooks/use-uploads';
import { useI18n } from '../i18n/i18n';
import { localInputToIso } from '../ui/dates';
import { FormRefusal } from '../ui/form-refusal';
import { Field } from '../ui/field';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { EvidenceUpload } from './evidence-upload';
import { LinkedEvidenceFields } from './linked-evidence';

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

export function StepForm({
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
      <FormRefusal errors={errors} />
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

/** 整改报告 — what was done, with its evidence: files uploaded here (sent as `{fileId}`) and, rarely, v1's files kept elsewhere. */
export function ReportForm({ finding, onDone }: { finding: FindingView; onDone: Done }) {
  const { t } = useI18n();
  const [content, setContent] = useState('');
  const files = useUploads();
  const [linked, setLinked] = useState<LinkedEvidence[]>([]);
  const step = useStep(finding, 'report', (path) => path === 'content' || path === 'evidence' || /^evidence\.\d+\.\w+$/.test(path), onDone);
  // The report lists the stored files first, then the linked ones: an error's index says which.
  const evidence = [...files.stored.map((file) => ({ fileId: file.id })), ...linked];
  const storedKeys = files.uploads.filter((upload) => upload.stored).map((upload) => upload.key);
  const at = (index: number, field: string) => step.errors.byField[`evidence.${index}.${field}`];

  return (
    <StepForm
      title={t.unit.report}
      submit={t.unit.submitReport}
      busy={step.busy || files.sending}
      errors={step.errors}
      onSubmit={() => void step.send({ content, evidence })}
    >
      <Field label={t.unit.reportContent} error={step.errors.byField['content']}>
        <textarea rows={4} value={content} onChange={(e) => setContent(e.target.value)} />
      </Field>
      {step.errors.byField['evidence'] && <p className="field-error">{step.errors.byField['evidence']}</p>}
      <EvidenceUpload
        uploads={files.uploads}
        onPick={files.add}
        onRemove={files.remove}
        errorOf={(key) => {
          const index = storedKeys.indexOf(key);
          return index < 0 ? undefined : at(index, 'fileId');
        }}
      />
      <LinkedEvidenceFields items={linked} onChange={setLinked} errorAt={(index, field) => at(files.stored.length + index, field)} />
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
