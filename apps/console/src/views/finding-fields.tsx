import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org/org-context';
import { isoToLocalInput } from '../ui/dates';
import { DeadlineChoice, deadlineBody, type DeadlineDraft } from '../ui/deadline-choice';
import { Field } from '../ui/field';
import { OrgUnitSelect } from '../ui/org-unit-select';

/** One 问题 as an officer types it, for a new case or an open one. */
export interface FindingDraft {
  key: number;
  title: string;
  description: string;
  category: string;
  unitId: string;
  /** Empty: the API takes the opening officer's org unit (谁建议、谁跟踪). */
  trackingOfficeId: string;
  responsiblePerson: string;
  due: DeadlineDraft;
}

/** The fields the API may name in a refusal of one finding. */
export const FINDING_FIELDS = [
  'title',
  'description',
  'category',
  'unitId',
  'trackingOfficeId',
  'responsiblePerson',
  'dueAt',
  'dueInWorkingDays',
] as const;

const DAY = 86_400_000;
let nextKey = 1;

export const blankFinding = (): FindingDraft => ({
  key: nextKey++,
  title: '',
  description: '',
  category: '',
  unitId: '',
  trackingOfficeId: '',
  responsiblePerson: '',
  due: { mode: 'date', date: isoToLocalInput(Date.now() + 30 * DAY), days: '' },
});

/** A finding as POST /cases and POST /cases/:id/findings take it: the optional fields only when filled in. */
export function findingBody(draft: FindingDraft) {
  return {
    title: draft.title,
    description: draft.description,
    unitId: draft.unitId,
    ...deadlineBody(draft.due, 'dueAt', 'dueInWorkingDays'),
    ...(draft.category.trim() && { category: draft.category }),
    ...(draft.responsiblePerson.trim() && { responsiblePerson: draft.responsiblePerson }),
    ...(draft.trackingOfficeId && { trackingOfficeId: draft.trackingOfficeId }),
  };
}

/** 问题的各项 — title, description, unit, person, category, deadline (a date or working days) and tracking office. */
export function FindingFields({
  draft,
  onChange,
  errorAt,
}: {
  draft: FindingDraft;
  onChange: (change: Partial<FindingDraft>) => void;
  errorAt: (field: string) => ReactNode;
}) {
  const { t } = useI18n();
  const org = useOrg();
  const directoryDown = org.loaded && !!org.error && org.units.length === 0;
  return (
    <>
      <Field label={t.fields.title} error={errorAt('title')}>
        <input value={draft.title} onChange={(e) => onChange({ title: e.target.value })} />
      </Field>
      <Field label={t.fields.description} error={errorAt('description')}>
        <textarea rows={2} value={draft.description} onChange={(e) => onChange({ description: e.target.value })} />
      </Field>
      <div className="row">
        <Field label={t.fields.unitId} error={errorAt('unitId')} hint={directoryDown ? t.picker.unavailable : undefined}>
          <OrgUnitSelect side="unit" value={draft.unitId} emptyLabel={t.picker.chooseUnit} onChange={(unitId) => onChange({ unitId })} />
        </Field>
        <Field label={t.fields.responsiblePerson + t.optional} error={errorAt('responsiblePerson')}>
          <input value={draft.responsiblePerson} onChange={(e) => onChange({ responsiblePerson: e.target.value })} />
        </Field>
        <Field label={t.fields.category + t.optional} error={errorAt('category')}>
          <input value={draft.category} onChange={(e) => onChange({ category: e.target.value })} />
        </Field>
        <DeadlineChoice
          label={t.fields.dueAt}
          value={draft.due}
          onChange={(due) => onChange({ due })}
          error={errorAt('dueAt') ?? errorAt('dueInWorkingDays')}
        />
        <Field label={t.fields.trackingOffice + t.optional} error={errorAt('trackingOfficeId')} hint={t.picker.trackingHint}>
          <OrgUnitSelect
            side="discipline"
            value={draft.trackingOfficeId}
            emptyLabel={t.picker.defaultOffice}
            onChange={(trackingOfficeId) => onChange({ trackingOfficeId })}
          />
        </Field>
      </div>
    </>
  );
}
