import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { FileDownload } from '@reform/contracts/http';
import { toIso } from '../queries/sql-support';
import type { TableRow } from '../schema';
import type { BlobStore, ByteRange } from './blob-store';
import { rangeWithin } from './byte-range';
import { EmptyFileError, FileNameError, FileTooLargeError, UnsupportedFileTypeError } from './file.error';
import { fileNameProblem } from './file-name';
import { toFileRecord, type FileRecord } from './file-record';
import { peekHead } from './peek-head';
import { SNIFF_BYTES, sniffContent, type SniffedType } from './sniff-content';

export interface Upload {
  name: string;
  uploadedBy: string;
  uploaderUnitId: string | null;
  maxBytes: number;
}

/**
 * 文件: files as the API and the worker see them — a `files` row naming bytes that the BlobStore
 * keeps by SHA-256 — with the evidence links to findings and the record of who downloaded what.
 */
export class FileStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly blobs: BlobStore,
  ) {}

  /**
   * Keeps an upload: the name is checked and the type told from the first bytes before anything is
   * stored, then the bytes stream into the BlobStore. A refused upload's source is destroyed unread.
   */
  async receive(source: Readable, upload: Upload): Promise<FileRecord> {
    const problem = fileNameProblem(upload.name);
    if (problem) throw refuse(source, new FileNameError(problem));
    const { head, complete, whole } = await peekHead(source, SNIFF_BYTES);
    if (head.length === 0) throw refuse(source, new EmptyFileError());
    if (head.length > upload.maxBytes) throw refuse(source, new FileTooLargeError(upload.maxBytes));
    const type = await sniffContent(head, upload.name, complete);
    if (!type) throw refuse(source, new UnsupportedFileTypeError(upload.name));
    const blob = await this.blobs.put(whole, { maxBytes: upload.maxBytes });
    return this.insert({ ...upload, ...blob, ...type });
  }

  /** Keeps a file the system made (a rendered document), typed by its content like any upload. */
  async storeBuffer(bytes: Buffer, file: { name: string; contentType: string; uploadedBy: string }): Promise<FileRecord> {
    const problem = fileNameProblem(file.name);
    if (problem) throw new FileNameError(problem);
    const type = await sniffContent(bytes.subarray(0, SNIFF_BYTES), file.name, bytes.length <= SNIFF_BYTES);
    if (!type) throw new UnsupportedFileTypeError(file.name);
    const blob = await this.blobs.put(Readable.from([bytes]), { maxBytes: bytes.length });
    return this.insert({ ...file, ...blob, fileType: type.fileType, uploaderUnitId: null });
  }

  async get(id: string): Promise<FileRecord | null> {
    const [row]: Array<TableRow<'files'>> = await this.dataSource.query('SELECT * FROM files WHERE id = $1', [id]);
    return row ? toFileRecord(row) : null;
  }

  /** The file and its bytes (or `range` of them; RangeNotSatisfiableError outside its size), or null for no such file. */
  async open(id: string, range?: ByteRange): Promise<{ file: FileRecord; body: Readable } | null> {
    const file = await this.get(id);
    if (!file) return null;
    rangeWithin(file.size, range);
    return { file, body: await this.blobs.open(file.sha256, range) };
  }

  async recordDownload(fileId: string, actor: string, range: ByteRange | null): Promise<void> {
    await this.dataSource.query('INSERT INTO file_downloads (file_id, actor, at, range) VALUES ($1, $2, now(), $3)', [
      fileId,
      actor,
      range ? `bytes=${range.start}-${range.end}` : null,
    ]);
  }

  /** Who downloaded the file, newest first, with the people register's name of each reader. */
  async downloads(fileId: string): Promise<FileDownload[]> {
    const rows: Array<{ actor: string; actor_name: string | null; at: Date; range: string | null }> = await this.dataSource.query(
      `SELECT d.actor, (SELECT p.name FROM people p WHERE p.id = d.actor) AS actor_name, d.at, d.range
       FROM file_downloads d WHERE d.file_id = $1 ORDER BY d.at DESC, d.id DESC`,
      [fileId],
    );
    return rows.map((row) => ({ actor: row.actor, actorName: row.actor_name, at: toIso(row.at), range: row.range }));
  }

  /** Links files to a finding as its evidence; a link that exists already is kept as it is. */
  async linkToFindings(fileIds: readonly string[], findingId: string): Promise<void> {
    await this.dataSource.query('INSERT INTO file_links (file_id, finding_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING', [
      fileIds,
      findingId,
    ]);
  }

  async findingsOf(fileId: string): Promise<string[]> {
    const rows: Array<{ finding_id: string }> = await this.dataSource.query(
      'SELECT finding_id FROM file_links WHERE file_id = $1 ORDER BY finding_id',
      [fileId],
    );
    return rows.map((row) => row.finding_id);
  }

  private async insert(
    file: Omit<Upload, 'maxBytes'> & { sha256: string; size: number; contentType: string; fileType: SniffedType['fileType'] },
  ): Promise<FileRecord> {
    const [row]: Array<TableRow<'files'>> = await this.dataSource.query(
      `INSERT INTO files (id, sha256, name, size, content_type, file_type, uploaded_by, uploader_unit_id, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) RETURNING *`,
      [randomUUID(), file.sha256, file.name, file.size, file.contentType, file.fileType, file.uploadedBy, file.uploaderUnitId],
    );
    return toFileRecord(row);
  }
}

function refuse(source: Readable, error: Error): Error {
  source.destroy();
  return error;
}
