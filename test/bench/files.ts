// Files through the API against the bare protocol: a large upload (POST /files) and its download
// (GET /files/:id) beside a bare `pg` COPY of as many bytes in and out, and the API's resident
// memory while they stream; the PostgreSQL blob store in-process beside them, to tell the API's
// share from the store's.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions, PG_CHUNK_BYTES, PostgresBlobStore } from '@reform/persistence';
import { bearer } from '../support/tokens';
import { binaryCopyRows, copyIn, copyOut } from './pg-copy';
import { ratio, round } from './stats';
import { memoryMiB } from './target';

const MiB = 1024 * 1024;
const PIECE = 64 * 1024;
const BOUNDARY = 'reform-bench-boundary';

/** The unit the benchmark's evidence is uploaded for; its own upload it may download. */
const unitUser = bearer({ sub: 'bench-unit', roles: ['unit'], unitId: 'U-000' });

export interface FilesResult {
  mib: number;
  /** Bare `COPY ... FROM STDIN (FORMAT binary)`, one bytea row per store chunk: the upload's baseline. */
  copyInMiBps: number;
  /** Bare `COPY ... TO STDOUT (FORMAT binary)` of those rows: the download's baseline. */
  copyOutMiBps: number;
  uploadMiBps: number;
  downloadMiBps: number;
  /** The API's resident memory before the first upload, and its peak growth over that while streaming. */
  apiIdleRssMiB: number;
  uploadRssGrowthMiB: number;
  downloadRssGrowthMiB: number;
  /** PostgresBlobStore.put in this process, and this process's RSS growth during it. */
  storePutMiBps: number;
  storeRssGrowthMiB: number;
}

/** Each figure is the best of `runs`; nothing is left behind in the database. */
export async function measureFiles(
  apiUrl: string,
  databaseUrl: string,
  apiPid: number | undefined,
  mib: number,
  runs: number,
  say: (line: string) => void,
): Promise<FilesResult> {
  const bytes = mib * MiB;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl) as DataSourceOptions).initialize();
  const apiRss = () => (apiPid ? memoryMiB(apiPid).rss : Number.NaN);
  const result: FilesResult = {
    mib,
    copyInMiBps: 0,
    copyOutMiBps: 0,
    uploadMiBps: 0,
    downloadMiBps: 0,
    apiIdleRssMiB: apiRss(),
    uploadRssGrowthMiB: 0,
    downloadRssGrowthMiB: 0,
    storePutMiBps: 0,
    storeRssGrowthMiB: 0,
  };
  try {
    await client.query('CREATE TABLE bench_copy_bytea (data bytea NOT NULL)');
    await client.query('ALTER TABLE bench_copy_bytea ALTER COLUMN data SET STORAGE EXTERNAL');
    for (let run = 0; run < runs; run++) {
      await client.query('TRUNCATE bench_copy_bytea');
      result.copyInMiBps = Math.max(
        result.copyInMiBps,
        await mibPerSecond(bytes, () =>
          copyIn(client, 'COPY bench_copy_bytea (data) FROM STDIN (FORMAT binary)', binaryCopyRows(inChunks(pieces(bytes)))),
        ),
      );
      result.copyOutMiBps = Math.max(
        result.copyOutMiBps,
        await mibPerSecond(bytes, () => copyOut(client, 'COPY bench_copy_bytea (data) TO STDOUT (FORMAT binary)')),
      );

      const idle = apiRss();
      let fileId = '';
      const upload = sampled(apiRss);
      result.uploadMiBps = Math.max(result.uploadMiBps, await mibPerSecond(bytes, async () => (fileId = await uploadFile(apiUrl, bytes))));
      result.uploadRssGrowthMiB = Math.max(result.uploadRssGrowthMiB, upload.stop() - idle);
      const download = sampled(apiRss);
      result.downloadMiBps = Math.max(result.downloadMiBps, await mibPerSecond(bytes, () => downloadFile(apiUrl, fileId, bytes)));
      result.downloadRssGrowthMiB = Math.max(result.downloadRssGrowthMiB, download.stop() - idle);
      await removeFile(dataSource, fileId);

      const own = sampled(() => process.memoryUsage.rss() / MiB);
      const ownIdle = process.memoryUsage.rss() / MiB;
      let sha256 = '';
      result.storePutMiBps = Math.max(
        result.storePutMiBps,
        await mibPerSecond(
          bytes,
          async () => ({ sha256 } = await new PostgresBlobStore(dataSource).put(Readable.from(pieces(bytes)), { maxBytes: bytes })),
        ),
      );
      result.storeRssGrowthMiB = Math.max(result.storeRssGrowthMiB, own.stop() - ownIdle);
      await removeBlob(dataSource, sha256);
      say(
        `  files run ${run + 1}/${runs}: upload ${round(result.uploadMiBps)} MiB/s (COPY in ${round(result.copyInMiBps)}), download ${round(result.downloadMiBps)} MiB/s (COPY out ${round(result.copyOutMiBps)})`,
      );
    }
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_copy_bytea').catch(() => undefined);
    await client.end();
    await dataSource.destroy();
  }
  return result;
}

