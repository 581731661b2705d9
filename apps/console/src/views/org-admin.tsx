import { useEffect, useState } from 'react';
import type { OrgUnit, PersonList } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org/org-context';
import { ErrorNote } from '../ui/error-note';
import { OrgImport } from './org-import';
import { OrgTreeView } from './org-tree-view';
import { OrgUnitForm } from './org-unit-form';

/** What the form on the right holds: an org unit being edited, or a new one below a parent. */
type Editing = { unit: OrgUnit } | { parentId: string | null } | null;

/** 组织机构 — the admin's register of org units: the tree, one unit's form, and a register import. */
export function OrgAdmin() {
  const { api } = useApp();
  const { t } = useI18n();
  const org = useOrg();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState('');
  // Head and liaison are picked from the people register; without it the form keeps what is set.
  const people = useLive(() => api.get<PersonList>('/people'), []);
  const { reload } = org;
  useEffect(() => void reload(), [reload]);

  // The directory's copy once it has it (fresher), else the one just saved or picked.
  const unit = editing && 'unit' in editing ? (org.byId.get(editing.unit.id) ?? editing.unit) : undefined;
  const selectedId = unit?.id ?? null;
  const saved = (next: OrgUnit) => {
    setNotice(t.admin.saved(next.name));
    setEditing({ unit: next });
    void org.reload();
  };

  return (
    <section aria-labelledby="org-admin-title">
      <h1 id="org-admin-title">{t.orgAdmin.title}</h1>
      <p className="intro">{t.orgAdmin.intro}</p>
      <ErrorNote error={org.error} />
      <p className="notice" role="status">
        {notice}
      </p>
      <div className="two-columns">
        <div>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setEditing({ parentId: selectedId ?? org.units[0]?.id ?? null })}>
              {selectedId ? t.orgAdmin.addChild : t.orgAdmin.add}
            </button>
          </div>
          <OrgTreeView
            units={org.units}
            selectedId={selectedId}
            onSelect={(id) => {
              const picked = org.byId.get(id);
              if (picked) setEditing({ unit: picked });
            }}
          />
        </div>
        <div>
          {editing ? (
            <OrgUnitForm
              key={unit ? unit.id : `new:${'parentId' in editing ? editing.parentId : ''}`}
              unit={unit}
              parentId={'parentId' in editing ? editing.parentId : null}
              people={people.data?.items}
              onSaved={saved}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <p>{t.orgAdmin.pick}</p>
          )}
          <OrgImport onImported={() => void org.reload()} />
        </div>
      </div>
    </section>
  );
}
