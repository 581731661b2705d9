import type { Readable } from 'node:stream';

/** Inclusive byte offsets, as HTTP Range says them: `{ start: 0, end: 0 }` is the first byte. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Where file bytes live, addressed by the SHA-256 of their content. Bytes are written once: a put
 * of content already held keeps the stored copy and answers its address.
 */
export interface BlobStore {
  /**
   * Hashes `source` while streaming it to a staging place, then keeps it under its SHA-256 unless
   * that is already held. On any failure (over `maxBytes`, a source error or abort) nothing is left.
   */
  put(source: Readable, limits: { maxBytes: number }): Promise<StoredBlob>;
  /** The bytes of a held blob, or of `range` of them; BlobNotFoundError or RangeNotSatisfiableError otherwise. */
  open(sha256: string, range?: ByteRange): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Removes what puts left behind when their process died mid-upload, if older than `olderThanHours`; answers how many. */
  sweepAbandonedUploads(olderThanHours?: number): Promise<number>;
}
