import { z } from 'zod';

export const DEFAULT_FILE_MAX_BYTES = 25 * 1024 * 1024;

/** The file storage's environment variables, merged into the app's schema. */
export const FILE_VARIABLES = {
  /** Where file bytes are kept: `postgres` (the app's database, the default) or `s3` (an S3-compatible bucket). */
  FILE_STORE: z.enum(['postgres', 's3'], { errorMap: () => ({ message: 'expected postgres or s3' }) }).default('postgres'),
  /** The largest upload accepted, in bytes; larger ones are answered 413. */
  FILE_MAX_BYTES: z.coerce
    .number({ invalid_type_error: 'expected a whole number of bytes' })
    .int('expected a whole number of bytes')
    .positive('expected a positive number of bytes')
    .default(DEFAULT_FILE_MAX_BYTES),
  /** An upload that sends nothing for this many seconds is cut off (408) and nothing of it kept. */
  FILE_UPLOAD_IDLE_SECONDS: z.coerce
    .number({ invalid_type_error: 'expected a whole number of seconds' })
    .int('expected a whole number of seconds')
    .positive('expected a positive number of seconds')
    .default(30),
  S3_ENDPOINT: z
    .string()
    .url('expected the http(s) URL of the S3 endpoint, such as http://127.0.0.1:9000')
    .refine((url) => /^https?:\/\//.test(url), 'expected the http(s) URL of the S3 endpoint, such as http://127.0.0.1:9000')
    .optional(),
  S3_REGION: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** MinIO and most self-hosted S3 servers need the bucket in the path rather than the host name. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'expected true or false' }) })
    .default('false')
    .transform((text) => text === 'true'),
};

type FileValues = {
  FILE_STORE: 'postgres' | 's3';
  FILE_MAX_BYTES: number;
  FILE_UPLOAD_IDLE_SECONDS: number;
  S3_FORCE_PATH_STYLE: boolean;
} & Partial<Record<(typeof S3_REQUIRED)[number], string>>;

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** Where files are kept and how large they may be: FILE_STORE, FILE_MAX_BYTES and the S3_* variables. */
export interface FileSettings {
  maxBytes: number;
  /** How long an upload may send nothing before it is cut off. */
  idleMs: number;
  store:
    | { kind: 'postgres' }
    | {
        kind: 's3';
        s3: { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };
      };
}

/** Why these settings must not start, or undefined: FILE_STORE=s3 needs every S3_* variable but the path style. */
export function fileStoreProblem(values: FileValues): string | undefined {
  if (values.FILE_STORE !== 's3') return undefined;
  const missing = S3_REQUIRED.find((variable) => !values[variable]);
  return missing && `${missing} is not set (FILE_STORE=s3 needs it)`;
}

export function fileSettings(values: FileValues): FileSettings {
  const limits = { maxBytes: values.FILE_MAX_BYTES, idleMs: values.FILE_UPLOAD_IDLE_SECONDS * 1000 };
  if (values.FILE_STORE !== 's3') return { ...limits, store: { kind: 'postgres' } };
  const value = (variable: (typeof S3_REQUIRED)[number]) => values[variable] ?? '';
  return {
    ...limits,
    store: {
      kind: 's3',
      s3: {
        endpoint: value('S3_ENDPOINT'),
        region: value('S3_REGION'),
        bucket: value('S3_BUCKET'),
        accessKeyId: value('S3_ACCESS_KEY_ID'),
        secretAccessKey: value('S3_SECRET_ACCESS_KEY'),
        forcePathStyle: values.S3_FORCE_PATH_STYLE,
      },
    },
  };
}
