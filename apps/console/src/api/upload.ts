import { ApiError, errorFromBody, retryAfterOf } from './api-error';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * A multipart POST through XMLHttpRequest, since fetch reports no upload progress. Resolves with
 * the JSON answer; rejects with an ApiError (status 0 when the request never arrived or was aborted).
 */
export function xhrUpload<T>(
  url: string,
  form: FormData,
  headers: Record<string, string>,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(new ApiError(xhr.status, 'the answer is not JSON'));
        }
      } else reject(errorFromBody(xhr.status, xhr.statusText, xhr.responseText, retryAfterOf(xhr.getResponseHeader('retry-after'))));
    };
    xhr.onerror = () => reject(new ApiError(0, 'the server cannot be reached'));
    xhr.onabort = () => reject(new ApiError(0, 'the upload was cancelled', undefined, undefined, 'ABORTED'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
