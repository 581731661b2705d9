import { useState } from 'react';
import type { ACCOUNTABILITY_FORMS as CONTRACT_FORMS, AccountabilityTarget, FOUR_FORMS as CONTRACT_FOUR_FORMS } from '@reform/contracts';
import type { FindingView } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { localInputToIso } from '../ui/dates';
import { Field } from '../ui/field';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { StepForm } from './unit-forms';

// The console takes only types from the workspace: the lists restated, and the compiler holds them to the contract's.
const ACCOUNTABILITY_FORMS: typeof CONTRACT_FORMS = {
  organisation: ['检查', '通报', '改组'],
  leader: ['通报批评', '诫勉', '组织调整', '组织处理', '纪律处分'],
};
const FOUR_FORMS: typeof CONTRACT_FOUR_FORMS = [1, 2, 3, 4];

const FIELDS = new Set(['target', 'personName', 'form', 'decidedBy', 'decisionDocNo', 'decidedAt', 'fourForm']);

/**
 * 问责结果 — on a referred accountability, the supervisor records what the body with authority
 * decided: the forms offered follow the target (组织: 检查/通报/改组; 领导干部: 通报批评…纪律处分),
 * and a leader is named.
 */
export function AccountabilityOutcomeForm({ finding, onDone }: { finding: FindingView; onDone: (finding: FindingView) => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [target, setTarget] = useState<AccountabilityTarget>('leader');
  const [form, setForm] = useState<string>(ACCOUNTABILITY_FORMS.leader[0]);
  const [personName, setPersonName] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [decisionDocNo, setDecisionDocNo] = useState('');
  const [decidedAt, setDecidedAt] = useState('');
  const [fourForm, setFourForm] = useState<number>(1);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const chooseTarget = (next: AccountabilityTarget) => {
    setTarget(next);
    setForm(ACCOUNTABILITY_FORMS[next][0]);
  };

  async function submit() {
    const missing: Record<string, string> = {};
    for (const [field, value] of Object.entries({ decidedBy, decisionDocNo, decidedAt, ...(target === 'leader' && { personName }) })) {
      if (!value.trim()) missing[field] = t.outcome.required;
    }
    if (Object.keys(missing).length > 0) {
      setErrors({ byField: missing, general: [] });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const body = {
        target,
        form,
        ...(target === 'leader' && { personName }),
        decidedBy,
        decisionDocNo,
        decidedAt: localInputToIso(decidedAt),
        fourForm,
      };
      onDone(await api.post<FindingView>(`/findings/${finding.id}/accountability/outcome`, body));
    } catch (error) {
      setErrors(formErrors(error, (path) => FIELDS.has(path)));
    } finally {
      setBusy(false);
    }
  }

  const error = (field: string) => errors.byField[field];
  return (
    <StepForm title={t.outcome.title} submit={t.outcome.submit} busy={busy} errors={errors} onSubmit={() => void submit()}>
      <Field label={t.outcome.target} error={error('target')}>
        <select value={target} onChange={(e) => chooseTarget(e.target.value as AccountabilityTarget)}>
          {(['organisation', 'leader'] as const).map((value) => (
            <option key={value} value={value}>
              {t.outcome.targets[value]}
            </option>
          ))}
        </select>
      </Field>
      {target === 'leader' && (
        <Field label={t.outcome.personName} error={error('personName')}>
          <input value={personName} aria-required="true" maxLength={100} onChange={(e) => setPersonName(e.target.value)} />
        </Field>
      )}
      <Field label={t.outcome.form} error={error('form')}>
        <select value={form} onChange={(e) => setForm(e.target.value)}>
          {ACCOUNTABILITY_FORMS[target].map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.outcome.fourForm} error={error('fourForm')}>
        <select value={fourForm} onChange={(e) => setFourForm(Number(e.target.value))}>
          {FOUR_FORMS.map((value) => (
            <option key={value} value={value}>
              {t.outcome.fourForms[value]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.outcome.decidedBy} error={error('decidedBy')}>
        <input value={decidedBy} aria-required="true" maxLength={200} onChange={(e) => setDecidedBy(e.target.value)} />
      </Field>
      <Field label={t.outcome.decisionDocNo} error={error('decisionDocNo')}>
        <input value={decisionDocNo} aria-required="true" maxLength={100} onChange={(e) => setDecisionDocNo(e.target.value)} />
      </Field>
      <Field label={t.outcome.decidedAt} error={error('decidedAt')}>
        <input type="datetime-local" value={decidedAt} aria-required="true" onChange={(e) => setDecidedAt(e.target.value)} />
      </Field>
    </StepForm>
  );
}

/** The decided outcome, as the finding page shows it. */
export function AccountabilityOutcomeFacts({ outcome }: { outcome: NonNullable<FindingView['accountabilityOutcome']> }) {
  const { t, dateTime } = useI18n();
  const rows: Array<[string, string]> = [
    [t.outcome.target, t.outcome.targets[outcome.target]],
    ...(outcome.personName ? [[t.outcome.personName, outcome.personName] as [string, string]] : []),
    [t.outcome.form, outcome.form],
    [t.outcome.fourForm, t.outcome.fourForms[outcome.fourForm]],
    [t.outcome.decidedBy, outcome.decidedBy],
    [t.outcome.decisionDocNo, outcome.decisionDocNo],
    [t.outcome.decidedAt, dateTime(outcome.decidedAt)],
  ];
  return (
    <section aria-label={t.outcome.title} data-testid="accountability-outcome">
      <h2>{t.outcome.title}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
