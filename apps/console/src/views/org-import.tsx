import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { FieldProblem, OrgUnitImportResult } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from '../ui/error-note';
import { Field } from '../ui/field';
import { problemText } from '../ui/refusal';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 导入名册 — a CSV/XLSX register, all or nothing: the counts, or every bad row the API listed. */
export function OrgImport({ onImported }: { onImported: () => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<OrgUnitImportResult>();
  const [badRows, setBadRows] = useState<FieldProblem[]>([]);
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
      // The 400 names every bad cell by row and column: one line each, so none is missed.
      const rows = failure instanceof ApiError ? failure.problems.filter((problem) => problem.row !== undefined) : [];
      if (rows.length > 0) setBadRows(rows);
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
            {badRows.map((problem, index) => (
              <li key={index}>
                {t.errors.atRow(problem.row ?? 0)} · {t.orgImport.column[problem.field] ?? t.errors.someField} ·{' '}
                {problemText(problem, t, false)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
