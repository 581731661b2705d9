import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import type { BlobStore, ByteRange, StoredBlob } from './blob-store';
import { rangeWithin } from './byte-range';
import { BlobNotFoundError } from './file.error';
import { HashingLimit } from './hashing-limit';

/**
 * 1 MiB: a 25 MiB upload is 25 rows and one insert round trip per MiB, so the round trips cost
 * little next to the bytes; a Range read fetches at most two partial chunks, sliced by the database
 * (the column is stored uncompressed, so `substring` reads only the slices it needs); and a put
 * holds two chunks in memory (one being inserted, one filling), well under the 50 MiB the API may grow by.
 */
export const PG_CHUNK_BYTES = 1024 * 1024;

/**
 * Blobs as chunked `bytea` rows in the application's own database: every API replica sees them and
 * they are in its backup. A put writes chunks under a fresh upload id (staging), then names the
 * upload by its SHA-256 in `blobs` unless another upload already holds those bytes.
 */
export class PostgresBlobStore implements BlobStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chunkBytes = PG_CHUNK_BYTES,
  ) {}

  async put(source: Readable, limits: { maxBytes: number }): Promise<StoredBlob> {
    const uploadId = randomUUID();
    await this.dataSource.query('INSERT INTO blob_uploads (id, started_at) VALUES ($1, now())', [uploadId]);
    const hashing = new HashingLimit(limits.maxBytes);
    try {
      await pipeline(source, hashing, (bytes: AsyncIterable<Buffer>) => this.writeChunks(uploadId, bytes));
      const blob = hashing.result();
      const kept: unknown[] = await this.dataSource.query(
        `INSERT INTO blobs (sha256, upload_id, size, chunk_size, stored_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [blob.sha256, uploadId, blob.size, this.chunkBytes],
      );
      if (kept.length === 0) await this.discard(uploadId);
      return blob;
    } catch (error) {
      // The caller needs the upload's own error; a staging row the delete could not remove is the sweep's.
      await this.discard(uploadId).catch(() => undefined);
      throw error;
    }
  }

  async open(sha256: string, range?: ByteRange): Promise<Readable> {
    const [blob]: Array<{ upload_id: string; size: string; chunk_size: number }> = await this.dataSource.query(
      'SELECT upload_id, size, chunk_size FROM blobs WHERE sha256 = $1',
      [sha256],
    );
    if (!blob) throw new BlobNotFoundError(sha256);
    const wanted = rangeWithin(Number(blob.size), range);
    return Readable.from(wanted ? this.readChunks(blob.upload_id, blob.chunk_size, wanted) : [], { objectMode: false });
  }

  async has(sha256: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256]);
    return rows.length > 0;
  }

  /** Removes uploads started more than `olderThanHours` ago that never became a blob (a crash mid-upload); answers how many. */
  async sweepAbandonedUploads(olderThanHours = 24): Promise<number> {
    const [{ removed }]: Array<{ removed: number }> = await this.dataSource.query(
      `WITH removed AS (
         DELETE FROM blob_uploads u WHERE u.started_at < now() - $1::float8 * interval '1 hour'
         AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.upload_id = u.id) RETURNING 1
       ) SELECT count(*)::int AS removed FROM removed`,
      [olderThanHours],
    );
    return removed;
  }

  /**
   * Holds at most one chunk being filled while the one before it is inserted, so the source is read
   * while the database writes and memory stays at two chunks whatever the size.
   */
  private async writeChunks(uploadId: string, bytes: AsyncIterable<Buffer>): Promise<void> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let chunkNo = 0;
    let inserting: Promise<unknown> = Promise.resolve();
    const insert = async (data: Buffer) => {
      await inserting;
      inserting = this.dataSource.query('INSERT INTO blob_chunks (upload_id, chunk_no, data) VALUES ($1, $2, $3)', [
        uploadId,
        chunkNo++,
        data,
      ]);
      // A failed insert surfaces at the next await of `inserting`; until then it must not count as unhandled.
      inserting.catch(() => undefined);
    };
    for await (const piece of bytes) {
      pending.push(piece);
      pendingBytes += piece.length;
      while (pendingBytes >= this.chunkBytes) {
        const joined = Buffer.concat(pending, pendingBytes);
        await insert(joined.subarray(0, this.chunkBytes));
        pending = pendingBytes > this.chunkBytes ? [joined.subarray(this.chunkBytes)] : [];
        pendingBytes -= this.chunkBytes;
      }
    }
    if (pendingBytes > 0) await insert(Buffer.concat(pending, pendingBytes));
    await inserting;
  }

  private async *readChunks(uploadId: string, chunkBytes: number, range: ByteRange): AsyncGenerator<Buffer> {
    const first = Math.floor(range.start / chunkBytes);
    const last = Math.floor(range.end / chunkBytes);
    for (let chunkNo = first; chunkNo <= last; chunkNo++) {
      const from = chunkNo === first ? range.start - chunkNo * chunkBytes : 0;
      const to = chunkNo === last ? range.end - chunkNo * chunkBytes : chunkBytes - 1;
      const [row]: Array<{ data: Buffer }> = await this.dataSource.query(
        'SELECT substring(data FROM $3 FOR $4) AS data FROM blob_chunks WHERE upload_id = $1 AND chunk_no = $2',
        [uploadId, chunkNo, from + 1, to - from + 1],
      );
      if (!row) throw new Error(`blob chunk ${chunkNo} of upload ${uploadId} is missing`);
      yield row.data;
    }
  }

  private async discard(uploadId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM blob_uploads WHERE id = $1', [uploadId]);
  }
}
