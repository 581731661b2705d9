import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { isoToLocalInput } from '../ui/dates';
import { DeadlineChoice, deadlineBody, type DeadlineDraft } from '../ui/deadline-choice';
import { Field } from '../ui/field';

/** One 问题 of a recommendation as typed; its unit is the recommendation's, so none is asked. */
export interface ItemDraft {
  key: number;
  title: string;
  description: string;
  category: string;
  responsiblePerson: string;
  due: DeadlineDraft;
}

export const MAX_ITEMS = 50;
const DAY = 86_400_000;

let nextKey = 1;
export const blankItem = (): ItemDraft => ({
  key: nextKey++,
  title: '',
  description: '',
  category: '',
  responsiblePerson: '',
  // Rectified after the plan, which is due with the reply: a later default than the reply's.
  due: { mode: 'date', date: isoToLocalInput(Date.now() + 90 * DAY), days: '' },
});

/** An item as POST /cases/:id/recommendations takes it: the optional fields only when filled in. */
export function itemBody(item: ItemDraft) {
  return {
    title: item.title,
    description: item.description,
    ...deadlineBody(item.due, 'dueAt', 'dueInWorkingDays'),
    ...(item.category.trim() && { category: item.category }),
    ...(item.responsiblePerson.trim() && { responsiblePerson: item.responsiblePerson }),
  };
}

export const ITEM_FIELD = /^findings\.\d+\.(title|description|category|unitId|responsiblePerson|dueAt|dueInWorkingDays)$/;

/** 所列问题 — the items, each with its errors from the API (`findings.0.title …`). */
export function ItemFields({
  items,
  onChange,
  errorAt,
}: {
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  errorAt: (index: number, field: string) => ReactNode;
}) {
  const { t } = useI18n();
  const update = (key: number, change: Partial<ItemDraft>) =>
    onChange(items.map((item) => (item.key === key ? { ...item, ...change } : item)));
  return (
    <>
      {items.map((item, index) => {
        const at = (field: string) => errorAt(index, field);
        return (
          <fieldset key={item.key} className="finding-draft">
            <legend>{t.rec.itemN(index + 1)}</legend>
            <Field label={t.fields.title} error={at('title')}>
              <input value={item.title} onChange={(e) => update(item.key, { title: e.target.value })} />
            </Field>
            <Field label={t.fields.description} error={at('description')}>
              <textarea rows={2} value={item.description} onChange={(e) => update(item.key, { description: e.target.value })} />
            </Field>
            {at('unitId') && <p className="field-error">{at('unitId')}</p>}
            <div className="row">
              <Field label={t.fields.category + t.optional} error={at('category')}>
                <input value={item.category} onChange={(e) => update(item.key, { category: e.target.value })} />
              </Field>
              <Field label={t.fields.responsiblePerson + t.optional} error={at('responsiblePerson')}>
                <input value={item.responsiblePerson} onChange={(e) => update(item.key, { responsiblePerson: e.target.value })} />
              </Field>
              <DeadlineChoice
                label={t.fields.dueAt}
                value={item.due}
                onChange={(due) => update(item.key, { due })}
                error={at('dueAt') ?? at('dueInWorkingDays')}
              />
            </div>
            {items.length > 1 && (
              <button type="button" className="link" onClick={() => onChange(items.filter((other) => other.key !== item.key))}>
                {t.rec.removeItem}
              </button>
            )}
          </fieldset>
        );
      })}
    </>
  );
}
