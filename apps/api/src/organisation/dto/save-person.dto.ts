import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsText } from '../../validation/text-rule.validator';
import { ORG_UNIT_ID_MESSAGE, ORG_UNIT_ID_PATTERN } from './save-org-unit.dto';

export const MOBILE_PATTERN = /^1\d{10}$/;

/** `PUT /people/:id` — whom to reach and how; `:id` is the person's token `sub`. */
export class SavePersonDto {
  @ApiProperty({ maxLength: 100, example: '王芳' })
  @IsText({ max: 100 })
  name: string;

  @ApiProperty({ pattern: ORG_UNIT_ID_PATTERN.source, example: 'U-FIN' })
  @IsString({ message: 'orgUnitId must be an org unit id' })
  @Matches(ORG_UNIT_ID_PATTERN, { message: `orgUnitId ${ORG_UNIT_ID_MESSAGE}` })
  orgUnitId: string;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: MOBILE_PATTERN.source, example: '13800000000' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'mobile must be a mainland mobile number (11 digits starting with 1)' })
  @Matches(MOBILE_PATTERN, { message: 'mobile must be a mainland mobile number (11 digits starting with 1)' })
  mobile?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', maxLength: 254 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @MaxLength(254)
  @IsEmail({ allow_display_name: false, require_tld: true }, { message: 'email must be an e-mail address (name@example.gov.cn)' })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64, description: '企业微信 userid, for @-mentions by the group robot' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_.@-]+$/, { message: 'wecomUserId may contain only letters, digits, "_", ".", "@" and "-"' })
  wecomUserId?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class PeopleQuery {
  @ApiPropertyOptional({ pattern: ORG_UNIT_ID_PATTERN.source })
  @IsOptional()
  @Matches(ORG_UNIT_ID_PATTERN, { message: `orgUnitId ${ORG_UNIT_ID_MESSAGE}` })
  orgUnitId?: string;
}
