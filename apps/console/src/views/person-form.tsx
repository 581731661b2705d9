import { useState, type FormEvent } from 'react';
import type { Person } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { FormRefusal } from '../ui/form-refusal';
import { Field } from '../ui/field';
import { RegisterFormFooter } from '../ui/register-form-footer';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { OrgUnitSelect } from '../ui/org-unit-select';

const FIELDS = new Set(['id', 'name', 'orgUnitId', 'mobile', 'email', 'wecomUserId', 'active']);
const CONTACTS = ['mobile', 'email', 'wecomUserId'] as const;

type Draft = Record<'id' | 'name' | 'orgUnitId' | (typeof CONTACTS)[number], string> & { active: boolean };

const draftOf = (person: Person | undefined, orgUnitId: string): Draft => ({
  id: person?.id ?? '',
  name: person?.name ?? '',
  orgUnitId: person?.orgUnitId ?? orgUnitId,
  mobile: person?.mobile ?? '',
  email: person?.email ?? '',
  wecomUserId: person?.wecomUserId ?? '',
  active: person?.active ?? true,
});

/** 新增/编辑人员 — PUT /people/:id; an empty contact is sent as null (none), the API checks the rest. */
export function PersonForm({
  person,
  orgUnitId = '',
  onSaved,
  onCancel,
}: {
  person?: Person;
  orgUnitId?: string;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}) {
  const { api } = useApp();
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(person, orgUnitId));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));
  const err = (field: string) => errors.byField[field];
  const id = person?.id ?? draft.id.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!id) return setErrors({ byField: { id: t.people.idRequired }, general: [] });
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const contacts = Object.fromEntries(CONTACTS.map((key) => [key, draft[key].trim() || null]));
      onSaved(
        await api.put<Person>(`/people/${encodeURIComponent(id)}`, {
          name: draft.name,
          orgUnitId: draft.orgUnitId,
          ...contacts,
          active: draft.active,
        }),
      );
    } catch (error) {
      setErrors(formErrors(error, (path) => FIELDS.has(path)));
    } finally {
      setBusy(false);
    }
  }

  const text = (key: 'name' | (typeof CONTACTS)[number], label: string, type = 'text') => (
    <Field label={label} error={err(key)}>
      <input type={type} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  );

  return (
    <form className="stack person-form" onSubmit={submit} noValidate aria-labelledby="person-form-title">
      <h2 id="person-form-title">{person ? t.people.editTitle(person.name) : t.people.newTitle}</h2>
      <FormRefusal errors={errors} fixFields={t.admin.fixFields} />
      <div className="row">
        <Field label={t.people.id} error={err('id')} hint={person ? undefined : t.people.idHint}>
          <input value={id} readOnly={!!person} onChange={(e) => set({ id: e.target.value })} />
        </Field>
        {text('name', t.people.name)}
        <Field label={t.people.orgUnit} error={err('orgUnitId')}>
          <OrgUnitSelect side="any" value={draft.orgUnitId} emptyLabel={t.admin.none} onChange={(unitId) => set({ orgUnitId: unitId })} />
        </Field>
      </div>
      <div className="row">
        {text('mobile', t.people.mobile + t.optional, 'tel')}
        {text('email', t.people.email + t.optional, 'email')}
        {text('wecomUserId', t.people.wecom + t.optional)}
      </div>
      <RegisterFormFooter active={draft.active} onActive={(active) => set({ active })} busy={busy} onCancel={onCancel} />
    </form>
  );
}
