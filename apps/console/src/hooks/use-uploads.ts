import { useEffect, useRef, useState } from 'react';
import type { UploadProgress } from '../api/client';
import type { StoredFile } from '../api/types';
import { useApp } from '../app-context';

/** One picked file: on its way (progress), refused (error), or kept by the server (stored). */
export interface Upload {
  key: string;
  name: string;
  size: number;
  progress: UploadProgress;
  stored?: StoredFile;
  error?: unknown;
}

/** Files uploaded one request each, as soon as they are picked; removing one still on its way aborts it. */
export function useUploads() {
  const { api } = useApp();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const aborts = useRef(new Map<string, AbortController>());
  const next = useRef(0);
  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((controller) => controller.abort());
  }, []);

  const update = (key: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  function add(files: Iterable<File>) {
    for (const file of files) {
      const key = `upload-${++next.current}`;
      const controller = new AbortController();
      aborts.current.set(key, controller);
      setUploads((all) => [...all, { key, name: file.name, size: file.size, progress: { loaded: 0, total: file.size } }]);
      const form = new FormData();
      form.append('file', file, file.name);
      api
        .uploadWithProgress<StoredFile>('/files', form, (progress) => update(key, { progress }), controller.signal)
        .then(
          (stored) => update(key, { stored }),
          (error: unknown) => {
            if (!controller.signal.aborted) update(key, { error });
          },
        )
        .finally(() => aborts.current.delete(key));
    }
  }

  function remove(key: string) {
    aborts.current.get(key)?.abort();
    setUploads((all) => all.filter((upload) => upload.key !== key));
  }

  return {
    uploads,
    add,
    remove,
    stored: uploads.flatMap((upload) => (upload.stored ? [upload.stored] : [])),
    sending: uploads.some((upload) => !upload.stored && upload.error === undefined),
  };
}
