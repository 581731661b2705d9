import { useState } from 'react';
import type { Person, PersonList } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { LiveStatus } from '../ui/live-status';
import { OrgUnitSelect } from '../ui/org-unit-select';
import { PersonForm } from './person-form';

type Editing = { person: Person } | { orgUnitId: string } | null;

/** 人员 — the admin's register of people: whom to notify, and how; by org unit. */
export function PeopleAdmin() {
  const { api } = useApp();
  const { t } = useI18n();
  const [orgUnitId, setOrgUnitId] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState('');
  const live = useLive(() => api.get<PersonList>('/people', { orgUnitId }), [orgUnitId]);
  const people = live.data?.items ?? [];

  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{t.people.title}</h1>
      <p className="intro">{t.people.intro}</p>
      <div className="toolbar">
        <label>
          {t.people.filter} <OrgUnitSelect side="any" includeInactive value={orgUnitId} emptyLabel={t.any} onChange={setOrgUnitId} />
        </label>
        <button type="button" className="secondary" onClick={() => setEditing({ orgUnitId })}>
          {t.people.add}
        </button>
        <LiveStatus live={live} />
      </div>
      <p className="notice" role="status">
        {notice}
      </p>
      {editing && (
        <PersonForm
          key={'person' in editing ? editing.person.id : `new:${editing.orgUnitId}`}
          person={'person' in editing ? editing.person : undefined}
          orgUnitId={'orgUnitId' in editing ? editing.orgUnitId : undefined}
          onSaved={(saved) => {
            setNotice(t.admin.saved(saved.name));
            setEditing({ person: saved });
            live.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {live.data && people.length === 0 && <p>{t.people.empty}</p>}
      {people.length > 0 && (
        <table>
          <thead>
            <tr>
              {[t.people.name, t.people.id, t.people.orgUnit, t.people.mobile, t.people.email, t.people.wecom, t.admin.active].map(
                (header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id} className={person.active ? undefined : 'inactive'}>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={t.people.editTitle(person.name)}
                    onClick={() => setEditing({ person })}
                  >
                    {person.name}
                  </button>
                </td>
                <td className="code">{person.id}</td>
                <td>
                  <UnitName id={person.orgUnitId} />
                </td>
                <td>{person.mobile ?? '—'}</td>
                <td>{person.email ?? '—'}</td>
                <td>{person.wecomUserId ?? '—'}</td>
                <td>{person.active ? t.yes : t.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
