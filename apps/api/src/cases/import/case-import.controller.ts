import { Body, Controller, HttpStatus, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CASE_SOURCES, type CaseWithFindings, type ImportPreview, type Principal } from '@reform/contracts';
import { CaseWithFindingsSchema, ImportPreviewSchema } from '@reform/contracts/http';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Access } from '../../auth/access.decorator';
import { refTo, Refuses, Responds } from '../../docs/responds.decorator';
import { ImportCaseDto } from '../dto/import-case.dto';
import { CaseImportService, type UploadedIntakeFile } from './case-import.service';
import { INTAKE_COLUMNS } from './intake-columns';

export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseImportController {
  constructor(private readonly imports: CaseImportService) {}

  @Post('import')
  @Access({ roles: ['officer'], scope: 'all' })
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 20 },
      // Browsers send file names as raw UTF-8 (问题清单.xlsx), not latin1.
      defParamCharset: 'utf8',
    }),
  )
  @ApiOperation({
    summary: '批量导入 — open a case with every finding of a CSV or XLSX (201; 200 when the same file was imported before)',
    description:
      `Columns (first row): ${INTAKE_COLUMNS.map((column) => column.label).join(', ')}; ` +
      '问题, 责任单位 and one of the deadlines are required. Any bad row answers 400 listing every bad row, and nothing is created: ' +
      '`message` in English, `problems` one refused cell at a time (`row` = spreadsheet row, the header is row 1; `field` = the intake field, ' +
      'or `file` for the whole file). With `dryRun=true` the file is checked exactly the same way and the findings it would create are ' +
      'answered (200 ImportPreview); nothing is created and the file is not bound to a case.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: `CSV (UTF-8 or GB18030) or XLSX, at most ${MAX_IMPORT_FILE_BYTES} bytes` },
        title: { type: 'string', maxLength: 200, description: 'required unless dryRun is "true"' },
        summary: { type: 'string', maxLength: 10000, description: 'required unless dryRun is "true"' },
        source: { type: 'string', enum: [...CASE_SOURCES], description: 'required unless dryRun is "true"' },
        dryRun: {
          type: 'string',
          enum: ['true', 'false'],
          description: '预检: "true" checks the file and answers what it would create, creating nothing',
        },
      },
    },
  })
  @Responds(201, CaseWithFindingsSchema, 'the case, opened with every finding of the file')
  @ApiResponse({
    status: 200,
    description: 'the case this file opened before; with dryRun=true, the findings the import would create (nothing created)',
    content: { 'application/json': { schema: { oneOf: [refTo(CaseWithFindingsSchema), refTo(ImportPreviewSchema)] } } },
  })
  @Refuses(400, 409, 413)
  async import(
    @UploadedFile() file: UploadedIntakeFile | undefined,
    @Body() dto: ImportCaseDto,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseWithFindings | ImportPreview> {
    if (dto.dryRun) {
      response.status(HttpStatus.OK);
      return this.imports.preview(file, dto);
    }
    const { opened, created } = await this.imports.import(file, dto, user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return opened;
  }
}
