import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { fieldsOfBinaryCopy } from './binary-copy';
import type { BlobStore, ByteRange, StoredBlob } from './blob-store';
import { rangeWithin } from './byte-range';
import { BlobNotFoundError } from './file.error';
import { HashingLimit } from './hashing-limit';

/** Chunks read by one COPY: 4 MiB a statement, few round trips, and a download holds two batches. */
const CHUNKS_PER_READ = 4;

interface ChunkSlice {
  chunkNo: number;
  /** Zero-based offset in the chunk. */
  from: number;
  length: number;
}

/** The chunks a byte range spans, each with the slice of it the range takes. */
function chunkSlices(range: ByteRange, chunkBytes: number): ChunkSlice[] {
  const first = Math.floor(range.start / chunkBytes);
  const last = Math.floor(range.end / chunkBytes);
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const chunkNo = first + i;
    const from = chunkNo === first ? range.start - chunkNo * chunkBytes : 0;
    const to = chunkNo === last ? range.end - chunkNo * chunkBytes : chunkBytes - 1;
    return { chunkNo, from, length: to - from + 1 };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
   * Two chunk buffers in turn: one is filled from the source while the other is inserted, so the
   * source is read while the database writes, and an upload of any size holds these two and makes
   * no garbage of its own.
   */
  private async writeChunks(uploadId: string, bytes: AsyncIterable<Buffer>): Promise<void> {
    const buffers = [Buffer.allocUnsafe(this.chunkBytes)];
    let filling = 0;
    let filled = 0;
    let chunkNo = 0;
    let inserting: Promise<unknown> = Promise.resolve();
    const insertFilled = async () => {
      await inserting;
      inserting = this.dataSource.query('INSERT INTO blob_chunks (upload_id, chunk_no, data) VALUES ($1, $2, $3)', [
        uploadId,
        chunkNo++,
        buffers[filling].subarray(0, filled),
      ]);
      // A failed insert surfaces at the next await of `inserting`; until then it must not count as unhandled.
      inserting.catch(() => undefined);
      filling = 1 - filling;
      buffers[filling] ??= Buffer.allocUnsafe(this.chunkBytes);
      filled = 0;
    };
    for await (const piece of bytes) {
      for (let taken = 0; taken < piece.length; ) {
        const copied = piece.copy(buffers[filling], filled, taken);
        taken += copied;
        filled += copied;
        // The buffer about to be filled is the one inserted before: insertFilled awaited that insert.
        if (filled === this.chunkBytes) await insertFilled();
      }
    }
    if (filled > 0) await insertFilled();
    await inserting;
  }

  /** Holds at most two batches: the one being sent and the next. */
  private async *readChunks(uploadId: string, chunkBytes: number, range: ByteRange): AsyncGenerator<Buffer> {
    const slices = chunkSlices(range, chunkBytes);
    const read = (at: number) => {
      const reading = this.readSlices(uploadId, slices.slice(at, at + CHUNKS_PER_READ));
      // Awaited when its turn comes; a reader that stops before then must not leave it unhandled.
      reading.catch(() => undefined);
      return reading;
    };
    // The next batch is read while this one is sent: the database and the client work at once.
    let next = read(0);
    for (let at = 0; at < slices.length; at += CHUNKS_PER_READ) {
      const batch = await next;
      if (at + CHUNKS_PER_READ < slices.length) next = read(at + CHUNKS_PER_READ);
      yield* batch;
    }
  }

  /**
   * Some chunks (or slices of them) by one binary COPY: the bytes come as they are stored, where a
   * query's answer would bring them as hex text twice their size; the connection goes back to the
   * pool between batches, so a slow reader holds none.
   */
  private async readSlices(uploadId: string, slices: ChunkSlice[]): Promise<Buffer[]> {
    if (!UUID.test(uploadId) || !slices.every((slice) => Object.values(slice).every(Number.isSafeInteger))) {
      throw new Error(`blob chunks of upload ${uploadId}: not chunk addresses`);
    }
    const wanted = slices.map(({ chunkNo, from, length }) => `(${chunkNo}, ${from + 1}, ${length})`).join(', ');
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const parts: Buffer[] = [];
      const copy = client.query(
        copyTo(
          `COPY (SELECT substring(c.data FROM w.start FOR w.length) FROM (VALUES ${wanted}) AS w (chunk_no, start, length)
           LEFT JOIN blob_chunks c ON c.upload_id = '${uploadId}' AND c.chunk_no = w.chunk_no ORDER BY w.chunk_no) TO STDOUT (FORMAT binary)`,
        ),
      );
      for await (const part of copy) parts.push(part as Buffer);
      const fields = fieldsOfBinaryCopy(Buffer.concat(parts));
      const missing = fields.findIndex((field) => field === null);
      if (missing >= 0) throw new Error(`blob chunk ${slices[missing].chunkNo} of upload ${uploadId} is missing`);
      return fields as Buffer[];
    } finally {
      await runner.release();
    }
  }

  private async discard(uploadId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM blob_uploads WHERE id = $1', [uploadId]);
  }
}
