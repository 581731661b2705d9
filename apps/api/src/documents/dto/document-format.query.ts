import { ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_FORMATS, type DocumentFormat } from '@reform/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class DocumentFormatQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'pdf', description: 'PDF to print and archive, DOCX to edit in Word or WPS' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS, { message: `format must be one of: ${DOCUMENT_FORMATS.join(', ')}` })
  format?: DocumentFormat;
}
