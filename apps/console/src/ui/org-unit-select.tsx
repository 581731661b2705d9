import type { OrgUnit } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { isDisciplineSide, treeOrder } from '../org/org-tree';
import { useOrg } from '../org/org-context';

/** Indentation inside an <option>, which takes no padding: one ideographic space per level. */
const INDENT = '\u3000';

interface Choice {
  unit: OrgUnit;
  depth: number;
}

interface Group {
  key: string;
  /** The discipline-side org unit the choices sit under; null: no group (the discipline side, orphans). */
  label: string | null;
  choices: Choice[];
}

/**
 * `unit`: the 责任单位, grouped under the discipline-side org unit above them and indented below it
 * (the only kind a finding can be assigned to); `discipline`: the discipline side, indented along the
 * tree; `any`: every org unit along the tree (a parent, a person's org unit).
 */
export type PickerSide = 'unit' | 'discipline' | 'any';

const FITS: Record<PickerSide, (unit: OrgUnit) => boolean> = {
  unit: (unit) => unit.kind === 'unit',
  discipline: isDisciplineSide,
  any: () => true,
};

export function pickerGroups(
  units: readonly OrgUnit[],
  side: PickerSide,
  includeInactive: boolean,
  exclude?: ReadonlySet<string>,
): Group[] {
  const rows = treeOrder(units);
  const wanted = rows.filter(({ unit }) => FITS[side](unit) && (includeInactive || unit.active) && !exclude?.has(unit.id));
  if (side !== 'unit') return [{ key: '', label: null, choices: wanted }];
  const depthOf = new Map(rows.map((row) => [row.unit.id, row.depth]));
  const groups = new Map<string, Group>();
  // Groups in the tree order of their org unit, so the commission's units come before a township's.
  for (const { unit } of rows) if (isDisciplineSide(unit)) groups.set(unit.id, { key: unit.id, label: unit.name, choices: [] });
  const orphans: Group = { key: '', label: null, choices: [] };
  for (const { unit, depth, office } of wanted) {
    const group = (office && groups.get(office.id)) || orphans;
    group.choices.push({ unit, depth: office ? depth - (depthOf.get(office.id) ?? 0) - 1 : 0 });
  }
  return [...groups.values(), orphans].filter((group) => group.choices.length > 0);
}

export interface OrgUnitSelectProps {
  value: string;
  onChange: (id: string) => void;
  side: PickerSide;
  /** The first, empty choice's words ("请选择责任单位", "默认：立案人所在机构", "全部"). */
  emptyLabel: string;
  /** Inactive org units too, marked: filters over past findings want them, assignments must not offer them. */
  includeInactive?: boolean;
  /** Org units not to offer (a unit's own subtree, as its parent). */
  exclude?: ReadonlySet<string>;
  /** Set by <Field>. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * 选择单位 — a picker over the registered org units (name and code), in place of typing a code. If the
 * directory cannot be loaded at all, a plain code input, so that work does not stop on it.
 */
export function OrgUnitSelect({ value, onChange, side, emptyLabel, includeInactive = false, exclude, ...aria }: OrgUnitSelectProps) {
  const { t } = useI18n();
  const org = useOrg();
  if (!org.loaded) {
    return (
      <select {...aria} value="" disabled>
        <option value="">{t.app.loading}</option>
      </select>
    );
  }
  if (org.error && org.units.length === 0) {
    return (
      <input {...aria} value={value} placeholder={side === 'unit' ? 'U-FIN' : 'OFF-1'} onChange={(e) => onChange(e.target.value.trim())} />
    );
  }
  const groups = pickerGroups(org.units, side, includeInactive, exclude);
  const offered = groups.some((group) => group.choices.some((choice) => choice.unit.id === value));
  const option = ({ unit, depth }: Choice) => (
    <option key={unit.id} value={unit.id}>
      {`${INDENT.repeat(depth)}${t.picker.option(unit.name, unit.id)}${unit.active ? '' : ` · ${t.admin.inactive}`}`}
    </option>
  );
  return (
    <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{groups.length === 0 && side === 'unit' ? t.picker.noUnits : emptyLabel}</option>
      {value && !offered && <option value={value}>{value}</option>}
      {groups.map((group) =>
        group.label === null ? (
          group.choices.map(option)
        ) : (
          <optgroup key={group.key} label={group.label}>
            {group.choices.map(option)}
          </optgroup>
        ),
      )}
    </select>
  );
}
