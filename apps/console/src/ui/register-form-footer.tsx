import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** The end of a register form (org unit, person): the 在用 switch, its error, save and cancel. */
export function RegisterFormFooter(props: {
  active: boolean;
  onActive: (active: boolean) => void;
  activeError?: ReactNode;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label className="inline">
        <input type="checkbox" checked={props.active} onChange={(e) => props.onActive(e.target.checked)} /> {t.admin.active}
      </label>
      {props.activeError && <small className="field-error">{props.activeError}</small>}
      <div className="actions">
        <button type="submit" disabled={props.busy}>
          {props.busy ? t.admin.saving : t.admin.save}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t.admin.cancel}
        </button>
      </div>
    </>
  );
}