export const uploadRatio = (r: FilesResult) => ratio(r.uploadMiBps, r.copyInMiBps);
export const downloadRatio = (r: FilesResult) => ratio(r.downloadMiBps, r.copyOutMiBps);
/** The API's larger RSS growth over idle, upload or download. */
export const apiRssGrowth = (r: FilesResult) => Math.max(r.uploadRssGrowthMiB, r.downloadRssGrowthMiB);

/** POST /files of `bytes` bytes of a PDF, streamed with the socket's backpressure; the stored file's id. */
function uploadFile(apiUrl: string, bytes: number): Promise<string> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="基准证据.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return new Promise((resolve, reject) => {
    const call = request(
      `${apiUrl}/api/v1/files`,
      {
        method: 'POST',
        headers: {
          ...unitUser,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': head.length + bytes + tail.length,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          response.statusCode === 201
            ? resolve((JSON.parse(text) as { id: string }).id)
            : reject(new Error(`POST /files answered ${response.statusCode}: ${text.slice(0, 300)}`)),
        );
      },
    );
    call.on('error', reject);
    void (async () => {
      call.write(head);
      for await (const piece of pieces(bytes)) if (!call.write(piece)) await once(call, 'drain');
      call.end(tail);
    })().catch(reject);
  });
}

/** GET /files/:id read to its end and counted, nothing kept. */
function downloadFile(apiUrl: string, fileId: string, bytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const call = request(`${apiUrl}/api/v1/files/${fileId}`, { headers: unitUser }, (response) => {
      let received = 0;
      response.on('data', (chunk: Buffer) => (received += chunk.length));
      response.on('error', reject);
      response.on('end', () =>
        response.statusCode === 200 && received === bytes
          ? resolve()
          : reject(new Error(`GET /files/${fileId} answered ${response.statusCode} with ${received} of ${bytes} bytes`)),
      );
    });
    call.on('error', reject);
    call.end();
  });
}

/** `bytes` bytes of a PDF in 64 KiB pieces: a fresh random first piece (so every run is a new blob), then one random piece repeated. */
async function* pieces(bytes: number): AsyncGenerator<Buffer> {
  const first = randomBytes(PIECE);
  Buffer.from('%PDF-1.7\n').copy(first);
  yield first;
  const repeated = randomBytes(PIECE);
  for (let sent = PIECE; sent < bytes; sent += PIECE) yield sent + PIECE <= bytes ? repeated : repeated.subarray(0, bytes - sent);
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

async function mibPerSecond(bytes: number, work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return bytes / MiB / seconds;
}

/** The peak of a reading (MiB) taken every 10 ms until stopped. */
export function sampled(read: () => number): { stop(): number } {
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, read());
    },
  };
}

async function removeFile(dataSource: DataSource, fileId: string): Promise<void> {
  const [file]: Array<{ sha256: string }> = await dataSource.query('SELECT sha256 FROM files WHERE id = $1', [fileId]);
  await dataSource.query('DELETE FROM file_downloads WHERE file_id = $1', [fileId]);
  await dataSource.query('DELETE FROM files WHERE id = $1', [fileId]);
  if (file) await removeBlob(dataSource, file.sha256);
}

async function removeBlob(dataSource: DataSource, sha256: string): Promise<void> {
  const [blob]: Array<{ upload_id: string }> = await dataSource.query('DELETE FROM blobs WHERE sha256 = $1 RETURNING upload_id', [sha256]);
  if (blob) await dataSource.query('DELETE FROM blob_uploads WHERE id = $1', [blob.upload_id]);
}
