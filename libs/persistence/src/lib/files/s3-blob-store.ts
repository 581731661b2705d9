import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BlobStore, ByteRange, StoredBlob } from './blob-store';
import { rangeWithin } from './byte-range';
import { BlobNotFoundError } from './file.error';
import { HashingLimit } from './hashing-limit';

export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `bucket` in the path rather than the host name: MinIO and most self-hosted servers need it. */
  forcePathStyle: boolean;
}

const STAGING = 'staging/';
const blobKey = (sha256: string) => `blobs/${sha256}`;

/**
 * Blobs as objects `blobs/<sha256>` in an S3-compatible bucket. A put uploads to `staging/<uuid>`
 * (multipart, a few 5 MiB parts in memory at most), then copies it to its SHA-256 key unless that
 * object exists. Two puts of the same new bytes at once may both copy; they write the same bytes.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // The SDK's default CRC32 checksums on every request are refused by many S3-compatible servers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(source: Readable, limits: { maxBytes: number }): Promise<StoredBlob> {
    const stagingKey = `${STAGING}${randomUUID()}`;
    const hashing = new HashingLimit(limits.maxBytes);
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key: stagingKey, Body: hashing }, queueSize: 2 });
    const [streamed, uploaded] = await Promise.allSettled([pipeline(source, hashing), upload.done()]);
    const failure = [streamed, uploaded].find((outcome) => outcome.status === 'rejected');
    if (failure) {
      await this.delete(stagingKey).catch(() => undefined);
      throw failure.reason;
    }
    const blob = hashing.result();
    try {
      if (!(await this.has(blob.sha256))) {
        await this.client.send(
          new CopyObjectCommand({ Bucket: this.bucket, Key: blobKey(blob.sha256), CopySource: `${this.bucket}/${stagingKey}` }),
        );
      }
    } finally {
      await this.delete(stagingKey).catch(() => undefined);
    }
    return blob;
  }

  async open(sha256: string, range?: ByteRange): Promise<Readable> {
    const size = await this.sizeOf(sha256);
    if (size === null) throw new BlobNotFoundError(sha256);
    const wanted = rangeWithin(size, range);
    const { Body } = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: blobKey(sha256),
        // An empty object has no satisfiable range; it is read whole.
        Range: wanted && range ? `bytes=${wanted.start}-${wanted.end}` : undefined,
      }),
    );
    return Body as Readable;
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.sizeOf(sha256)) !== null;
  }

  /** Removes staging objects and unfinished multipart uploads older than `olderThanHours`; answers how many. */
  async sweepAbandonedUploads(olderThanHours = 24): Promise<number> {
    const before = Date.now() - olderThanHours * 3_600_000;
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: STAGING, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && object.LastModified.getTime() < before) {
          await this.delete(object.Key);
          removed++;
        }
      }
      token = page.NextContinuationToken;
    } while (token);
    const uploads = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: STAGING }));
    for (const upload of uploads.Uploads ?? []) {
      if (upload.Key && upload.UploadId && upload.Initiated && upload.Initiated.getTime() < before) {
        await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: upload.Key, UploadId: upload.UploadId }));
        removed++;
      }
    }
    return removed;
  }

  destroy(): void {
    this.client.destroy();
  }

  private async sizeOf(sha256: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: blobKey(sha256) }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  private async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
