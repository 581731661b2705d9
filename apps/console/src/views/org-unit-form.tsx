import { useState, type FormEvent } from 'react';
import type { OrgUnit, OrgUnitKind, Person } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org/org-context';
import { ORG_KINDS, subtreeIds, treeOrder } from '../org/org-tree';
import { FormRefusal } from '../ui/form-refusal';
import { Field } from '../ui/field';
import { RegisterFormFooter } from '../ui/register-form-footer';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { OrgUnitSelect } from '../ui/org-unit-select';
import { PersonSelect } from './person-select';

const FIELDS = new Set(['id', 'name', 'kind', 'parentId', 'supervises', 'active', 'headPersonId', 'liaisonPersonId']);
/** `supervises.2 …` belongs beside the supervises list. */
const fieldOf = (path: string) => path.split('.')[0];

interface Draft {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string;
  supervises: string[];
  active: boolean;
  headPersonId: string;
  liaisonPersonId: string;
}

function draftOf(unit: OrgUnit | undefined, parentId: string | null): Draft {
  if (!unit)
    return {
      id: '',
      name: '',
      kind: 'unit',
      parentId: parentId ?? '',
      supervises: [],
      active: true,
      headPersonId: '',
      liaisonPersonId: '',
    };
  const { id, name, kind, supervises, active } = unit;
  return {
    id,
    name,
    kind,
    parentId: unit.parentId ?? '',
    supervises,
    active,
    headPersonId: unit.headPersonId ?? '',
    liaisonPersonId: unit.liaisonPersonId ?? '',
  };
}

export interface OrgUnitFormProps {
  /** The org unit to edit; absent: a new one below `parentId`. */
  unit?: OrgUnit;
  parentId?: string | null;
  /** The people register; undefined while it cannot be loaded. */
  people: Person[] | undefined;
  onSaved: (unit: OrgUnit) => void;
  onCancel: () => void;
}

/** 新增/编辑组织机构 — every field of PUT /org-units/:id; the API judges it and says which field is wrong. */
export function OrgUnitForm({ unit, parentId = null, people, onSaved, onCancel }: OrgUnitFormProps) {
  const { api } = useApp();
  const { t } = useI18n();
  const org = useOrg();
  const [draft, setDraft] = useState(() => draftOf(unit, parentId));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));
  // `supervises.1` is the picker's: the first refusal within a field stands beside it.
  const err = (field: string) => Object.entries(errors.byField).find(([path]) => fieldOf(path) === field)?.[1];
  const id = unit?.id ?? draft.id.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!id) return setErrors({ byField: { id: t.orgAdmin.idRequired }, general: [] });
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const saved = await api.put<OrgUnit>(`/org-units/${encodeURIComponent(id)}`, {
        name: draft.name,
        kind: draft.kind,
        parentId: draft.parentId || null,
        supervises: draft.kind === 'unit' ? [] : draft.supervises,
        active: draft.active,
        headPersonId: draft.headPersonId || null,
        liaisonPersonId: draft.liaisonPersonId || null,
      });
      onSaved(saved);
    } catch (error) {
      setErrors(formErrors(error, (path) => FIELDS.has(fieldOf(path))));
    } finally {
      setBusy(false);
    }
  }

  const supervisable = treeOrder(org.units).filter(({ unit: u }) => u.kind === 'unit' && (u.active || draft.supervises.includes(u.id)));
  const toggle = (unitId: string) =>
    set({ supervises: draft.supervises.includes(unitId) ? draft.supervises.filter((s) => s !== unitId) : [...draft.supervises, unitId] });

  return (
    <form className="stack org-unit-form" onSubmit={submit} noValidate aria-labelledby="org-unit-form-title">
      <h2 id="org-unit-form-title">{unit ? t.orgAdmin.editTitle(unit.name) : t.orgAdmin.newTitle}</h2>
      <FormRefusal errors={errors} fixFields={t.admin.fixFields} />
      <div className="row">
        <Field label={t.orgAdmin.id} error={err('id')} hint={unit ? undefined : t.orgAdmin.idHint}>
          <input value={id} readOnly={!!unit} onChange={(e) => set({ id: e.target.value })} />
        </Field>
        <Field label={t.orgAdmin.name} error={err('name')}>
          <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field label={t.orgAdmin.kind} error={err('kind')}>
          <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as OrgUnitKind })}>
            {ORG_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.orgKind[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.orgAdmin.parent} error={err('parentId')}>
          <OrgUnitSelect
            side="any"
            value={draft.parentId}
            emptyLabel={t.orgAdmin.noParent}
            exclude={unit ? subtreeIds(org.units, unit.id) : undefined}
            onChange={(parent) => set({ parentId: parent })}
          />
        </Field>
      </div>
      {draft.kind !== 'unit' && (
        <fieldset className={err('supervises') ? 'supervises invalid' : 'supervises'}>
          <legend>{t.orgAdmin.supervises}</legend>
          <small className="hint">{t.orgAdmin.supervisesHint}</small>
          {supervisable.map(({ unit: u }) => (
            <label key={u.id} className="inline">
              <input type="checkbox" checked={draft.supervises.includes(u.id)} onChange={() => toggle(u.id)} />{' '}
              {t.picker.option(u.name, u.id)}
            </label>
          ))}
          {err('supervises') && <small className="field-error">{err('supervises')}</small>}
        </fieldset>
      )}
      <div className="row">
        <Field label={t.orgAdmin.head} error={err('headPersonId')} hint={people ? undefined : t.orgAdmin.peopleUnavailable}>
          <PersonSelect value={draft.headPersonId} people={people} orgUnitId={id} onChange={(person) => set({ headPersonId: person })} />
        </Field>
        <Field label={t.orgAdmin.liaison} error={err('liaisonPersonId')}>
          <PersonSelect
            value={draft.liaisonPersonId}
            people={people}
            orgUnitId={id}
            onChange={(person) => set({ liaisonPersonId: person })}
          />
        </Field>
      </div>
      <RegisterFormFooter
        active={draft.active}
        onActive={(active) => set({ active })}
        activeError={err('active')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
