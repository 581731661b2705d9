import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { OrgUnit, OrgUnitImportResult, OrgUnitList, OrgUnitWithChildren, Principal } from '@reform/contracts';
import { OrgUnitImportResultSchema, OrgUnitListSchema, OrgUnitSchema, OrgUnitWithChildrenSchema } from '@reform/contracts/http';
import type { Response } from 'express';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { OrgUnitIdPipe } from './org-unit-id.pipe';
import { SaveOrgUnitDto } from './dto/save-org-unit.dto';
import { MAX_REGISTER_ROWS, type UploadedRegisterFile } from './org-unit-import';
import { OrgUnitsService } from './org-units.service';

export const MAX_REGISTER_FILE_BYTES = 2 * 1024 * 1024;

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  @Get()
  @Access({ roles: ['officer', 'supervisor', 'unit', 'auditor', 'admin'], scope: 'all' })
  @ApiOperation({ summary: '组织机构 — every org unit, parents before children' })
  @Responds(200, OrgUnitListSchema, 'every org unit of the register')
  async list(): Promise<OrgUnitList> {
    return { items: await this.orgUnits.list() };
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Access({ roles: ['admin'], scope: 'all' })
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_REGISTER_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 10 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiOperation({
    summary: '导入组织机构 — create or update org units from a CSV or XLSX, all or nothing',
    description:
      'Columns (first row): 编码, 名称, 类型 (纪委监委, 纪检监察室, 派驻纪检监察组, 乡镇纪委, 责任单位, or the kind codes), 上级编码, ' +
      `optionally 监督单位 (unit codes separated by ";"). At most ${MAX_REGISTER_ROWS} rows. Any bad row answers 400 listing every ` +
      'bad row by its row number and code, and nothing is saved.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: `CSV (UTF-8 or GB18030) or XLSX, at most ${MAX_REGISTER_FILE_BYTES} bytes` },
      },
    },
  })
  @Responds(200, OrgUnitImportResultSchema, 'how many org units were created and how many changed')
  @Refuses(400, 413)
  import(@UploadedFile() file: UploadedRegisterFile | undefined, @CurrentUser() user: Principal): Promise<OrgUnitImportResult> {
    return this.orgUnits.import(file, user);
  }

  @Get(':id')
  @Access({ roles: ['officer', 'supervisor', 'unit', 'auditor', 'admin'], scope: 'all' })
  @ApiOperation({ summary: 'one org unit and the ids of its children' })
  @ApiParam({ name: 'id', example: 'U-FIN' })
  @Responds(200, OrgUnitWithChildrenSchema, 'the org unit')
  @Refuses(404)
  get(@Param('id', OrgUnitIdPipe) id: string): Promise<OrgUnitWithChildren> {
    return this.orgUnits.get(id);
  }

  @Put(':id')
  @Access({ roles: ['admin'], scope: 'all' })
  @ApiOperation({
    summary: '登记组织机构 — create (201) or replace (200) an org unit',
    description:
      'A parent that does not exist, a cycle, a second root, or `supervises` naming anything but units → 400 naming the field; ' +
      'deactivating a unit with open findings → 409 saying how many. Every save is an ORG_UNIT_SAVED event in the audit log.',
  })
  @ApiParam({ name: 'id', example: 'U-FIN', description: 'the code: ^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' })
  @Responds(201, OrgUnitSchema, 'the org unit, registered')
  @Responds(200, OrgUnitSchema, 'the org unit, replaced (or already as given)')
  @Refuses(400, 409)
  async save(
    @Param('id', OrgUnitIdPipe) id: string,
    @Body() dto: SaveOrgUnitDto,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrgUnit> {
    const { unit, created } = await this.orgUnits.save(id, dto, user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return unit;
  }
}
