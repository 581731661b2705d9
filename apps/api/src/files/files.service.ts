import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import type { FileDownloadList, Principal, StoredFile } from '@reform/contracts';
import {
  EmptyFileError,
  FileNameError,
  FileStore,
  FileTooLargeError,
  FindingQueries,
  RangeNotSatisfiableError,
  toStoredFile,
  UnsupportedFileTypeError,
  type FileRecord,
} from '@reform/persistence';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AccessScope } from '../auth/access-scope';
import { FileRefusedError } from '../errors/file-refused.error';
import { InvalidInputError } from '../errors/invalid-input.error';
import { NotFoundError } from '../errors/not-found.error';
import { planDownload } from './download-plan';
import { receiveOneFile } from './multipart-upload';

/**
 * 证据文件: uploads streamed into the file store, and downloads served only to whoever may see a
 * finding the file is evidence of, or to its uploader — everyone else gets 404, as for an unknown id.
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly files: FileStore,
    private readonly findings: FindingQueries,
    private readonly scope: AccessScope,
    private readonly config: AppConfigService,
  ) {}

  async upload(request: Request, user: Principal): Promise<StoredFile> {
    const { maxBytes, idleMs } = this.config.values.files;
    try {
      const stored = await receiveOneFile(request, { maxBytes, idleMs }, ({ name, stream }) =>
        this.files.receive(stream, { name, uploadedBy: user.id, uploaderUnitId: uploaderUnitOf(user), maxBytes }),
      );
      return toStoredFile(stored);
    } catch (error) {
      throw asRefusal(error);
    }
  }

  /** The file, if the caller may read it. */
  async readable(id: string, user: Principal): Promise<FileRecord> {
    const file = await this.files.get(id);
    if (!file || !(file.uploadedBy === user.id || (await this.seesAFindingOf(id, user)))) throw new NotFoundError('file', id);
    return file;
  }

  /** Streams the file (or its Range), records the download, and answers 304/416 where HTTP says so. */
  async download(file: FileRecord, user: Principal, request: Request, response: Response): Promise<void> {
    const plan = planDownload(file, { range: request.headers.range, ifNoneMatch: request.headers['if-none-match'] });
    response.set(plan.headers);
    if (plan.status === 304) return void response.status(304).end();
    if (plan.status === 416) throw new FileRefusedError(416, `Range: outside the file's ${file.size} bytes`);
    const opened = await this.files.open(file.id, plan.range).catch((error: unknown) => {
      throw asRefusal(error);
    });
    if (!opened) throw new NotFoundError('file', file.id);
    await this.files.recordDownload(file.id, user.id, plan.range ?? null);
    response.status(plan.status);
    await pipeline(opened.body, response);
  }

  async downloads(id: string, user: Principal): Promise<FileDownloadList> {
    await this.readable(id, user);
    return { items: await this.files.downloads(id) };
  }

  /** Checks an evidence item's file: it exists and was uploaded by the caller's own unit (else 400 naming the field). */
  async evidenceOf(fileId: string, user: Principal, field: string): Promise<StoredFile> {
    const file = await this.files.get(fileId);
    if (!file || file.uploaderUnitId === null || file.uploaderUnitId !== uploaderUnitOf(user)) {
      throw InvalidInputError.of(field, 'unknownReference', `${field}: no file "${fileId}" was uploaded by your unit`);
    }
    return toStoredFile(file);
  }

  /** A file for a discipline-side record (an interview's): uploaded by the caller, or by their org unit. */
  async recordFileOf(fileId: string, user: Principal, field: string): Promise<StoredFile> {
    const file = await this.files.get(fileId.toLowerCase());
    const unit = uploaderUnitOf(user);
    if (!file || !(file.uploadedBy === user.id || (unit !== null && file.uploaderUnitId === unit))) {
      throw InvalidInputError.of(field, 'unknownReference', `${field}: no file "${fileId}" was uploaded by you or your office`);
    }
    return toStoredFile(file);
  }

  private async seesAFindingOf(fileId: string, user: Principal): Promise<boolean> {
    for (const findingId of await this.files.findingsOf(fileId)) {
      const finding = await this.findings.findById(findingId);
      if (finding && (await this.scope.sees(user, finding))) return true;
    }
    return false;
  }
}

/** The unit (for a unit user) or discipline-side org unit an upload is counted to. */
function uploaderUnitOf(user: Principal): string | null {
  return (user.roles.includes('unit') ? user.unitId : user.orgUnitId) ?? null;
}

/** The store's refusals as the API answers them; anything else passes unchanged. */
function asRefusal(error: unknown): unknown {
  if (error instanceof FileTooLargeError) return new FileRefusedError(413, `file: ${error.message} (FILE_MAX_BYTES)`);
  if (error instanceof UnsupportedFileTypeError) return new FileRefusedError(415, `file: ${error.message}`);
  if (error instanceof RangeNotSatisfiableError) return new FileRefusedError(416, `Range: ${error.message}`);
  if (error instanceof EmptyFileError) return InvalidInputError.of('file', 'empty', `file: ${error.message}`);
  if (error instanceof FileNameError) return InvalidInputError.of('file', 'format', `file: ${error.message}`);
  return error;
}
