import { ApiError } from '../api/client';
import type { Dict } from '../i18n/zh';
import { useI18n } from '../i18n/i18n';

/** An error in words: what kind of problem, then the API's own explanation. */
export function describeError(error: unknown, t: Dict): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? `${t.errors.unknown}: ${error.message}` : t.errors.unknown;
  const status = error.status;
  if (status === 0) return t.errors.network;
  const byCode = error.code ? t.errors.byCode[error.code] : undefined;
  if (byCode) return byCode;
  if (status === 401) return `${t.errors.unauthorized} (${error.message})`;
  if (status >= 500) return `${t.errors.server} (${error.message})`;
  const kind =
    status === 403
      ? t.errors.forbidden
      : status === 404
        ? t.errors.notFound
        : status === 409
          ? t.errors.conflict(error.state ? stateName(error.state, t) : '—')
          : status === 429
            ? t.errors.tooMany
            : t.errors.invalid;
  return `${kind}：${error.message}`;
}

/** A finding's state, else a recommendation's, else an interview's, else the bare code. */
function stateName(state: string, t: Dict): string {
  const names = [t.status, t.recStatus, t.interviewStatus] as Array<Record<string, string>>;
  return names.map((byState) => byState[state]).find(Boolean) ?? state;
}

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
