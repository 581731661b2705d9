import { useState, type DragEvent, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { CaseWithFindings, FieldProblem, ImportPreview } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { FormRefusal } from '../ui/form-refusal';
import { BLANK_CASE, CaseFields, type CaseDraft } from './case-fields';
import { Field } from '../ui/field';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';
import { saveBlob } from '../ui/save-blob';
import { ImportPreviewTable } from './import-preview';
import { ImportProblems } from './import-problems';

const CASE_FIELDS = new Set(['title', 'summary', 'source']);
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The intake's own headers; a BOM so that Excel opens the CSV as UTF-8. */
const TEMPLATE = '\uFEFF问题,问题描述,问题类别,责任单位,责任人,整改时限,整改时限(工作日)\r\n';

/** A refusal of the file (a row, a column, the file itself) rather than of the case's own fields. */
const aboutTheFile = (problem: FieldProblem) => problem.row !== undefined || !CASE_FIELDS.has(problem.field);

/**
 * 批量导入 — an officer drops a CSV/XLSX of findings: the API checks it whole at once (a dry run),
 * the screen shows what would be created or every bad row, and only then imports it as one case.
 */
export function CaseImport() {
  const { api } = useApp();
  const { t } = useI18n();
  const [caseDraft, setCaseDraft] = useState<CaseDraft>(BLANK_CASE);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [checking, setChecking] = useState(false);
  const [importing, setImporting] = useState(false);
  const [dragging, setDragging] = useState(false);

  const form = (chosen: File, dryRun: boolean) => {
    const body = new FormData();
    body.append('file', chosen, chosen.name);
    const { title, summary, source } = caseDraft;
    if (title.trim() || !dryRun) body.append('title', title);
    if (summary.trim() || !dryRun) body.append('summary', summary);
    body.append('source', source);
    if (dryRun) body.append('dryRun', 'true');
    return body;
  };

  /** The file's problems listed; the case fields' beside their inputs; anything else above the form. */
  const refused = (error: unknown) => {
    const fileProblems = (error instanceof ApiError ? error.problems : []).filter(aboutTheFile);
    if (fileProblems.length > 0) setProblems(fileProblems);
    else setErrors(formErrors(error, (path) => CASE_FIELDS.has(path)));
  };

  async function check(chosen: File) {
    setFile(chosen);
    setPreview(undefined);
    setProblems([]);
    setErrors(NO_ERRORS);
    setChecking(true);
    try {
      setPreview(await api.upload<ImportPreview>('/cases/import', form(chosen, true)));
    } catch (error) {
      refused(error);
    } finally {
      setChecking(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors(NO_ERRORS);
    if (!file) return setErrors({ byField: {}, general: [new Error(t.caseImport.chooseFirst)] });
    setImporting(true);
    try {
      const opened = await api.upload<CaseWithFindings>('/cases/import', form(file, false));
      navigate(`/cases/${opened.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) setPreview(undefined);
      refused(error);
    } finally {
      setImporting(false);
    }
  }

  const drop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files?.[0];
    if (dropped) void check(dropped);
  };
  const err = (path: string) => errors.byField[path];

  return (
    <section aria-labelledby="case-import-title">
      <h1 id="case-import-title">{t.caseImport.title}</h1>
      <p className="intro">{t.caseImport.intro}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <FormRefusal errors={errors} />
        <div
          className={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          data-testid="drop-zone"
        >
          <Field label={t.caseImport.file} hint={file ? t.caseImport.chosen(file.name) : t.caseImport.dropHere}>
            <input
              type="file"
              accept={ACCEPT}
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                // The same file chosen again after fixing it must be checked again.
                event.target.value = '';
                if (chosen) void check(chosen);
              }}
            />
          </Field>
          <button type="button" className="link" onClick={() => saveBlob(new Blob([TEMPLATE], { type: 'text/csv' }), '问题清单模板.csv')}>
            {t.caseImport.template}
          </button>
        </div>
        <p className="notice" role="status">
          {checking ? t.caseImport.checking : ''}
        </p>
        {problems.length > 0 && <ImportProblems problems={problems} />}
        {preview && <ImportPreviewTable preview={preview} />}
        <CaseFields
          draft={caseDraft}
          onChange={(change) => setCaseDraft((now) => ({ ...now, ...change }))}
          errorAt={(field) => err(field)}
        />
        <div className="actions">
          <button type="submit" disabled={!preview || checking || importing}>
            {importing ? t.caseImport.importing : t.caseImport.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
