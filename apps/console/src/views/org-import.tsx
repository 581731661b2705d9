import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { OrgUnitImportResult } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from '../ui/error-note';
import { Field } from '../ui/field';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 导入名册 — a CSV/XLSX register, all or nothing: the counts, or every bad row the API listed. */
export function OrgImport({ onImported }: { onImported: () => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<OrgUnitImportResult>();
  const [badRows, setBadRows] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(undefined);
    setBadRows([]);
    setError(undefined);
    if (!file) return setError(new Error(t.orgImport.chooseFile));
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      setResult(await api.upload<OrgUnitImportResult>('/org-units/import', form));
      onImported();
    } catch (failure) {
      // The 400 lists every bad row, "; "-separated: one line each, so none is missed.
      if (failure instanceof ApiError && failure.status === 400) setBadRows(failure.message.split('; '));
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack org-import" onSubmit={submit} aria-labelledby="org-import-title">
      <h2 id="org-import-title">{t.orgImport.title}</h2>
      <p className="hint">{t.orgImport.intro}</p>
      <Field label={t.orgImport.file}>
        <input type="file" accept={ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t.orgImport.importing : t.orgImport.submit}
        </button>
      </div>
      <p className="notice" role="status">
        {result ? t.orgImport.done(result.created, result.updated) : ''}
      </p>
      {badRows.length > 0 && (
        <div className="error" role="alert">
          <p>{t.orgImport.failed}</p>
          <ul>
            {badRows.map((row, index) => (
              <li key={index}>{row}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
