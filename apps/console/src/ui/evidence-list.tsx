import { useState } from 'react';
import { API_BASE } from '../api/client';
import type { LinkedEvidence, StoredEvidence } from '../api/types';
import { useApp } from '../app-context';
import { ErrorNote } from './error-note';
import { saveBlob } from './save-blob';

type Item = Partial<StoredEvidence & LinkedEvidence>;

const short = (sha256: string | undefined) => `${String(sha256 ?? '').slice(0, 12)}…`;

/** A report's evidence in a timeline: an uploaded file is a download link, v1's kept-elsewhere entry its name and digest. */
export function EvidenceList({ items }: { items: Item[] }) {
  return (
    <ul className="evidence-list">
      {items.map((item, index) => (
        <li key={item.fileId ?? index}>
          {typeof item.fileId === 'string' ? (
            <FileLink id={item.fileId} name={item.name ?? item.fileId} sha256={item.sha256} />
          ) : (
            `${item.name ?? '?'} (${short(item.sha256)})`
          )}
        </li>
      ))}
    </ul>
  );
}

/** The href names the file, but the click fetches it with the token: a plain link would not send it. */
function FileLink({ id, name, sha256 }: { id: string; name: string; sha256?: string }) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>();
  const path = `/files/${encodeURIComponent(id)}`;
  return (
    <>
      <a
        href={`${API_BASE}${path}`}
        download={name}
        title={sha256}
        onClick={(event) => {
          event.preventDefault();
          setError(undefined);
          api.download(path, {}, '*/*').then(({ blob }) => saveBlob(blob, name), setError);
        }}
      >
        {name}
      </a>{' '}
      <span className="mono">({short(sha256)})</span>
      <ErrorNote error={error} />
    </>
  );
}
