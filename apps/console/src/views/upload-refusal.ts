import { ApiError } from '../api/client';
import type { Dict } from '../i18n/zh';
import { describeError } from '../ui/error-note';

/** Where the code is missing (a proxy's own 413 page), the status tells the same thing. */
const CODE_OF_STATUS: Record<number, string> = { 408: 'REQUEST_TIMEOUT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

/** Why an upload was refused, in the reader's language from the error's code — not the server's English sentence. */
export function uploadRefusal(error: unknown, t: Dict): string {
  if (!(error instanceof ApiError)) return describeError(error, t);
  const code = error.code ?? CODE_OF_STATUS[error.status];
  if (code === 'PAYLOAD_TOO_LARGE') return t.upload.tooLarge;
  if (code === 'UNSUPPORTED_MEDIA_TYPE') return t.upload.unsupported;
  if (code === 'REQUEST_TIMEOUT') return t.upload.timeout;
  // `file` is the only field of the upload, so any 400 is about the file itself.
  if (error.status === 400) return t.upload.badFile;
  return describeError(error, t);
}
