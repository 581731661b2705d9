import { useState } from 'react';
import type { IntervieweeTier, InterviewView } from '../api/types';
import { useApp } from '../app-context';
import { useUploads } from '../hooks/use-uploads';
import { useI18n } from '../i18n/i18n';
import { isoToLocalInput, localInputToIso } from '../ui/dates';
import { Field } from '../ui/field';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { EvidenceUpload } from './evidence-upload';
import { StepForm } from './unit-forms';

export type InterviewDone = (interview: InterviewView) => void;

/** The contract's INTERVIEWEE_TIERS, restated: the console takes only types from the workspace. */
const TIERS: IntervieweeTier[] = ['principal', 'deputy', 'direct'];

/** Posts one step of an interview and keeps its errors: beside the fields the API names, above the form otherwise. */
function useInterviewStep(id: string, step: 'schedule' | 'record', isField: (path: string) => boolean, onDone: InterviewDone) {
  const { api } = useApp();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  async function send(body: unknown) {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      onDone(await api.post<InterviewView>(`/interviews/${encodeURIComponent(id)}/${step}`, body));
    } catch (error) {
      setErrors(formErrors(error, isField));
    } finally {
      setBusy(false);
    }
  }
  return { errors, busy, send };
}

const SCHEDULE_FIELD = /^(scheduledAt|interviewer|interviewee|interviewee\.(name|tier))$/;

/** 安排约谈 — when (ahead), by whom, whom and in which capacity; once scheduled, the same form moves it (调整时间). */
export function ScheduleForm({ interview, onDone }: { interview: InterviewView; onDone: InterviewDone }) {
  const { t } = useI18n();
  const moving = interview.status === 'SCHEDULED';
  const [scheduledAt, setScheduledAt] = useState(interview.scheduledAt ? isoToLocalInput(Date.parse(interview.scheduledAt)) : '');
  const [interviewer, setInterviewer] = useState(interview.interviewer ?? '');
  const [name, setName] = useState(interview.interviewee?.name ?? '');
  const [tier, setTier] = useState<IntervieweeTier | ''>(interview.interviewee?.tier ?? '');
  const step = useInterviewStep(interview.id, 'schedule', (path) => SCHEDULE_FIELD.test(path), onDone);
  const err = (path: string) => step.errors.byField[path];
  return (
    <StepForm
      title={t.interview.scheduleForm}
      submit={moving ? t.interview.rescheduleSubmit : t.interview.scheduleSubmit}
      busy={step.busy}
      errors={step.errors}
      onSubmit={() => void step.send({ scheduledAt: localInputToIso(scheduledAt), interviewer, interviewee: { name, tier } })}
    >
      <Field label={t.interview.scheduledAt} error={err('scheduledAt')}>
        <input type="datetime-local" value={scheduledAt} onChange={(e) => setScheduledAt(e.target.value)} />
      </Field>
      <Field label={t.interview.interviewer} error={err('interviewer')}>
        <input value={interviewer} onChange={(e) => setInterviewer(e.target.value)} />
      </Field>
      <Field label={t.interview.intervieweeName} error={err('interviewee.name') ?? err('interviewee')}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t.interview.tierLabel} error={err('interviewee.tier')}>
        <select value={tier} onChange={(e) => setTier(e.target.value as IntervieweeTier | '')}>
          <option value="">{t.interview.chooseTier}</option>
          {TIERS.map((value) => (
            <option key={value} value={value}>
              {t.tier[value]}
            </option>
          ))}
        </select>
      </Field>
    </StepForm>
  );
}

const RECORD_FIELD = /^(heldAt|minutes|statement|evidence|evidence\.\d+\.fileId)$/;

/** 记录约谈 — held: when (not ahead), the minutes, the interviewee's statement (表态), and files uploaded here (sent as `{fileId}`). */
export function RecordForm({ interview, onDone }: { interview: InterviewView; onDone: InterviewDone }) {
  const { t } = useI18n();
  const [heldAt, setHeldAt] = useState('');
  const [minutes, setMinutes] = useState('');
  const [statement, setStatement] = useState('');
  const files = useUploads();
  const step = useInterviewStep(interview.id, 'record', (path) => RECORD_FIELD.test(path), onDone);
  const err = (path: string) => step.errors.byField[path];
  const storedKeys = files.uploads.filter((upload) => upload.stored).map((upload) => upload.key);
  const evidence = files.stored.map((file) => ({ fileId: file.id }));
  return (
    <StepForm
      title={t.interview.recordForm}
      submit={t.interview.recordSubmit}
      busy={step.busy || files.sending}
      errors={step.errors}
      onSubmit={() => void step.send({ heldAt: localInputToIso(heldAt), minutes, statement, evidence })}
    >
      <Field label={t.interview.heldAt} error={err('heldAt')}>
        <input type="datetime-local" value={heldAt} onChange={(e) => setHeldAt(e.target.value)} />
      </Field>
      <Field label={t.interview.minutes} error={err('minutes')}>
        <textarea rows={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </Field>
      <Field label={t.interview.statement} error={err('statement')}>
        <textarea rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </Field>
      {err('evidence') && <p className="field-error">{err('evidence')}</p>}
      <EvidenceUpload
        uploads={files.uploads}
        onPick={files.add}
        onRemove={files.remove}
        errorOf={(key) => {
          const index = storedKeys.indexOf(key);
          return index < 0 ? undefined : err(`evidence.${index}.fileId`);
        }}
      />
    </StepForm>
  );
}
