import { loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/db' };
const s3 = {
  FILE_STORE: 's3',
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_REGION: 'cn-north-1',
  S3_BUCKET: 'evidence',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('loadConfig: file storage', () => {
  it('keeps files in PostgreSQL, at most 25 MiB each, by default', () => {
    expect(loadConfig(base).files).toEqual({ maxBytes: 26_214_400, idleMs: 30_000, store: { kind: 'postgres' } });
  });

  it('reads the S3 settings when FILE_STORE=s3', () => {
    expect(loadConfig({ ...base, ...s3, S3_FORCE_PATH_STYLE: 'true', FILE_MAX_BYTES: '1048576' }).files).toEqual({
      maxBytes: 1_048_576,
      idleMs: 30_000,
      store: {
        kind: 's3',
        s3: {
          endpoint: 'http://127.0.0.1:9000',
          region: 'cn-north-1',
          bucket: 'evidence',
          accessKeyId: 'key',
          secretAccessKey: 'secret',
          forcePathStyle: true,
        },
      },
    });
  });

  it.each(['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])(
    'names %s when FILE_STORE=s3 lacks it',
    (variable) => {
      expect(() => loadConfig({ ...base, ...s3, [variable]: '' })).toThrow(`${variable} is not set (FILE_STORE=s3 needs it)`);
    },
  );

  it('needs no S3 variable for PostgreSQL', () => {
    expect(() => loadConfig({ ...base, FILE_STORE: 'postgres' })).not.toThrow();
  });

  it.each([
    [{ FILE_STORE: 'disk' }, /^FILE_STORE="disk": expected postgres or s3/],
    [{ FILE_MAX_BYTES: '0' }, /^FILE_MAX_BYTES="0": expected a positive number of bytes/],
    [{ FILE_MAX_BYTES: '1.5' }, /^FILE_MAX_BYTES="1.5": expected a whole number of bytes/],
    [{ FILE_MAX_BYTES: '25MB' }, /^FILE_MAX_BYTES="25MB": expected a whole number of bytes/],
    [{ S3_ENDPOINT: 'minio:9000' }, /^S3_ENDPOINT="minio:9000": expected the http\(s\) URL/],
    [{ S3_FORCE_PATH_STYLE: 'yes' }, /^S3_FORCE_PATH_STYLE="yes": expected true or false/],
  ])('names the variable for %j', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });
});
