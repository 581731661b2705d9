import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { FileTooLargeError } from './file.error';

/** Passes bytes through while hashing and counting them; errors with FileTooLargeError past `maxBytes`. */
export class HashingLimit extends Transform {
  private readonly hash = createHash('sha256');
  private count = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.maxBytes) return done(new FileTooLargeError(this.maxBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** Valid once the stream has ended. */
  result(): { sha256: string; size: number } {
    return { sha256: this.hash.digest('hex'), size: this.count };
  }
}
