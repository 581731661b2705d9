import { ApiError } from '../api/client';
import type { Dict } from '../i18n/zh';
import { codeOf, describeError } from '../ui/refusal';

/** Why an upload was refused, in the reader's language from the error's code — not the server's English sentence. */
export function uploadRefusal(error: unknown, t: Dict): string {
  if (!(error instanceof ApiError)) return describeError(error, t);
  // Where the code is missing (a proxy's own 413 page), the status tells the same thing.
  const code = codeOf(error);
  if (code === 'PAYLOAD_TOO_LARGE') return t.upload.tooLarge;
  if (code === 'UNSUPPORTED_MEDIA_TYPE') return t.upload.unsupported;
  if (code === 'REQUEST_TIMEOUT') return t.upload.timeout;
  // `file` is the only field of the upload, so any 400 is about the file itself.
  if (error.status === 400) return t.upload.badFile;
  return describeError(error, t);
}
