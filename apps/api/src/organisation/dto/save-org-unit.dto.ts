import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '@reform/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsText } from '../../validation/text-rule.validator';

/** An org unit's code: what `PUT /org-units/:id` takes and `supervises` lists. */
export const ORG_UNIT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
export const ORG_UNIT_ID_MESSAGE = 'must be 1-40 letters, digits, "_" or "-", starting with a letter or digit';
export const PERSON_ID_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;
export const MAX_SUPERVISED = 500;

/** `PUT /org-units/:id` — the whole org unit; what is left out takes its default (active, nothing supervised, no head). */
export class SaveOrgUnitDto {
  @ApiProperty({ maxLength: 100, example: '县财政局' })
  @IsText({ max: 100 })
  name: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS })
  @IsIn(ORG_UNIT_KINDS, { message: `kind must be one of: ${ORG_UNIT_KINDS.join(', ')}` })
  kind: OrgUnitKind;

  @ApiProperty({ type: String, nullable: true, pattern: ORG_UNIT_ID_PATTERN.source, description: 'null only for the root' })
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'parentId must be an org unit id or null' })
  @Matches(ORG_UNIT_ID_PATTERN, { message: `parentId ${ORG_UNIT_ID_MESSAGE}` })
  parentId: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_SUPERVISED,
    description: 'units (kind unit) this discipline-side org unit supervises besides its subtree',
  })
  @IsOptional()
  @IsArray({ message: 'supervises must be a list of unit ids' })
  @ArrayMaxSize(MAX_SUPERVISED)
  @IsString({ each: true, message: 'supervises must be a list of unit ids' })
  @Matches(ORG_UNIT_ID_PATTERN, { each: true, message: `supervises ${ORG_UNIT_ID_MESSAGE}` })
  supervises?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64, description: "主要负责人: a person's id in the people register" })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  @Matches(PERSON_ID_PATTERN, { message: 'headPersonId must be a person id' })
  headPersonId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64, description: "联络员: a person's id in the people register" })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  @Matches(PERSON_ID_PATTERN, { message: 'liaisonPersonId must be a person id' })
  liaisonPersonId?: string | null;
}
