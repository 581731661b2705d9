import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobNotFoundError, FileTooLargeError, RangeNotSatisfiableError, S3BlobStore, type S3Settings } from '@reform/persistence';
import { cutOffAfter, MiB, randomStream, readAll, sha256Of, streamOf } from '../support/byte-streams';
import { startMotoServer, type MotoServer } from '../support/moto-server';

describe('S3BlobStore against an S3-compatible server (moto)', () => {
  let moto: MotoServer;
  let settings: S3Settings;
  let client: S3Client;
  let blobs: S3BlobStore;

  beforeAll(async () => {
    moto = await startMotoServer();
    settings = {
      endpoint: moto.endpoint,
      region: 'us-east-1',
      bucket: 'evidence',
      accessKeyId: 'test',
      secretAccessKey: 'test',
      forcePathStyle: true,
    };
    client = new S3Client({ ...settings, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await client.send(new CreateBucketCommand({ Bucket: settings.bucket }));
    blobs = new S3BlobStore(settings);
  });
  afterAll(async () => {
    blobs?.destroy();
    client?.destroy();
    await moto?.stop();
  });

  async function keys(): Promise<string[]> {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: settings.bucket }));
    return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
  }

  it('streams a multipart-sized file in and out under blobs/<sha256>, leaving no staging object', async () => {
    const { stream, sent } = randomStream(12 * MiB);
    const blob = await blobs.put(stream, { maxBytes: 25 * MiB });
    expect(blob).toEqual({ sha256: sent(), size: 12 * MiB });
    expect(sha256Of(await readAll(await blobs.open(blob.sha256)))).toBe(blob.sha256);
    expect(await keys()).toEqual([`blobs/${blob.sha256}`]);
  });

  it('keeps the same bytes put twice once', async () => {
    const bytes = Buffer.from('the same evidence, twice\n');
    const before = await keys();
    const first = await blobs.put(streamOf(bytes), { maxBytes: MiB });
    const second = await blobs.put(streamOf(bytes), { maxBytes: MiB });
    expect(second).toEqual(first);
    expect(await keys()).toEqual([...before, `blobs/${first.sha256}`].sort());
  });

  it('reads ranges, and refuses those outside the blob', async () => {
    const bytes = Buffer.from('0123456789abcdef');
    const { sha256 } = await blobs.put(streamOf(bytes), { maxBytes: MiB });
    expect((await readAll(await blobs.open(sha256, { start: 0, end: 0 }))).toString()).toBe('0');
    expect((await readAll(await blobs.open(sha256, { start: 10, end: 15 }))).toString()).toBe('abcdef');
    await expect(blobs.open(sha256, { start: 10, end: 16 })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
    await expect(blobs.open('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await blobs.has('0'.repeat(64))).toBe(false);
  });

  it('keeps nothing of an upload over the limit or cut off half-way', async () => {
    const before = await keys();
    await expect(blobs.put(randomStream(7 * MiB).stream, { maxBytes: 6 * MiB })).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(blobs.put(randomStream(MiB).stream, { maxBytes: MiB - 1 })).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(blobs.put(cutOffAfter(Buffer.alloc(6 * MiB, 1), 0), { maxBytes: 25 * MiB })).rejects.toThrow('aborted');
    expect(await keys()).toEqual(before);
    expect(await blobs.sweepAbandonedUploads(0)).toBe(0);
  });

  it('sweeps staging objects left by a process that died mid-upload', async () => {
    await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: 'staging/left-behind', Body: 'x' }));
    expect(await blobs.sweepAbandonedUploads(24)).toBe(0);
    expect(await blobs.sweepAbandonedUploads(-1)).toBe(1);
    expect((await keys()).filter((key) => key.startsWith('staging/'))).toEqual([]);
  });
});
