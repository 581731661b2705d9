import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { localInputToIso } from './dates';
import { Field } from './field';

/** A deadline as a moment, or as a number of working days the API counts on its calendar. */
export interface DeadlineDraft {
  mode: 'date' | 'days';
  /** A datetime-local value. */
  date: string;
  days: string;
}

/** `{dueAt}` or `{dueInWorkingDays}` (or the reply's pair), whichever was chosen; an empty choice sends nothing. */
export function deadlineBody(draft: DeadlineDraft, dateKey: string, daysKey: string): Record<string, string | number> {
  if (draft.mode === 'date') {
    const iso = localInputToIso(draft.date);
    return iso ? { [dateKey]: iso } : {};
  }
  return draft.days.trim() ? { [daysKey]: Number(draft.days) } : {};
}

/**
 * 时限 — a date, or N working days (the API skips weekends and holidays). `error` is whatever the API
 * said of either key: shown beside the input in view.
 */
export function DeadlineChoice({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: DeadlineDraft;
  onChange: (value: DeadlineDraft) => void;
  error?: ReactNode;
}) {
  const { t } = useI18n();
  const name = useId();
  const mode = (mode: DeadlineDraft['mode']) => (
    <label>
      <input type="radio" name={name} checked={value.mode === mode} onChange={() => onChange({ ...value, mode })} />
      <span>{mode === 'date' ? t.deadline.byDate : t.deadline.byWorkingDays}</span>
    </label>
  );
  // The way of giving the deadline first, each radio on one line with its words, the chosen input below; the group keeps its name for assistive technology.
  return (
    <fieldset className="deadline-choice">
      <legend className="visually-hidden">{label}</legend>
      <div className="deadline-modes">
        {mode('date')}
        {mode('days')}
      </div>
      {value.mode === 'date' ? (
        <Field label={label} error={error}>
          <input type="datetime-local" value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} />
        </Field>
      ) : (
        <Field label={t.deadline.inWorkingDays(label)} error={error} hint={t.deadline.workingDaysHint}>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={366}
            step={1}
            value={value.days}
            onChange={(e) => onChange({ ...value, days: e.target.value })}
          />
        </Field>
      )}
    </fieldset>
  );
}
