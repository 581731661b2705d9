import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DocumentList, Principal } from '@reform/contracts';
import { DocumentListSchema } from '@reform/contracts/http';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { BINARY_ANSWER } from '../files/files.controller';
import { FilesService } from '../files/files.service';
import { KnownIdPipe } from '../validation/known-id.pipe';
import { DocumentsService } from './documents.service';
import { DocumentFormatQuery } from './dto/document-format.query';

@ApiTags('documents')
@ApiBearerAuth()
@Access({ roles: ['officer', 'supervisor', 'unit', 'auditor'], scope: 'scoped' })
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly files: FilesService,
  ) {}

  @Get('findings/:id/documents')
  @ApiOperation({ summary: "文书 — the finding's issued documents (督办通知书, 约谈通知书, 问责建议书, 建议书), in the order issued" })
  @Responds(200, DocumentListSchema, "the finding's documents")
  @Refuses(404)
  list(@Param('id', new KnownIdPipe('finding')) id: string, @CurrentUser() user: Principal): Promise<DocumentList> {
    return this.documents.forFinding(id, user);
  }

  @Get('documents/:id')
  @ApiOperation({
    summary: '下载文书 — the frozen PDF (default) or DOCX of a document',
    description:
      'The bytes are exactly those whose SHA-256 the audit event DOCUMENT_ISSUED recorded (sha256Pdf / sha256Docx). ETag and Range as for files.',
  })
  @ApiResponse({ status: 200, description: 'the document', ...BINARY_ANSWER })
  @ApiResponse({ status: 206, description: 'the requested range of the document', ...BINARY_ANSWER })
  @ApiResponse({ status: 304, description: 'unchanged: If-None-Match holds the ETag' })
  @Refuses(400, 404, 416)
  async download(
    @Param('id', new KnownIdPipe('document')) id: string,
    @Query() query: DocumentFormatQuery,
    @CurrentUser() user: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const document = await this.documents.get(id, user);
    await this.files.download(await this.documents.rendering(document, query.format ?? 'pdf'), user, request, response);
  }
}
