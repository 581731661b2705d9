import { z } from 'zod/v4';
import { DOCUMENT_KINDS } from '../lib/vocabulary';
import { Count, Instant, shape, Uuid } from './registry';

const Sha256 = z.string().regex(/^[a-f0-9]{64}$/);

/** 文件 — an uploaded file: its bytes are kept by the server, which computed their SHA-256. */
export const StoredFileSchema = shape(
  'StoredFile',
  '文件 — an uploaded file (evidence): name, size, type told by content, the SHA-256 the server computed',
  z.object({
    id: Uuid,
    name: z.string(),
    size: Count,
    contentType: z.string(),
    sha256: Sha256,
    uploadedBy: z.string(),
    uploadedAt: Instant,
  }),
);
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** 文件下载记录 — who read a file, and when. */
export const FileDownloadSchema = shape(
  'FileDownload',
  'one download of a file: who read it and when',
  z.object({ actor: z.string(), actorName: z.string().nullable(), at: Instant, range: z.string().nullable() }),
);
export type FileDownload = z.infer<typeof FileDownloadSchema>;

export const FileDownloadListSchema = shape(
  'FileDownloadList',
  "a file's downloads, newest first",
  z.object({ items: z.array(FileDownloadSchema) }),
);
export type FileDownloadList = z.infer<typeof FileDownloadListSchema>;

/** 文书 — a formal document, frozen when issued. */
export const IssuedDocumentSchema = shape(
  'Document',
  '文书 — a formal document issued by a workflow, frozen as PDF and DOCX with the SHA-256 of each',
  z.object({
    id: Uuid,
    kind: z.enum(DOCUMENT_KINDS),
    docNo: z.string(),
    title: z.string(),
    sha256Pdf: Sha256,
    sha256Docx: Sha256,
    issuedAt: Instant,
  }),
);
export type IssuedDocumentView = z.infer<typeof IssuedDocumentSchema>;

export const DocumentListSchema = shape(
  'DocumentList',
  "a finding's documents, in the order they were issued",
  z.object({ items: z.array(IssuedDocumentSchema) }),
);
export type DocumentList = z.infer<typeof DocumentListSchema>;
