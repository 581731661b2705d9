import { useI18n } from '../i18n/i18n';
import { describeError } from './refusal';

export { describeError } from './refusal';

/** Announced to screen readers as it appears. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  return (
    <p className="error" role="alert">
      {describeError(error, t)}
    </p>
  );
}
