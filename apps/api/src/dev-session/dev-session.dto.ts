import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@reform/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { OptionalText, UNIT_ID_MESSAGE, UNIT_ID_PATTERN } from '../validation/field.decorators';
import { IsText } from '../validation/text-rule.validator';

/** A demo user to sign in as: the claims of the token to mint. */
export class DevSessionDto {
  @ApiProperty({ maxLength: 64, example: 'officer-li', description: "user id (the token's sub)" })
  @IsText({ max: 64, pattern: { regex: /^[A-Za-z0-9_.@-]+$/, message: 'may contain only letters, digits, "_", ".", "@" and "-"' } })
  sub: string;

  @OptionalText(100, 'display name; the user id when left out')
  name?: string;

  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1 })
  @IsArray({ message: 'roles must be a list of roles' })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `roles must each be one of: ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ maxLength: 64, example: 'U-FIN', description: 'required with the unit role' })
  @IsText({
    max: 64,
    pattern: { regex: UNIT_ID_PATTERN, message: UNIT_ID_MESSAGE },
    requiredWhen: { test: (body: DevSessionDto) => Array.isArray(body.roles) && body.roles.includes('unit'), when: 'roles include "unit"' },
  })
  unitId?: string;

  @ApiPropertyOptional({
    maxLength: 40,
    example: 'OFF-1',
    description: "the orgUnitId claim: an officer's, supervisor's or auditor's org unit (jurisdiction)",
  })
  @IsOptional()
  @IsText({ max: 40, pattern: { regex: UNIT_ID_PATTERN, message: UNIT_ID_MESSAGE } })
  orgUnitId?: string;
}
