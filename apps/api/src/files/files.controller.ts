import { Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FILE_TYPES, type FileDownloadList, type Principal, type StoredFile } from '@reform/contracts';
import { FileDownloadListSchema, StoredFileSchema } from '@reform/contracts/http';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { KnownIdPipe } from '../validation/known-id.pipe';
import { FilesService } from './files.service';

const FileId = () => Param('id', new KnownIdPipe('file'));

/** The bytes of a download, as the document describes them. */
export const BINARY_ANSWER = { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access({ roles: ['unit', 'officer', 'supervisor'], scope: 'all' })
  @ApiOperation({
    summary: '上传证据文件 — upload a file (multipart field `file`), streamed; the server computes its SHA-256',
    description: `Types, told by content not by name: ${FILE_TYPES.join(', ')}. At most FILE_MAX_BYTES (default 25 MiB): over → 413; another type (a renamed executable) → 415; empty or a bad name → 400; an upload that sends nothing for FILE_UPLOAD_IDLE_SECONDS (default 30) → 408. Nothing of a refused upload is stored.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @Responds(201, StoredFileSchema, 'the stored file')
  @Refuses(400, 408, 413, 415)
  upload(@Req() request: Request, @CurrentUser() user: Principal): Promise<StoredFile> {
    return this.files.upload(request, user);
  }

  @Get(':id')
  @Access({ roles: ['unit', 'officer', 'supervisor', 'auditor'], scope: 'scoped' })
  @ApiOperation({
    summary: '下载文件 — the bytes, for whoever may see a finding the file is evidence of, or its uploader (else 404)',
    description:
      'ETag is the SHA-256; `Range: bytes=a-b` answers 206; `If-None-Match` with the ETag answers 304. Every download is recorded.',
  })
  @ApiResponse({ status: 200, description: 'the file', ...BINARY_ANSWER })
  @ApiResponse({ status: 206, description: 'the requested range of the file', ...BINARY_ANSWER })
  @ApiResponse({ status: 304, description: 'unchanged: If-None-Match holds the ETag' })
  @Refuses(404, 416)
  async download(@FileId() id: string, @CurrentUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.files.download(await this.files.readable(id, user), user, request, response);
  }

  @Get(':id/downloads')
  @Access({ roles: ['officer', 'supervisor', 'auditor'], scope: 'scoped' })
  @ApiOperation({ summary: '下载记录 — who downloaded the file, and when (newest first)' })
  @Responds(200, FileDownloadListSchema, "the file's downloads")
  @Refuses(404)
  downloads(@FileId() id: string, @CurrentUser() user: Principal): Promise<FileDownloadList> {
    return this.files.downloads(id, user);
  }
}
