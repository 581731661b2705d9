import type { Person } from '../api/types';
import { useI18n } from '../i18n/i18n';

export interface PersonSelectProps {
  value: string;
  onChange: (id: string) => void;
  /** The register; undefined while it cannot be loaded (the current choice is kept, not lost). */
  people: Person[] | undefined;
  /** Whose head or liaison: that org unit's people are offered first. */
  orgUnitId: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** 主要负责人 / 联络员 — a person of the register, the org unit's own people first. */
export function PersonSelect({ value, onChange, people, orgUnitId, ...aria }: PersonSelectProps) {
  const { t } = useI18n();
  if (!people) {
    return (
      <select {...aria} value={value} disabled>
        <option value={value}>{value || t.admin.none}</option>
      </select>
    );
  }
  const offered = people.filter((person) => person.active || person.id === value);
  const own = offered.filter((person) => person.orgUnitId === orgUnitId);
  const others = offered.filter((person) => person.orgUnitId !== orgUnitId);
  const option = (person: Person) => (
    <option key={person.id} value={person.id}>
      {t.picker.option(person.name, person.id)}
    </option>
  );
  return (
    <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t.admin.none}</option>
      {value && !offered.some((person) => person.id === value) && <option value={value}>{value}</option>}
      {own.length > 0 && <optgroup label={t.orgAdmin.ownPeople}>{own.map(option)}</optgroup>}
      {others.length > 0 && <optgroup label={t.orgAdmin.otherPeople}>{others.map(option)}</optgroup>}
    </select>
  );
}
