import type { ReactNode } from 'react';
import type { CaseSource } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';

const SOURCES: CaseSource[] = ['inspection', 'audit', 'review', 'report', 'other'];

/** 案件名称, 案情, 案件来源 as a form holds them. */
export interface CaseDraft {
  title: string;
  summary: string;
  source: CaseSource;
}

export const BLANK_CASE: CaseDraft = { title: '', summary: '', source: 'inspection' };

/** The case's own fields, for opening a case by hand (立案) or from a file (批量导入). */
export function CaseFields({
  draft,
  onChange,
  errorAt,
}: {
  draft: CaseDraft;
  onChange: (change: Partial<CaseDraft>) => void;
  errorAt: (field: keyof CaseDraft) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t.fields.caseTitle} error={errorAt('title')}>
        <input value={draft.title} onChange={(e) => onChange({ title: e.target.value })} />
      </Field>
      <Field label={t.fields.summary} error={errorAt('summary')}>
        <textarea rows={3} value={draft.summary} onChange={(e) => onChange({ summary: e.target.value })} />
      </Field>
      <Field label={t.fields.source} error={errorAt('source')}>
        <select value={draft.source} onChange={(e) => onChange({ source: e.target.value as CaseSource })}>
          {SOURCES.map((value) => (
            <option key={value} value={value}>
              {t.source[value]}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
