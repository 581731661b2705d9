import { create as contentDisposition } from 'content-disposition';
import parseRange from 'range-parser';

/** What a download serves: a stored file's name, size, type and hash. */
export interface Servable {
  name: string;
  size: number;
  contentType: string;
  sha256: string;
}

export interface ByteRange {
  start: number;
  end: number;
}

export interface DownloadPlan {
  status: 200 | 206 | 304 | 416;
  /** The bytes to send on a 206. */
  range?: ByteRange;
  headers: Record<string, string>;
}

/**
 * How to answer a download: the whole file (200), one `Range` of it (206), "unchanged" when
 * `If-None-Match` holds its ETag (304), or 416 for a range outside it. Several ranges are served
 * whole, as HTTP allows. The ETag is the SHA-256, so it never changes for the same id.
 */
export function planDownload(file: Servable, request: { range?: string; ifNoneMatch?: string }): DownloadPlan {
  const etag = `"${file.sha256}"`;
  const common = {
    ETag: etag,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.ifNoneMatch !== undefined && matchesEtag(request.ifNoneMatch, etag)) return { status: 304, headers: common };
  const headers = {
    ...common,
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.name, { type: 'attachment' }),
  };
  const whole: DownloadPlan = { status: 200, headers: { ...headers, 'Content-Length': String(file.size) } };
  if (request.range === undefined) return whole;
  const ranges = file.size === 0 ? -1 : parseRange(file.size, request.range, { combine: true });
  if (ranges === -2) return whole; // not a bytes range: ignored, as HTTP says
  if (ranges === -1) return { status: 416, headers: { ...common, 'Content-Range': `bytes */${file.size}` } };
  if (ranges.type !== 'bytes' || ranges.length !== 1) return whole;
  const [{ start, end }] = ranges;
  return {
    status: 206,
    range: { start, end },
    headers: { ...headers, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${file.size}` },
  };
}

function matchesEtag(header: string, etag: string): boolean {
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
