import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

export const MiB = 1024 * 1024;

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `bytes` in 64 KiB pieces, as a socket would hand them over. */
export function streamOf(bytes: Buffer, piece = 64 * 1024): Readable {
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
  }
  return Readable.from(pieces(), { objectMode: false });
}

/** `size` random bytes streamed without holding them all, with the SHA-256 of what was sent once it ended. */
export function randomStream(size: number): { stream: Readable; sent: () => string } {
  const hash = createHash('sha256');
  async function* pieces() {
    for (let left = size; left > 0; left -= 64 * 1024) {
      const piece = randomBytes(Math.min(left, 64 * 1024));
      hash.update(piece);
      yield piece;
    }
  }
  return { stream: Readable.from(pieces(), { objectMode: false }), sent: () => hash.digest('hex') };
}

/** Sends `bytes` in slow pieces, then fails as a connection cut off by the client or a timeout would. */
export function cutOffAfter(bytes: Buffer, pauseMs = 5): Readable {
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += 64 * 1024) {
      yield bytes.subarray(at, at + 64 * 1024);
      await sleep(pauseMs);
    }
    throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
  }
  return Readable.from(pieces(), { objectMode: false });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(piece as Buffer);
  return Buffer.concat(pieces);
}

/** A PDF by its signature: what the type sniffing accepts, followed by `size` random bytes. */
export function aPdf(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size)]);
}
