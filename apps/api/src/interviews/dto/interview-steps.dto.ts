import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTERVIEWEE_TIERS, type IntervieweeTier } from '@reform/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsArrayOfSize } from '../../validation/array-size.validator';
import { FutureDate, PastDate, Text, UUID_PATTERN } from '../../validation/field.decorators';
import { IsText } from '../../validation/text-rule.validator';

/** 约谈对象 — whom: the unit's 主要负责人 (principal), 分管领导 (deputy) or 直接责任人 (direct). */
export class IntervieweeDto {
  @Text(100, '被约谈人姓名')
  name: string;

  @ApiProperty({ enum: INTERVIEWEE_TIERS })
  @IsIn(INTERVIEWEE_TIERS)
  tier: IntervieweeTier;
}

/** 安排约谈 — when (ahead), by whom, whom; again while SCHEDULED moves it. */
export class ScheduleInterviewDto {
  @FutureDate('约谈时间')
  scheduledAt: string;

  @Text(100, '约谈人 — who holds the interview')
  interviewer: string;

  @ApiProperty({ type: IntervieweeDto })
  @IsObject({ message: 'interviewee must be an object {name, tier}' })
  @ValidateNested()
  @Type(() => IntervieweeDto)
  interviewee: IntervieweeDto;
}

/** A file of the record (会议记录, 签字的表态), uploaded with POST /files. */
export class InterviewFileDto {
  @ApiProperty({ format: 'uuid' })
  @IsText({ max: 36, pattern: { regex: UUID_PATTERN, message: 'must be the id of an uploaded file (a UUID)' } })
  fileId: string;
}

export const MAX_INTERVIEW_FILES = 20;

/** 记录约谈 — held: when (not ahead), the minutes, the interviewee's statement (表态), the files. */
export class RecordInterviewDto {
  @PastDate('约谈时间 — when it was held')
  heldAt: string;

  @Text(20000, '约谈记录 — the minutes')
  minutes: string;

  @Text(20000, '表态 — the interviewee’s statement')
  statement: string;

  @ApiPropertyOptional({ type: [InterviewFileDto], maxItems: MAX_INTERVIEW_FILES })
  @IsOptional()
  @IsArrayOfSize(0, MAX_INTERVIEW_FILES, 'file')
  @ValidateNested({ each: true })
  @Type(() => InterviewFileDto)
  evidence?: InterviewFileDto[];
}
