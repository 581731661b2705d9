import type { OrgUnit } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { treeOrder } from '../org/org-tree';

/** 机构树 — every org unit along the tree; picking one opens it for editing. */
export function OrgTreeView({
  units,
  selectedId,
  onSelect,
}: {
  units: OrgUnit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  if (units.length === 0) return <p>{t.orgAdmin.empty}</p>;
  return (
    <ul className="org-tree" aria-label={t.orgAdmin.tree}>
      {treeOrder(units).map(({ unit, depth }) => (
        <li key={unit.id} style={{ paddingInlineStart: `${depth * 1.25}rem` }} className={unit.active ? undefined : 'inactive'}>
          <button
            type="button"
            className="link"
            aria-current={unit.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(unit.id)}
          >
            {unit.name}
          </button>{' '}
          <span className="code">{unit.id}</span> <span className={`badge kind-${unit.kind}`}>{t.orgKind[unit.kind]}</span>
          {!unit.active && <span className="badge inactive">{t.admin.inactive}</span>}
        </li>
      ))}
    </ul>
  );
}
