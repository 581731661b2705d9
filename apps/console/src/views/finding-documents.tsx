import { useEffect, useState } from 'react';
import type { DocumentFormat, DocumentList, IssuedDocumentView } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from '../ui/error-note';
import { saveBlob } from '../ui/save-blob';

export const MIME: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

interface Preview {
  document: IssuedDocumentView;
  url: string;
}

/** 文书 — a finding's issued documents, each frozen as PDF and DOCX: download either, or read the PDF here. */
export function FindingDocuments({ findingId }: { findingId: string }) {
  const { api } = useApp();
  const { t } = useI18n();
  const live = useLive(() => api.get<DocumentList>(`/findings/${encodeURIComponent(findingId)}/documents`), [findingId]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>();
  // Each preview's object URL is let go when the next replaces it, on close, and on leaving the page.
  useEffect(() => {
    if (!preview) return;
    return () => URL.revokeObjectURL(preview.url);
  }, [preview]);

  async function fetchFile(document: IssuedDocumentView, format: DocumentFormat) {
    setError(undefined);
    return api.download(`/documents/${encodeURIComponent(document.id)}`, { format }, MIME[format]).catch((failure: unknown) => {
      setError(failure);
      return undefined;
    });
  }
  async function download(document: IssuedDocumentView, format: DocumentFormat) {
    const file = await fetchFile(document, format);
    if (file) saveBlob(file.blob, file.filename === 'download' ? `${document.docNo}.${format}` : file.filename);
  }
  async function show(document: IssuedDocumentView) {
    const file = await fetchFile(document, 'pdf');
    // Typed explicitly: the browser's PDF viewer opens a blob only when it says it is a PDF.
    if (file) setPreview({ document, url: URL.createObjectURL(new Blob([file.blob], { type: MIME.pdf })) });
  }

  const items = live.data?.items ?? [];
  return (
    <section className="documents" aria-labelledby="documents-title">
      <h2 id="documents-title">{t.documents.title}</h2>
      <ErrorNote error={live.error ?? error} />
      {live.data && items.length === 0 && <p>{t.documents.empty}</p>}
      {items.length > 0 && (
        <ul className="document-list">
          {items.map((document) => (
            <DocumentRow
              key={document.id}
              document={document}
              onDownload={(format) => void download(document, format)}
              onPreview={() => void show(document)}
            />
          ))}
        </ul>
      )}
      {preview && (
        <div className="document-preview">
          <button type="button" className="secondary small" onClick={() => setPreview(null)}>
            {t.documents.closePreview}
          </button>{' '}
          {/* For a browser that will not show a PDF inside a frame (or a policy that forbids framing blob: URLs). */}
          <a href={preview.url} target="_blank" rel="noreferrer">
            {t.documents.openInWindow}
          </a>
          <iframe title={t.documents.previewOf(preview.document.title)} src={preview.url} />
        </div>
      )}
    </section>
  );
}

function DocumentRow({
  document,
  onDownload,
  onPreview,
}: {
  document: IssuedDocumentView;
  onDownload: (format: DocumentFormat) => void;
  onPreview: () => void;
}) {
  const { t, dateTime } = useI18n();
  return (
    <li aria-label={`${t.documents.kind[document.kind]} ${document.docNo}`}>
      <strong>{t.documents.kind[document.kind]}</strong>
      {/* A title that only repeats the kind is said once. */}
      {document.title !== t.documents.kind[document.kind] && <span> {document.title}</span>}
      <dl className="facts">
        <div>
          <dt>{t.documents.docNo}</dt>
          <dd>{document.docNo}</dd>
        </div>
        <div>
          <dt>{t.documents.issuedAt}</dt>
          <dd>
            <time dateTime={document.issuedAt}>{dateTime(document.issuedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t.documents.sha256}</dt>
          <dd className="mono" title={document.sha256Pdf}>
            {document.sha256Pdf.slice(0, 12)}…
          </dd>
        </div>
      </dl>
      <div className="row">
        <button type="button" className="secondary small" onClick={() => onDownload('pdf')}>
          {t.documents.downloadPdf}
        </button>
        <button type="button" className="secondary small" onClick={() => onDownload('docx')}>
          {t.documents.downloadDocx}
        </button>
        <button type="button" className="secondary small" onClick={onPreview}>
          {t.documents.preview}
        </button>
      </div>
    </li>
  );
}
