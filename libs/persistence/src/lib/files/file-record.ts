import type { FileType } from '@reform/contracts';
import type { StoredFile } from '@reform/contracts/http';
import { toIso } from '../queries/sql-support';
import type { TableRow } from '../schema';

/** A file's row as the API and the worker read it: the contract's StoredFile and what access and typing need. */
export interface FileRecord extends StoredFile {
  fileType: FileType;
  /** The uploader's unit when the file was uploaded (for scoping who may read it); null for system-made files. */
  uploaderUnitId: string | null;
}

export function toFileRecord(row: TableRow<'files'>): FileRecord {
  return {
    id: row.id,
    name: row.name,
    size: Number(row.size),
    contentType: row.content_type,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: toIso(row.uploaded_at),
    fileType: row.file_type,
    uploaderUnitId: row.uploader_unit_id,
  };
}

/** The contract's view of a record. */
export function toStoredFile({ fileType: _type, uploaderUnitId: _unit, ...file }: FileRecord): StoredFile {
  return file;
}
