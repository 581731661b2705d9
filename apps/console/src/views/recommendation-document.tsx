import { useState } from 'react';
import type { DocumentFormat, RecommendationView } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from '../ui/error-note';
import { saveBlob } from '../ui/save-blob';
import { MIME } from './finding-documents';

/** 建议书文本 — the issued recommendation as frozen, PDF or DOCX, fetched with the token. */
export function RecommendationDocument({ recommendation }: { recommendation: RecommendationView }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const issued = recommendation.docNo !== null;

  async function download(format: DocumentFormat) {
    setError(undefined);
    try {
      const file = await api.download(`/recommendations/${encodeURIComponent(recommendation.id)}/document`, { format }, MIME[format]);
      saveBlob(file.blob, file.filename === 'download' ? `${recommendation.docNo ?? recommendation.title}.${format}` : file.filename);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="documents" aria-labelledby="rec-document-title">
      <h2 id="rec-document-title">{t.rec.document}</h2>
      {issued ? (
        <div className="row">
          <button type="button" className="secondary small" onClick={() => void download('pdf')}>
            {t.documents.downloadPdf}
          </button>
          <button type="button" className="secondary small" onClick={() => void download('docx')}>
            {t.documents.downloadDocx}
          </button>
        </div>
      ) : (
        <p className="muted">{t.rec.notIssued}</p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
