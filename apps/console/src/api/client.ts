import { ApiError, errorFromBody } from './api-error';
import { withProblems } from './problems';
import { xhrUpload, type UploadProgress } from './upload';

export { ApiError } from './api-error';
export type { UploadProgress } from './upload';

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface Download {
  blob: Blob;
  filename: string;
}

/** The few calls the console makes: JSON in and out of /api/v1, with the signed-in user's token. */
export interface Api {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  /** A multipart POST (a file upload); the browser sets the content type with its boundary. */
  upload<T>(path: string, form: FormData): Promise<T>;
  /** A multipart POST that reports how much of the body has been sent; `signal` aborts it. */
  uploadWithProgress<T>(path: string, form: FormData, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<T>;
  download(path: string, query: Query, accept: string): Promise<Download>;
}

export const API_BASE = '/api/v1';

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * `token()` is read on every call, so a new sign-in applies at once; `onUnauthorized` runs on a 401
 * (expired or revoked token) so the app can send the user back to sign-in.
 */
export function createApi(token: () => string | null, onUnauthorized: () => void = () => undefined): Api {
  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, accept = 'application/json') {
    const auth = token();
    const form = body instanceof FormData;
    let response: Response;
    try {
      response = await fetch(`${API_BASE}${path}`, {
        method,
        headers: {
          accept,
          ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'the server cannot be reached');
    }
    if (!response.ok) {
      if (response.status === 401 && auth) onUnauthorized();
      throw await errorOf(response);
    }
    return response;
  }
  return {
    async get<T>(path: string, query?: Query) {
      return (await (await send('GET', withQuery(path, query))).json()) as T;
    },
    async post<T>(path: string, body: unknown, headers?: Record<string, string>) {
      return jsonOf<T>(await send('POST', path, body, headers));
    },
    async put<T>(path: string, body: unknown) {
      return jsonOf<T>(await send('PUT', path, body));
    },
    async patch<T>(path: string, body: unknown) {
      return jsonOf<T>(await send('PATCH', path, body));
    },
    async upload<T>(path: string, form: FormData) {
      return jsonOf<T>(await send('POST', path, form));
    },
    async uploadWithProgress<T>(path: string, form: FormData, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal) {
      const auth = token();
      const headers: Record<string, string> = { accept: 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) };
      try {
        return await xhrUpload<T>(`${API_BASE}${path}`, form, headers, onProgress, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401 && auth) onUnauthorized();
        throw error;
      }
    },
    async download(path: string, query: Query, accept: string) {
      const response = await send('GET', withQuery(path, query), undefined, {}, accept);
      return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) };
    },
  };
}

async function jsonOf<T>(response: Response): Promise<T> {
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  return withProblems(errorFromBody(response.status, response.statusText, text), text);
}

/** The UTF-8 name from `filename*=`, else `filename=`, else a generic one. */
function filenameOf(disposition: string | null): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8) return decodeURIComponent(utf8[1]);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? 'download';
}
