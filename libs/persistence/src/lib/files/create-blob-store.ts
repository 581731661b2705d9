import type { DataSource } from 'typeorm';
import type { BlobStore } from './blob-store';
import { FileStore } from './file-store';
import { PostgresBlobStore } from './postgres-blob-store';
import { S3BlobStore, type S3Settings } from './s3-blob-store';

/** FILE_STORE and, for `s3`, the S3_* variables, as the config validated them. */
export type BlobStoreSettings = { kind: 'postgres' } | { kind: 's3'; s3: S3Settings };

/** The file store the API and the worker share, on the configured driver. */
export function createFileStore(settings: BlobStoreSettings, dataSource: DataSource): FileStore {
  return new FileStore(dataSource, createBlobStore(settings, dataSource));
}

export function createBlobStore(settings: BlobStoreSettings, dataSource: DataSource): BlobStore {
  return settings.kind === 's3' ? new S3BlobStore(settings.s3) : new PostgresBlobStore(dataSource);
}
