import type { ImportPreview } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';

/** 预检结果 — every finding the file would create, as the API read it: row, unit by name, deadline resolved. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <p className="notice" role="status">
        {t.caseImport.preview(preview.findings.length)}
      </p>
      <table data-testid="import-preview">
        <thead>
          <tr>
            <th scope="col">{t.caseImport.row}</th>
            <th scope="col">{t.fields.title}</th>
            <th scope="col">{t.fields.unitId}</th>
            <th scope="col">{t.fields.responsiblePerson}</th>
            <th scope="col">{t.fields.category}</th>
            <th scope="col">{t.fields.dueAt}</th>
          </tr>
        </thead>
        <tbody>
          {preview.findings.map((finding) => (
            <tr key={finding.row}>
              <td>{finding.row}</td>
              <td>
                {finding.title}
                {finding.description !== finding.title && <div className="hint">{finding.description}</div>}
              </td>
              <td>
                <UnitName id={finding.unitId} />
              </td>
              <td>{finding.responsiblePerson ?? '—'}</td>
              <td>{finding.category ?? '—'}</td>
              <td>{dateTime(finding.dueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
