import { randomUUID } from 'node:crypto';
import {
  BlobNotFoundError,
  EmptyFileError,
  FileNameError,
  FileStore,
  FileTooLargeError,
  PG_CHUNK_BYTES,
  PostgresBlobStore,
  ProjectionStore,
  RangeNotSatisfiableError,
  UnsupportedFileTypeError,
} from '@reform/persistence';
import { aPdf, cutOffAfter, MiB, randomStream, readAll, sha256Of, streamOf } from '../support/byte-streams';
import { anOpenCase } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('PostgresBlobStore and FileStore', () => {
  let db: TestDatabase;
  let blobs: PostgresBlobStore;
  let files: FileStore;
  const upload = { name: 'report.pdf', uploadedBy: 'officer-1', uploaderUnitId: 'unit-finance', maxBytes: 25 * MiB };

  beforeAll(async () => {
    db = await createTestDatabase();
    blobs = new PostgresBlobStore(db.dataSource);
    files = new FileStore(db.dataSource, blobs);
  });
  afterAll(() => db?.drop());

  async function counts() {
    const [row] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM blob_uploads) AS uploads, (SELECT count(*)::int FROM blob_chunks) AS chunks,
              (SELECT count(*)::int FROM blobs) AS blobs, (SELECT count(*)::int FROM files) AS files`,
    );
    return row as { uploads: number; chunks: number; blobs: number; files: number };
  }

  it('streams a 30 MiB file in and out, under the SHA-256 of its bytes', async () => {
    const { stream, sent } = randomStream(30 * MiB);
    const blob = await blobs.put(stream, { maxBytes: 31 * MiB });
    expect(blob).toEqual({ sha256: sent(), size: 30 * MiB });
    expect(await blobs.has(blob.sha256)).toBe(true);
    expect(sha256Of(await readAll(await blobs.open(blob.sha256)))).toBe(blob.sha256);
    const [{ chunks }] = await db.dataSource.query(
      'SELECT count(*)::int AS chunks FROM blob_chunks c JOIN blobs b USING (upload_id) WHERE b.sha256 = $1',
      [blob.sha256],
    );
    expect(chunks).toBe(30);
  });

  it('keeps the same bytes uploaded twice as one blob under two files', async () => {
    const bytes = aPdf(3 * MiB);
    const before = await counts();
    const first = await files.receive(streamOf(bytes), upload);
    const second = await files.receive(streamOf(bytes), { ...upload, name: '整改报告.pdf' });
    expect(first.sha256).toBe(sha256Of(bytes));
    expect(second.sha256).toBe(first.sha256);
    expect(second.id).not.toBe(first.id);
    expect(await counts()).toEqual({
      ...before,
      uploads: before.uploads + 1,
      chunks: before.chunks + 4,
      blobs: before.blobs + 1,
      files: before.files + 2,
    });
    expect(await files.get(second.id)).toEqual({ ...second, contentType: 'application/pdf', fileType: 'pdf', size: bytes.length });
    expect(first).toMatchObject({ name: 'report.pdf', uploadedBy: 'officer-1', uploaderUnitId: 'unit-finance' });
  });

  it('fails a read whose chunk is gone rather than sending a short file', async () => {
    const { stream } = randomStream(9 * MiB + 5);
    const blob = await blobs.put(stream, { maxBytes: 10 * MiB });
    await db.dataSource.query(
      'DELETE FROM blob_chunks WHERE chunk_no = 6 AND upload_id = (SELECT upload_id FROM blobs WHERE sha256 = $1)',
      [blob.sha256],
    );
    await expect(readAll(await blobs.open(blob.sha256))).rejects.toThrow(/blob chunk 6 of upload .* is missing/);
  });

  it('reads ranges across chunk boundaries and at both ends', async () => {
    const bytes = aPdf(3 * MiB);
    const file = await files.receive(streamOf(bytes), upload);
    const ranges = [
      { start: 0, end: 0 },
      { start: bytes.length - 1, end: bytes.length - 1 },
      { start: PG_CHUNK_BYTES - 1, end: PG_CHUNK_BYTES },
      { start: PG_CHUNK_BYTES - 10, end: 2 * PG_CHUNK_BYTES + 10 },
      { start: 2 * PG_CHUNK_BYTES, end: bytes.length - 1 },
      { start: 0, end: bytes.length - 1 },
    ];
    for (const range of ranges) {
      const opened = await files.open(file.id, range);
      if (!opened) throw new Error('the file is gone');
      // Buffer.equals: toEqual walks megabytes byte by byte.
      expect((await readAll(opened.body)).equals(bytes.subarray(range.start, range.end + 1))).toBe(true);
    }
    await expect(files.open(file.id, { start: 0, end: bytes.length })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
    await expect(files.open(file.id, { start: 5, end: 4 })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
    expect(await files.open(randomUUID())).toBeNull();
    await expect(blobs.open('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('refuses an upload over the limit and keeps none of it', async () => {
    const before = await counts();
    const error = await files.receive(streamOf(aPdf(3 * MiB)), { ...upload, maxBytes: 2 * MiB }).catch((e) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error.maxBytes).toBe(2 * MiB);
    await expect(blobs.put(randomStream(3 * MiB).stream, { maxBytes: 3 * MiB - 1 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await counts()).toEqual(before);
  });

  it('keeps nothing of a source that fails half-way', async () => {
    const before = await counts();
    await expect(files.receive(cutOffAfter(aPdf(3 * MiB), 1), upload)).rejects.toThrow('aborted');
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'a renamed executable',
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]),
      'setup.pdf',
      UnsupportedFileTypeError,
    ],
    ['zero bytes', Buffer.alloc(0), 'empty.pdf', EmptyFileError],
    ['a name with a path separator', aPdf(100), '../../etc/passwd.pdf', FileNameError],
    ['a name with control characters', aPdf(100), 'report\u0000.pdf', FileNameError],
  ])('refuses %s and keeps nothing', async (_case, bytes, name, refusal) => {
    const before = await counts();
    await expect(files.receive(streamOf(bytes), { ...upload, name })).rejects.toBeInstanceOf(refusal);
    expect(await counts()).toEqual(before);
  });

  it('keeps a rendered document from a buffer, with no uploader unit', async () => {
    const bytes = aPdf(1000);
    const file = await files.storeBuffer(bytes, { name: '整改通知书.pdf', contentType: 'application/pdf', uploadedBy: 'system' });
    expect(file).toMatchObject({ sha256: sha256Of(bytes), size: bytes.length, fileType: 'pdf', uploaderUnitId: null });
    const opened = await files.open(file.id);
    expect(opened && (await readAll(opened.body)).equals(bytes)).toBe(true);
  });

  it('sweeps staging uploads abandoned long ago, and no blob', async () => {
    const kept = await blobs.put(streamOf(aPdf(10)), { maxBytes: MiB });
    const [stale, fresh] = [randomUUID(), randomUUID()];
    await db.dataSource.query(`INSERT INTO blob_uploads (id, started_at) VALUES ($1, now() - interval '25 hours'), ($2, now())`, [
      stale,
      fresh,
    ]);
    await db.dataSource.query(`INSERT INTO blob_chunks (upload_id, chunk_no, data) VALUES ($1, 0, '\\x00'), ($2, 0, '\\x00')`, [
      stale,
      fresh,
    ]);
    await db.dataSource.query(`UPDATE blob_uploads SET started_at = now() - interval '30 hours' WHERE id <> $1`, [fresh]);
    expect(await blobs.sweepAbandonedUploads(24)).toBe(1);
    const left: Array<{ id: string }> = await db.dataSource.query('SELECT id FROM blob_uploads WHERE id = ANY($1::uuid[])', [
      [stale, fresh],
    ]);
    expect(left.map((row) => row.id)).toEqual([fresh]);
    expect(await blobs.has(kept.sha256)).toBe(true);
    expect(await blobs.sweepAbandonedUploads(24)).toBe(0);
  });

  it('records downloads newest first and links files to findings once', async () => {
    const opened = anOpenCase(2050, 2);
    await new ProjectionStore(db.dataSource).caseOpened(opened);
    const [one, two] = opened.findings;
    const file = await files.receive(streamOf(aPdf(100)), upload);
    await files.recordDownload(file.id, 'reader-1', null);
    await files.recordDownload(file.id, 'reader-2', { start: 0, end: 99 });
    expect(await files.downloads(file.id)).toEqual([
      { actor: 'reader-2', actorName: null, at: expect.any(String), range: 'bytes=0-99' },
      { actor: 'reader-1', actorName: null, at: expect.any(String), range: null },
    ]);
    await files.linkToFindings([file.id], one.id);
    await files.linkToFindings([file.id], one.id);
    await files.linkToFindings([file.id], two.id);
    expect(await files.findingsOf(file.id)).toEqual([one.id, two.id].sort());
  });
});
