import type { ReactNode } from 'react';
import type { FileType } from '../api/types';
import type { Upload } from '../hooks/use-uploads';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';
import { fileSize } from '../ui/file-size';
import { uploadRefusal } from './upload-refusal';

/** The contract's accepted types as the picker filters them (the server still tells the type by content). */
const EXTENSIONS: Record<FileType, string> = {
  pdf: '.pdf',
  ofd: '.ofd',
  jpg: '.jpg,.jpeg',
  png: '.png',
  docx: '.docx',
  xlsx: '.xlsx',
  doc: '.doc',
  xls: '.xls',
  zip: '.zip',
  txt: '.txt',
};
const ACCEPT = Object.values(EXTENSIONS).join(',');

/** 证据文件 — a picker that uploads at once, a progress bar per file, then each stored file with its digest. */
export function EvidenceUpload({
  uploads,
  onPick,
  onRemove,
  errorOf,
}: {
  uploads: Upload[];
  onPick: (files: File[]) => void;
  onRemove: (key: string) => void;
  /** The report's refusal of a stored file, if any. */
  errorOf: (key: string) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="evidence">
      <legend>{t.upload.files}</legend>
      <Field label={t.upload.pick} hint={t.upload.accepted}>
        <input
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => {
            onPick(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </Field>
      {uploads.length === 0 ? (
        <p className="hint">{t.upload.none}</p>
      ) : (
        <ul className="uploads" aria-label={t.upload.uploaded}>
          {uploads.map((upload) => (
            <UploadRow key={upload.key} upload={upload} error={errorOf(upload.key)} onRemove={() => onRemove(upload.key)} />
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function UploadRow({ upload, error, onRemove }: { upload: Upload; error?: ReactNode; onRemove: () => void }) {
  const { t } = useI18n();
  const { name, stored, progress } = upload;
  if (upload.error !== undefined) {
    return (
      <li className="upload failed">
        <strong>{t.upload.failed(name)}</strong>
        <p className="error" role="alert">
          {uploadRefusal(upload.error, t)}
        </p>
        <button type="button" className="link" onClick={onRemove}>
          {t.upload.dismiss}
        </button>
      </li>
    );
  }
  if (!stored) {
    const total = progress.total || upload.size;
    return (
      <li className="upload sending">
        <span>{name}</span>
        <progress aria-label={t.upload.uploading(name)} max={total || 1} value={Math.min(progress.loaded, total)} />
        <span>{total ? `${Math.round((100 * progress.loaded) / total)}%` : ''}</span>
        <button type="button" className="link" onClick={onRemove}>
          {t.upload.cancel(name)}
        </button>
      </li>
    );
  }
  return (
    <li className={error ? 'upload stored invalid' : 'upload stored'}>
      <span>{stored.name}</span>
      <span>{fileSize(stored.size)}</span>
      <code className="mono" title={stored.sha256}>
        {stored.sha256.slice(0, 12)}…
      </code>
      <button type="button" className="link" onClick={onRemove}>
        {t.upload.remove(stored.name)}
      </button>
      {error && <small className="field-error">{error}</small>}
    </li>
  );
}
