import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions, PG_CHUNK_BYTES, PostgresBlobStore } from '@reform/persistence';
import { binaryCopyRows, copyIn } from './pg-copy-in';

const MiB = 1024 * 1024;
const PIECE = 64 * 1024;

export interface BlobStoreFigures {
  /** PostgresBlobStore.put of `totalMiB` streamed in 64 KiB pieces, best of the runs. */
  putMiBps: number;
  /** A bare `pg` COPY (binary, one bytea row per 1 MiB chunk) of as many bytes, best of the runs. */
  copyMiBps: number;
  ratio: number;
  /** Peak RSS during the largest put over the RSS before it. */
  rssGrowthMiB: number;
}

/**
 * Throughput of the PostgreSQL blob store against the bare protocol, and the memory a put takes.
 * Needs a migrated database; leaves nothing behind (the blobs it put and its COPY table are removed).
 */
export async function measureBlobStore(databaseUrl: string, totalMiB = 100, runs = 2): Promise<BlobStoreFigures> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl) as DataSourceOptions).initialize();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const store = new PostgresBlobStore(dataSource);
  const pool = randomBytes(PIECE);
  const totalBytes = totalMiB * MiB;
  let put = 0;
  let copy = 0;
  let rssGrowth = 0;
  try {
    await client.query('CREATE TABLE bench_copy_bytea (data bytea NOT NULL)');
    await client.query('ALTER TABLE bench_copy_bytea ALTER COLUMN data SET STORAGE EXTERNAL');
    for (let run = 0; run < runs; run++) {
      copy = Math.max(
        copy,
        await timed(totalBytes, () =>
          copyIn(client, 'COPY bench_copy_bytea (data) FROM STDIN (FORMAT binary)', binaryCopyRows(inChunks(pieces(pool, totalBytes)))),
        ),
      );
      await client.query('TRUNCATE bench_copy_bytea');
      const memory = sampleRss();
      let sha256 = '';
      put = Math.max(
        put,
        await timed(
          totalBytes,
          async () =>
            ({ sha256 } = await store.put(Readable.from(pieces(pool, totalBytes), { objectMode: false }), { maxBytes: totalBytes })),
        ),
      );
      rssGrowth = Math.max(rssGrowth, memory.stop());
      await removeBlob(dataSource, sha256);
    }
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_copy_bytea');
    await client.end();
    await dataSource.destroy();
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    putMiBps: round(put),
    copyMiBps: round(copy),
    ratio: Math.round((put / copy) * 100) / 100,
    rssGrowthMiB: round(rssGrowth / MiB),
  };
}

/** `totalBytes` in 64 KiB pieces: a fresh random first piece (so every run is a new blob), then one random pool repeated. */
async function* pieces(pool: Buffer, totalBytes: number): AsyncGenerator<Buffer> {
  yield randomBytes(PIECE);
  for (let sent = PIECE; sent < totalBytes; sent += PIECE) yield pool;
}

/** The pieces joined into the store's chunk size, for the COPY's rows. */
async function* inChunks(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const piece of source) {
    pending.push(piece);
    size += piece.length;
    if (size >= PG_CHUNK_BYTES) {
      yield Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(pending, size);
}

async function timed(bytes: number, work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return bytes / MiB / seconds;
}

function sampleRss(): { stop(): number } {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss()) - baseline;
    },
  };
}

async function removeBlob(dataSource: DataSource, sha256: string): Promise<void> {
  const [blob]: Array<{ upload_id: string }> = await dataSource.query('DELETE FROM blobs WHERE sha256 = $1 RETURNING upload_id', [sha256]);
  if (blob) await dataSource.query('DELETE FROM blob_uploads WHERE id = $1', [blob.upload_id]);
}
