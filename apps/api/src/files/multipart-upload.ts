import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { FileRefusedError } from '../errors/file-refused.error';
import { InvalidInputError } from '../errors/invalid-input.error';

/** The one `file` part of a multipart body, as it streams in. */
export interface IncomingFile {
  name: string;
  stream: Readable;
}

export interface UploadLimits {
  maxBytes: number;
  /** How long the body may send nothing before the upload is cut off (408). */
  idleMs: number;
}

/** Room for a multipart body's boundaries and part headers beside the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Hands the request's `file` part to `receive` while it streams in: the body is never held whole.
 * Past the limit, stalled, or cut by the client, the part's stream fails, so `receive` stores nothing.
 */
export function receiveOneFile<T>(request: Request, limits: UploadLimits, receive: (file: IncomingFile) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (declared > limits.maxBytes + MULTIPART_OVERHEAD_BYTES) return reject(tooLarge(limits.maxBytes));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: { files: 1, fileSize: limits.maxBytes, fields: 20, parts: 25 },
        // Browsers send file names as raw UTF-8 (整改报告.pdf), not latin1.
        defParamCharset: 'utf8',
        // Kept as sent, so that a name with a path is refused rather than silently cut to its last part.
        preservePath: true,
      });
    } catch {
      return reject(InvalidInputError.of('file', 'format', 'file: the body must be multipart/form-data with a "file" part'));
    }
    let part: Readable | undefined;
    let received: Promise<T> | undefined;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: Error) => {
      clearTimeout(idle);
      if (part && !part.destroyed) part.destroy(error);
      else if (!received) reject(error);
    };
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        request.unpipe(parser);
        fail(
          new FileRefusedError(
            408,
            `file: the upload sent nothing for ${Math.round(limits.idleMs / 1000)} s and was cut off; nothing was stored`,
          ),
        );
      }, limits.idleMs);
    };
    armIdle();
    request.on('data', armIdle);
    request.on('aborted', () => fail(new FileRefusedError(408, 'file: the upload was cut off by the client; nothing was stored')));

    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || received) return void stream.resume();
      part = stream;
      stream.on('limit', () => stream.destroy(tooLarge(limits.maxBytes)));
      received = receive({ name: info.filename ?? '', stream });
      received.then(
        (value) => {
          clearTimeout(idle);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(idle);
          // Whatever the client still sends is read and dropped, so that the answer reaches it.
          stream.resume();
          reject(error);
        },
      );
    });
    parser.on('close', () => {
      if (received) return;
      clearTimeout(idle);
      reject(InvalidInputError.of('file', 'required', 'file: required — send the file as the multipart field "file"'));
    });
    parser.on('error', (error: Error) =>
      fail(InvalidInputError.of('file', 'unreadable', `file: the multipart body cannot be read (${error.message})`)),
    );
    request.pipe(parser);
  });
}

function tooLarge(maxBytes: number): FileRefusedError {
  return new FileRefusedError(413, `file: larger than the limit of ${maxBytes} bytes (FILE_MAX_BYTES)`);
}
