import type { Dict } from '../i18n/zh';
import { useI18n } from '../i18n/i18n';
import { useOrg } from './org-context';

/** The contract's SYSTEM_ACTOR: timers and the workflow act under this id. */
const SYSTEM_ACTOR = 'system';

/** An org unit's name for text that cannot carry markup (chart labels, options); its code while unknown. */
export function useUnitName(): (id: string | null | undefined) => string {
  const { byId } = useOrg();
  return (id) => (id ? (byId.get(id)?.name ?? id) : '—');
}

/** An org unit by its name, its code on hover. */
export function UnitName({ id }: { id: string | null | undefined }) {
  const name = useUnitName();
  if (!id) return <>—</>;
  return (
    <span className="unit-name" title={id}>
      {name(id)}
    </span>
  );
}

/** Who did it: 系统 for the timers, else the register's name, else the bare id. */
export function actorLabel(actor: string, actorName: string | null | undefined, t: Dict): string {
  return actor === SYSTEM_ACTOR ? t.app.system : (actorName ?? actor);
}

export function ActorName({ actor, name }: { actor: string; name: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <span className="actor" title={actor}>
      {actorLabel(actor, name, t)}
    </span>
  );
}
